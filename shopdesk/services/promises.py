"""Promise use cases: make a promise to a buyer, keep it, break it or mark it no longer
needed, list what is owed.

Every write is one transaction with a timeline event (promise_made / promise_kept /
promise_broken / promise_cancelled) and an audit row on the case; the case's "next open
promise due" column is refreshed in the same transaction so the case list can sort and
filter on it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..domain.clock import SHOP_TZ_DEFAULT, Clock, ensure_aware, local, to_utc_iso
from ..domain.errors import FieldError, ValidationError
from ..domain.promises import (
    MAX_REASON,
    Promise,
    PromiseKind,
    PromiseState,
    check_resolvable,
    validate_new_promise,
)
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.promises import PromiseStore
from .actor import require_actor

# "Kept at" a little ahead of the clock is a clock skew; further ahead is a typo.
FUTURE_SLACK = timedelta(minutes=5)


def event_text(promise: Promise, type_: str, shop_tz: str) -> str:
    """The stored (Chinese) text of a promise_made / promise_kept / promise_broken /
    promise_cancelled event;
    the window redraws the line from `event_data` in its own language."""
    what = promise.describe("zh")
    if type_ == "promise_made":
        due = local(promise.due_at, shop_tz).strftime("%Y-%m-%d %H:%M")
        return f"{what}（{due} 前）"
    if type_ == "promise_kept":
        return f"{what}（逾期兑现）" if promise.was_late() else what
    if type_ == "promise_cancelled":
        return f"{what}（不再需要：{promise.broken_reason}）"
    return f"{what}（原因：{promise.broken_reason}）"


def event_data(promise: Promise) -> dict[str, object]:
    """The timeline event's data: enough to redraw the promise without a lookup."""
    return {
        "promise_id": promise.id, "kind": promise.kind.value, "text": promise.text,
        "due_at": to_utc_iso(promise.due_at), "state": promise.state.value,
        "resolved_at": to_utc_iso(promise.resolved_at) if promise.resolved_at else None,
        "late": promise.was_late(), "reason": promise.broken_reason,
    }


def audit_values(promise: Promise, type_: str) -> tuple[str | None, str]:
    """(old, new) of the audit row an event of `type_` on `promise` records."""
    if type_ == "promise_made":
        return None, f"{promise.kind.value} {to_utc_iso(promise.due_at)} {promise.text}".strip()
    if type_ == "promise_kept":
        return "open", "kept"
    if type_ == "promise_cancelled":
        return "open", f"cancelled: {promise.broken_reason}"
    return "open", f"broken: {promise.broken_reason}"


