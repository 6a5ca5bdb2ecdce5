"""`shopdesk cases`: list, show, add, edit, change the status of, note, trash and restore
cases, and read their audit trail: what the case list, the case form and the case panel do.

The writing commands on one case (status, note, edit, audit) live in cli/case_changes.py;
this module owns the parser of the whole group and its dispatch. No Qt imported.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..domain.case import Case, draft_from_fields
from ..domain.case_query import CaseQuery, SortKey
from ..domain.clock import local
from ..domain.deadlines.resolve import SOURCE_TEXT
from ..domain.enums import CaseKind, CaseStatus
from ..domain.money import format_yuan
from ..domain.plain_text import one_line
from ..domain.text import list_sep, pick
from ..services.deadlines import deadline_json
from ..services.quick_filters import QuickFilter, apply_quick_filter
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION, case_json, event_json, free_text_masker
from ..services.serialize_warnings import warning_json
from .case_changes import (
    CASE_FIELD_OPTIONS,
    add_case_field_options,
    assignee_for_new_case,
    cmd_cases_audit,
    cmd_cases_edit,
    cmd_cases_note,
    cmd_cases_status,
)
from .case_major import MAJOR_COMMANDS, MAJOR_OPTION_OF, add_major_parsers, approval_json
from .case_text import write_case_text
from .common import (
    CliError,
    actor_name,
    case_query,
    checked_int,
    cli_lang,
    emit_json,
    find_case,
    no_such_case,
    parse_shop_time,
)
from .deadlines import add_stage_parser, cases_stage
from .order_lines import order_event_json, order_event_line, order_events, same_order_note

# More rows than any register holds; beyond it SQLite's 64-bit integers overflow.
MAX_LIMIT = 1_000_000_000

EXIT_OK = 0

# Service field names -> the option the user typed (refusals name the option).
OPTION_OF = {**CASE_FIELD_OPTIONS, "actor": "--as", "note": "TEXT", "name": "--assignee",
             "case": "CASE_NO", "promises_not_needed": "--promises-not-needed",
             **MAJOR_OPTION_OF}


def add_cases_parsers(sub: argparse._SubParsersAction) -> None:
    """Add the `cases ...` subcommands to the CLI's subparsers."""
    cases = sub.add_parser("cases", help="list, show, add, edit, trash and restore cases")
    csub = cases.add_subparsers(dest="cases_command", required=True)
    ls = csub.add_parser("list", help="cases in the register (not the trash), newest first")
    ls.add_argument("--status", choices=[s.value for s in CaseStatus] + ["open"])
    ls.add_argument("--kind", choices=[k.value for k in CaseKind])
    ls.add_argument("--search", default="")
    ls.add_argument("--limit", type=int, default=None)
    quick = ls.add_mutually_exclusive_group()
    quick.add_argument("--overdue", action="store_true",
                       help="open cases past their due time (the window's quick filter)")
    quick.add_argument("--due-today", action="store_true",
                       help="open cases due today, shop time")
    ls.add_argument("--mine", action="store_true",
                    help="open cases assigned to the operator (--as, else the current one)")
    ls.add_argument("--assignee", metavar="NAME", help="cases assigned to NAME")
    ls.add_argument("--major", action="store_true",
                    help="only cases marked a major complaint (重大投诉), any status")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--full-contact", action="store_true")

    show = csub.add_parser("show", help="one case with its timeline")
    show.add_argument("case_no")
    show.add_argument("--json", action="store_true")
    show.add_argument("--full-contact", action="store_true")

    add = csub.add_parser("add", help="open a new case")
    add_case_field_options(add, new=True)
    add.add_argument("--json", action="store_true")

    edit = csub.add_parser("edit", help="change fields of a case (as the window's edit dialog)")
    edit.add_argument("case_no")
    add_case_field_options(edit, new=False)
    edit.add_argument("--json", action="store_true")

    status = csub.add_parser("status", help="move a case through the workflow")
    status.add_argument("case_no")
    status.add_argument("--to", required=True, metavar="STATUS",
                        help="one of: " + ", ".join(s.value for s in CaseStatus))
    status.add_argument("--outcome", help="with --to resolved: how it was settled")
    status.add_argument("--amount", metavar="YUAN",
                        help="with --to resolved: the refunded or compensated amount")
    status.add_argument("--reason", default="",
                        help="a note; required to close an unresolved case or to reopen one")
    settle = status.add_mutually_exclusive_group()
    settle.add_argument("--promises-kept", action="store_true",
                        help="with --to resolved/closed: mark the case's open promises kept "
                             "(otherwise they stay open and are still reminded)")
    settle.add_argument("--promises-not-needed", metavar="REASON",
                        help="with --to resolved/closed: mark the case's open promises no "
                             "longer needed, for REASON (e.g. the buyer withdrew)")
    status.add_argument("--json", action="store_true")

    add_stage_parser(csub)

    note = csub.add_parser("note", help="add a progress note to the timeline")
    note.add_argument("case_no")
    note.add_argument("text", metavar="TEXT")
    note.add_argument("--json", action="store_true")

    delete = csub.add_parser("delete", help="move cases to the trash")
    delete.add_argument("case_nos", nargs="+", metavar="CASE_NO")
    restore = csub.add_parser("restore", help="bring cases back from the trash")
    restore.add_argument("case_nos", nargs="+", metavar="CASE_NO")
    trash = csub.add_parser("trash", help="the cases in the trash")
    trash.add_argument("--json", action="store_true")
    trash.add_argument("--empty", action="store_true",
                       help="delete every case in the trash for good (needs --yes)")
    trash.add_argument("--yes", action="store_true", help="confirm --empty")

    audit = csub.add_parser("audit", help="who changed what on a case, and when")
    audit.add_argument("case_no")
    audit.add_argument("--json", action="store_true")
    add_major_parsers(csub)


