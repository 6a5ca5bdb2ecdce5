"""`shopdesk scripts ...`: list, render, export and import reply scripts. No Qt imported.

Registered by shopdesk.cli (add_script_parsers + SCRIPT_HANDLERS).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..domain.enums import CaseKind, Cause
from ..domain.errors import NotFoundError, ValidationError
from ..domain.scripts import PLACEHOLDERS, HandlingStep, Script, ScriptLibraryError, canonical_key
from ..domain.text import list_sep, pick
from ..services.register import Register
from ..services.scripts import ScriptService
from ..services.serialize import SCHEMA_VERSION
from .common import (
    CliError,
    actor_name,
    cli_lang,
    emit_json,
    field_errors_text,
    no_such_case,
    not_found_text,
)


class ScriptCliError(CliError):
    """Printed as `shopdesk: ...` with exit status 1 (cli.run catches every CliError)."""


def add_script_parsers(sub: argparse._SubParsersAction) -> None:
    """The `scripts` subcommand and its actions."""
    scripts = sub.add_parser("scripts", help="reply scripts (话术): list, render, export, import")
    ssub = scripts.add_subparsers(dest="scripts_command", required=True)
    ls = ssub.add_parser("list", help="scripts, filtered")
    ls.add_argument("--kind", choices=[k.value for k in CaseKind])
    ls.add_argument("--step", choices=[s.value for s in HandlingStep])
    ls.add_argument("--cause", choices=[c.value for c in Cause])
    ls.add_argument("--search", default="", help="text in the zh/en title or text")
    ls.add_argument("--json", action="store_true")
    render = ssub.add_parser("render", help="a script filled in for a case")
    render.add_argument("script_id")
    render.add_argument("--case", required=True, metavar="CASE_NO")
    render.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a placeholder value, e.g. 运单号=SF123 or waybill=SF123")
    render.add_argument("--lang", choices=["zh", "en"], default=None)
    render.add_argument("--fact", action="append", type=int, default=[], metavar="N",
                        help="for a statement to the platform: fact N (1, 2 ...) of the script "
                             "is checked and true for this case; only these are written")
    exp = ssub.add_parser("export", help="the shop's own and edited scripts to .toml or .csv")
    exp.add_argument("file")
    imp = ssub.add_parser("import", help="scripts from .toml or .csv (all or nothing)")
    imp.add_argument("file")


def _lang(register: Register, args: argparse.Namespace) -> str:
    """The language of messages and labels: SHOPDESK_LANG (as cli.run hands it over), else
    the saved setting, as in every subcommand."""
    return cli_lang(register, args)


def _script_json(script: Script, svc: ScriptService, usage: dict[str, int],
                 favourites: set[str]) -> dict[str, Any]:
    return {
        "id": script.id,
        "title": {"zh": script.title.zh, "en": script.title.en},
        "kinds": [k.value for k in script.kinds] or ["any"],
        "causes": [c.value for c in script.causes] or ["any"],
        "step": script.step.value,
        "channel": script.channel.value,
        "audience": script.audience.value,
        "customer_types": [t.value for t in script.customer_types],
        "tags": list(script.tags),
        "placeholders": list(script.placeholders),
        "origin": svc.origin(script.id).value,
        "uses": usage.get(script.id, 0),
        "favourite": script.id in favourites,
        "text": {"zh": script.text.zh, "en": script.text.en},
        "facts": [{"zh": f.zh, "en": f.en} for f in script.facts],
    }


def cmd_list(svc: ScriptService, register: Register, args: argparse.Namespace,
             out: TextIO) -> int:
    entries = svc.browse(kind=CaseKind(args.kind) if args.kind else None,
                         step=HandlingStep(args.step) if args.step else None,
                         cause=Cause(args.cause) if args.cause else None, search=args.search)
    if args.json:
        usage, favs = svc.usage(), svc.favourites()
        data = {"schema": SCHEMA_VERSION, "count": len(entries),
                "scripts": [_script_json(e.script, svc, usage, favs) for e in entries]}
        emit_json(out, data)
        return 0
    lang = _lang(register, args)
    for e in entries:
        mark = "*" if e.favourite else " "
        out.write(f"{mark} {e.script.id:<36} {e.script.step.label(lang):<8} {e.uses:>4}  "
                  f"{e.script.title.get(lang)}\n")
    out.write(pick(lang, f"共 {len(entries)} 条话术\n", f"{len(entries)} script(s)\n"))
    return 0


def _sender(register: Register, given: str | None, assignee: str | None) -> str:
    """Who signs {客服}: --as or the window's operator; else the assignee (the login name
    only for a case nobody is assigned)."""
    known = given or register.staff.current_operator()
    if known:
        return known
    return "" if assignee else actor_name(register, None)


def _values(assignments: list[str], lang: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ScriptCliError(pick(lang, f"--set 应为 NAME=VALUE，而不是：{item}",
                                      f"--set expects NAME=VALUE, got: {item}"))
        if canonical_key(name) is None:
            known = ", ".join(f"{p.zh}/{p.key}" for p in PLACEHOLDERS)
            raise ScriptCliError(pick(lang, f"--set: 不认识的占位符 {name.strip()}"
                                            f"（可选：{known}）",
                                      f"--set: unknown placeholder {name.strip()} "
                                      f"(one of: {known})"))
        values[name.strip()] = value
    return values


def cmd_render(svc: ScriptService, register: Register, args: argparse.Namespace,
               out: TextIO) -> int:
    said = _lang(register, args)  # the messages; --lang is the script's text
    try:
        case = register.cases.get_by_no(args.case)
        svc.get(args.script_id)
    except NotFoundError as exc:
        raise ScriptCliError(not_found_text(exc, said)) from None
    except ValueError as exc:
        raise ScriptCliError(no_such_case(args.case, said)) from exc
    lang = args.lang or said
    script = svc.get(args.script_id)
    bad = [n for n in args.fact if not 1 <= n <= len(script.facts)]
    if bad:
        n = len(script.facts)
        raise ScriptCliError(pick(said, f"--fact {bad[0]}: {args.script_id} 只有 {n} 条事实可选",
                                  f"--fact {bad[0]}: {args.script_id} has {n} facts to "
                                  "choose from"))
    result = svc.render_for_case(args.script_id, case.id, _values(args.set, said), lang,
                                 agent=_sender(register, args.actor, case.assignee),
                                 facts=[n - 1 for n in args.fact])
    _check_filled(script, result.missing, lang, said)
    out.write(result.text + "\n")
    return 0


def _check_filled(script: Script, missing: list[str], lang: str, said: str) -> None:
    """Refuse a text with an unticked fact or an unfilled placeholder: a buyer or the
    platform must never receive "{运单号}", nor a fact nobody checked."""
    if script.facts and any(canonical_key(n) == "facts" for n in missing):
        listed = "; ".join(f"{n}. {f.get(lang)}" for n, f in enumerate(script.facts, 1))
        raise ScriptCliError(pick(said, f"请用 --fact N 勾选你为此案件核实过的事实"
                                        f"（不会默认勾选）：{listed}",
                                  "tick the facts you checked for this case with --fact N "
                                  f"(never assumed): {listed}"))
    if missing:
        names = list_sep(said).join(f"{{{n}}}" for n in missing)
        raise ScriptCliError(pick(said, f"有未填写的占位符：{names}；"
                                        f"请用 --set {missing[0]}=... 填写",
                                  f"unfilled placeholders: {names}; use --set {missing[0]}=..."))


def cmd_export(svc: ScriptService, register: Register, args: argparse.Namespace,
               out: TextIO) -> int:
    count = svc.export_file(Path(args.file))
    out.write(pick(_lang(register, args), f"已导出 {count} 条话术到 {args.file}\n",
                   f"exported {count} script(s) to {args.file}\n"))
    return 0


def cmd_import(svc: ScriptService, register: Register, args: argparse.Namespace,
               out: TextIO) -> int:
    lang = _lang(register, args)
    try:
        result = svc.import_file(Path(args.file), actor_name(register, args.actor))
    except OSError as exc:
        raise ScriptCliError(pick(lang, f"无法读取 {args.file}：{exc}",
                                  f"cannot read {args.file}: {exc}")) from None
    except UnicodeDecodeError as exc:
        raise ScriptCliError(pick(lang, f"无法识别 {args.file} 的编码：{exc}",
                                  f"cannot decode {args.file}: {exc}")) from None
    out.write(pick(lang, f"新增 {result.added} 条，更新 {result.updated} 条，"
                         f"修改自带话术 {result.edited_shipped} 条\n",
                   f"added {result.added}, updated {result.updated}, "
                   f"edited shipped {result.edited_shipped}\n"))
    return 0


_ACTIONS = {"list": cmd_list, "render": cmd_render, "export": cmd_export, "import": cmd_import}


def cmd_scripts(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = _lang(register, args)
    try:
        svc = register.scripts
        return _ACTIONS[args.scripts_command](svc, register, args, out)
    except ScriptLibraryError as exc:
        raise CliError("\n".join(e.message(lang) for e in exc.errors)) from None
    except ValidationError as exc:
        raise CliError(field_errors_text(exc.errors, lang)) from None


SCRIPT_HANDLERS = {"scripts": cmd_scripts}