def _reason(reason: str, zh: str, en: str) -> str:
    """The stripped reason; a ValidationError (`zh` / `en`) when empty or too long."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError([FieldError("reason", zh, en)])
    if len(reason) > MAX_REASON:
        raise ValidationError([FieldError("reason", f"原因不能超过 {MAX_REASON} 字",
                                          f"The reason is longer than {MAX_REASON} "
                                          "characters")])
    return reason


def not_needed_reason(reason: str) -> str:
    """The reason a promise is no longer needed, stripped (ValidationError: none, too long)."""
    return _reason(reason, "请写明不再需要的原因", "Say why the promise is no longer needed")


class PromiseService:
    """Promises on one register (register.promises)."""

    def __init__(self, db: Database, clock: Clock, *, shop_tz: str = SHOP_TZ_DEFAULT) -> None:
        self.db = db
        self.clock = clock
        self.shop_tz = shop_tz
        self.store = PromiseStore(db)
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit_log = AuditStore(db)

    # --- writes --------------------------------------------------------------
    def make(self, case_id: int, kind: PromiseKind, due_at: datetime, actor: str,
             text: str = "") -> Promise:
        """Record a promise made to the buyer of `case_id`, due at `due_at`."""
        actor = require_actor(actor)
        now = self.clock.now()
        errors = validate_new_promise(kind, text, due_at, now)
        if errors:
            raise ValidationError(errors)
        text = (text or "").strip()
        with self.db.atomic():
            case = self.cases.get(case_id)  # a trashed case takes no new promises
            promise = self.store.add(case_id=case.id, kind=PromiseKind(kind), text=text,
                                     due_at=due_at, made_by=actor, made_at=now)
            self._trail(promise, "promise_made", now, actor, now)
        return promise

    def keep(self, promise_id: int, actor: str, at: datetime | None = None) -> Promise:
        """Mark an open promise kept (at `at`, default now)."""
        actor = require_actor(actor)
        now = self.clock.now()
        at = ensure_aware(at) if at is not None else now
        with self.db.atomic():
            promise = self._open(promise_id, "keep")
            if at > now + FUTURE_SLACK:
                raise ValidationError([FieldError("at", "兑现时间不能在将来",
                                                  "The kept time is in the future")])
            if at < promise.made_at:
                raise ValidationError([FieldError("at", "兑现时间早于做出承诺的时间",
                                                  "The kept time is before the promise "
                                                  "was made")])
            kept = self.store.resolve(promise.id, PromiseState.KEPT, at, actor)
            self._trail(kept, "promise_kept", at, actor, now)
        return kept

    def break_promise(self, promise_id: int, actor: str, reason: str) -> Promise:
        """Mark an open promise broken; the reason is required."""
        actor = require_actor(actor)
        reason = _reason(reason, "请写明未兑现的原因", "Say why the promise was not kept")
        now = self.clock.now()
        with self.db.atomic():
            promise = self._open(promise_id, "break")
            broken = self.store.resolve(promise.id, PromiseState.BROKEN, now, actor, reason)
            self._trail(broken, "promise_broken", now, actor, now)
        return broken

    def cancel(self, promise_id: int, actor: str, reason: str) -> Promise:
        """Mark an open promise no longer needed (the buyer withdrew...); the reason is
        required, since neither kept nor broken says what happened."""
        actor = require_actor(actor)
        reason = not_needed_reason(reason)
        now = self.clock.now()
        with self.db.atomic():
            promise = self._open(promise_id, "cancel")
            cancelled = self.store.resolve(promise.id, PromiseState.CANCELLED, now, actor,
                                           reason)
            self._trail(cancelled, "promise_cancelled", now, actor, now)
        return cancelled

    def _trail(self, promise: Promise, type_: str, at: datetime, actor: str,
               now: datetime) -> None:
        """Timeline event at `at`, activity on the case, audit row stamped `now`."""
        self.events.add(promise.case_id, at, actor, type_,
                        event_text(promise, type_, self.shop_tz), event_data(promise))
        self._touch(promise.case_id, at)
        old, new = audit_values(promise, type_)
        self.audit_log.record(now, actor, "case", promise.case_id, type_,
                              f"promise:{promise.id}", old, new)

    def _open(self, promise_id: int, action: str) -> Promise:
        promise = self.store.get(promise_id)
        # A case in the trash is read-only, its promises too (NotFoundError, as for notes).
        self.cases.get(promise.case_id)
        errors = check_resolvable(promise, action)
        if errors:
            raise ValidationError(errors)
        return promise

    def _touch(self, case_id: int, at: datetime) -> None:
        case = self.cases.get(case_id, include_deleted=True)
        latest = max(at, case.last_activity_at or at)
        self.cases.update_columns(case_id, {"last_activity_at": to_utc_iso(latest)},
                                  reindex=False)

    # --- reads ---------------------------------------------------------------
    def get(self, promise_id: int) -> Promise:
        """One promise by id (NotFoundError when there is none)."""
        return self.store.get(promise_id)

    def for_case(self, case_id: int) -> list[Promise]:
        """All the case's promises, every state, by due time."""
        return self.store.for_case(case_id)

    def open_for_case(self, case_id: int) -> list[Promise]:
        """The case's open promises, by due time (asked about when the case is finished)."""
        return [p for p in self.store.for_case(case_id) if p.is_open]

    def open_promises(self) -> list[Promise]:
        """Open promises on live (not trashed) cases, by due time."""
        return self.store.open_due()

    def overdue(self, now: datetime | None = None) -> list[Promise]:
        """Open promises on live cases due at or before `now` (default the clock)."""
        return self.store.open_due(until=ensure_aware(now) if now else self.clock.now())

    def oldest_overdue(self, now: datetime | None = None) -> Promise | None:
        """The longest-overdue open promise (one row: the banner shows only this one)."""
        until = ensure_aware(now) if now else self.clock.now()
        return next(iter(self.store.open_due(until=until, limit=1)), None)

    def overdue_count(self, now: datetime | None = None) -> int:
        """How many promises are overdue now (cheap: the main-screen banner polls it)."""
        return self.store.count_open_due(ensure_aware(now) if now else self.clock.now())

    def due_between(self, start: datetime, end: datetime) -> list[Promise]:
        """Open promises on live cases with start <= due_at < end."""
        return self.store.open_due(start=ensure_aware(start), before=ensure_aware(end))

    def resolved_between(self, start: datetime, end: datetime) -> list[Promise]:
        """Promises kept, broken or no longer needed with start <= resolved_at < end, by
        that time."""
        return self.store.resolved_between(ensure_aware(start), ensure_aware(end))

    def next_due(self, case_ids: list[int]) -> dict[int, datetime]:
        """Each case's earliest open promise due time (the case list's column)."""
        return self.store.next_due(case_ids)
