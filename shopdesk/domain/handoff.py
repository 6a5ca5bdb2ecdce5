"""Shifts and the hand-off sheet (交接班): plain records, and the sheet's JSON snapshot.

The sheet is built by services/handoff_sheet.py when a shift ends and stored as JSON on
the shift, so a past hand-off shows exactly what was handed over then. Everything a
reader needs is in it already rendered in both languages (Text), phone numbers masked;
the PDF, the plain text and the window all draw from this one record.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .clock import from_iso, to_utc_iso
from .text import Text

SHEET_SCHEMA = 1


@dataclass(frozen=True)
class CaseRef:
    """A case as the sheet names it (buyer phone already masked)."""

    case_id: int
    case_no: str
    platform: Text
    kind: Text
    status: str  # CaseStatus value
    status_label: Text
    buyer: str = ""
    phone: str = ""  # masked: 138****5678
    item: str = ""
    amount: str = ""  # claimed, yuan with two decimals ("" when unknown)
    due_at: datetime | None = None
    assignee: str = ""


@dataclass(frozen=True)
class ChangeLine:
    """One thing that happened to a case during the shift."""

    at: datetime
    actor: str
    kind: str  # created, status, refund, note, call, promise, edit, evidence, platform, major,
    # other
    text: Text


@dataclass(frozen=True)
class TouchedCase:
    case: CaseRef
    changes: tuple[ChangeLine, ...]
    more_changes: int = 0  # left off the list to keep the sheet short


@dataclass(frozen=True)
class RankedCase:
    """An open case in urgency order, with every reason for its place."""

    rank: int
    case: CaseRef
    tier: str  # urgency.Tier value
    tier_label: Text
    reasons: tuple[Text, ...]
    waiting_on_us: bool


@dataclass(frozen=True)
class PromiseLine:
    promise_id: int
    case_no: str
    buyer: str
    what: Text
    due_at: datetime
    made_by: str
    state: str  # open, kept, broken, cancelled (no longer needed)
    overdue: bool = False
    resolved_by: str = ""
    reason: str = ""


@dataclass(frozen=True)
class CallLine:
    at: datetime
    case_no: str
    buyer: str
    phone: str  # masked
    outcome: Text
    actor: str
    summary: str = ""
    overridden: bool = False
    off_shift: bool = False  # made while nobody was on shift
    agreed: str = ""  # what was agreed on the call: owed next (sheets before it: "")


@dataclass(frozen=True)
class ImportLine:
    """A platform export imported during the period (its line in the import history)."""

    import_id: int
    at: datetime
    actor: str
    file: str
    kind: Text  # the export's platform and kind, e.g. 淘宝/天猫 售后单 ("" if not recorded)
    summary: Text  # 新建 3，更新 1，未变 5，跳过 0 行；平台已完结 1
    changed: bool = True  # it created, updated or filled something (False: a repeat)


@dataclass(frozen=True)
class NextCall:
    """When a buyer with an open case may next be phoned (the call-policy engine's word)."""

    case_no: str
    buyer: str
    phone: str  # masked
    state: str  # now, later, never
    next_at: datetime | None
    why: Text  # blocking reasons, or what is left of the caps


@dataclass(frozen=True)
class HandoffSheet:
    """Everything handed over at the end of one shift: every change since the previous
    hand-off (period_start to period_end), whether or not a shift was open then."""

    shift_id: int
    staff: str  # who was on shift
    ended_by: str
    period_start: datetime
    period_end: datetime
    explicit_start: bool  # False: ended without a start (covers since the last hand-off)
    next_shift_end: datetime
    next_shift_hours: float
    tz: str
    note: str = ""
    # When "Start shift" was pressed; the period starts earlier when it covers the time
    # since the previous hand-off (None: ended without a start, or sheets from before).
    started_at: datetime | None = None
    # Why the period starts where it does: "handoff" (the previous hand-off), "day" (none
    # to continue from: the last 24 hours), "shift" (the shift's start, when earlier);
    # "" on sheets stored before it was kept.
    since: str = ""
    touched: tuple[TouchedCase, ...] = ()
    touched_total: int = 0
    open_cases: tuple[RankedCase, ...] = ()
    open_total: int = 0
    promises_overdue: tuple[PromiseLine, ...] = ()
    promises_next: tuple[PromiseLine, ...] = ()
    promises_resolved: tuple[PromiseLine, ...] = ()
    calls: tuple[CallLine, ...] = ()
    next_calls: tuple[NextCall, ...] = ()
    next_calls_total: int = 0
    # Platform exports imported in the period, oldest first (none on sheets from before).
    imports: tuple[ImportLine, ...] = ()
    refund_count: int = 0
    refund_total: str = "0.00"  # yuan, refunds and compensation agreed during the period
    # The part of the period before the shift was started, when nobody was on shift (None:
    # no such part, e.g. ended without a start: then the whole period is the shift's), and
    # the cases changed in it, kept apart from `touched`, with who changed them.
    off_shift_start: datetime | None = None
    off_shift_end: datetime | None = None
    off_shift: tuple[TouchedCase, ...] = ()
    off_shift_total: int = 0
    off_shift_by: tuple[str, ...] = ()  # everyone who changed something then, first first
    schema: int = SHEET_SCHEMA

    @property
    def has_off_shift(self) -> bool:
        """Does the period have a stretch with nobody on shift (its own section)?"""
        return self.off_shift_start is not None and self.off_shift_end is not None

    def counts(self) -> dict[str, int]:
        """The headline numbers (touched on shift, touched while nobody was on shift, open,
        overdue/next promises, calls, refunds)."""
        return {"touched": self.touched_total, "off_shift": self.off_shift_total,
                "open": self.open_total,
                "promises_overdue": len(self.promises_overdue),
                "promises_next": len(self.promises_next), "calls": len(self.calls),
                "refunds": self.refund_count}


@dataclass(frozen=True)
class RowMarks:
    """The last row id of each table a sheet reads, taken when a hand-off was written.

    Times are stored to the second, so the second a hand-off ends is shared with whatever
    is written just after it. Row ids only grow: a row stamped with that second and an
    id above the mark was written after the hand-off and belongs on the next sheet."""

    case_events: int = 0
    audit_log: int = 0
    call_attempts: int = 0
    import_log: int = 0  # 0 on marks kept before imports were listed: none was


@dataclass(frozen=True)
class HandedOver:
    """What a hand-off already listed of its own last second: the next sheet, which
    starts in that second, leaves exactly these rows out (and lists everything else)."""

    marks: RowMarks
    promises_resolved: frozenset[int] = frozenset()  # promise ids kept/broken on it

    def listed(self, table: str, row_id: int) -> bool:
        """Was this row (stamped with the hand-off's second) on that sheet? `table`: a
        RowMarks field, or 'promises' for a promise kept or broken in that second."""
        if table == "promises":
            return row_id in self.promises_resolved
        return row_id <= getattr(self.marks, table)


@dataclass(frozen=True)
class Shift:
    """A shift, and once ended, its hand-off (the sheet is loaded separately)."""

    id: int
    staff: str
    started_at: datetime
    started_by: str
    explicit_start: bool = True
    ended_at: datetime | None = None
    ended_by: str | None = None
    note: str = ""
    ack_by: str | None = None
    ack_at: datetime | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def acknowledged(self) -> bool:
        return self.ack_at is not None

    @property
    def self_acknowledged(self) -> bool:
        """The person on shift acknowledged it themselves (a solo seller does)."""
        return self.ack_by is not None and self.ack_by == self.staff


# --- JSON snapshot ------------------------------------------------------------------


def sheet_to_json(sheet: HandoffSheet) -> dict[str, Any]:
    """The sheet as a JSON-ready dict (times as UTC ISO strings)."""
    return _encode(sheet)


def sheet_from_json(data: dict[str, Any]) -> HandoffSheet:
    """Rebuild a sheet stored by sheet_to_json (unknown keys are ignored)."""
    return _decode(HandoffSheet, data)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return to_utc_iso(value)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(tp: Any, raw: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if raw is None:
            return None
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner[0], raw)
    if origin is tuple:
        (item, _ellipsis) = typing.get_args(tp)
        return tuple(_decode(item, v) for v in raw or ())
    if tp is datetime:
        return from_iso(raw)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _decode(hints[k], v) for k, v in raw.items() if k in known})
    return raw