def _row(c: Case, lang: str) -> str:
    # Typed or imported text goes through one_line: a nickname must not forge a row.
    major = pick(lang, f"  [重大投诉：{one_line(c.major_owner)}]",
                 f"  [major complaint: {one_line(c.major_owner)}]") if c.major_owner else ""
    return (f"{c.case_no}  {c.platform.label(lang):<6} {one_line(c.order_no):<20} "
            f"{one_line(c.buyer_nick):<12} "
            f"{c.kind.label(lang):<6} {c.status.label(lang):<6} "
            f"{format_yuan(c.amount_claimed):>10}  {one_line(c.item_title[:24])}{major}")


def _write_cases(out: TextIO, rows: list[Case], *, as_json: bool, full_contact: bool,
                 register: Register | None = None, lang: str = "zh") -> None:
    if as_json:
        live = register.warnings.live([c.id for c in rows]) if register is not None else {}
        listed = []
        for c in rows:
            data = case_json(c, full_contact=full_contact)
            data["warnings"] = [warning_json(w, lang) for w in live.get(c.id, [])]
            if register is not None:  # the same object as `cases show` (issue 15's JSON)
                data["deadline"] = deadline_json(register.deadlines.of(c), lang)
            listed.append(data)
        emit_json(out, {"schema": SCHEMA_VERSION, "count": len(rows), "cases": listed})
        return
    for c in rows:
        out.write(_row(c, lang) + "\n")
    out.write(pick(lang, f"共 {len(rows)} 个案件\n", f"{len(rows)} case(s)\n"))


