"""`shopdesk shift ...` and `shopdesk handoff ...`: start and end shifts, show and
acknowledge hand-offs (staff PINs are `shopdesk staff pin`, in cli/staff.py).

Registered by shopdesk.cli (add_shift_parsers + SHIFT_HANDLERS); no Qt imported. A PIN is taken
from --pin, or asked for (without echo) when stdin is a terminal; otherwise a command that
needs one is refused naming --pin.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from ..domain.clock import local, to_utc_iso
from ..domain.handoff import Shift, sheet_to_json
from ..domain.text import is_english, pick
from ..domain.text_masking import contact_masker
from ..services.handoff_text import handoff_text
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from .common import CliError, actor_name, checked_int, cli_lang, emit_json, guarded

_OPTION_OF = {"pin": "--pin", "old_pin": "--old-pin", "staff": "--staff", "note": "--note",
              "actor": "--as", "hours": "HOURS", "handoff": "handoff", "reason": "--reason"}


class ShiftCliError(CliError):
    """Printed as `shopdesk: ...` with exit status 1."""


def add_shift_parsers(sub: argparse._SubParsersAction) -> None:
    """The `shift` and `handoff` subcommands."""
    shift = sub.add_parser("shift", help="start or end a shift (the hand-off sheet)")
    ssub = shift.add_subparsers(dest="shift_command", required=True)
    start = ssub.add_parser("start", help="start a shift and become the operator")
    start.add_argument("--staff", required=True)
    start.add_argument("--pin", help="the staff member's 4-digit PIN, when they have one")
    end = ssub.add_parser("end", help="end the shift and write the hand-off sheet")
    end.add_argument("--note", default="", help="note for the next shift")
    end.add_argument("--pdf", help="also write the sheet as a PDF to this path")
    end.add_argument("--text", action="store_true", help="print the sheet as plain text")
    end.add_argument("--json", action="store_true")
    status = ssub.add_parser("status", help="who is on shift, and the pending hand-off")
    status.add_argument("--json", action="store_true")
    hours = ssub.add_parser("next-hours", help="show or set the next shift's length (hours)")
    hours.add_argument("hours", nargs="?", type=float)

    handoff = sub.add_parser("handoff", help="past hand-offs: show, list, acknowledge")
    hsub = handoff.add_subparsers(dest="handoff_command", required=True)
    show = hsub.add_parser("show", help="a hand-off sheet as it was handed over")
    show.add_argument("handoff_id", nargs="?", type=int, metavar="ID")
    show.add_argument("--latest", action="store_true", help="the latest (the default)")
    show.add_argument("--json", action="store_true")
    show.add_argument("--pdf", help="write the sheet as a PDF to this path")
    ls = hsub.add_parser("list", help="past hand-offs, newest first")
    ls.add_argument("--limit", type=int, default=30)
    ls.add_argument("--json", action="store_true")
    ack = hsub.add_parser("ack", help="acknowledge the oldest unacknowledged hand-off (or ID)")
    ack.add_argument("--staff", required=True)
    ack.add_argument("--pin")
    ack.add_argument("--id", dest="handoff_id", type=int)


def _ask_pin(register: Register, staff: str, given: str | None) -> str | None:
    """--pin, or a prompt without echo when the staff member has a PIN and stdin is a tty."""
    if given is not None or not register.staff.has_pin(staff):
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{staff} PIN: ")
    return None


def handoff_json(shift: Shift, register: Register, *, with_sheet: bool = True
                 ) -> dict[str, Any]:
    """A hand-off (an ended shift) as JSON (schema 1); the sheet as stored at the end."""
    data: dict[str, Any] = {
        "id": shift.id, "staff": shift.staff,
        "started_at": to_utc_iso(shift.started_at), "started_by": shift.started_by,
        "explicit_start": shift.explicit_start,
        "ended_at": to_utc_iso(shift.ended_at) if shift.ended_at else None,
        "ended_by": shift.ended_by, "note": contact_masker()(shift.note),
        "acknowledged": shift.acknowledged, "ack_by": shift.ack_by,
        "ack_at": to_utc_iso(shift.ack_at) if shift.ack_at else None,
        "self_acknowledged": shift.self_acknowledged, "counts": shift.counts,
    }
    if with_sheet and not shift.is_open:
        data["sheet"] = sheet_to_json(register.shifts.sheet(shift.id))
    return data


def _when(register: Register, shift_time) -> str:
    return local(shift_time, register.shop_tz).strftime("%Y-%m-%d %H:%M") if shift_time else ""


def _pdf_target(path: str, lang: str) -> Path:
    """--pdf checked before anything is stored: a shift must not end on a path that cannot
    take the PDF (the retry would end a second, empty shift)."""
    target = Path(path)
    if target.is_dir():
        raise ShiftCliError(pick(lang, f"--pdf: {path} 是文件夹；请给出文件名",
                                 f"--pdf: {path} is a folder; give a file name"))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ShiftCliError(pick(lang, f"--pdf: 文件夹 {folder} 不存在",
                                 f"--pdf: the folder {folder} does not exist"))
    if not os.access(folder, os.W_OK):
        raise ShiftCliError(pick(lang, f"--pdf: 无法在 {folder} 中写入",
                                 f"--pdf: cannot write in {folder}"))
    return target


def _write_pdf(register: Register, shift: Shift, path: str, lang: str, *,
               just_ended: bool = False) -> Path:
    from ..reports.handoff_pdf import write_handoff_pdf  # reportlab only when asked for

    target = _pdf_target(path, lang)
    try:
        write_handoff_pdf(register.shifts.sheet(shift.id), target, lang=lang, shift=shift)
    except OSError as exc:
        again = f"`shopdesk handoff show {shift.id} --pdf PATH`"
        stored = pick(lang, f"；交接 #{shift.id} 已保存：{again} 可以重新生成 PDF",
                      f"; hand-off #{shift.id} is stored: {again} writes it") if just_ended \
            else ""
        why = exc.strerror or exc
        raise ShiftCliError(pick(lang, f"--pdf: 无法写入 {path}：{why}{stored}",
                                 f"--pdf: cannot write {path}: {why}{stored}")) from None
    return target


def cmd_shift(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    service = register.shifts
    lang = cli_lang(register, args)
    command = args.shift_command
    if command == "start":
        pin = _ask_pin(register, args.staff, args.pin)
        shift = service.start(args.staff, pin=pin, actor=args.actor)
        when = _when(register, shift.started_at)
        out.write(pick(lang, f"班次 #{shift.id} 已开始：{shift.staff}（{when}）\n",
                       f"shift #{shift.id} started: {shift.staff} ({when})\n"))
        return 0
    if command == "end":
        if args.pdf:
            _pdf_target(args.pdf, lang)
        shift = service.end(actor_name(register, args.actor), args.note)
        if args.pdf:
            path = _write_pdf(register, shift, args.pdf, lang, just_ended=True)
        if args.json:
            data = handoff_json(shift, register)
            if args.pdf:
                data["pdf"] = str(path)
            emit_json(out, {"schema": SCHEMA_VERSION, "handoff": data})
        elif args.text:
            out.write(handoff_text(service.sheet(shift.id), lang, shift=shift))
        else:
            out.write(_ended_line(register, shift, lang))
        if args.pdf and not args.json:
            out.write(f"PDF: {path}\n")
        return 0
    if command == "next-hours":
        if args.hours is not None:
            service.set_next_shift_hours(args.hours, actor_name(register, args.actor))
        out.write(f"{service.next_shift_hours():g}\n")
        return 0
    current, waiting = service.current(), service.pending_all()
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION,
                        "on_shift": None if current is None else {
                            "id": current.id, "staff": current.staff,
                            "started_at": to_utc_iso(current.started_at)},
                        # The oldest unacknowledged, and all of them oldest first.
                        "pending_handoff": handoff_json(waiting[0], register, with_sheet=False)
                        if waiting else None,
                        "pending_handoffs": [handoff_json(s, register, with_sheet=False)
                                             for s in waiting]})
        return 0
    if current:
        since = _when(register, current.started_at)
        out.write(pick(lang, f"当班：{current.staff}（{since} 起）\n",
                       f"on shift: {current.staff} since {since}\n"))
    else:
        out.write(pick(lang, "当班：无人\n", "on shift: nobody\n"))
    for pending in waiting:
        ended = _when(register, pending.ended_at)
        out.write(pick(lang, f"{pending.staff} 的交接 #{pending.id}（{ended}）尚未确认\n",
                       f"hand-off #{pending.id} from {pending.staff} ({ended}) is not "
                       "acknowledged yet\n"))
    return 0


def _ended_line(register: Register, shift: Shift, lang: str) -> str:
    """`shift end`'s one line: the hand-off's span and counts."""
    c = shift.counts
    span = f"{_when(register, shift.started_at)} – {_when(register, shift.ended_at)}"
    touched, open_, late = c.get("touched", 0), c.get("open", 0), c.get("promises_overdue", 0)
    # Work done before the shift was started is on the sheet too, apart.
    off = c.get("off_shift")
    if not is_english(lang):
        gap = f"，无人当班时处理 {off} 个" if off else ""
        return (f"交接 #{shift.id}：{shift.staff} {span}；处理案件 {touched} 个{gap}，"
                f"待处理案件 {open_} 个，承诺逾期 {late} 个\n")
    gap = f"{off} while nobody was on shift, " if off else ""
    return (f"hand-off #{shift.id}: {shift.staff} {span}; {touched} touched, {gap}{open_} open, "
            f"{late} promises overdue\n")


def cmd_handoff(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    service = register.shifts
    lang = cli_lang(register, args)
    command = args.handoff_command
    checked_int(getattr(args, "handoff_id", None), "ID" if command == "show" else "--id", lang)
    if command == "list":
        checked_int(args.limit, "--limit", lang, maximum=1_000_000)
        shifts = service.list(args.limit)
        if args.json:
            emit_json(out, {"schema": SCHEMA_VERSION, "count": len(shifts),
                            "handoffs": [handoff_json(s, register, with_sheet=False)
                                         for s in shifts]})
            return 0
        _write_handoffs(register, shifts, lang, out)
        return 0
    if command == "ack":
        pin = _ask_pin(register, args.staff, args.pin)
        shift = service.acknowledge(args.staff, shift_id=args.handoff_id, pin=pin)
        own = pick(lang, "（本人确认）", " (own hand-off)") if shift.self_acknowledged else ""
        at = _when(register, shift.ack_at)
        out.write(pick(lang, f"交接 #{shift.id} 已由 {shift.ack_by} 于 {at} 确认接班{own}\n",
                       f"hand-off #{shift.id} acknowledged by {shift.ack_by}{own} at {at}\n"))
        waiting = service.pending_all()
        if waiting:
            ids = ", ".join(f"#{s.id}" for s in waiting)
            out.write(pick(lang, f"还有 {len(waiting)} 条交接尚未确认：{ids}\n",
                           f"{len(waiting)} more hand-off(s) not acknowledged yet: {ids}\n"))
        return 0
    # show
    if args.handoff_id is not None:
        shift = service.get(args.handoff_id)
        if shift.is_open:
            raise ShiftCliError(pick(lang, f"交接 #{shift.id}：该班次还没有结束",
                                     f"hand-off #{shift.id}: the shift has not ended yet"))
    else:
        latest = service.latest()
        if latest is None:
            raise ShiftCliError(pick(lang, "还没有交接记录（用 `shopdesk shift end` 结束班次"
                                           "即可生成）",
                                     "no hand-off yet (end a shift with `shopdesk shift end`)"))
        shift = latest
    written = _write_pdf(register, shift, args.pdf, lang) if args.pdf else None
    if args.json:
        data = handoff_json(shift, register)
        if written is not None:
            data["pdf"] = str(written)
        emit_json(out, {"schema": SCHEMA_VERSION, "handoff": data})
    else:
        out.write(handoff_text(service.sheet(shift.id), lang, shift=shift))
        if written is not None:
            out.write(f"PDF: {written}\n")  # as `shift end --pdf` says it
    return 0


def _write_handoffs(register: Register, shifts: list[Shift], lang: str, out: TextIO) -> None:
    """`handoff list`: one line per hand-off, then the count."""
    for s in shifts:
        when, open_ = _when(register, s.ack_at), s.counts.get("open", 0)
        if s.acknowledged:
            ack = pick(lang, f"已确认 {s.ack_by} {when}", f"ack {s.ack_by} {when}")
        else:
            ack = pick(lang, "尚未确认", "NOT acknowledged")
        out.write(f"#{s.id:<4} {_when(register, s.ended_at)}  {s.staff:<8} "
                  + pick(lang, f"待处理 {open_:<4}", f"open {open_:<4}") + f" {ack}\n")
    out.write(pick(lang, f"共 {len(shifts)} 条交接记录\n", f"{len(shifts)} hand-off(s)\n"))


SHIFT_HANDLERS = {name: guarded(command, option_of=_OPTION_OF, not_found=True)
                  for name, command in (("shift", cmd_shift), ("handoff", cmd_handoff))}
