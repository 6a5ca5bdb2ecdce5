"""`shopdesk promises ...`: list what was promised to buyers, make, keep and break promises,
or mark them no longer needed.

Registered by shopdesk.cli (add_promise_parsers + PROMISE_HANDLERS); no Qt imported.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from ..domain.case import Case
from ..domain.clock import local
from ..domain.errors import NotFoundError
from ..domain.plain_text import one_line
from ..domain.promises import Promise, PromiseKind, parse_kind, state_label
from ..domain.text import pick
from ..services.calls import call_back_warning, never_callable_then
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION, free_text_masker
from ..services.serialize_promises import promise_json
from .common import (
    CliError,
    actor_name,
    checked_int,
    cli_lang,
    emit_json,
    find_case,
    guarded,
    parse_shop_time,
)

# Service field names -> the option the user typed, so errors name it.
_OPTION_OF = {"due_at": "--due", "text": "--text", "kind": "--kind", "reason": "--reason",
              "at": "--at", "actor": "--as", "state": "state"}


class PromiseCliError(CliError):
    """Printed as `shopdesk: ...` with exit status 1."""


def add_promise_parsers(sub: argparse._SubParsersAction) -> None:
    """The `promises` subcommand and its actions."""
    promises = sub.add_parser("promises", help="promises made to buyers: list, add, keep, break, "
                                                   "cancel")
    psub = promises.add_subparsers(dest="promises_command", required=True)
    ls = psub.add_parser("list", help="open promises by due time (trashed cases left out)")
    which = ls.add_mutually_exclusive_group()
    which.add_argument("--overdue", action="store_true", help="only those due by now")
    which.add_argument("--case", dest="case_no", help="every promise on one case, any state")
    ls.add_argument("--json", action="store_true")
    add = psub.add_parser("add", help="record a promise made to the buyer of CASE_NO")
    add.add_argument("case_no")
    add.add_argument("--kind", required=True,
                     help="one of: " + ", ".join(k.value for k in PromiseKind))
    add.add_argument("--due", required=True,
                     help='"YYYY-MM-DD HH:MM" in the shop\'s time zone, or ISO 8601 with a zone')
    add.add_argument("--text", default="", help="what exactly was promised")
    add.add_argument("--json", action="store_true")
    keep = psub.add_parser("keep", help="mark promise ID kept")
    keep.add_argument("promise_id", type=int, metavar="ID")
    keep.add_argument("--at", help="when it was kept (default: now); same forms as --due")
    brk = psub.add_parser("break", help="mark promise ID not kept, with the reason")
    brk.add_argument("promise_id", type=int, metavar="ID")
    brk.add_argument("--reason", required=True)
    cancel = psub.add_parser("cancel", help="mark promise ID no longer needed (neither kept "
                             "nor broken: the buyer withdrew...), with the reason")
    cancel.add_argument("promise_id", type=int, metavar="ID")
    cancel.add_argument("--reason", required=True)
    cancel.add_argument("--json", action="store_true")


def parse_time(text: str, option: str, tz: str, lang: str) -> datetime:
    """'2026-11-23 15:00' (shop time) or ISO 8601 with a zone -> aware datetime."""
    return parse_shop_time(text, option, tz, lang)


def _cases_of(register: Register, promises: list[Promise]) -> dict[int, Case]:
    return register.cases.fetch(sorted({p.case_id for p in promises}))


def _line(p: Promise, case_no: str, now: datetime, tz: str, lang: str,
          mask: Callable[[str], str]) -> str:
    state = pick(lang, "逾期", "OVERDUE") if p.is_overdue(now) else state_label(p.state, lang)
    due = local(p.due_at, tz).strftime("%Y-%m-%d %H:%M")
    line = (f"#{p.id:<5} {case_no}  {due}  {state:<6} {one_line(mask(p.describe(lang)))}  "
            f"({one_line(p.made_by)})")
    if p.broken_reason:
        line += f"  — {one_line(mask(p.broken_reason))}"
    return line


def cmd_promises(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    command = args.promises_command
    lang = cli_lang(register, args)
    service = register.promises
    tz = register.shop_tz
    if command == "list":
        now = register.clock.now()
        if args.case_no:
            promises = service.for_case(find_case(register, args.case_no, lang).id)
        elif args.overdue:
            promises = service.overdue(now)
        else:
            promises = service.open_promises()
        # Promise texts may quote the buyer's phone or address: masked like the PDF.
        cases = _cases_of(register, promises)
        masks = {i: free_text_masker(c) for i, c in cases.items()}
        nos = {i: c.case_no for i, c in cases.items()}
        any_mask = free_text_masker(None)
        if args.json:
            emit_json(out, {"schema": SCHEMA_VERSION, "count": len(promises),
                            "promises": [promise_json(p, nos.get(p.case_id, ""), now,
                                                      masks.get(p.case_id, any_mask))
                                         for p in promises]})
            return 0
        for p in promises:
            out.write(_line(p, nos.get(p.case_id, ""), now, tz, lang,
                            masks.get(p.case_id, any_mask)) + "\n")
        overdue = sum(1 for p in promises if p.is_overdue(now))
        out.write(pick(lang, f"共 {len(promises)} 个承诺，{overdue} 个已逾期\n",
                       f"{len(promises)} promise(s), {overdue} overdue\n"))
        return 0
    actor = actor_name(register, args.actor)
    warning: str | None = None  # a call-back promise at a time the call policy forbids
    refused = None
    if command == "add":
        try:
            kind = parse_kind(args.kind)
        except ValueError:
            keys = ", ".join(k.value for k in PromiseKind)
            raise PromiseCliError(pick(lang, f"--kind: 不认识的类型 {args.kind!r}；可选：{keys}",
                                       f"--kind: unknown kind {args.kind!r}; one of: {keys}")
                                  ) from None
        case_id = find_case(register, args.case_no, lang).id
        due = parse_time(args.due, "--due", tz, lang)
        refused = register.calls.call_back_refused(case_id, due) \
            if kind is PromiseKind.CALL_BACK else None
        if refused is not None and never_callable_then(refused):  # a promise to break
            raise PromiseCliError(f"--due: {call_back_warning(refused, tz, lang)}")
        promise = service.make(case_id, kind, due, actor, text=args.text)
        if refused is not None:  # said, not refused: the buyer may have asked for it
            warning = call_back_warning(refused, tz, lang)
    elif command == "keep":
        at = parse_time(args.at, "--at", tz, lang) if args.at else None
        promise = service.keep(_promise_id(register, args.promise_id, lang), actor, at)
    elif command == "cancel":
        promise = service.cancel(_promise_id(register, args.promise_id, lang), actor,
                                 args.reason)
    else:
        promise = service.break_promise(_promise_id(register, args.promise_id, lang), actor,
                                        args.reason)
    case = _cases_of(register, [promise]).get(promise.case_id)
    case_no = case.case_no if case else ""
    if getattr(args, "json", False):
        data = {"schema": SCHEMA_VERSION,
                "promise": promise_json(promise, case_no, register.clock.now(),
                                        free_text_masker(case))}
        if command == "add":
            data["call_policy_warning"] = warning
            data["call_policy_reasons"] = [r.code.value for r in refused.reasons] \
                if refused is not None else []
        emit_json(out, data)
    else:
        verb = _DONE[command]
        out.write(pick(lang, f"承诺 #{promise.id} {verb[0]}：",
                       f"promise #{promise.id} {verb[1]}: ")
                  + _line(promise, case_no, register.clock.now(), tz, lang,
                          free_text_masker(case)) + "\n")
        if warning:
            out.write(pick(lang, "注意：", "warning: ") + warning + "\n")
    return 0


# What each command did to the promise, in zh and en.
_DONE = {"add": ("已作出", "made"), "keep": ("已兑现", "kept"), "break": ("未兑现", "broken"),
         "cancel": ("不再需要", "no longer needed")}


def _promise_id(register: Register, promise_id: int, lang: str) -> int:
    checked_int(promise_id, "ID", lang)
    try:
        return register.promises.get(promise_id).id
    except NotFoundError:
        raise PromiseCliError(pick(lang, f"没有这个承诺：{promise_id}",
                                   f"no such promise: {promise_id}")) from None


PROMISE_HANDLERS = {"promises": guarded(cmd_promises, option_of=_OPTION_OF, not_found=True)}
