"""PromiseService: make, keep, break, errors, trashed cases, windows, timeline and audit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.errors import NotFoundError, ValidationError
from shopdesk.domain.promises import PromiseKind, PromiseState

from ..conftest import T0
from .calls_support import open_case


def _case_row(register, case_id):
    return register.db.execute("SELECT next_promise_due FROM cases WHERE id = ?",
                               [case_id]).fetchone()[0]


def test_make_records_the_promise_with_its_timeline_event_and_audit_row(register):
    case = open_case(register)
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=5),
                                     "小王", text="  确认补发时间 ")
    assert promise.state == PromiseState.OPEN and promise.text == "确认补发时间"
    assert promise.made_by == "小王" and promise.made_at == T0
    assert promise.due_at == T0 + timedelta(hours=5)
    assert register.promises.get(promise.id) == promise
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "promise_made"]
    # Due 15:00 in Shanghai (07:00 UTC), shown in the shop's zone.
    assert event.text == "回电：确认补发时间（2026-11-23 15:00 前）"
    assert event.data["promise_id"] == promise.id and event.data["kind"] == "call_back"
    assert event.data["due_at"] == "2026-11-23T07:00:00+00:00"
    [audit] = [a for a in register.cases.audit(case.id) if a.action == "promise_made"]
    assert audit.actor == "小王" and audit.field == f"promise:{promise.id}"
    assert _case_row(register, case.id) == "2026-11-23T07:00:00+00:00"


def test_keep_and_break_only_an_open_promise(register, clock):
    case = open_case(register)
    a = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    b = register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(hours=2), "小王")
    clock.advance(hours=3)
    kept = register.promises.keep(a.id, "小李")
    assert kept.state == PromiseState.KEPT and kept.resolved_by == "小李"
    assert kept.resolved_at == T0 + timedelta(hours=3) and kept.was_late()
    with pytest.raises(ValidationError) as refused:
        register.promises.keep(a.id, "小王")
    assert refused.value.errors[0].field == "state" and "已兑现" in refused.value.errors[0].zh
    with pytest.raises(ValidationError) as refused:
        register.promises.break_promise(b.id, "小王", "   ")
    assert refused.value.errors[0].field == "reason"
    broken = register.promises.break_promise(b.id, "小王", "仓库没货")
    assert broken.state == PromiseState.BROKEN and broken.broken_reason == "仓库没货"
    with pytest.raises(ValidationError) as refused:
        register.promises.break_promise(b.id, "小王", "again")
    assert "only an open promise" in refused.value.errors[0].en
    types = [e.type for e in register.cases.timeline(case.id)]
    assert types.count("promise_kept") == 1 and types.count("promise_broken") == 1
    broken_event = next(e for e in register.cases.timeline(case.id)
                        if e.type == "promise_broken")
    assert "仓库没货" in broken_event.text and broken_event.data["reason"] == "仓库没货"
    kept_event = next(e for e in register.cases.timeline(case.id) if e.type == "promise_kept")
    assert "逾期" in kept_event.text and kept_event.data["late"] is True
    actions = [(a.action, a.old, a.new) for a in register.cases.audit(case.id)
               if a.action.startswith("promise_")]
    assert ("promise_kept", "open", "kept") in actions
    assert ("promise_broken", "open", "broken: 仓库没货") in actions
    assert _case_row(register, case.id) is None  # nothing open any more


def test_keep_at_an_earlier_time_but_not_before_it_was_made_or_in_the_future(register, clock):
    case = open_case(register)
    p = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    clock.advance(hours=2)
    with pytest.raises(ValidationError):
        register.promises.keep(p.id, "小王", at=T0 - timedelta(minutes=1))
    with pytest.raises(ValidationError):
        register.promises.keep(p.id, "小王", at=T0 + timedelta(hours=3))
    kept = register.promises.keep(p.id, "小王", at=T0 + timedelta(minutes=30))
    assert kept.resolved_at == T0 + timedelta(minutes=30) and not kept.was_late()


def test_make_refuses_bad_input_and_writes_nothing(register):
    case = open_case(register)
    with pytest.raises(ValidationError) as refused:
        register.promises.make(case.id, PromiseKind.REPLY, None, "小王")  # type: ignore[arg-type]
    assert refused.value.by_field()["due_at"].zh == "请填写承诺的到期时间"
    with pytest.raises(ValidationError) as refused:
        register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), " ")
    assert "actor" in refused.value.by_field()
    with pytest.raises(ValidationError):
        register.promises.make(case.id, PromiseKind.OTHER, T0 + timedelta(hours=1), "小王")
    with pytest.raises(NotFoundError):
        register.promises.make(9999, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    with pytest.raises(NotFoundError):
        register.promises.get(12345)
    assert register.promises.for_case(case.id) == []
    assert not [e for e in register.cases.timeline(case.id) if e.type.startswith("promise")]


def test_lists_by_due_time_and_trashed_cases_drop_out(register, clock):
    one = open_case(register, order="3700000000001")
    two = open_case(register, order="3700000000002")
    late = register.promises.make(two.id, PromiseKind.RESHIP, T0 + timedelta(hours=4), "小王")
    soon = register.promises.make(one.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    exact = register.promises.make(one.id, PromiseKind.SEND_TRACKING, T0 + timedelta(hours=2),
                                   "小王")
    assert [p.id for p in register.promises.for_case(one.id)] == [soon.id, exact.id]
    assert [p.id for p in register.promises.open_promises()] == [soon.id, exact.id, late.id]
    assert register.promises.overdue() == []
    clock.set(T0 + timedelta(hours=2))  # exactly the second promise's due time
    assert [p.id for p in register.promises.overdue()] == [soon.id, exact.id]
    assert register.promises.overdue_count() == 2
    assert [p.id for p in register.promises.overdue(T0 + timedelta(hours=5))] == \
        [soon.id, exact.id, late.id]

    register.cases.delete([one.id], "小王")
    assert [p.id for p in register.promises.open_promises()] == [late.id]
    assert register.promises.overdue() == [] and register.promises.overdue_count() == 0
    assert [p.id for p in register.promises.due_between(T0, T0 + timedelta(days=1))] == \
        [late.id]
    # Still on the trashed case itself, and back once it is restored.
    assert len(register.promises.for_case(one.id)) == 2
    with pytest.raises(NotFoundError):
        register.promises.make(one.id, PromiseKind.REPLY, T0 + timedelta(hours=9), "小王")
    # Read-only in the trash: neither kept nor broken there.
    with pytest.raises(NotFoundError):
        register.promises.keep(soon.id, "小王")
    with pytest.raises(NotFoundError):
        register.promises.break_promise(soon.id, "小王", "缺货")
    register.cases.restore([one.id], "小王")
    assert len(register.promises.overdue()) == 2


def test_due_between_is_half_open_and_resolved_between_windows_resolution(register, clock):
    case = open_case(register)
    at1 = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    at2 = register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(hours=2), "小王")
    at3 = register.promises.make(case.id, PromiseKind.RESHIP, T0 + timedelta(hours=3), "小王")
    window = register.promises.due_between(T0 + timedelta(hours=1), T0 + timedelta(hours=3))
    assert [p.id for p in window] == [at1.id, at2.id]  # start included, end excluded
    clock.set(T0 + timedelta(minutes=30))
    register.promises.keep(at2.id, "小王")
    clock.set(T0 + timedelta(hours=5))
    register.promises.break_promise(at1.id, "小王", "买家失联")
    assert [p.id for p in register.promises.due_between(T0, T0 + timedelta(days=1))] == \
        [at3.id]
    both = register.promises.resolved_between(T0, T0 + timedelta(days=1))
    assert [(p.id, p.state) for p in both] == [(at2.id, PromiseState.KEPT),
                                              (at1.id, PromiseState.BROKEN)]
    assert register.promises.resolved_between(T0 + timedelta(hours=1),
                                              T0 + timedelta(hours=5)) == []


def test_next_due_follows_the_earliest_open_promise(register, clock):
    case = open_case(register)
    other = open_case(register, order="3700000000009")
    later = register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(hours=6), "小王")
    sooner = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    assert register.promises.next_due([case.id, other.id]) == {case.id: sooner.due_at}
    register.promises.keep(sooner.id, "小王")
    assert register.promises.next_due([case.id]) == {case.id: later.due_at}
    register.promises.break_promise(later.id, "小王", "改为退款")
    assert register.promises.next_due([case.id]) == {}


def test_making_a_promise_counts_as_activity_on_the_case(register, clock):
    case = open_case(register)
    clock.advance(hours=1)
    register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=3), "小王")
    assert register.cases.get(case.id).last_activity_at == T0 + timedelta(hours=1)


def test_purging_a_case_removes_its_promises(register):
    case = open_case(register)
    p = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=3), "小王")
    register.cases.delete([case.id], "小王")
    register.cases.empty_trash("小王")
    with pytest.raises(NotFoundError):
        register.promises.get(p.id)


def test_oldest_overdue_is_the_first_of_the_overdue_list(register, clock):
    case = open_case(register)
    later = register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(hours=2), "小王")
    first = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=9), "小王")
    assert register.promises.oldest_overdue() is None
    clock.advance(hours=3)
    assert register.promises.oldest_overdue() == first == register.promises.overdue()[0]
    register.promises.keep(first.id, "小王")
    assert register.promises.oldest_overdue() == later
