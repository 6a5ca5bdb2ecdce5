"""A status change chosen on a screen that showed another status is refused, saying who
moved the case from what to what; nothing is written. On both back ends."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome, Platform
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.workflow import Transition
from shopdesk.services.cases import EditConflictError


@pytest.fixture
def case(register):
    register.staff.add("小李", actor="小王")
    opened = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3126112300000000001", kind=CaseKind.REFUND_ONLY,
        amount_paid=Decimal("80.00"), amount_claimed=Decimal("80.00")), "小王")
    return register.cases.change_status(opened.id, Transition(CaseStatus.IN_PROGRESS), "小王")


def _writes(register, case_id: int) -> tuple[int, int]:
    return len(register.cases.audit(case_id)), len(register.cases.timeline(case_id))


def test_a_stale_status_change_is_refused_naming_who_and_what(register, clock, case):
    seen = register.cases.get(case.id)  # 小王's dialog opens on 处理中
    clock.advance(minutes=1)
    register.cases.change_status(case.id, Transition(CaseStatus.WAITING_PLATFORM), "小李")
    before = _writes(register, case.id)
    clock.advance(minutes=1)
    with pytest.raises(EditConflictError) as refused:
        register.cases.change_status(case.id, Transition(CaseStatus.WAITING_BUYER), "小王",
                                     expected_status=seen.status,
                                     expected_outcome=seen.outcome)
    assert "小李" in refused.value.zh and "处理中" in refused.value.zh
    assert "等待平台" in refused.value.zh
    assert "小李" in refused.value.en and "from In progress to Waiting for platform" in \
        refused.value.en
    stored = register.cases.get(case.id)
    assert stored.status == CaseStatus.WAITING_PLATFORM
    assert _writes(register, case.id) == before


def test_a_status_change_from_the_status_shown_passes(register, clock, case):
    seen = register.cases.get(case.id)
    clock.advance(minutes=1)
    # Another field, a note: nothing the choice of status was made on.
    register.cases.add_note(case.id, "买家说明天寄回", "小李")
    changed = register.cases.change_status(case.id, Transition(CaseStatus.WAITING_BUYER),
                                           "小王", expected_status=seen.status,
                                           expected_outcome=seen.outcome)
    assert changed.status == CaseStatus.WAITING_BUYER


def test_resolved_again_with_another_outcome_is_refused(register, clock, case):
    register.cases.change_status(case.id, Transition(
        CaseStatus.RESOLVED, Outcome.FULL_REFUND, Decimal("80.00")), "小王")
    seen = register.cases.get(case.id)  # resolved, full refund: 小王 means to close it
    clock.advance(minutes=1)
    register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS,
                                                     note="买家又来了"), "小李")
    register.cases.change_status(case.id, Transition(
        CaseStatus.RESOLVED, Outcome.PARTIAL_REFUND, Decimal("30.00")), "小李")
    with pytest.raises(EditConflictError) as refused:
        register.cases.change_status(case.id, Transition(CaseStatus.CLOSED), "小王",
                                     expected_status=seen.status,
                                     expected_outcome=seen.outcome)
    assert "小李" in refused.value.en and "Full refund" in refused.value.en
    assert "Partial refund" in refused.value.en
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED


def test_finish_case_passes_the_expectation_and_settles_no_promise_when_refused(
        register, clock, case):
    register.promises.make(case.id, PromiseKind.REFUND, clock.now() + timedelta(hours=2),
                           "小王", "今天内退款")
    seen = register.cases.get(case.id)
    register.cases.change_status(case.id, Transition(CaseStatus.WAITING_PLATFORM), "小李")
    with pytest.raises(EditConflictError):
        register.finish_case(case.id, Transition(CaseStatus.RESOLVED, Outcome.FULL_REFUND,
                                                 Decimal("80.00")), "小王",
                             keep_promises=True, expected_status=seen.status,
                             expected_outcome=seen.outcome)
    assert register.cases.get(case.id).status == CaseStatus.WAITING_PLATFORM
    assert all(p.is_open for p in register.promises.for_case(case.id))
    # Chosen again on the status now shown: a knowing change.
    now = register.cases.get(case.id)
    done, kept = register.finish_case(
        case.id, Transition(CaseStatus.RESOLVED, Outcome.FULL_REFUND, Decimal("80.00")),
        "小王", keep_promises=True, expected_status=now.status, expected_outcome=now.outcome)
    assert done.status == CaseStatus.RESOLVED and len(kept) == 1
