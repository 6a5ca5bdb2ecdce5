"""`shopdesk evidence ...`: attach files and waybills to a case, list them, the checklist.

Registered by shopdesk.cli (add_evidence_parsers + EVIDENCE_HANDLERS); no Qt imported.

JSON (schema 1; keys are only ever added within a schema number):
- `evidence list CASE_NO --json`: {"schema", "case_no", "count", "evidence": [EVIDENCE],
  "checklist": [{"category", "label", "note", "satisfied"}] or null,
  "missing": [category, ...], "checklist_error": string or null}
- `evidence add|waybill|edit ... --json`: {"schema", "case_no", "evidence": EVIDENCE}
EVIDENCE: {"id", "kind" ("file"|"waybill"), "category", "caption", "filename", "sha256",
  "mime", "size", "path" (absolute, in the data folder; null for a waybill),
  "file_exists" (bool; null for a waybill), "carrier", "waybill_no", "added_at",
  "added_by", "removed", "removed_at", "removed_by", "removed_reason"}; times are ISO 8601
  in UTC; null where a value does not apply.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..domain.clock import local, to_utc_iso
from ..domain.errors import NotFoundError
from ..domain.evidence import ChecklistError, ChecklistItem, Evidence, EvidenceCategory
from ..domain.text import pick, with_note
from ..services.evidence import EvidenceService
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from .common import (
    CliError,
    actor_name,
    checked_int,
    cli_lang,
    emit_json,
    find_case,
    guarded,
)

# What the user typed, for the service's field names.
_OPTION_OF = {"file": "FILE", "case": "CASE_NO", "carrier": "--carrier", "number": "--number",
              "caption": "--caption", "category": "--category", "actor": "--as",
              "evidence": "EVIDENCE_ID"}


class EvidenceCliError(CliError):
    """Printed as `shopdesk: ...` with exit status 1 (cli.run catches every CliError)."""


def add_evidence_parsers(sub: argparse._SubParsersAction) -> None:
    """The `evidence` subcommand and its actions."""
    evidence = sub.add_parser("evidence", help="photos, PDFs and waybills attached to a case")
    esub = evidence.add_subparsers(dest="evidence_command", required=True)
    categories = ", ".join(c.value for c in EvidenceCategory if c != EvidenceCategory.WAYBILL)

    add = esub.add_parser("add", help="copy a file into the data folder and attach it")
    add.add_argument("case_no")
    add.add_argument("file")
    add.add_argument("--caption", default="")
    add.add_argument("--category", default="other", help=f"one of: {categories}")
    add.add_argument("--json", action="store_true")

    waybill = esub.add_parser("waybill", help="attach a waybill number with its carrier")
    waybill.add_argument("case_no")
    waybill.add_argument("--carrier", required=True, help="e.g. 顺丰速运")
    waybill.add_argument("--number", required=True)
    waybill.add_argument("--caption", default="")
    waybill.add_argument("--json", action="store_true")

    ls = esub.add_parser("list", help="the case's evidence and what is still missing")
    ls.add_argument("case_no")
    ls.add_argument("--all", action="store_true", help="include removed evidence")
    ls.add_argument("--json", action="store_true")

    edit = esub.add_parser("edit", help="change a caption or what a file shows (audited)")
    edit.add_argument("case_no")
    edit.add_argument("evidence_id", type=int)
    edit.add_argument("--caption", help='the new caption ("" clears it)')
    edit.add_argument("--category", help=f"one of: {categories}")
    edit.add_argument("--json", action="store_true")

    rm = esub.add_parser("remove", help="remove evidence from the case (kept, audited)")
    rm.add_argument("case_no")
    rm.add_argument("evidence_id", type=int)
    rm.add_argument("--reason", default="")


def evidence_json(service: EvidenceService, ev: Evidence) -> dict[str, Any]:
    """One piece of evidence in the documented shape (schema 1)."""
    path = service.file_path(ev)
    return {
        "id": ev.id, "kind": ev.kind, "category": ev.category.value, "caption": ev.caption,
        "filename": ev.filename, "sha256": ev.sha256, "mime": ev.mime, "size": ev.size,
        "path": str(path.resolve()) if path is not None else None,
        "file_exists": path.is_file() if path is not None else None,
        "carrier": ev.carrier, "waybill_no": ev.waybill_no,
        "added_at": to_utc_iso(ev.added_at), "added_by": ev.added_by,
        "removed": ev.is_removed,
        "removed_at": to_utc_iso(ev.removed_at) if ev.removed_at else None,
        "removed_by": ev.removed_by, "removed_reason": ev.removed_reason,
    }


def checklist_json(items: list[ChecklistItem], lang: str) -> list[dict[str, Any]]:
    return [{"category": i.category.value, "label": i.category.label(lang),
             "note": i.note(lang), "satisfied": i.satisfied} for i in items]


def _category(text: str, lang: str) -> EvidenceCategory:
    try:
        return EvidenceCategory.parse(text)  # type: ignore[return-value]
    except ValueError:
        keys = ", ".join(c.value for c in EvidenceCategory if c != EvidenceCategory.WAYBILL)
        raise EvidenceCliError(pick(lang, f"--category: 不认识的类别 {text!r}；可选：{keys}",
                                    f"--category: unknown category {text!r}; one of: {keys}")
                               ) from None


def cmd_evidence(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    service = register.evidence
    lang = cli_lang(register, args)
    case = find_case(register, args.case_no, lang)
    case_id, case_no = case.id, case.case_no
    command = args.evidence_command
    if command == "list":
        return _cmd_list(register, case_id, case_no, args, out, lang)
    actor = actor_name(register, args.actor)
    if command == "remove":
        ev = _on_case(service, args.evidence_id, case_id, case_no, lang)
        service.remove(ev.id, actor, args.reason)
        out.write(pick(lang, f"已从 {case_no} 移除证据 {ev.id}：{ev.title(lang)}"
                             "（审计记录中仍保留）\n",
                       f"removed evidence {ev.id} from {case_no}: {ev.title(lang)} "
                       "(kept in the audit trail)\n"))
        return 0
    if command == "edit":
        if args.caption is None and args.category is None:
            raise EvidenceCliError(pick(lang, "evidence edit: 没有要改的内容；"
                                              "请给出 --caption 或 --category",
                                        "evidence edit: nothing to change; give --caption or "
                                        "--category"))
        ev = _edit(service, _on_case(service, args.evidence_id, case_id, case_no, lang),
                   args, actor, lang)
    elif command == "add":
        try:
            ev = service.add_file(case_id, Path(args.file), actor, caption=args.caption,
                                  category=_category(args.category, lang))
        except OSError as exc:  # the data folder failed (disk full, no permission …)
            why = exc.strerror or str(exc)
            raise EvidenceCliError(
                pick(lang, f"FILE: 无法存入数据文件夹（{why}）：{args.file}",
                     f"FILE: could not store it in the data folder ({why}): {args.file}")
            ) from None
    else:
        ev = service.add_waybill(case_id, args.carrier, args.number, actor,
                                 caption=args.caption)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case_no": case_no,
                        "evidence": evidence_json(service, ev)})
    else:
        out.write(_saved_line(ev, case_no, command == "edit", lang) + "\n")
    return 0


def _saved_line(ev: Evidence, case_no: str, edited: bool, lang: str) -> str:
    """What `evidence add|waybill|edit` says about the evidence it saved."""
    what = with_note(ev.title(lang), ev.category.label(lang), lang)
    if edited:
        caption = f" — {ev.caption}" if ev.caption else ""
        return pick(lang, f"已修改 {case_no} 的证据 {ev.id}：{what}{caption}",
                    f"changed evidence {ev.id} on {case_no}: {what}{caption}")
    return pick(lang, f"已给 {case_no} 添加证据 {ev.id}：{what}",
                f"added evidence {ev.id} to {case_no}: {what}")


def _on_case(service: EvidenceService, evidence_id: int, case_id: int,
             case_no: str, lang: str) -> Evidence:
    checked_int(evidence_id, "EVIDENCE_ID", lang)
    try:
        ev: Evidence | None = service.get(evidence_id)
    except NotFoundError:
        ev = None
    if ev is None or ev.case_id != case_id:
        raise EvidenceCliError(pick(lang, f"EVIDENCE_ID: {case_no} 没有证据 {evidence_id}",
                                    f"EVIDENCE_ID: no evidence {evidence_id} on {case_no}"))
    return ev


def _edit(service: EvidenceService, ev: Evidence, args: argparse.Namespace,
          actor: str, lang: str) -> Evidence:
    """What the evidence tab's caption box and category menu do."""
    category = _category(args.category, lang) if args.category is not None else None
    if category is not None:
        ev = service.set_category(ev.id, category, actor)
    if args.caption is not None:
        ev = service.set_caption(ev.id, args.caption, actor)
    return ev


