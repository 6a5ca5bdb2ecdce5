"""Overrides (soft rules only, written reason, operator) and pre-call preparation."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.call_policy import (
    HARD_CODES,
    BuyerCallProfile,
    CallAttempt,
    CallOutcome,
    CallPolicy,
    CaseCallContext,
    HolidayMode,
    OverrideRequest,
    PreCallChecklist,
    ReasonCode,
    check_override,
    evaluate,
)

SH = ZoneInfo("Asia/Shanghai")
BUYER = BuyerCallProfile("buyer-1")
POLICY = CallPolicy(holiday_mode=HolidayMode.IGNORE)
GOOD = OverrideRequest(operator="小王", reason="买家主动要求今晚回电")
FULL_CHECKLIST = PreCallChecklist(
    goal="说服买家接受部分退款",
    fallback_offers=("退款20元", "补发配件"),
    bottom_line="最多退30元",
    max_grant="30元",
)


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def decide(now, history=(), policy=POLICY, case=None, buyer=BUYER):
    case = case or CaseCallContext(case_id=1)
    return evaluate(now, buyer, case, list(history), policy, None)


def test_soft_reasons_can_be_overridden_with_reason_and_operator():
    decision = decide(sh(2026, 3, 2, 19, 0))  # after the window, before quiet hours
    assert decision.codes == {ReasonCode.OUTSIDE_WINDOW}
    assert decision.overridable
    verdict = check_override(decision, GOOD)
    assert verdict.permitted and verdict.problems == ()
    assert verdict.overridden == (ReasonCode.OUTSIDE_WINDOW,)


@pytest.mark.parametrize(
    ("request_", "code"),
    [
        (OverrideRequest(operator="小王", reason="   "), "reason_required"),
        (OverrideRequest(operator="", reason="买家要求"), "operator_required"),
    ],
)
def test_override_needs_written_reason_and_operator(request_, code):
    decision = decide(sh(2026, 3, 2, 19, 0))
    verdict = check_override(decision, request_)
    assert not verdict.permitted
    assert [p.code for p in verdict.problems] == [code]
    assert verdict.overridden == ()
    assert verdict.problems[0].zh and verdict.problems[0].en


def test_quiet_hours_cannot_be_overridden():
    decision = decide(sh(2026, 3, 2, 22, 0))
    assert not decision.overridable
    verdict = check_override(decision, GOOD)
    assert not verdict.permitted
    assert "not_overridable:quiet_hours" in [p.code for p in verdict.problems]
    assert "not_overridable:outside_window" not in [p.code for p in verdict.problems]


def test_case_cap_and_do_not_call_cannot_be_overridden():
    history = [CallAttempt(sh(2026, 3, d, 10, 0), 1, CallOutcome.NO_ANSWER) for d in (1, 3, 5)]
    capped = decide(sh(2026, 3, 9, 11, 0), history)
    assert [p.code for p in check_override(capped, GOOD).problems] == ["not_overridable:cap_case"]
    dnc = decide(sh(2026, 3, 9, 11, 0), buyer=BuyerCallProfile("b", do_not_call=True))
    assert [p.code for p in check_override(dnc, GOOD).problems] == [
        "not_overridable:do_not_call"]


def test_override_of_an_allowed_call_is_not_needed():
    verdict = check_override(decide(sh(2026, 3, 2, 11, 0)), GOOD)
    assert not verdict.permitted
    assert [p.code for p in verdict.problems] == ["not_needed"]


def test_hard_and_soft_codes_match_the_issue():
    assert {ReasonCode.QUIET_HOURS, ReasonCode.DO_NOT_CALL, ReasonCode.CAP_CASE} == HARD_CODES
    soft = {c for c in ReasonCode if c.overridable}
    assert {c.value for c in soft} == {"outside_window", "holiday", "cap_24h", "cap_span",
                                       "min_gap", "cooldown", "checklist_missing",
                                       "chat_first_missing", "case_finished"}


def test_override_never_resets_counters():
    # Two calls, the second by override: the cap still sees both, and a third is blocked.
    history = [CallAttempt(sh(2026, 3, 2, 10, 0), 1, CallOutcome.NO_ANSWER),
               CallAttempt(sh(2026, 3, 2, 12, 30), 1, CallOutcome.NO_ANSWER, overridden=True)]
    decision = decide(sh(2026, 3, 2, 15, 0), history)
    assert decision.codes == {ReasonCode.CAP_24H}
    assert decision.remaining_24h == 0 and decision.remaining_case == 1


def test_checklist_required_blocks_until_complete_and_is_overridable():
    policy = replace(POLICY, require_checklist=True)
    now = sh(2026, 3, 2, 11, 0)
    missing = decide(now, policy=policy)
    assert missing.codes == {ReasonCode.CHECKLIST_MISSING}
    assert missing.next_allowed_at is None      # waiting does not fill in a checklist
    assert missing.next_slot_at == now          # but time-wise the call could go now
    assert missing.overridable
    partial = PreCallChecklist(goal="退款", fallback_offers=("退10元",))
    half = decide(now, policy=policy, case=CaseCallContext(1, checklist=partial))
    text = half.reason(ReasonCode.CHECKLIST_MISSING).en
    assert "fallback" in text and "Bottom line" in text and "grant" in text
    assert "Goal" not in text
    done = decide(now, policy=policy, case=CaseCallContext(1, checklist=FULL_CHECKLIST))
    assert done.allowed


def test_checklist_missing_with_closed_window_reports_the_next_slot():
    policy = replace(POLICY, require_checklist=True)
    decision = decide(sh(2026, 3, 2, 19, 0), policy=policy)
    assert decision.codes == {ReasonCode.OUTSIDE_WINDOW, ReasonCode.CHECKLIST_MISSING}
    assert decision.next_allowed_at is None
    assert decision.next_slot_at == sh(2026, 3, 3, 10, 0)


def test_chat_first_required():
    policy = replace(POLICY, require_chat_first=True)
    now = sh(2026, 3, 2, 11, 0)
    assert decide(now, policy=policy).codes == {ReasonCode.CHAT_FIRST_MISSING}
    assert decide(now, policy=policy, case=CaseCallContext(1, chat_logged=True)).allowed


@pytest.mark.parametrize(
    ("checklist", "fields"),
    [
        (PreCallChecklist(), {"goal", "fallback_offers", "bottom_line", "max_grant"}),
        (replace(FULL_CHECKLIST, fallback_offers=("a", " ")), {"fallback_offers"}),
        (replace(FULL_CHECKLIST, fallback_offers=("a", "b", "c", "d")), {"fallback_offers"}),
        (replace(FULL_CHECKLIST, goal=" "), {"goal"}),
        (replace(FULL_CHECKLIST, fallback_offers=("a", "b", "c")), set()),
    ],
)
def test_checklist_problems(checklist, fields):
    assert {e.field for e in checklist.problems()} == fields
    assert checklist.is_complete is (not fields)


def test_soft_block_with_cap_and_gap_is_overridable_and_lists_both():
    policy = replace(POLICY, min_gap=timedelta(hours=2))
    history = [CallAttempt(sh(2026, 3, 2, 10, 0), 2, CallOutcome.NO_ANSWER),
               CallAttempt(sh(2026, 3, 2, 11, 0), 2, CallOutcome.REJECTED)]
    decision = decide(sh(2026, 3, 2, 12, 0), history, policy)
    verdict = check_override(decision, GOOD)
    assert verdict.permitted
    assert set(verdict.overridden) == {ReasonCode.CAP_24H, ReasonCode.MIN_GAP}
