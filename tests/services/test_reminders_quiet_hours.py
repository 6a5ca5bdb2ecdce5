"""Quiet hours never hold a reminder past what it is about: something due before they end
is announced in the last minute before they begin (or at once, when the window learns of
it only after they began); what is due after they end still waits for them to end."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.reminders import Reminder, ReminderKind, ReminderSettings, announce_at
from shopdesk.domain.text import Text
from shopdesk.services.reminders import TRAY

SH = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A shop-time moment in November 2026 (Shanghai), in UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SH).astimezone(UTC)


def jd_refund(register, order: str):
    """A JD refund-only request filed now: JD auto-refunds 24 h later (cancel_unshipped)."""
    draft = draft_from_fields({"platform": "jd", "order_no": order, "kind": "refund_only",
                               "description": ""})
    return register.cases.open_case(draft, "小王")


def deadline_reminders(register):
    note = register.reminders.take(TRAY)
    return [] if note is None else [r for r in note.reminders
                                    if r.kind is ReminderKind.DEADLINE]


def test_a_deadline_due_inside_quiet_hours_is_announced_before_they_begin(register, clock):
    """The walkthrough: filed 05:00, JD refunds at 05:00 next day; the 03:00 reminder
    fell in quiet hours (00:00-08:00) and came at 08:00, three hours too late."""
    clock.set(at(23, 5))
    case = jd_refund(register, "JD100001")
    assert register.deadlines.for_case(case.id).due_at == at(24, 5)
    clock.set(at(23, 23, 58))
    assert deadline_reminders(register) == []
    clock.set(at(23, 23, 59))  # the last minute before the quiet hours
    [r] = deadline_reminders(register)
    assert (r.case_id, r.due_at) == (case.id, at(24, 5))
    # The badge counts what the popup just said.
    assert register.reminders.counts().deadlines == 1
    # Said once: nothing during the quiet hours or when they end.
    for moment in (at(24, 0, 30), at(24, 3), at(24, 8)):
        clock.set(moment)
        assert deadline_reminders(register) == []


def test_a_deadline_due_after_quiet_hours_still_waits_for_them_to_end(register, clock):
    clock.set(at(23, 9))
    case = jd_refund(register, "JD100002")  # due 09:00 tomorrow; its reminder falls at 07:00
    for moment in (at(23, 23, 59), at(24, 7), at(24, 7, 59)):
        clock.set(moment)
        assert deadline_reminders(register) == []
    clock.set(at(24, 8))
    assert [r.case_id for r in deadline_reminders(register)] == [case.id]


def test_learnt_during_quiet_hours_and_due_before_they_end_is_said_at_once(register, clock):
    """No time before the quiet hours is left: saying it at 08:00 would be after it."""
    draft = draft_from_fields({"platform": "taobao", "order_no": "TB100003",
                               "kind": "complaint", "description": ""})
    case = register.cases.open_case(draft, "小王")
    clock.set(at(24, 1))
    register.promises.make(case.id, PromiseKind.CALL_BACK, at(24, 3), "小王", "回电确认")
    note = register.reminders.take(TRAY)
    assert note is not None and note.case_id == case.id
    assert note.kinds == (ReminderKind.PROMISE,)
    # One due after the quiet hours, made in them, waits for 08:00.
    register.promises.make(case.id, PromiseKind.CALL_BACK, at(24, 8, 20), "小王", "再回电")
    clock.set(at(24, 7, 55))
    assert register.reminders.take(TRAY) is None
    clock.set(at(24, 8))
    assert register.reminders.take(TRAY).kinds == (ReminderKind.PROMISE,)


def test_a_warning_raised_in_quiet_hours_waits_for_them_to_end(register, clock):
    """A warning has no due time (its time is when it was raised): nothing to lose."""
    clock.set(at(24, 2))
    draft = draft_from_fields({"platform": "taobao", "order_no": "TB100004",
                               "kind": "complaint", "description": "孩子被割伤，要打12315"})
    case = register.cases.open_case(draft, "小王")
    assert register.reminders.take(TRAY) is None
    clock.set(at(24, 8))
    note = register.reminders.take(TRAY)
    assert note.case_id == case.id and ReminderKind.WARNING in note.kinds


def reminder(kind: ReminderKind, due: datetime) -> Reminder:
    return Reminder(kind=kind, key=f"{kind.value}:1", case_id=1, case_no="SD-20261123-0001",
                    due_at=due, text=Text("x", "x"))


@pytest.mark.parametrize(("kind", "due", "expected"), [
    # 22:00-07:00 crosses midnight: 06:00 - 120 min = 04:00 is quiet, due before 07:00.
    (ReminderKind.DEADLINE, at(24, 6), at(23, 21, 59)),
    # Its reminder at 21:00 is before the quiet hours: said then.
    (ReminderKind.DEADLINE, at(23, 23), at(23, 21)),
    # Due 08:00, after they end: the 06:00 reminder waits (the service holds it to 07:00).
    (ReminderKind.DEADLINE, at(24, 8), at(24, 6)),
    # The refund cut-off at 23:00 ("clear before 24:00") falls in them too.
    (ReminderKind.REFUND_CUTOFF, at(23, 23), at(23, 21, 59)),
    (ReminderKind.WARNING, at(24, 2), at(24, 2)),
])
def test_announce_time_with_quiet_hours_across_midnight(kind, due, expected):
    settings = ReminderSettings(quiet_start=time(22, 0), quiet_end=time(7, 0))
    assert announce_at(reminder(kind, due), settings, "Asia/Shanghai") == expected
    # Without quiet hours, the plain lead time.
    plain = settings.with_changes(quiet_enabled=False)
    assert announce_at(reminder(kind, due), plain, "Asia/Shanghai") == \
        due - plain.lead(kind)


def test_quiet_span_across_midnight_from_both_sides():
    settings = ReminderSettings(quiet_start=time(22, 0), quiet_end=time(7, 0))
    span = (at(23, 22), at(24, 7))
    assert settings.quiet_span(at(23, 23, 30), "Asia/Shanghai") == span
    assert settings.quiet_span(at(24, 3), "Asia/Shanghai") == span
    assert settings.quiet_span(at(24, 7), "Asia/Shanghai") is None
    assert settings.quiet_span(at(24, 3) + timedelta(days=1), "Asia/Shanghai") == (
        span[0] + timedelta(days=1), span[1] + timedelta(days=1))
