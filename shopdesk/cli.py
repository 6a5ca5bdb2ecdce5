"""The headless command line: the same services as the window, no Qt imported."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .cli_calls import CALL_HANDLERS, add_call_parsers
from .cli_common import CliError, actor_name, case_query, emit_json, find_case
from .cli_evidence import EVIDENCE_HANDLERS, add_evidence_parsers
from .cli_import import IMPORT_HANDLERS, add_import_parsers
from .cli_print import PRINT_HANDLERS, add_print_parsers
from .cli_promises import PROMISE_HANDLERS, add_promise_parsers
from .cli_scripts import SCRIPT_HANDLERS, add_script_parsers
from .cli_shifts import SHIFT_HANDLERS, add_shift_parsers
from .domain.case import draft_from_fields
from .domain.clock import Clock, SystemClock, local
from .domain.enums import CaseKind, CaseStatus
from .domain.errors import ValidationError, WorkflowError
from .domain.money import format_yuan
from .paths import DataPaths, data_dir
from .services.register import Register, open_register
from .services.serialize import SCHEMA_VERSION, case_json, event_json
from .storage.errors import StorageError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="shopdesk", description="ShopDesk 店铺售后台")
    p.add_argument("--version", action="version", version=f"ShopDesk {__version__}")
    p.add_argument("--as", dest="actor", default=None,
                   help="operator name recorded on changes (default: the current operator)")
    sub = p.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="fill the register with realistic demo cases")
    demo.add_argument("--cases", type=int, default=200)
    demo.add_argument("--seed", type=int, default=None)

    cases = sub.add_parser("cases", help="list, show and add cases")
    csub = cases.add_subparsers(dest="cases_command", required=True)
    ls = csub.add_parser("list")
    ls.add_argument("--status", choices=[s.value for s in CaseStatus] + ["open"])
    ls.add_argument("--kind", choices=[k.value for k in CaseKind])
    ls.add_argument("--search", default="")
    ls.add_argument("--limit", type=int, default=None)
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--full-contact", action="store_true")
    show = csub.add_parser("show")
    show.add_argument("case_no")
    show.add_argument("--json", action="store_true")
    show.add_argument("--full-contact", action="store_true")
    add = csub.add_parser("add")
    add.add_argument("--platform", required=True)
    add.add_argument("--order", required=True)
    add.add_argument("--kind", required=True)
    for opt in ("cause", "buyer", "phone", "amount", "claimed", "item", "sku", "shop",
                "refund-no", "description", "priority"):
        add.add_argument(f"--{opt}")
    add.add_argument("--json", action="store_true")

    backup = sub.add_parser("backup", help="back up now, or list backups")
    backup.add_argument("--list", action="store_true")
    add_call_parsers(sub)
    add_script_parsers(sub)
    add_import_parsers(sub)
    add_promise_parsers(sub)
    add_evidence_parsers(sub)
    add_shift_parsers(sub)
    add_print_parsers(sub)
    return p


def cmd_cases_list(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    query = case_query(args.status, args.kind, args.search)
    ids = register.cases.query_ids(query, limit=args.limit)
    cases = register.cases.fetch(ids)
    rows = [cases[i] for i in ids]
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "count": len(rows),
                        "cases": [case_json(c, full_contact=args.full_contact) for c in rows]})
        return EXIT_OK
    for c in rows:
        out.write(f"{c.case_no}  {c.platform.zh:<6} {c.order_no:<20} {c.buyer_nick:<12} "
                  f"{c.kind.zh:<6} {c.status.zh:<6} {format_yuan(c.amount_claimed):>10}  "
                  f"{c.item_title[:24]}\n")
    out.write(f"{len(rows)} case(s)\n")
    return EXIT_OK


def cmd_cases_show(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    case = find_case(register, args.case_no)
    if args.full_contact and case.buyer_phone:
        register.cases.reveal_phone(case.id, actor_name(register, args.actor))
    events = register.cases.timeline(case.id)
    if args.json:
        data = case_json(case, full_contact=args.full_contact)
        data["timeline"] = [event_json(e) for e in events]
        emit_json(out, {"schema": SCHEMA_VERSION, "case": data})
        return EXIT_OK
    data = case_json(case, full_contact=args.full_contact)
    for key, value in data.items():
        if value not in (None, ""):
            out.write(f"{key:>16}: {value}\n")
    out.write("timeline:\n")
    for e in events:
        when = local(e.at, register.shop_tz).strftime("%Y-%m-%d %H:%M")
        out.write(f"  {when}  {e.actor}  {e.type}  {e.text}\n")
    return EXIT_OK


def cmd_cases_add(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    fields = {"platform": args.platform, "order_no": args.order, "kind": args.kind,
              "cause": args.cause, "buyer_nick": args.buyer, "buyer_phone": args.phone,
              "amount_paid": args.amount, "amount_claimed": args.claimed or args.amount,
              "item_title": args.item, "sku": args.sku, "shop": args.shop,
              "refund_no": args.refund_no, "description": args.description,
              "priority": args.priority}
    draft = draft_from_fields(fields)
    case = register.cases.open_case(draft, actor_name(register, args.actor))
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case": case_json(case)})
    else:
        out.write(case.case_no + "\n")
    return EXIT_OK


def cmd_demo(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    from .services.demo import generate_demo

    if args.cases < 1 or args.cases > 1_000_000:
        raise CliError("--cases must be between 1 and 1000000")
    made = generate_demo(register, args.cases, seed=args.seed)
    out.write(f"added {made} demo cases to {register.paths.database}\n")
    return EXIT_OK


def cmd_backup(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    if args.list:
        for b in register.list_backups():
            out.write(f"{b.taken_at:%Y-%m-%d %H:%M:%S}Z  {b.reason:<28} {b.path}\n")
        return EXIT_OK
    out.write(f"{register.back_up_now()}\n")
    return EXIT_OK


# CLI option names for domain field names, so errors name what the user typed.
_OPTION_OF = {"order_no": "--order", "buyer_nick": "--buyer", "buyer_phone": "--phone",
              "amount_paid": "--amount", "amount_claimed": "--claimed", "item_title": "--item",
              "refund_no": "--refund-no"}


def run(argv: Sequence[str], *, clock: Clock | None = None, env: dict[str, str] | None = None,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command; returns the exit code. Everything is injectable for tests."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    env = dict(os.environ) if env is None else env
    paths = DataPaths(data_dir(env))
    try:
        register = open_register(paths, clock or SystemClock())
    except StorageError as exc:
        err.write(f"shopdesk: {exc.message(_lang(env))}\n")
        return EXIT_ERROR
    handlers = {"demo": cmd_demo, "backup": cmd_backup}
    handlers.update(CALL_HANDLERS)
    handlers.update(SCRIPT_HANDLERS)
    handlers.update(IMPORT_HANDLERS)
    handlers.update(PROMISE_HANDLERS)
    handlers.update(EVIDENCE_HANDLERS)
    handlers.update(SHIFT_HANDLERS)
    handlers.update(PRINT_HANDLERS)
    args.env = env  # import/export read SHOPDESK_LANG from the injected environment
    try:
        if args.command == "cases":
            handler = {"list": cmd_cases_list, "show": cmd_cases_show,
                       "add": cmd_cases_add}[args.cases_command]
        else:
            handler = handlers[args.command]
        return handler(register, args, out)
    except ValidationError as exc:
        lang = _lang(env)
        for e in exc.errors:
            err.write(f"shopdesk: {_OPTION_OF.get(e.field, '--' + e.field)}: "
                      f"{e.message(lang)}\n")
        return EXIT_ERROR
    except (WorkflowError, StorageError) as exc:
        err.write(f"shopdesk: {exc.message(_lang(env))}\n")
        return EXIT_ERROR
    except CliError as exc:
        err.write(f"shopdesk: {exc}\n")
        return EXIT_ERROR
    finally:
        register.close()


def _lang(env: dict[str, str]) -> str:
    return "en" if env.get("SHOPDESK_LANG", "").lower().startswith("en") else "zh"
