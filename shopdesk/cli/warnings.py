"""`shopdesk warnings ...` and `shopdesk blacklist ...`: early warnings (list, acknowledge)
and the malicious-buyer list (add, list, remove, CSV export/import). No Qt imported."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ..domain.blacklist import BlacklistEntry
from ..domain.clock import local
from ..domain.enums import Platform
from ..domain.text import list_sep, pick
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from ..services.serialize_warnings import blacklist_json, warning_json
from ..services.warnings import parse_rule
from .common import CliError, actor_name, cli_lang, emit_json, guarded, live_case

_OPTION_OF = {"rule": "--rule", "platform": "--platform", "buyer": "--buyer",
              "reason": "--reason", "phone": "--phone", "actor": "--as"}


def add_warning_parsers(sub: argparse._SubParsersAction) -> None:
    """The `warnings` and `blacklist` subcommands."""
    warnings = sub.add_parser("warnings", help="early warnings on cases (投诉预警)")
    wsub = warnings.add_subparsers(dest="warnings_command", required=True)
    ls = wsub.add_parser("list", help="live warnings on cases, newest first")
    ls.add_argument("--rule", metavar="KEY", help="only this rule (safety, media_threat, ...)")
    ls.add_argument("--all", action="store_true", help="acknowledged warnings too")
    ls.add_argument("--json", action="store_true")
    ack = wsub.add_parser("ack", help="acknowledge a case's warnings (who, when, what was done)")
    ack.add_argument("case_no", metavar="CASE_NO")
    ack.add_argument("--rule", metavar="KEY", help="only this rule's warning")
    ack.add_argument("--note", default="", metavar="TEXT", help="what was done")

    black = sub.add_parser("blacklist", help="the malicious-buyer list (差评师); personal "
                                             "data, for the shop's own use")
    bsub = black.add_subparsers(dest="blacklist_command", required=True)
    add = bsub.add_parser("add", help="add a buyer to the list; with --case alone, the "
                                      "case's buyer (platform, nickname, phone)")
    add.add_argument("--platform", default="")
    add.add_argument("--buyer", default="", metavar="NICK")
    add.add_argument("--reason", default="", metavar="TEXT",
                     help="why (required, but with --case alone: 差评师（工单 CASE_NO）)")
    add.add_argument("--phone", default="")
    add.add_argument("--address", default="", metavar="FRAGMENT",
                     help="part of the buyer's address (4 characters or more)")
    add.add_argument("--case", default="", metavar="CASE_NO", help="the case that shows it")
    bls = bsub.add_parser("list", help="the list (phones and addresses masked)")
    bls.add_argument("--json", action="store_true")
    bls.add_argument("--full-contact", action="store_true")
    rm = bsub.add_parser("remove", help="take an entry off the list")
    rm.add_argument("entry_id", type=int, metavar="ID")
    ex = bsub.add_parser("export", help="write the list to a CSV file (full values)")
    ex.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    im = bsub.add_parser("import", help="add the entries of a CSV file not yet listed")
    im.add_argument("file", metavar="FILE.csv")


def cmd_warnings(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    rule = parse_rule(args.rule) if args.rule else None
    if args.warnings_command == "ack":
        case = live_case(register, args.case_no, lang)
        done = register.warnings.acknowledge(case.id, actor_name(register, args.actor),
                                             args.note, rules=[rule] if rule else None)
        rules = list_sep(lang).join(w.rule.label(lang) for w in done)
        out.write(pick(lang, f"{case.case_no}：已确认预警 {rules}\n",
                       f"{case.case_no}: acknowledged {rules}\n"))
        return 0
    # Time passes: cases open too long or with an unknown cause are judged now.
    with register.db.atomic():
        register.warnings.refresh_open()
    found = register.warnings.listing(rule=rule, include_acknowledged=args.all)
    if register.warnings.rules_error is not None:
        err = getattr(args, "err", None) or sys.stderr
        err.write(f"shopdesk: {register.warnings.rules_error.message(lang)}"
                  + pick(lang, "（改用随软件提供的规则）", " (using the shipped rules)") + "\n")
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "count": len(found),
                        "warnings": [warning_json(w, lang) for w in found]})
        return 0
    width = max((_columns(w.rule.label(lang)) for w in found), default=0) + 2
    for w in found:
        when = local(w.raised_at, register.shop_tz).strftime("%Y-%m-%d %H:%M")
        ack = pick(lang, f"  [已确认：{w.ack_by}]", f"  [ack: {w.ack_by}]") if w.ack_by else ""
        # The rule by its name, as the window shows it (the key is in --json and --rule).
        name = w.rule.label(lang)
        out.write(f"{w.case_no}  {when}  {name}{' ' * max(1, width - _columns(name))}"
                  f"{w.reason(lang)}{ack}\n")
    out.write(pick(lang, f"共 {len(found)} 条预警\n", f"{len(found)} warning(s)\n"))
    return 0


def _platform(key: str, lang: str) -> str:
    """The platform as the window names it (淘宝/天猫), the key when unknown."""
    try:
        return Platform(key).label(lang)
    except ValueError:
        return key


def cmd_blacklist(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    command = args.blacklist_command
    lang = cli_lang(register, args)
    service = register.blacklist
    if command == "add":
        case = live_case(register, args.case, lang) if args.case else None
        if case is not None and not (args.platform or args.buyer or args.phone):
            # The case's own buyer, as the window's Cases menu lists them.
            entry = service.add_from_case(case, actor_name(register, args.actor), args.reason)
        else:
            if not args.platform:
                raise CliError(pick(
                    lang, "--platform: 请指定平台（或只用 --case 列出该案件的买家）",
                    "--platform: give the platform (or --case alone to list that case's "
                    "buyer)"))
            entry = service.add(platform=args.platform, buyer_nick=args.buyer,
                                reason=args.reason, actor=actor_name(register, args.actor),
                                phone=args.phone, address=args.address,
                                case_no=case.case_no if case is not None else "")
        out.write(pick(lang, f"已加入名单 #{entry.id}：{_entry(entry, lang)}\n",
                       f"added #{entry.id}: {_entry(entry, lang)}\n"))
    elif command == "list":
        return _list_blacklist(register, args, out, lang)
    elif command == "remove":
        entry = service.remove(args.entry_id, actor_name(register, args.actor))
        out.write(pick(lang, f"已从名单移除 #{entry.id}：{_entry(entry, lang)}\n",
                       f"removed #{entry.id}: {_entry(entry, lang)}\n"))
    elif command == "export":
        path = Path(args.output)
        if not path.parent.exists():
            raise CliError(pick(lang, f"-o: 文件夹不存在：{path.parent}",
                                f"-o: folder does not exist: {path.parent}"))
        n = service.export_csv(path)
        out.write(pick(lang, f"已把 {n} 条名单写入 {path}（含个人信息，仅供本店使用）\n",
                       f"{n} {_entries(n)} written to {path} (personal data: "
                       "for the shop's own stores only)\n"))
    else:
        path = Path(args.file)
        if not path.is_file():
            raise CliError(pick(lang, f"FILE: 没有这个文件：{path}", f"FILE: no such file: {path}"))
        added, skipped = service.import_csv(path, actor_name(register, args.actor))
        out.write(pick(lang, f"新增 {added} 条，{skipped} 条已在名单中\n",
                       f"{added} added, {skipped} already on the list\n"))
    return 0


def _entry(entry: BlacklistEntry, lang: str) -> str:
    """An entry named by platform and nickname (the platform's key in English)."""
    return pick(lang, _platform(entry.platform, lang), entry.platform) + f" {entry.buyer_nick}"


def _entries(n: int) -> str:
    return "entry" if n == 1 else "entries"


def _list_blacklist(register: Register, args: argparse.Namespace, out: TextIO,
                    lang: str) -> int:
    """`blacklist list`: one line per entry (contact masked unless --full-contact)."""
    entries = register.blacklist.entries()
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "blacklist": [
            blacklist_json(e, full_contact=args.full_contact) for e in entries]})
        return 0
    for e in entries:
        shown = blacklist_json(e, full_contact=args.full_contact)
        extra = "  ".join(str(shown[k]) for k in ("phone", "address", "case_no") if shown[k])
        out.write(f"#{e.id}  {_platform(e.platform, lang)}  {e.buyer_nick}  {e.reason}  "
                  f"{extra}\n")
    n = len(entries)
    out.write(pick(lang, f"共 {n} 条\n", f"{n} {_entries(n)}\n"))
    return 0


WARNING_HANDLERS = {
    "warnings": guarded(cmd_warnings, option_of=_OPTION_OF),
    "blacklist": guarded(cmd_blacklist, option_of=_OPTION_OF),
}


def _columns(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