def _cmd_list(register: Register, case_id: int, case_no: str, args: argparse.Namespace,
              out: TextIO, lang: str) -> int:
    service = register.evidence
    items = service.for_case(case_id, include_removed=args.all)
    checklist: list[ChecklistItem] | None
    problem: str | None = None
    try:
        checklist = service.checklist(case_id)
    except ChecklistError as exc:  # a broken edited file must not hide the evidence
        checklist, problem = None, exc.message(lang)
    if args.json:
        emit_json(out, {
            "schema": SCHEMA_VERSION, "case_no": case_no, "count": len(items),
            "evidence": [evidence_json(service, e) for e in items],
            "checklist": checklist_json(checklist, lang) if checklist is not None else None,
            "missing": [i.category.value for i in checklist or [] if not i.satisfied],
            "checklist_error": problem,
        })
        return 0
    out.write(f"{case_no}: {len(items)} " + pick(lang, "件证据", "evidence") + "\n")
    for e in items:
        when = local(e.added_at, register.shop_tz).strftime("%Y-%m-%d %H:%M")
        line = f"  #{e.id}  {when}  {e.added_by}  {e.category.label(lang)}  {e.title(lang)}"
        if e.is_file:
            line += f"  {e.mime}"
            if not service.file_exists(e):
                line += pick(lang, "  [文件缺失]", "  [file missing]")
        if e.caption:
            line += f"  — {e.caption}"
        if e.is_removed:
            line += pick(lang, "  [已移除]", "  [removed]")
        out.write(line + "\n")
    if problem:
        out.write(f"  ! {problem}\n")
    for item in checklist or []:
        mark = "✓" if item.satisfied else pick(lang, "缺", "missing")
        out.write(f"  {mark} {item.category.label(lang)}: {item.note(lang)}\n")
    return 0


EVIDENCE_HANDLERS = {"evidence": guarded(cmd_evidence, option_of=_OPTION_OF)}
