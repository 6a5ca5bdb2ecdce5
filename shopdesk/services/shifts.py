"""Shifts and hand-offs (交接班): start a shift, end it with a hand-off sheet, acknowledge
it; staff PINs; the next shift's length.

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
- A staff member with a PIN must give it to start a shift, acknowledge a hand-off or
  become the operator in the window, also when the window opens with them remembered as
  the operator from the last session (it then starts with nobody chosen). Wrong PINs are
  refused, audited, and after MAX_WRONG tries within LOCK_WINDOW the name is locked until
  the window passes.
- A forgotten PIN is reset (removed without it) by anyone, with a reason, audited: the PIN
  keeps colleagues from acting under each other's names by mistake, it is not a lock the
  shop owner can be shut out by.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from sqlite_utils import Database

from ..domain.clock import SHOP_TZ_DEFAULT, Clock, local
from ..domain.errors import FieldError, NotFoundError, ValidationError
from ..domain.handoff import HandedOver, HandoffSheet, Shift
from ..domain.pins import LOCK_WINDOW, MAX_WRONG, check_pin, hash_pin, validate_pin
from ..storage.audit import AuditStore
from ..storage.settings import SettingsStore
from ..storage.shifts import ShiftStore
from ..storage.staff import StaffMember, StaffStore
from .actor import require_actor as _require
from .calls import CallService
from .handoff_sheet import HandoffSheetBuilder, SheetRequest
from .promises import PromiseService
from .staff import CURRENT_OPERATOR_KEY

if TYPE_CHECKING:
    from .register import Register

NEXT_SHIFT_HOURS_KEY = "shift.next_hours"
DEFAULT_NEXT_SHIFT_HOURS = 8.0
MIN_HOURS, MAX_HOURS = 1.0, 72.0
# The first hand-off ever, ended without a start, covers this much before it.
FIRST_SHEET_HOURS = 24
MAX_NOTE = 2000
MAX_REASON = 200


class _Period(NamedTuple):
    """Where a hand-off sheet starts: `start`, the hand-off it continues from (its row
    marks) and why it starts there (HandoffSheet.since)."""

    start: datetime
    previous: HandedOver | None
    since: str


class PinError(ValidationError):
    """A PIN was needed and missing, wrong, or the name is locked (field 'pin')."""

    def __init__(self, zh: str, en: str, *, missing: bool = False,
                 field: str = "pin") -> None:
        super().__init__([FieldError(field, zh, en)])
        self.missing = missing


class ShiftService:
    """register.shifts: shifts, hand-off sheets, acknowledgements and PINs."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore,
                 calls: CallService, promises: PromiseService, *,
                 shop_tz: str = SHOP_TZ_DEFAULT) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings
        self.shop_tz = shop_tz
        self.store = ShiftStore(db)
        self.staff = StaffStore(db)
        self.audit_log = AuditStore(db)
        self.builder = HandoffSheetBuilder(db, calls, promises, shop_tz)

    @classmethod
    def for_register(cls, register: Register) -> ShiftService:
        """The service on an open register (after its calls and promises services)."""
        return cls(register.db, register.clock, register.settings, register.calls,
                   register.promises, shop_tz=register.shop_tz)

    # --- shifts --------------------------------------------------------------
    def current(self) -> Shift | None:
        """The open shift, if someone is on shift."""
        return self.store.open_shift()

    def start(self, staff: str, *, pin: str | None = None, actor: str | None = None) -> Shift:
        """Start `staff`'s shift and make them the operator (PIN checked when they have one)."""
        member = self._member(_require(staff, "staff"))
        self.verify_pin(member.name, pin, purpose="shift_start")
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
            self.settings.set(CURRENT_OPERATOR_KEY, member.name)
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
        self.verify_pin(member.name, pin, purpose="handoff_ack")
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

    # --- PINs ----------------------------------------------------------------
    def has_pin(self, staff: str) -> bool:
        member = self.staff.by_name((staff or "").strip())
        return member is not None and self.store.pin_hash(member.id) is not None

    def staff_with_pins(self) -> set[str]:
        ids = self.store.staff_with_pins()
        return {m.name for m in self.staff.all(include_inactive=True) if m.id in ids}

    def set_pin(self, staff: str, pin: str, actor: str, *, old_pin: str | None = None) -> None:
        """Set or change a staff member's PIN; changing one needs the current PIN."""
        actor = _require(actor)
        member = self._member(_require(staff, "staff"))
        errors = validate_pin(pin)
        if errors:
            raise ValidationError(errors)
        changing = self.store.pin_hash(member.id) is not None
        if changing:
            self.verify_pin(member.name, old_pin, purpose="pin_change", field="old_pin")
        now = self.clock.now()
        with self.db.atomic():
            self.store.set_pin_hash(member.id, hash_pin(pin), now, actor)
            # The audit says that it changed, never the digits or the hash.
            self.audit_log.record(now, actor, "staff", member.id,
                                  "pin_changed" if changing else "pin_set", "pin")

    def clear_pin(self, staff: str, actor: str, *, old_pin: str | None = None) -> None:
        """Remove a staff member's PIN (the current PIN is needed)."""
        actor = _require(actor)
        member = self._member(_require(staff, "staff"))
        if self.store.pin_hash(member.id) is None:
            return
        self.verify_pin(member.name, old_pin, purpose="pin_clear", field="old_pin")
        now = self.clock.now()
        with self.db.atomic():
            self.store.clear_pin(member.id)
            self.audit_log.record(now, actor, "staff", member.id, "pin_cleared", "pin")

    def forget_operator_with_pin(self) -> str | None:
        """At the window's start: when the operator remembered from the last session has a
        PIN, forget them, so the window starts with nobody chosen and choosing them asks
        for it (else opening the app would act as them without it). Returns that name."""
        name = self.settings.get(CURRENT_OPERATOR_KEY, "")
        if not name or not self.has_pin(name):
            return None
        with self.db.atomic():
            self.settings.set(CURRENT_OPERATOR_KEY, "")
        return name

    def reset_pin(self, staff: str, actor: str, reason: str) -> None:
        """Remove a forgotten PIN without it. Anyone at the keyboard may (a solo owner
        locked out of their own register is worse than what a 4-digit PIN on a local file
        guards against), but only with a reason, and the audit trail keeps who, when and
        why; the person can set a new PIN at once."""
        actor = _require(actor)
        member = self._member(_require(staff, "staff"))
        reason = " ".join((reason or "").split())
        if not reason:
            raise ValidationError([FieldError("reason", "请写明为什么重置 PIN",
                                              "Say why the PIN is reset")])
        if len(reason) > MAX_REASON:
            raise ValidationError([FieldError(
                "reason", f"原因不能超过 {MAX_REASON} 字",
                f"The reason is longer than {MAX_REASON} characters")])
        if self.store.pin_hash(member.id) is None:
            raise ValidationError([FieldError("staff", f"{member.name} 没有设置 PIN",
                                              f"{member.name} has no PIN")])
        now = self.clock.now()
        with self.db.atomic():
            self.store.clear_pin(member.id)
            self.audit_log.record(now, actor, "staff", member.id, "pin_reset", "pin", None,
                                  reason)

    def verify_pin(self, staff: str, pin: str | None, *, purpose: str = "operator",
                   field: str = "pin") -> None:
        """Pass when `staff` has no PIN or `pin` matches; otherwise PinError. A wrong PIN
        is audited (who, what for); too many lock the name for a while."""
        member = self.staff.by_name((staff or "").strip())
        if member is None:
            return
        stored = self.store.pin_hash(member.id)
        if stored is None:
            return
        now = self.clock.now()
        # Wrong tries against an earlier PIN do not lock a new one (a reset, then a new PIN).
        set_at = self.store.pin_set_at(member.id)
        recent = [at for at in self.store.refusals_since(member.id, now - LOCK_WINDOW)
                  if set_at is None or at >= set_at]
        if len(recent) >= MAX_WRONG:
            until = self._shown(recent[-MAX_WRONG] + LOCK_WINDOW, time_only=True)
            raise PinError(f"{member.name} 的 PIN 错误次数过多，请在 {until} 后再试",
                           f"Too many wrong PINs for {member.name}: try again after {until}",
                           field=field)
        pin = (pin or "").strip()
        if not pin:
            raise PinError(f"{member.name} 设置了 PIN，请输入 4 位 PIN",
                           f"{member.name} has a PIN: enter the 4 digits", missing=True,
                           field=field)
        if check_pin(pin, stored):
            return
        with self.db.atomic():
            self.audit_log.record(now, member.name, "staff", member.id, "pin_refused",
                                  "pin", None, purpose)
        raise PinError(f"{member.name} 的 PIN 不正确", f"Wrong PIN for {member.name}",
                       field=field)

    # --- helpers -------------------------------------------------------------
    def _member(self, name: str, field: str = "staff") -> StaffMember:
        member = self.staff.by_name(name)
        if member is None or not member.active:
            raise ValidationError([FieldError(field, f"没有这个员工：{name}",
                                              f"No such staff member: {name}")])
        return member

    def _shown(self, at: datetime, *, time_only: bool = False) -> str:
        return local(at, self.shop_tz).strftime("%H:%M" if time_only else "%m-%d %H:%M")

    def next_shift_end(self, at: datetime | None = None) -> datetime:
        return (at or self.clock.now()) + timedelta(hours=self.next_shift_hours())
