"""Overdue means overdue however long ago: a deadline missed while the laptop was off over
a weekend is still listed, counted and announced (once), as long as its case is open; the
tray's count and its popup read the same source."""

from __future__ import annotations

from datetime import timedelta

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import CaseStatus
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.reminders import ReminderKind
from shopdesk.domain.workflow import Transition
from shopdesk.services.reminders import CLI, FORGET_AFTER, TRAY


def refund(register, order: str, kind: str = "refund_only"):
    """A Taobao request filed now: refund-only is due in 24 h, a return request in 5 d."""
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": kind,
                               "description": ""})
    return register.cases.open_case(draft, "小王")


def deadline_ids(reminders) -> list[int]:
    return [r.case_id for r in reminders if r.kind is ReminderKind.DEADLINE]


def test_a_deadline_missed_over_a_weekend_is_still_due(register, clock):
    late = refund(register, "TB200001")
    closed = refund(register, "TB200002")
    clock.advance(days=3)  # Friday's refunds, seen again on Monday
    register.cases.change_status(closed.id, Transition(to=CaseStatus.CLOSED,
                                                       note="buyer withdrew"), "小王")
    found = register.reminders.collect(timedelta(hours=2))
    assert deadline_ids(found) == [late.id]
    [r] = [r for r in found if r.kind is ReminderKind.DEADLINE]
    assert r.overdue(clock.now()) and r.due_at == clock.now() - timedelta(days=2)
    assert register.reminders.counts().deadlines == 1
    # The scheduled task (`reminders due --new`) and the tray each say it once.
    assert deadline_ids(register.reminders.due_new(timedelta(hours=2), CLI)) == [late.id]
    assert deadline_ids(register.reminders.due_new(timedelta(hours=2), CLI)) == []
    assert deadline_ids(register.reminders.take(TRAY).reminders) == [late.id]
    clock.advance(minutes=1)
    assert register.reminders.take(TRAY) is None


def test_the_tray_count_and_the_popup_agree(register, clock):
    ages = [refund(register, f"TB3000{i:02d}") for i in range(3)]  # due in 24 h
    clock.advance(days=4)
    weeks = refund(register, "TB300010", "return_refund")  # due in 5 d
    soon = refund(register, "TB300011")  # due in 24 h
    clock.advance(days=9)  # all five overdue, by 4 to 12 days
    later = refund(register, "TB300012")  # due tomorrow: beyond the 2 h lead
    clock.advance(hours=23)  # `later` now within its lead
    counted = register.reminders.counts().deadlines
    note = register.reminders.take(TRAY)
    shown = deadline_ids(note.reminders)
    assert sorted(shown) == sorted([c.id for c in ages] + [weeks.id, soon.id, later.id])
    assert counted == len(shown) == 6
    assert len(register.deadlines.list(within=timedelta(hours=2))) == counted


def test_long_overdue_reminders_are_said_once_not_every_poll(register, clock):
    """A notice used to be forgotten 30 days after its due time, so a promise still open
    (and now a deadline) that old was announced again on every poll."""
    case = refund(register, "TB400001")
    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=1),
                           "小王", "回电确认")
    clock.advance(days=40)
    first = register.reminders.take(TRAY)
    assert {r.kind for r in first.reminders} >= {ReminderKind.DEADLINE, ReminderKind.PROMISE}
    clock.advance(minutes=1)
    assert register.reminders.take(TRAY) is None
    clock.advance(days=FORGET_AFTER.days)
    assert register.reminders.take(TRAY) is None


def test_what_is_finished_is_forgotten_after_a_while(register, clock):
    case = refund(register, "TB500001", "complaint")
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK,
                                     clock.now() + timedelta(minutes=10), "小王", "回电")
    assert register.reminders.take(TRAY).kinds == (ReminderKind.PROMISE,)
    register.promises.keep(promise.id, "小王")
    clock.advance(days=FORGET_AFTER.days + 1)
    register.reminders.take(TRAY)
    assert register.db.execute("SELECT count(*) FROM reminder_notices").fetchone()[0] == 0
