"""`shopdesk cases major|approve|limits`: major complaints (重大投诉), the owner's approval
of compensation above a staff member's limit, and the limits themselves. What the case
panel's 重大投诉 button and the approval prompt of Change status do, through MajorService.
Part of the `cases` group (parser and dispatch in cli/cases.py); no Qt imported.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from decimal import Decimal
from typing import Any, TextIO

from ..domain.clock import to_utc_iso
from ..domain.money import MoneyError, format_yuan, parse_yuan
from ..domain.text import pick
from ..services.major import Approval, Limits
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION, case_json
from .common import CliError, actor_name, cli_lang, emit_json, live_case

EXIT_OK = 0
# Service field names -> the option the user typed.
MAJOR_OPTION_OF = {"owner": "--owner", "pin": "--pin", "limit": "--set",
                   "approval": "--amount (ask the owner: shopdesk cases approve)"}


def add_major_parsers(csub: argparse._SubParsersAction) -> None:
    """`cases major`, `cases approve` and `cases limits` under the `cases` group."""
    major = csub.add_parser("major", help="mark a case a major complaint (重大投诉) with its "
                            "owner, or --off")
    major.add_argument("case_no")
    who = major.add_mutually_exclusive_group(required=True)
    who.add_argument("--owner", metavar="NAME",
                     help="the shop owner or a supervisor (an active staff member)")
    who.add_argument("--off", action="store_true",
                     help="no longer a major complaint (needs --note)")
    major.add_argument("--note", default="", help="why (shown on the timeline)")
    major.add_argument("--json", action="store_true")

    approve = csub.add_parser("approve", help="the owner of a major case approves "
                              "compensation up to an amount")
    approve.add_argument("case_no")
    approve.add_argument("--amount", required=True, metavar="YUAN")
    approve.add_argument("--owner", metavar="NAME",
                         help="who approves (must be the case's owner; default: the owner)")
    approve.add_argument("--pin", help="the owner's 4-digit PIN, when they have one "
                         "(asked for without echo on a terminal)")
    approve.add_argument("--note", default="")
    approve.add_argument("--json", action="store_true")

    limits = csub.add_parser("limits", help="compensation limits on major cases: the "
                             "default and per staff member")
    limits.add_argument("--staff", metavar="NAME", help="one staff member's limit")
    change = limits.add_mutually_exclusive_group()
    change.add_argument("--set", metavar="YUAN", help="set the limit")
    change.add_argument("--clear", action="store_true",
                        help="remove it (staff: follow the default; default: no limit)")
    limits.add_argument("--json", action="store_true")


def _amount(text: str, option: str, lang: str) -> Decimal:
    try:
        return parse_yuan(text)
    except MoneyError:
        raise CliError(pick(lang, f"{option}: 不是金额：{text!r}（例如 300 或 12.50）",
                            f"{option}: not an amount: {text!r} (e.g. 300 or 12.50)")
                       ) from None


def cmd_cases_major(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    case = live_case(register, args.case_no, lang)
    actor = actor_name(register, args.actor)
    if args.off:
        if not case.major_owner:
            raise CliError(case.case_no + pick(lang, " 不是重大投诉",
                                               " is not a major complaint"))
        if not args.note.strip():
            raise CliError(pick(lang, "--note: 请写明为什么不再是重大投诉",
                                "--note: say why the case is no longer major"))
        updated = register.major.unmark(case.id, actor, args.note)
    else:
        updated = register.major.mark(case.id, args.owner, actor, args.note)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case": case_json(updated)})
    elif updated.major_owner:
        owner = updated.major_owner
        out.write(pick(lang, f"{updated.case_no}：重大投诉，负责人：{owner}\n",
                       f"{updated.case_no}: major complaint, owner {owner}\n"))
    else:
        out.write(updated.case_no + pick(lang, "：不再是重大投诉\n",
                                         ": no longer a major complaint\n"))
    return EXIT_OK


def approval_json(a: Approval) -> dict[str, Any]:
    return {"id": a.id, "amount": f"{a.amount:.2f}", "approved_by": a.approved_by,
            "requested_by": a.requested_by, "note": a.note or None,
            "approved_at": to_utc_iso(a.approved_at)}


def _ask_pin(register: Register, owner: str, given: str | None) -> str | None:
    if given is not None or not register.staff.has_pin(owner):
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{owner} PIN: ")
    return None


def cmd_cases_approve(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    case = live_case(register, args.case_no, lang)
    if not case.major_owner:
        raise CliError(pick(lang, f"{case.case_no} 不是重大投诉，不需要批准"
                                  "（标记为重大投诉：shopdesk cases major CASE_NO --owner NAME）",
                            f"{case.case_no} is not a major complaint: no approval is needed "
                            "(mark it: shopdesk cases major CASE_NO --owner NAME)"))
    owner = (args.owner or case.major_owner).strip()
    amount = _amount(args.amount, "--amount", lang)
    approval = register.major.approve(case.id, amount, owner, actor_name(register, args.actor),
                                      pin=_ask_pin(register, owner, args.pin), note=args.note)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case_no": case.case_no,
                        "approval": approval_json(approval)})
    else:
        who, amount_text = approval.approved_by, format_yuan(approval.amount)
        out.write(pick(lang, f"{case.case_no}：{who} 已批准赔付最多 {amount_text}\n",
                       f"{case.case_no}: {who} approved compensation up to {amount_text}\n"))
    return EXIT_OK


def limits_json(limits: Limits) -> dict[str, Any]:
    return {"default": None if limits.default is None else f"{limits.default:.2f}",
            "staff": {k: f"{v:.2f}" for k, v in sorted(limits.staff.items())}}


def cmd_cases_limits(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    limits = register.major.limits()
    if args.set is not None or args.clear:
        amount = None if args.clear else _amount(args.set, "--set", lang)
        limits = register.major.set_limit(args.staff, amount, actor_name(register, args.actor))
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "limits": limits_json(limits)})
        return EXIT_OK
    default = (format_yuan(limits.default) if limits.default is not None
               else pick(lang, "不设上限", "none"))
    out.write(pick(lang, f"默认额度：{default}\n", f"default: {default}\n"))
    for name, value in sorted(limits.staff.items()):
        out.write(f"{name}: {format_yuan(value)}\n")
    return EXIT_OK


MAJOR_COMMANDS = {"major": cmd_cases_major, "approve": cmd_cases_approve,
                  "limits": cmd_cases_limits}
