"""`shopdesk cases`: list, show and add cases."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..domain.case import draft_from_fields
from ..domain.clock import local
from ..domain.enums import CaseKind, CaseStatus
from ..domain.money import format_yuan
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION, case_json, event_json
from .common import actor_name, case_query, emit_json, find_case

EXIT_OK = 0


def add_cases_parsers(sub: argparse._SubParsersAction) -> None:
    """Add `cases list|show|add` to the CLI's subparsers."""
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


def cmd_cases(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    handler = {"list": cmd_cases_list, "show": cmd_cases_show,
               "add": cmd_cases_add}[args.cases_command]
    return handler(register, args, out)


CASES_HANDLERS = {"cases": cmd_cases}
