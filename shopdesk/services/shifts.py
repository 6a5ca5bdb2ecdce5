"""Shifts and hand-offs (交接班): start a shift, end it with a hand-off sheet, acknowledge
it; the next shift's length.

Decisions (see also the README):
- One shift is open at a time. Starting while someone else's shift is open is refused
  with their name; anyone may end the open shift (ended_by records who did).
- A sheet covers every change since the previous hand-off, or the last
  FIRST_SHEET_HOURS when there has been none (a first "end of day" at 00:30 covers the
  evening before, which "since 00:00" left out; a first started shift covers the morning
  worked before it), whether or not a shift was open. What was done before the shift
  was started, with nobody on shift, is its own section of the sheet.
- Ending without a started shift (a solo seller who never pressed "start") records a
  shift for the current operator covering that period: it is all theirs.
- Where a sheet continues from a hand-off, both share the second it ended (times are
  stored to the second). The new sheet takes every row of that second except the exact
  ones the hand-off listed: row ids only grow, so the hand-off keeps the last id of each
  table it reads (RowMarks, with its shift_ended event) and the promises it lists as
  resolved; a row written after it in the same second is on the next sheet, none is on
  both. A hand-off stored before the marks were kept shares its last second whole (a row
  then may be on both sheets, never on neither).
- The sheet is stored as JSON when the shift ends: a past hand-off never changes.
- Acknowledging: once per hand-off (a second time is refused, naming who did it and
  when); acknowledging your own hand-off is allowed and shown as such (a solo seller
  reads their own sheet the next morning). Every unacknowledged hand-off stays pending,
  oldest first: ending the next shift does not bury one nobody has read.
- A staff member with a PIN must give it to start a shift or acknowledge a hand-off; the
  PINs themselves (set, clear, reset, verify, lockout) are the staff service's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from ..domain.clock import SHOP_TZ_DEFAULT, Clock, local
from ..domain.errors import FieldError, NotFoundError, ValidationError
from ..domain.handoff import HandedOver, HandoffSheet, Shift
from ..storage.audit import AuditStore
from ..storage.database import Database
from ..storage.settings import SettingsStore
from ..storage.shifts import ShiftStore
from ..storage.staff import StaffMember
from .actor import require_actor as _require
from .promises import PromiseService
from .staff import StaffService

if TYPE_CHECKING:  # the sheet's builder loads when a sheet is first made, not at start
    from .calls import CallService
    from .handoff_sheet import HandoffSheetBuilder, SheetRequest

NEXT_SHIFT_HOURS_KEY = "shift.next_hours"
DEFAULT_NEXT_SHIFT_HOURS = 8.0
MIN_HOURS, MAX_HOURS = 1.0, 72.0
# The first hand-off ever, ended without a start, covers this much before it.
FIRST_SHEET_HOURS = 24
MAX_NOTE = 2000


class _Period(NamedTuple):
    """Where a hand-off sheet starts: `start`, the hand-off it continues from (its row
    marks) and why it starts there (HandoffSheet.since)."""

    start: datetime
    previous: HandedOver | None
    since: str




class ShiftService:
    """register.shifts: shifts, hand-off sheets and acknowledgements (PINs: `staff`)."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore,
                 staff: StaffService, calls: Callable[[], CallService],
                 promises: PromiseService, *, shop_tz: str = SHOP_TZ_DEFAULT) -> None:
        """`calls` gives the call service when the first hand-off sheet is made (the
        register builds it on first use)."""
        self.db = db
        self.clock = clock
        self.settings = settings
        self.shop_tz = shop_tz
        self.store = ShiftStore(db)
        self.staff = staff
        self.audit_log = AuditStore(db)
        self._calls = calls
        self._promises = promises

    @cached_property
    def builder(self) -> HandoffSheetBuilder:
        """What makes the hand-off sheet (built with the first sheet)."""
        from .handoff_sheet import HandoffSheetBuilder

        return HandoffSheetBuilder(self.db, self._calls(), self._promises, self.shop_tz)

    # --- shifts --------------------------------------------------------------
    def current(self) -> Shift | None:
        """The open shift, if someone is on shift."""
        return self.store.open_shift()

    def start(self, staff: str, *, pin: str | None = None, actor: str | None = None) -> Shift:
        """Start `staff`'s shift and make them the operator (PIN checked when they have one)."""
        member = self._member(_require(staff, "staff"))
        self.staff.verify_pin(member.name, pin, purpose="shift_start")
        now = self.clock.now()
        with self.db.atomic():
            open_shift = self.store.open_shift()
            if open_shift is not None:
                since = self._shown(open_shift.started_at)
                if open_shift.staff == member.name:
                    raise ValidationError([FieldError(
                        "staff", f"{member.name} 已在班上（{since} 开始）",
                        f"{member.name} is already on shift (since {since})")])
                raise ValidationError([FieldError(
                    "staff", f"{open_shift.staff} 的班次还未结束（{since} 开始），"
                             "请先结束该班次并交接",
                    f"{open_shift.staff}'s shift (since {since}) has not ended: end it with "
                    "a hand-off first")])
            who = (actor or "").strip() or member.name
            shift = self.store.start(member.name, now, who)
            self.store.add_event(shift.id, now, who, "shift_started", member.name)
            self.audit_log.record(now, who, "shift", shift.id, "start", "staff", None,
                                  member.name)
        # After the commit: a refused start leaves this PC's operator as it was.
        self.staff.set_current_operator(member.name)
        return shift

    def period_start(self, end: datetime | None = None) -> datetime:
        """Where a sheet ending at `end` starts: the previous hand-off; with none, the
        last FIRST_SHEET_HOURS (or the open shift's start, when that is earlier)."""
        return self._period(end or self.clock.now()).start

    def _period(self, end: datetime) -> _Period:
        """Where the sheet ending at `end` starts, why, and the hand-off it continues from
        when it ended at that start (what it listed of that second is left out; None: all
        of that second is this sheet's).

        A sheet covers every change since the previous hand-off, whether or not a shift was
        open: what happened between the hand-off and a start (the outgoing person finishing
        a call, the incoming one working before pressing Start) would otherwise be on no
        sheet. The first sheet ever covers the last FIRST_SHEET_HOURS, also when a shift
        was started: a seller who starts using shifts after a morning of work hands over
        that morning too."""
        open_shift = self.store.open_shift()
        previous = self.store.latest_ended()
        since = previous.ended_at if previous is not None else None
        if since is not None and since > end:
            since = None  # a clock set back: the previous hand-off is "in the future"
        if since is not None and (open_shift is None or since <= open_shift.started_at):
            return _Period(since, self.store.handed_over(previous.id),  # type: ignore[union-attr]
                           "handoff")
        day = end - timedelta(hours=FIRST_SHEET_HOURS)
        if open_shift is not None and (since is not None or open_shift.started_at < day):
            return _Period(open_shift.started_at, None, "shift")
        return _Period(day, None, "day")

    def preview(self, actor: str, note: str = "") -> HandoffSheet:
        """The sheet ending the shift now would produce (nothing is written)."""
        actor = _require(actor)
        now = self.clock.now()
        open_shift = self.store.open_shift()
        return self.builder.build(self._request(open_shift, actor, note, now,
                                                self._period(now), shift_id=0))

    def end(self, actor: str, note: str = "") -> Shift:
        """End the open shift (or, with none open, the time since the last hand-off) and
        store its hand-off sheet. Returns the ended shift."""
        actor = _require(actor)
        note = (note or "").strip()
        if len(note) > MAX_NOTE:
            raise ValidationError([FieldError("note", f"交接备注不能超过 {MAX_NOTE} 字",
                                              f"The note is longer than {MAX_NOTE} "
                                              "characters")])
        now = self.clock.now()
        with self.db.atomic():
            period = self._period(now)
            shift = self.store.open_shift()
            if shift is None:
                # The solo seller who never pressed "start": the shift is theirs.
                self._member(actor, field="actor")
                shift = self.store.start(actor, period.start, actor, explicit=False)
            sheet = self.builder.build(self._request(shift, actor, note, now, period,
                                                     shift_id=shift.id))
            # In this transaction: no write falls between the sheet and its marks.
            marks = self.builder.sources.row_marks()
            ended = self.store.end(shift.id, now, actor, note, sheet)
            self.store.add_event(shift.id, now, actor, "shift_ended", note,
                                 {"counts": sheet.counts(), "marks": asdict(marks)})
            self.audit_log.record(now, actor, "shift", shift.id, "end", "note", None,
                                  note or None)
        return ended

    def _request(self, shift: Shift | None, actor: str, note: str, now: datetime,
                 period: _Period, *, shift_id: int) -> SheetRequest:
        from .handoff_sheet import SheetRequest

        explicit = shift is not None and shift.explicit_start
        return SheetRequest(
            shift_id=shift_id, staff=shift.staff if shift is not None else actor,
            ended_by=actor, start=period.start, end=now, explicit_start=explicit,
            next_shift_hours=self.next_shift_hours(), note=(note or "").strip(),
            previous=period.previous, since=period.since,
            started_at=shift.started_at if explicit and shift is not None else None)

    # --- hand-offs -----------------------------------------------------------
    def list(self, limit: int | None = 200) -> list[Shift]:
        """Past hand-offs (ended shifts), newest first."""
        return self.store.ended(limit)

    def get(self, shift_id: int) -> Shift:
        return self.store.get(shift_id)

    def latest(self) -> Shift | None:
        """The most recent hand-off."""
        return self.store.latest_ended()

    def pending(self) -> Shift | None:
        """The oldest hand-off nobody has acknowledged yet (the start-up banner), or None.
        Oldest first: a newer hand-off must not hide one whose note nobody has read."""
        waiting = self.store.unacknowledged()
        return waiting[0] if waiting else None

    def pending_all(self) -> list[Shift]:
        """Every hand-off nobody has acknowledged yet, oldest first."""
        return self.store.unacknowledged()

    def sheet(self, shift_id: int) -> HandoffSheet:
        """The sheet as stored when the shift ended (NotFoundError for an open shift)."""
        sheet = self.store.sheet(shift_id)
        if sheet is None:
            raise NotFoundError(f"shift {shift_id} has not ended")
        return sheet

    def events(self, shift_id: int) -> list[tuple[datetime, str, str, str]]:
        return self.store.events(shift_id)

    def acknowledge(self, staff: str, *, shift_id: int | None = None,
                    pin: str | None = None) -> Shift:
        """`staff` acknowledges a hand-off (default: the oldest not yet acknowledged, else
        the latest, which then says who acknowledged it). Once only."""
        member = self._member(_require(staff, "staff"))
        self.staff.verify_pin(member.name, pin, purpose="handoff_ack")
        now = self.clock.now()
        with self.db.atomic():
            target = self.store.get(shift_id) if shift_id else \
                (self.pending() or self.store.latest_ended())
            if target is None or target.is_open:
                raise ValidationError([FieldError("handoff", "还没有可确认的交接记录",
                                                  "There is no hand-off to acknowledge")])
            if target.acknowledged:
                when = self._shown(target.ack_at)  # type: ignore[arg-type]
                raise ValidationError([FieldError(
                    "handoff", f"该交接已由 {target.ack_by} 于 {when} 确认",
                    f"This hand-off was already acknowledged by {target.ack_by} at {when}")])
            done = self.store.acknowledge(target.id, member.name, now)
            own = "（本人确认）" if done.self_acknowledged else ""
            self.store.add_event(target.id, now, member.name, "handoff_acknowledged",
                                 f"{member.name}{own}", {"self": done.self_acknowledged})
            self.audit_log.record(now, member.name, "shift", target.id, "acknowledge",
                                  "ack_by", None, member.name)
        return done

    # --- settings ------------------------------------------------------------
    def next_shift_hours(self) -> float:
        """The next shift's length in hours (promises due in it go on the sheet)."""
        try:
            value = float(self.settings.get(NEXT_SHIFT_HOURS_KEY, DEFAULT_NEXT_SHIFT_HOURS))
        except (TypeError, ValueError):
            return DEFAULT_NEXT_SHIFT_HOURS
        return value if MIN_HOURS <= value <= MAX_HOURS else DEFAULT_NEXT_SHIFT_HOURS

    def set_next_shift_hours(self, hours: float, actor: str) -> None:
        actor = _require(actor)
        try:
            value = float(hours)
        except (TypeError, ValueError):
            value = -1.0
        if not MIN_HOURS <= value <= MAX_HOURS:
            raise ValidationError([FieldError(
                "hours", f"下一班时长须在 {MIN_HOURS:g}–{MAX_HOURS:g} 小时之间",
                f"The next shift must be {MIN_HOURS:g}–{MAX_HOURS:g} hours long")])
        with self.db.atomic():
            old = self.next_shift_hours()
            self.settings.set(NEXT_SHIFT_HOURS_KEY, value)
            self.audit_log.record(self.clock.now(), actor, "settings", None, "update",
                                  NEXT_SHIFT_HOURS_KEY, f"{old:g}", f"{value:g}")

    # --- helpers -------------------------------------------------------------
    def _member(self, name: str, field: str = "staff") -> StaffMember:
        return self.staff.member(name, field)

    def _shown(self, at: datetime) -> str:
        return local(at, self.shop_tz).strftime("%m-%d %H:%M")

    def next_shift_end(self, at: datetime | None = None) -> datetime:
        return (at or self.clock.now()) + timedelta(hours=self.next_shift_hours())
