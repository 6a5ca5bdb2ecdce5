"""`shopdesk followups ...`: the follow-up queue (回访) after resolution, recording what
the buyer said, and the rules per kind. No Qt imported."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any, TextIO

from ..domain.case import Case
from ..domain.clock import local, to_utc_iso
from ..domain.enums import CaseKind
from ..domain.errors import NotFoundError
from ..domain.followups import Followup, parse_days
from ..domain.plain_text import one_line
from ..domain.text import pick
from ..services.followups import parse_result
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION, free_text_masker
from .common import CliError, actor_name, checked_int, cli_lang, emit_json, guarded

_OPTION_OF = {"result": "--result", "note": "--note", "state": "ID", "actor": "--as"}


def add_followup_parsers(sub: argparse._SubParsersAction) -> None:
    """The `followups` subcommand and its actions."""
    fol = sub.add_parser("followups", help="follow-ups after resolution (回访)")
    fsub = fol.add_subparsers(dest="followups_command", required=True)
    ls = fsub.add_parser("list", help="open follow-ups by due date (trashed cases left out)")
    ls.add_argument("--due", action="store_true", help="only those due by now")
    ls.add_argument("--json", action="store_true")
    done = fsub.add_parser("done", help="record the result of follow-up ID")
    done.add_argument("followup_id", type=int, metavar="ID")
    done.add_argument("--result", required=True,
                      help="satisfied, problem_again (reopens the case; needs --note) "
                           "or no_reply")
    done.add_argument("--note", default="", help="what the buyer said")
    done.add_argument("--json", action="store_true")
    rules = fsub.add_parser("rules", help="days after resolution per kind; change with --set")
    rules.add_argument("--set", action="append", default=[], metavar="KIND=DAYS",
                       help="e.g. exchange=7 or refund_only=none (repeatable)")
    rules.add_argument("--json", action="store_true")


def followup_json(f: Followup, case: Case | None, now: datetime, script: str,
                  mask) -> dict[str, Any]:
    """One follow-up as JSON (schema 1)."""
    return {"id": f.id, "case_no": case.case_no if case else "", "kind": f.kind.value,
            "due_at": to_utc_iso(f.due_at), "due": f.is_due(now), "state": f.state.value,
            "result": f.result.value if f.result else None,
            "done_at": to_utc_iso(f.done_at) if f.done_at else None, "done_by": f.done_by,
            "note": mask(f.note), "script_id": f.script_id, "script": script}


def _script(register: Register, f: Followup, lang: str) -> str:
    """The suggested follow-up script filled from the case ('' when it is gone)."""
    if not f.script_id:
        return ""
    try:
        return register.scripts.render_for_case(f.script_id, f.case_id, lang=lang).text
    except (KeyError, NotFoundError, ValueError):
        return ""


def _line(f: Followup, case: Case | None, now: datetime, tz: str, lang: str) -> str:
    due = local(f.due_at, tz).strftime("%Y-%m-%d %H:%M")
    state = pick(lang, "已到期", "Due now") if f.is_due(now) else f.state.label(lang)
    if f.result is not None:
        state = f.result.label(lang)
    return (f"#{f.id:<5} {case.case_no if case else '':<18} {due}  {state:<6} "
            f"{f.kind.label(lang)}")


def cmd_followups(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    service = register.followups
    now = register.clock.now()
    tz = register.shop_tz
    command = args.followups_command
    if command == "rules":
        return _rules(register, args, out, lang)
    if command == "done":
        checked_int(args.followup_id, "ID", lang)
        try:
            service.get(args.followup_id)
        except NotFoundError:
            raise CliError(pick(lang, f"没有这个回访：{args.followup_id}",
                                f"no such follow-up: {args.followup_id}")) from None
        f = service.done(args.followup_id, parse_result(args.result),
                         actor_name(register, args.actor), args.note)
        case = register.cases.get(f.case_id, include_deleted=True)
        if args.json:
            emit_json(out, {"schema": SCHEMA_VERSION,
                            "followup": followup_json(f, case, now, "",
                                                      free_text_masker(case)),
                            "case_status": case.status.value})
        else:
            status = pick(lang, f"（{case.case_no}：{case.status.label(lang)}）",
                          f"  ({case.case_no}: {case.status.label(lang)})")
            out.write(pick(lang, f"回访 #{f.id} 已完成：", f"follow-up #{f.id} done: ")
                      + _line(f, case, now, tz, lang) + status + "\n")
        return 0
    followups = service.queue(due_only=args.due)
    cases = register.cases.fetch(sorted({f.case_id for f in followups}))
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "count": len(followups),
                        "followups": [followup_json(f, cases.get(f.case_id), now,
                                                    _script(register, f, lang),
                                                    free_text_masker(cases.get(f.case_id)))
                                      for f in followups]})
        return 0
    for f in followups:
        out.write(_line(f, cases.get(f.case_id), now, tz, lang) + "\n")
        script = _script(register, f, lang)
        if script:
            out.write(f"       {one_line(script)}\n")
    due = sum(1 for f in followups if f.is_due(now))
    out.write(pick(lang, f"共 {len(followups)} 条回访，{due} 条已到期\n",
                   f"{len(followups)} follow-up(s), {due} due\n"))
    return 0


def _rules(register: Register, args: argparse.Namespace, out: TextIO, lang: str) -> int:
    service = register.followups
    for item in args.set:
        key, _, days_text = item.partition("=")
        try:
            kind = CaseKind.parse(key)
        except ValueError:
            keys = ", ".join(k.value for k in CaseKind)
            raise CliError(pick(lang, f"--set: 不认识的类型 {key!r}；可选：{keys}",
                                f"--set: unknown kind {key!r}; one of: {keys}")) from None
        try:
            days = parse_days(days_text)
        except ValueError:
            raise CliError(pick(lang, f"--set: {item!r}：DAYS 须为 0-365 或 none",
                                f"--set: {item!r}: DAYS must be 0-365 or none")) from None
        service.set_rule(kind, days, actor_name(register, args.actor))  # type: ignore[arg-type]
    rules = service.rules()
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION,
                        "rules": [{"kind": k.value, "days": r.days, "script_id": r.script_id}
                                  for k, r in rules.items()]})
        return 0
    for k, r in rules.items():
        days = pick(lang, "不回访", "none") if r.days is None else pick(
            lang, f"解决后 {r.days} 天", f"{r.days} days after resolving")
        out.write(f"{k.value:<18} {k.label(lang):<10} {days}\n")
    return 0


FOLLOWUP_HANDLERS = {"followups": guarded(cmd_followups, option_of=_OPTION_OF,
                                          not_found=True)}