def list_query(register: Register, args: argparse.Namespace) -> CaseQuery:
    """The list's filters as the window builds them: the quick filters of
    services/quick_filters.py over --status/--kind/--search, then --assignee."""
    lang = cli_lang(register, args)
    if args.mine and args.assignee is not None:
        raise CliError(pick(lang, "--assignee: 不能和 --mine 一起用",
                            "--assignee: cannot be combined with --mine"))
    base = case_query(args.status, args.kind, args.search)
    quick = (QuickFilter.OVERDUE if args.overdue else QuickFilter.DUE_TODAY
             if args.due_today else QuickFilter.ALL)
    operator = ""
    if args.mine:
        operator = (args.actor or register.staff.current_operator() or "").strip()
        if not operator:
            raise CliError(pick(lang, "--mine: 还没有操作人；请用 --as NAME 指定（或开始班次："
                                      "shopdesk shift start --staff NAME）",
                                "--mine: nobody is the operator; give --as NAME (or start a "
                                "shift: shopdesk shift start --staff NAME)"))
        if quick == QuickFilter.ALL:
            quick = QuickFilter.MINE
    query = apply_quick_filter(base, quick, now=register.clock.now(), tz=register.shop_tz,
                               operator=operator)
    if operator:
        query = query.with_changes(assignee=operator)  # --mine with --overdue/--due-today
    elif args.assignee is not None:
        query = query.with_changes(assignee=args.assignee.strip())
    if args.major:
        query = query.with_changes(major_only=True)
    return query.with_changes(sort=SortKey.CREATED, descending=True)


