"""A promise no longer needed (不再需要): PromiseService.cancel and Register.finish_case.

The buyer withdrew, so the case's call-back promise is neither kept nor broken: it must
leave the overdue banner, keep who/when/why, and write its own event and audit row."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.promises import PromiseKind, PromiseState
from shopdesk.domain.workflow import Transition

from ..conftest import T0
from .calls_support import open_case


def test_cancel_records_who_when_why_and_leaves_the_overdue_list(register, clock):
    case = open_case(register)
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=1),
                                     "小王", text="确认退款")
    clock.set(T0 + timedelta(hours=3))
    assert register.promises.overdue_count() == 1
    done = register.promises.cancel(promise.id, "小李", "  买家撤销申请 ")
    assert (done.state, done.resolved_by, done.resolved_at, done.broken_reason) == \
        (PromiseState.CANCELLED, "小李", T0 + timedelta(hours=3), "买家撤销申请")
    assert not done.is_open and not done.is_overdue(clock.now()) and not done.was_late()
    assert register.promises.overdue_count() == 0 and register.promises.overdue() == []
    assert register.promises.next_due([case.id]) == {}
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "promise_cancelled"]
    assert event.actor == "小李" and event.text == "回电：确认退款（不再需要：买家撤销申请）"
    assert event.data["state"] == "cancelled" and event.data["reason"] == "买家撤销申请"
    [audit] = [a for a in register.cases.audit(case.id) if a.action == "promise_cancelled"]
    assert (audit.actor, audit.old, audit.new) == ("小李", "open", "cancelled: 买家撤销申请")
    assert register.promises.resolved_between(T0, T0 + timedelta(days=1)) == [done]


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_cancel_refuses_a_missing_or_too_long_reason(register, reason):
    case = open_case(register)
    promise = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1),
                                     "小王")
    with pytest.raises(ValidationError) as caught:
        register.promises.cancel(promise.id, "小王", reason)
    assert caught.value.errors[0].field == "reason"
    assert register.promises.get(promise.id).is_open


def test_only_an_open_promise_can_be_cancelled_and_a_cancelled_one_stays(register):
    case = open_case(register)
    kept = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.promises.keep(kept.id, "小王")
    with pytest.raises(ValidationError) as caught:
        register.promises.cancel(kept.id, "小王", "买家撤销")
    assert "已兑现" in caught.value.errors[0].zh and "already kept" in caught.value.errors[0].en
    gone = register.promises.make(case.id, PromiseKind.RESHIP, T0 + timedelta(hours=2), "小王")
    register.promises.cancel(gone.id, "小王", "买家撤销")
    for action in (lambda: register.promises.keep(gone.id, "小王"),
                   lambda: register.promises.break_promise(gone.id, "小王", "缺货"),
                   lambda: register.promises.cancel(gone.id, "小王", "再说一次")):
        with pytest.raises(ValidationError) as caught:
            action()
        assert "不再需要" in caught.value.errors[0].zh
        assert "no longer needed" in caught.value.errors[0].en


def _resolve(register, case_id):
    register.cases.change_status(case_id, Transition(to=CaseStatus.IN_PROGRESS), "小王")
    return Transition(to=CaseStatus.RESOLVED, outcome=Outcome.BUYER_WITHDREW)


def test_finishing_a_case_marks_its_open_promises_no_longer_needed(register, clock):
    case = open_case(register)
    first = register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=1),
                                   "小王")
    second = register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(hours=2),
                                    "小王")
    register.promises.keep(first.id, "小李")  # settled before: left alone
    updated, settled = register.finish_case(case.id, _resolve(register, case.id), "小王",
                                            promises_not_needed=" 买家撤销 ")
    assert updated.status == CaseStatus.RESOLVED
    assert [(p.id, p.state, p.broken_reason) for p in settled] == \
        [(second.id, PromiseState.CANCELLED, "买家撤销")]
    assert register.promises.get(first.id).state == PromiseState.KEPT


def test_finishing_refuses_an_empty_reason_and_changes_nothing(register):
    case = open_case(register)
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=1),
                                     "小王")
    transition = _resolve(register, case.id)
    with pytest.raises(ValidationError) as caught:
        register.finish_case(case.id, transition, "小王", promises_not_needed="  ")
    assert caught.value.errors[0].field == "promises_not_needed"
    assert register.cases.get(case.id).status == CaseStatus.IN_PROGRESS
    assert register.promises.get(promise.id).is_open
    with pytest.raises(ValueError):
        register.finish_case(case.id, transition, "小王", keep_promises=True,
                             promises_not_needed="买家撤销")


def test_finishing_is_one_transaction(register, monkeypatch):
    case = open_case(register)
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=1),
                                     "小王")
    transition = _resolve(register, case.id)

    def fail(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(register.promises, "cancel", fail)
    with pytest.raises(RuntimeError):
        register.finish_case(case.id, transition, "小王", promises_not_needed="买家撤销")
    assert register.cases.get(case.id).status == CaseStatus.IN_PROGRESS
    assert register.promises.get(promise.id).is_open
