"""`shopdesk steps ...`: the handling procedure (处理流程) of a case, the eight steps the case
panel's checklist ticks. Registered by shopdesk.cli (add_steps_parsers + STEPS_HANDLERS);
no Qt imported.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..domain.clock import local, to_utc_iso
from ..domain.scripts import HandlingStep, ScriptLibraryError
from ..domain.scripts.steps import PROCEDURE_STEPS
from ..domain.text import colon, pick
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from .common import CliError, actor_name, cli_lang, emit_json, find_case, guarded, live_case

_CHOICES = ", ".join(f"{s.number} {s.value}" for s in PROCEDURE_STEPS)


def add_steps_parsers(sub: argparse._SubParsersAction) -> None:
    """The `steps` subcommand: list, tick, untick."""
    steps = sub.add_parser("steps", help="a case's handling steps: list, tick, untick")
    ssub = steps.add_subparsers(dest="steps_command", required=True)
    ls = ssub.add_parser("list", help="the eight steps of CASE_NO, ticked or not")
    ls.add_argument("case_no")
    ls.add_argument("--json", action="store_true")
    for name, text in (("tick", "mark STEP done (timeline and audit)"),
                       ("untick", "mark STEP not done again")):
        p = ssub.add_parser(name, help=text)
        p.add_argument("case_no")
        p.add_argument("step", metavar="STEP", help=f"number, key or label: {_CHOICES}")


def parse_step(text: str, lang: str) -> HandlingStep:
    """STEP as its number (1-8), key or label (Chinese or English)."""
    raw = text.strip()
    for step in PROCEDURE_STEPS:
        if raw == str(step.number):
            return step
    try:
        step = HandlingStep.parse(raw)
    except ValueError:
        step = None
    if step not in PROCEDURE_STEPS:
        raise CliError(pick(lang, f"STEP: 不认识的步骤 {text!r}；可选：{_CHOICES}",
                            f"STEP: unknown step {text!r}; one of: {_CHOICES}"))
    return step  # type: ignore[return-value]


def cmd_steps(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    try:
        scripts = register.scripts
    except ScriptLibraryError as exc:
        raise CliError(pick(lang, f"话术库无法加载：{exc}",
                            f"the reply-script library could not be loaded: {exc}")) from None
    if args.steps_command == "list":
        case = find_case(register, args.case_no, lang)
        states = scripts.steps_for(case.id)
        nxt = scripts.next_step(case.id)
        if args.json:
            emit_json(out, {"schema": SCHEMA_VERSION, "case_no": case.case_no,
                            "next": nxt.value if nxt else None, "steps": [{
                                "number": s.step.number, "step": s.step.value,
                                "label": s.step.label(lang), "done": s.is_done,
                                "done_at": to_utc_iso(s.done.done_at) if s.done else None,
                                "done_by": s.done.done_by if s.done else None}
                                for s in states]})
            return 0
        for s in states:
            mark = "[x]" if s.is_done else "[ ]"
            line = f"{mark} {s.step.number}. {s.step.label(lang)}"
            if s.done:
                when = local(s.done.done_at, register.shop_tz).strftime("%Y-%m-%d %H:%M")
                line += f"  ({s.done.done_by}, {when})"
            out.write(line + "\n")
        if nxt:
            out.write(pick(lang, "下一步：", "next: ") + f"{nxt.number}. {nxt.label(lang)}\n")
        else:
            out.write(pick(lang, "所有步骤都已完成\n", "all steps done\n"))
        return 0
    step = parse_step(args.step, lang)
    case = live_case(register, args.case_no, lang)
    actor = actor_name(register, args.actor)
    done = args.steps_command == "tick"
    changed = (scripts.tick_step if done else scripts.untick_step)(case.id, step, actor)
    state = pick(lang, *_STATES[done, changed])
    sep = colon(lang)
    out.write(f"{case.case_no}{sep}{step.number}. {step.label(lang)}{sep}{state}\n")
    return 0


# (ticking, changed) -> what happened to the step, in zh and en.
_STATES = {(True, True): ("已完成", "done"), (False, True): ("未完成", "not done"),
           (True, False): ("本来就已完成", "already done"),
           (False, False): ("本来就未完成", "was not done")}

STEPS_HANDLERS = {"steps": guarded(cmd_steps, option_of={"actor": "--as"}, not_found=True)}