def cmd_cases_list(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    checked_int(args.limit, "--limit", lang, maximum=MAX_LIMIT)
    ids = register.cases.query_ids(list_query(register, args), limit=args.limit)
    cases = register.cases.fetch(ids)
    if args.full_contact:  # every full value shown is audited, as `cases show` does
        actor = actor_name(register, args.actor)
        for c in cases.values():
            if c.buyer_phone:
                register.cases.reveal_phone(c.id, actor)
            if c.buyer_address:
                register.cases.reveal_address(c.id, actor)
    _write_cases(out, [cases[i] for i in ids], as_json=args.json,
                 full_contact=args.full_contact, register=register, lang=lang)
    return EXIT_OK


def cmd_cases_show(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    case = find_case(register, args.case_no, lang)
    if args.full_contact:
        actor = actor_name(register, args.actor)
        if case.buyer_phone:
            register.cases.reveal_phone(case.id, actor)
        if case.buyer_address:
            register.cases.reveal_address(case.id, actor)
    events = register.cases.timeline(case.id)
    data = case_json(case, full_contact=args.full_contact)
    mask = free_text_masker(case, full_contact=args.full_contact)
    history = register.warnings.for_case(case.id)
    suggested = [w.rule.value for w in register.major.suggestion(case.id)]
    if args.json:
        data["deadline"] = deadline_json(register.deadlines.of(case), lang)
        data["warnings"] = [warning_json(w, lang) for w in history if w.is_live]
        data["warning_history"] = [warning_json(w, lang) for w in history]
        # Rules that suggest marking it major (a person decides: `cases major`).
        data["major_suggested"] = suggested
        data["approvals"] = [approval_json(a) for a in register.major.approvals(case.id)]
        data["timeline"] = [event_json(e, mask) for e in events]
        emit_json(out, {"schema": SCHEMA_VERSION, "case": data})
        return EXIT_OK
    extra: list[tuple[str, str, str]] = []
    deadline = register.deadlines.of(case)
    if deadline.stage is not None:
        extra.append(("平台阶段", "Stage", deadline.stage.label(lang)))
    if deadline.due_at is not None:
        due = local(deadline.due_at, register.shop_tz).strftime("%Y-%m-%d %H:%M")
        timeout = deadline.on_timeout.get(lang) if deadline.on_timeout else ""
        source = SOURCE_TEXT.get(deadline.source)  # type: ignore[call-overload]
        shown = f"{due}（{source.get(lang)}）" if source and lang == "zh" else \
            f"{due} ({source.get(lang)})" if source else due
        extra.append(("阶段时限", "Stage deadline",
                      f"{shown}  {timeout}" if timeout else shown))
    for w in history:
        if w.is_live:
            extra.append(("预警", "Warning", f"{w.rule.label(lang)}：{w.reason(lang)}"
                          if lang == "zh" else f"{w.rule.label(lang)}: {w.reason(lang)}"))
    if suggested:
        extra.append(("建议", "Suggestion", pick(
            lang, f"标为重大投诉（shopdesk cases major {case.case_no} --owner 姓名）",
            f"mark it major (shopdesk cases major {case.case_no} --owner NAME)")))
    write_case_text(out, case, lang=lang, tz=register.shop_tz, full_contact=args.full_contact,
                    mask=mask, extra=extra, timeline=register.summary.timeline_lines(
                        case.id, lang, full_contact=args.full_contact))
    return EXIT_OK


def cmd_cases_add(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    actor = actor_name(register, args.actor)
    fields = {"platform": args.platform, "order_no": args.order, "kind": args.kind,
              "cause": args.cause, "buyer_nick": args.buyer, "buyer_name": args.buyer_name,
              "buyer_phone": args.phone, "buyer_address": args.address,
              "amount_paid": args.amount, "amount_claimed": args.claimed or args.amount,
              "item_title": args.item, "sku": args.sku, "shop": args.shop,
              "refund_no": args.refund_no, "description": args.description,
              "priority": args.priority, "customer_type": args.customer_type,
              "assignee": assignee_for_new_case(register, args.assignee, actor)}
    for name, given in (("due_at", args.due), ("applied_at", args.applied)):
        if given:  # "" is no time, as leaving the option out
            fields[name] = parse_shop_time(given, CASE_FIELD_OPTIONS[name],
                                           register.shop_tz, lang)
    draft = draft_from_fields(fields)
    # Often the same request opened twice: said, not refused (another request of the
    # same order is a case of its own).
    others = register.cases.open_for_order(draft.platform, draft.order_no)
    case = register.cases.open_case(draft, actor)
    raised = register.warnings.live([case.id]).get(case.id, [])
    # The malicious_reviewer cause offers to list the buyer: a hint, never done silently.
    offer = register.blacklist.offer_for(case)
    if args.json:
        data = case_json(case)
        data["warnings"] = [warning_json(w, lang) for w in raised]
        data["blacklist_offer"] = offer
        data["order_events"] = [order_event_json(e) for e in order_events(register, case.id)]
        data["same_order_open"] = [c.case_no for c in others]
        emit_json(out, {"schema": SCHEMA_VERSION, "case": data})
    else:
        _write_added(register, case, others, raised, offer, lang, out)
    return EXIT_OK


def _write_added(register: Register, case: Case, others: list[Case], raised: list,
                 offer: bool, lang: str, out: TextIO) -> None:
    """`cases add`'s text output: the new case number, then what the seller should know."""
    out.write(case.case_no + "\n")
    # Fields the seller did not type, taken from the order an export brought in (or
    # why not: the order is another buyer's).
    for event in order_events(register, case.id):
        out.write(order_event_line(event, lang) + "\n")
    if others:
        out.write(same_order_note(case.order_no, others, lang) + "\n")
    for w in raised:
        out.write(pick(lang, "预警：", "warning: ") + f"{w.rule.label(lang)}  {w.reason(lang)}\n")
    if offer:
        command = (f"shopdesk blacklist add --platform {case.platform.value} --buyer "
                   f"{one_line(case.buyer_nick)} --case {case.case_no} --reason TEXT")
        out.write(pick(lang, f"提示：可以把这个买家加入恶意买家名单：{command}",
                       f"hint: add the buyer to the malicious-buyer list: {command}") + "\n")


def _cases_named(register: Register, case_nos: list[str], lang: str) -> list[Case]:
    """Every CASE_NO, or a refusal naming the first unknown one before anything changes."""
    found: dict[int, Case] = {}
    for case_no in case_nos:
        try:
            case = find_case(register, case_no, lang)
        except CliError:
            nothing = pick(lang, "（没有做任何改动）", " (nothing changed)")
            raise CliError(no_such_case(case_no, lang) + nothing) from None
        found.setdefault(case.id, case)
    return list(found.values())


def cmd_cases_delete(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    cases = _cases_named(register, args.case_nos, lang)
    already = [c.case_no for c in cases if c.deleted_at is not None]
    moved = [c for c in cases if c.deleted_at is None]
    if moved:
        register.cases.delete([c.id for c in moved], actor_name(register, args.actor))
        listed = list_sep(lang).join(c.case_no for c in moved)
        out.write(pick(lang, f"已移到回收站：{listed}\n", f"moved to the trash: {listed}\n"))
    if already:
        listed = list_sep(lang).join(already)
        out.write(pick(lang, f"本来就在回收站中：{listed}\n",
                       f"already in the trash: {listed}\n"))
    return EXIT_OK


def cmd_cases_restore(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    cases = _cases_named(register, args.case_nos, lang)
    live = [c.case_no for c in cases if c.deleted_at is None]
    trashed = [c for c in cases if c.deleted_at is not None]
    if trashed:
        register.cases.restore([c.id for c in trashed], actor_name(register, args.actor))
        listed = list_sep(lang).join(c.case_no for c in trashed)
        out.write(pick(lang, f"已恢复：{listed}\n", f"restored: {listed}\n"))
    if live:
        listed = list_sep(lang).join(live)
        out.write(pick(lang, f"不在回收站中：{listed}\n", f"not in the trash: {listed}\n"))
    return EXIT_OK


def cmd_cases_trash(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    query = apply_quick_filter(CaseQuery(sort=SortKey.CREATED), QuickFilter.TRASH,
                               now=register.clock.now(), tz=register.shop_tz, operator="")
    lang = cli_lang(register, args)
    if args.yes and not args.empty:
        raise CliError(pick(lang, "--yes: 只能和 --empty 一起用", "--yes: only with --empty"))
    if args.empty:
        return _empty_trash(register, args, query, lang, out)
    ids = register.cases.query_ids(query)
    cases = register.cases.fetch(ids)
    _write_cases(out, [cases[i] for i in ids], as_json=args.json, full_contact=False,
                 lang=lang)
    return EXIT_OK


def _empty_trash(register: Register, args: argparse.Namespace, query: CaseQuery, lang: str,
                 out: TextIO) -> int:
    """`cases trash --empty [--yes]`: deletes for good only when confirmed."""
    count = register.cases.count(query)
    if count == 0:
        out.write(pick(lang, "回收站是空的\n", "the trash is empty\n"))
        return EXIT_OK
    if not args.yes:
        raise CliError(pick(lang, f"--empty: 会永久删除回收站中的 {count} 个案件；"
                                  "确认请加 --yes",
                            f"--empty: deletes the {count} case(s) in the trash for good; "
                            "add --yes to confirm"))
    removed = register.cases.empty_trash(actor_name(register, args.actor))
    out.write(pick(lang, f"已永久删除 {removed} 个案件\n", f"{removed} case(s) deleted for good\n"))
    return EXIT_OK


def cmd_cases(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    handler = {"list": cmd_cases_list, "show": cmd_cases_show, "add": cmd_cases_add,
               "edit": cmd_cases_edit, "status": cmd_cases_status, "note": cmd_cases_note,
               "delete": cmd_cases_delete, "restore": cmd_cases_restore,
               "trash": cmd_cases_trash, "audit": cmd_cases_audit,
               "stage": cases_stage, **MAJOR_COMMANDS}[args.cases_command]
    return handler(register, args, out)


# Not `guarded`: cli.run writes each refused field on a line of its own, named by OPTION_OF.
CASES_HANDLERS = {"cases": cmd_cases}
