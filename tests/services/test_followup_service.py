"""FollowupService: the schedule per kind, the queue, recording results, reopening."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome
from shopdesk.domain.errors import NotFoundError, ValidationError
from shopdesk.domain.followups import FollowupResult, FollowupState
from shopdesk.domain.workflow import Transition

from ..conftest import T0
from .followup_support import open_kind, resolve


@pytest.mark.parametrize(("kind", "outcome", "days"), [
    (CaseKind.EXCHANGE, Outcome.EXCHANGED, 7),
    (CaseKind.RESHIP_REPAIR, Outcome.RESHIPPED, 5),
    (CaseKind.BAD_REVIEW, Outcome.BUYER_WITHDREW, 3),
    (CaseKind.COMPLAINT, Outcome.COMPENSATED, 3),
    (CaseKind.REFUND_ONLY, Outcome.FULL_REFUND, None),
    (CaseKind.RETURN_REFUND, Outcome.FULL_REFUND, None),
    (CaseKind.PLATFORM_DISPUTE, Outcome.PLATFORM_FOR_SELLER, None),
])
def test_resolving_schedules_a_follow_up_per_kind(register, clock, kind, outcome, days):
    case = open_kind(register, kind)
    clock.advance(hours=2)
    amount = Decimal("59") if outcome.involves_money else None
    resolve(register, case.id, outcome, amount)
    followups = register.followups.for_case(case.id)
    if days is None:
        assert followups == []
        return
    [f] = followups
    assert f.due_at == T0 + timedelta(hours=2, days=days) and f.state is FollowupState.OPEN
    assert f.script_id == f"{kind.value}.follow_up.1" and f.kind is kind
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "followup_scheduled"]
    assert event.data["followup_id"] == f.id
    assert any(a.action == "followup_scheduled" for a in register.cases.audit(case.id))


def test_rule_from_settings_changes_the_schedule(register, clock):
    register.followups.set_rule(CaseKind.REFUND_ONLY, 2, "店长")
    register.followups.set_rule(CaseKind.EXCHANGE, None, "店长")
    refund = open_kind(register, CaseKind.REFUND_ONLY)
    exchange = open_kind(register, CaseKind.EXCHANGE)
    resolve(register, refund.id, Outcome.FULL_REFUND, Decimal("59"))
    resolve(register, exchange.id, Outcome.EXCHANGED)
    [f] = register.followups.for_case(refund.id)
    assert f.due_at == T0 + timedelta(days=2)
    assert register.followups.for_case(exchange.id) == []
    assert register.followups.rules()[CaseKind.EXCHANGE].days is None


def test_queue_lists_open_follow_ups_by_due_date_and_due_only(register, clock):
    later = open_kind(register, CaseKind.EXCHANGE)
    sooner = open_kind(register, CaseKind.COMPLAINT)
    resolve(register, later.id, Outcome.EXCHANGED)
    resolve(register, sooner.id, Outcome.BUYER_WITHDREW)
    assert [f.case_id for f in register.followups.queue()] == [sooner.id, later.id]
    assert register.followups.queue(due_only=True) == []
    clock.advance(days=3)
    assert [f.case_id for f in register.followups.queue(due_only=True)] == [sooner.id]
    assert register.followups.due_count() == 1
    register.cases.delete([sooner.id], "小王")  # the trash leaves the queue
    assert register.followups.due_count() == 0


def test_satisfied_and_no_reply_close_the_follow_up(register, clock):
    case = open_kind(register, CaseKind.EXCHANGE)
    resolve(register, case.id, Outcome.EXCHANGED)
    [f] = register.followups.for_case(case.id)
    clock.advance(days=7)
    done = register.followups.done(f.id, FollowupResult.SATISFIED, "小李", "很满意")
    assert done.state is FollowupState.DONE and done.result is FollowupResult.SATISFIED
    assert done.done_by == "小李" and done.done_at == clock.now() and done.note == "很满意"
    assert register.cases.get(case.id).status is CaseStatus.RESOLVED
    with pytest.raises(ValidationError) as again:
        register.followups.done(f.id, FollowupResult.NO_REPLY, "小李")
    assert again.value.errors[0].field == "state"
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "followup_done"]
    assert event.data["result"] == "satisfied" and event.text == "满意：很满意"


def test_problem_again_needs_a_reason_and_reopens_the_case(register, clock):
    case = open_kind(register, CaseKind.RESHIP_REPAIR)
    resolve(register, case.id)
    [f] = register.followups.for_case(case.id)
    clock.advance(days=5)
    with pytest.raises(ValidationError) as refused:
        register.followups.done(f.id, FollowupResult.PROBLEM_AGAIN, "小李", "  ")
    assert refused.value.errors[0].field == "note"
    assert register.followups.get(f.id).is_open  # nothing written
    register.followups.done(f.id, FollowupResult.PROBLEM_AGAIN, "小李", "补发的也漏水")
    reopened = register.cases.get(case.id)
    assert reopened.status is CaseStatus.IN_PROGRESS and reopened.outcome is None
    status = [e for e in register.cases.timeline(case.id) if e.type == "status"][-1]
    assert status.data["to"] == "in_progress" and "补发的也漏水" in status.text
    # Resolving it again schedules a new follow-up from then.
    clock.advance(days=1)
    resolve(register, case.id)
    states = [x.state for x in register.followups.for_case(case.id)]
    assert states == [FollowupState.DONE, FollowupState.OPEN]


def test_reopening_by_hand_cancels_the_open_follow_up(register, clock):
    case = open_kind(register, CaseKind.EXCHANGE)
    resolve(register, case.id, Outcome.EXCHANGED)
    register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS, note="又来了"),
                                 "小王")
    [f] = register.followups.for_case(case.id)
    assert f.state is FollowupState.CANCELLED
    assert register.followups.queue() == []


def test_a_trashed_case_takes_no_result(register):
    case = open_kind(register, CaseKind.EXCHANGE)
    resolve(register, case.id, Outcome.EXCHANGED)
    [f] = register.followups.for_case(case.id)
    register.cases.delete([case.id], "小王")
    with pytest.raises(NotFoundError):
        register.followups.done(f.id, FollowupResult.SATISFIED, "小李")
