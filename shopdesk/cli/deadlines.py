"""`shopdesk deadlines ...` (list, due, rules) and `shopdesk cases stage`: the stage
deadlines of cases, over register.deadlines. No Qt imported."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import timedelta
from typing import TextIO

from ..domain.clock import local
from ..domain.enums import Platform
from ..domain.platform_state import PlatformStage
from ..domain.text import pick
from ..domain.urgency import format_span
from ..services.deadlines import deadline_json, due_json, pause_json, rule_json
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from .common import CliError, actor_name, cli_lang, emit_json, guarded, live_case

_OPTION_OF = {"stage": "--to", "tracking": "--tracking", "actor": "--as",
              "deadline_warning_hours": "--hours"}
_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d)?\s*$", re.IGNORECASE)


def parse_span(text: str, option: str, lang: str) -> timedelta:
    """'24h', '2h', '90m', '3d' (a bare number is hours)."""
    found = _SPAN.match(text or "")
    if not found:
        raise CliError(pick(lang, f"{option}: 不是时长：{text!r}（例如 2h、90m、3d）",
                            f"{option}: not a duration: {text!r} (e.g. 2h, 90m, 3d)"))
    value, unit = float(found.group(1)), (found.group(2) or "h").lower()
    if unit in ("m", "min"):
        return timedelta(minutes=value)
    if unit == "d":
        return timedelta(days=value)
    return timedelta(hours=value)


def add_deadline_parsers(sub: argparse._SubParsersAction) -> None:
    """The `deadlines` subcommands."""
    dl = sub.add_parser("deadlines", help="stage deadlines of open cases (超时时限)")
    dsub = dl.add_subparsers(dest="deadlines_command", required=True)
    ls = dsub.add_parser("list", help="open cases by deadline, earliest first")
    ls.add_argument("--within", metavar="SPAN", help="due within this time (24h, 90m, 3d); "
                                                     "overdue ones included")
    ls.add_argument("--overdue", action="store_true", help="only deadlines already passed")
    ls.add_argument("--json", action="store_true")
    due = dsub.add_parser("due", help="for scheduled tasks: deadlines due within SPAN "
                                      "(exit 0 with the list, empty or not)")
    due.add_argument("--within", required=True, metavar="SPAN")
    due.add_argument("--json", action="store_true")
    rules = dsub.add_parser("rules", help="the deadline rules in force (shipped + the shop's "
                                          "deadline_rules.toml)")
    rules.add_argument("--platform", metavar="P",
                       help="one of: " + ", ".join(p.value for p in Platform))
    rules.add_argument("--json", action="store_true")


def add_stage_parser(csub: argparse._SubParsersAction) -> None:
    """`cases stage CASE_NO --to STAGE [--tracking NO]`."""
    stage = csub.add_parser("stage", help="move a case to a stage (agree to the return, "
                                          "return shipped ...); its deadline follows")
    stage.add_argument("case_no")
    stage.add_argument("--to", required=True, metavar="STAGE",
                       help="one of: " + ", ".join(s.value for s in PlatformStage))
    stage.add_argument("--tracking", default="", metavar="NO",
                       help="the return's (or reship's) tracking number")
    stage.add_argument("--json", action="store_true")


def cmd_deadlines(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    service = register.deadlines
    service.ensure_current()
    if service.rules_error is not None:
        err = getattr(args, "err", None) or sys.stderr
        err.write(f"shopdesk: {service.rules_error.message(lang)}"
                  + pick(lang, "（改用随软件提供的规则）", " (using the shipped rules)") + "\n")
    if args.deadlines_command == "rules":
        return _rules(register, args, out, lang)
    if args.deadlines_command == "due":
        items = service.due_within(parse_span(args.within, "--within", lang))
    else:
        within = parse_span(args.within, "--within", lang) if args.within else None
        items = service.list(within=within, overdue=args.overdue)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION,
                        "deadlines": [due_json(d, lang) for d in items]})
        return 0
    now = register.clock.now()
    for d in items:
        when = local(d.due_at, register.shop_tz).strftime("%Y-%m-%d %H:%M")
        left = d.due_at - now
        span = (f"{'约' if d.estimate else ''}剩{format_span(left)}" if left.total_seconds() > 0
                else f"已超时{format_span(-left)}")
        if lang.startswith("en"):
            span = (f"{'~' if d.estimate else ''}{format_span(left, 'en')} left"
                    if left.total_seconds() > 0 else f"{format_span(-left, 'en')} overdue")
        stage = d.stage.label(lang) if d.stage else ""
        timeout = d.on_timeout.get(lang) if d.on_timeout else ""
        out.write(f"{d.case_no}  {when}  {span}  {stage}  {d.source.value}  {timeout}\n")
    out.write(pick(lang, f"共 {len(items)} 个时限\n", f"{len(items)} deadline(s)\n"))
    return 0


def _rules(register: Register, args: argparse.Namespace, out: TextIO, lang: str) -> int:
    """`deadlines rules`: the rules in force, then the pauses (holidays) they honour."""
    service = register.deadlines
    platform = _platform(args.platform, lang) if args.platform else None
    found = service.rules(platform)
    pauses = service.pauses(platform)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION,
                        "rules": [rule_json(r, lang) for r in found],
                        "pauses": [pause_json(p, x, lang) for p, x in pauses]})
        return 0
    for r in found:
        kinds = ",".join(k.value for k in r.kinds) or "*"
        mark = pick(lang, "  [本店]", "  [shop]") if r.overridden else ""
        out.write(f"{r.key:<36} {r.stage.value:<22} {kinds:<28} {r.who.value:<8} "
                  f"{r.length_text(lang):<8} {r.confidence.value:<6}"
                  f" {r.on_timeout.get(lang)}{mark}\n")
    out.write(pick(lang, f"共 {len(found)} 条规则\n", f"{len(found)} rule(s)\n"))
    for p, x in pauses:
        stages = ",".join(sorted(s.value for s in x.stages)) or "*"
        out.write(f"{pick(lang, '暂停', 'pause')} {p.value:<10} "
                  f"{x.start.isoformat()}..{x.end.isoformat()} "
                  f"{stages} {x.confidence.value} {x.reason.get(lang)}\n")
    return 0


def cmd_cases_stage(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    """`cases stage`: the case's new stage and its deadline."""
    lang = cli_lang(register, args)
    try:
        stage = PlatformStage.parse(args.to)
    except ValueError:
        keys = ", ".join(s.value for s in PlatformStage)
        raise CliError(pick(lang, f"--to: 不认识的阶段 {args.to!r}（可选：{keys}）",
                            f"--to: unknown stage {args.to!r} (one of: {keys})")) from None
    case = live_case(register, args.case_no, lang)
    deadline = register.deadlines.change_stage(case.id, stage,  # type: ignore[arg-type]
                                               actor_name(register, args.actor),
                                               tracking=args.tracking)
    data = deadline_json(deadline, lang)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case_no": case.case_no, "deadline": data})
        return 0
    due = (local(deadline.due_at, register.shop_tz).strftime("%Y-%m-%d %H:%M")
           if deadline.due_at else "-")
    source = data["source"] or "-"
    out.write(pick(lang, f"{case.case_no}：{stage.label(lang)}  截止 {due}（{source}）\n",
                   f"{case.case_no}: {stage.label(lang)}  due {due} ({source})\n"))
    return 0


def _platform(text: str, lang: str) -> Platform:
    try:
        return Platform.parse(text)  # type: ignore[return-value]
    except ValueError:
        keys = ", ".join(p.value for p in Platform)
        raise CliError(pick(lang, f"--platform: 不认识的平台 {text!r}（可选：{keys}）",
                            f"--platform: unknown platform {text!r} (one of: {keys})")) from None


DEADLINE_HANDLERS = {"deadlines": guarded(cmd_deadlines, option_of=_OPTION_OF)}
cases_stage = guarded(cmd_cases_stage, option_of=_OPTION_OF, not_found=True)
