"""Caps per buyer across cases, gaps, cool-down and do-not-call."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.call_policy import (
    BuyerCallProfile,
    CallAttempt,
    CallOutcome,
    CallPolicy,
    CapCounting,
    CaseCallContext,
    HolidayMode,
    ReasonCode,
    TimeWindow,
    evaluate,
    every_day,
)

SH = ZoneInfo("Asia/Shanghai")
LA = ZoneInfo("America/Los_Angeles")
BUYER = BuyerCallProfile("buyer-1")
CASE_A = CaseCallContext(case_id=1)
CASE_B = CaseCallContext(case_id=2)
# Gaps and cool-downs off unless a test wants them, so each rule is seen alone.
BARE = CallPolicy(holiday_mode=HolidayMode.IGNORE, min_gap=timedelta(0),
                  cooldown_after_talk=timedelta(0))


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def call(at: datetime, case_id: int = 1, outcome: CallOutcome = CallOutcome.NO_ANSWER,
         overridden: bool = False) -> CallAttempt:
    return CallAttempt(at, case_id, outcome, overridden)


def decide(now, history, policy=BARE, case=CASE_A, buyer=BUYER):
    return evaluate(now, buyer, case, history, policy, None)


def test_two_unanswered_attempts_fill_the_rolling_cap():
    history = [call(sh(2026, 3, 2, 10, 0)), call(sh(2026, 3, 2, 11, 0))]
    decision = decide(sh(2026, 3, 2, 12, 0), history)
    assert decision.codes == {ReasonCode.CAP_24H}
    assert decision.remaining_24h == 0
    assert decision.remaining_case == 1
    # The first attempt leaves the 24-hour window exactly 24 h later.
    assert decision.next_allowed_at == sh(2026, 3, 3, 10, 0)
    assert decision.reason(ReasonCode.CAP_24H).until == sh(2026, 3, 3, 10, 0)


def test_rolling_window_is_exclusive_at_exactly_24_hours():
    history = [call(sh(2026, 3, 2, 14, 0)), call(sh(2026, 3, 2, 15, 0))]
    assert not decide(sh(2026, 3, 3, 13, 59, 59), history).allowed
    assert decide(sh(2026, 3, 3, 14, 0, 0), history).allowed


def test_rolling_versus_calendar_day_counting():
    history = [call(sh(2026, 3, 2, 16, 0), 1), call(sh(2026, 3, 2, 17, 0), 1)]
    morning = sh(2026, 3, 3, 10, 0)
    rolling = decide(morning, history)
    assert rolling.codes == {ReasonCode.CAP_24H}
    assert rolling.remaining_24h == 0
    assert rolling.next_allowed_at == sh(2026, 3, 3, 16, 0)
    calendar = decide(morning, history, replace(BARE, day_counting=CapCounting.CALENDAR_DAY))
    assert calendar.allowed
    assert calendar.remaining_24h == 2


def test_calendar_day_cap_resets_at_the_buyers_midnight_not_the_shops():
    la_buyer = BuyerCallProfile("la", tz="America/Los_Angeles")
    policy = replace(BARE, day_counting=CapCounting.CALENDAR_DAY,
                     windows=every_day(TimeWindow(time(9), time(20))))
    # Two calls on Monday 2026-03-02 Los Angeles time (PST, UTC-8).
    history = [call(datetime(2026, 3, 2, 9, 0, tzinfo=LA)),
               call(datetime(2026, 3, 2, 10, 0, tzinfo=LA))]
    later = datetime(2026, 3, 2, 19, 0, tzinfo=LA)  # already Tuesday in Shanghai
    decision = decide(later, history, policy, buyer=la_buyer)
    assert decision.codes == {ReasonCode.CAP_24H}
    assert decision.next_allowed_at == datetime(2026, 3, 3, 9, 0, tzinfo=LA)
    assert "today" in decision.reason(ReasonCode.CAP_24H).en


def test_attempts_on_other_cases_count_towards_the_daily_cap_not_the_case_cap():
    history = [call(sh(2026, 3, 2, 10, 0), case_id=1), call(sh(2026, 3, 2, 11, 0), case_id=1)]
    other_case = decide(sh(2026, 3, 2, 12, 0), history, case=CASE_B)
    assert other_case.codes == {ReasonCode.CAP_24H}
    assert other_case.remaining_case == 3
    assert "all cases" in other_case.reason(ReasonCode.CAP_24H).en


def test_case_cap_is_permanent_and_counts_only_this_case():
    history = [call(sh(2026, 3, d, 10, 0), case_id=1) for d in (2, 4, 6)]
    done = decide(sh(2026, 3, 10, 11, 0), history)
    assert done.codes == {ReasonCode.CAP_CASE}
    assert done.next_allowed_at is None and done.next_slot_at is None
    assert done.remaining_case == 0
    assert not done.overridable
    # The same buyer on another case is fine.
    assert decide(sh(2026, 3, 10, 11, 0), history, case=CASE_B).allowed


def test_min_gap_across_cases():
    policy = replace(BARE, min_gap=timedelta(hours=2))
    history = [call(sh(2026, 3, 2, 10, 0), case_id=2)]
    decision = decide(sh(2026, 3, 2, 11, 30), history, policy)
    assert decision.codes == {ReasonCode.MIN_GAP}
    assert decision.next_allowed_at == sh(2026, 3, 2, 12, 0)
    assert decision.reason(ReasonCode.MIN_GAP).until == sh(2026, 3, 2, 12, 0)
    assert "2 h" in decision.reason(ReasonCode.MIN_GAP).en
    assert decide(sh(2026, 3, 2, 12, 0), history, policy).allowed


def test_cooldown_after_a_conversation_only():
    policy = replace(BARE, cooldown_after_talk=timedelta(hours=24), max_attempts_per_day=5)
    talked = [call(sh(2026, 3, 2, 10, 0), outcome=CallOutcome.CONNECTED)]
    decision = decide(sh(2026, 3, 2, 15, 0), talked, policy)
    assert decision.codes == {ReasonCode.COOLDOWN}
    assert decision.next_allowed_at == sh(2026, 3, 3, 10, 0)
    for outcome in (CallOutcome.NO_ANSWER, CallOutcome.REJECTED):
        assert decide(sh(2026, 3, 2, 15, 0), [call(sh(2026, 3, 2, 10, 0), outcome=outcome)],
                      policy).allowed


def test_cooldown_ending_after_window_moves_to_next_opening():
    policy = replace(BARE, cooldown_after_talk=timedelta(hours=24))
    talked = [call(sh(2026, 3, 2, 17, 55), outcome=CallOutcome.CONNECTED)]
    decision = decide(sh(2026, 3, 3, 10, 0), talked, policy)
    # Cool-down ends 17:55, inside the end margin, so the next morning it is.
    assert decision.next_allowed_at == sh(2026, 3, 4, 10, 0)


def test_do_not_call_flag_is_a_hard_block_without_next_time():
    buyer = BuyerCallProfile("b", do_not_call=True)
    decision = decide(sh(2026, 3, 2, 11, 0), [], buyer=buyer)
    assert decision.codes == {ReasonCode.DO_NOT_CALL}
    assert decision.next_allowed_at is None and decision.next_slot_at is None
    assert decision.warnings == ()


def test_asked_not_to_call_in_history_blocks_even_if_flag_not_yet_stored():
    history = [call(sh(2026, 2, 1, 10, 0), case_id=9, outcome=CallOutcome.ASKED_NOT_TO_CALL)]
    decision = decide(sh(2026, 3, 2, 11, 0), history)
    assert decision.codes == {ReasonCode.DO_NOT_CALL}
    assert "2026-02-01" in decision.reason(ReasonCode.DO_NOT_CALL).zh
    assert CallOutcome.ASKED_NOT_TO_CALL.makes_do_not_call
    assert not CallOutcome.CONNECTED.makes_do_not_call


def test_every_blocking_reason_is_listed():
    buyer = BuyerCallProfile("b", do_not_call=True)
    policy = replace(BARE, min_gap=timedelta(hours=2))
    history = [call(sh(2026, 3, 2, 21, 30)), call(sh(2026, 3, 2, 22, 0))]
    decision = decide(sh(2026, 3, 2, 22, 30), history, policy, buyer=buyer)
    assert decision.codes == {ReasonCode.DO_NOT_CALL, ReasonCode.QUIET_HOURS,
                              ReasonCode.OUTSIDE_WINDOW, ReasonCode.CAP_24H,
                              ReasonCode.MIN_GAP}
    # Hard reasons first.
    assert decision.reasons[0].code is ReasonCode.DO_NOT_CALL


def test_overridden_attempts_still_count():
    history = [call(sh(2026, 3, 2, 10, 0), overridden=True),
               call(sh(2026, 3, 2, 11, 0), overridden=True)]
    assert decide(sh(2026, 3, 2, 12, 0), history).codes == {ReasonCode.CAP_24H}


def test_history_order_does_not_matter():
    history = [call(sh(2026, 3, 2, 11, 0)), call(sh(2026, 3, 2, 10, 0))]
    policy = replace(BARE, min_gap=timedelta(hours=2), max_attempts_per_day=5)
    decision = decide(sh(2026, 3, 2, 12, 0), history, policy)
    assert decision.next_allowed_at == sh(2026, 3, 2, 13, 0)


def test_remaining_counts_with_empty_history():
    decision = decide(sh(2026, 3, 2, 11, 0), [])
    assert (decision.remaining_24h, decision.remaining_case) == (2, 3)


def test_naive_attempt_time_is_rejected():
    with pytest.raises(ValueError, match="naive"):
        call(datetime(2026, 3, 2, 10, 0))


def test_outcome_labels_are_bilingual():
    assert CallOutcome.NO_ANSWER.zh == "未接听"
    assert CallOutcome.CONNECTED.label("en") == "Connected (talked)"
    assert CallOutcome.parse("拒接") is CallOutcome.REJECTED
    assert ReasonCode.QUIET_HOURS.label("en") == "Quiet hours"


def test_a_later_expiry_that_binds_nothing_does_not_jump_the_queue():
    # One old attempt (cap 3) expires tomorrow 15:00; the window opens at 10:00 first.
    policy = replace(BARE, max_attempts_per_day=3)
    history = [call(sh(2026, 3, 2, 15, 0))]
    decision = decide(sh(2026, 3, 2, 19, 0), history, policy)
    assert decision.codes == {ReasonCode.OUTSIDE_WINDOW}
    assert decision.next_allowed_at == sh(2026, 3, 3, 10, 0)


# --- the multi-day cap per buyer ------------------------------------------------------------

def test_five_calls_in_seven_days_across_cases_fill_the_multi_day_cap():
    # One call a day on five days, each about another case: no daily cap is touched.
    history = [call(sh(2026, 3, d, 10, 0), case_id=d) for d in range(2, 7)]
    decision = decide(sh(2026, 3, 7, 10, 0), history, case=CaseCallContext(case_id=99))
    assert decision.codes == {ReasonCode.CAP_SPAN} and decision.overridable
    assert decision.remaining_span == 0 and decision.remaining_24h == 2
    reason = decision.reason(ReasonCode.CAP_SPAN)
    assert "7天内已呼叫5次" in reason.zh and "5 attempts in the last 7 days" in reason.en
    # The oldest call leaves the 7-day span at 2026-03-09 10:00: next_allowed_at honours it.
    assert decision.next_allowed_at == sh(2026, 3, 9, 10, 0)
    assert reason.until == sh(2026, 3, 9, 10, 0)
    assert decide(sh(2026, 3, 9, 10, 0), history, case=CaseCallContext(99)).allowed


def test_the_presets_cap_calls_over_several_days():
    from pathlib import Path

    from shopdesk.domain.policy_presets import load_policy_file
    folder = Path(__file__).parents[2] / "resources" / "policies"
    taobao = load_policy_file(folder / "taobao_safe.toml")
    strict = load_policy_file(folder / "strict.toml")
    reg_f = load_policy_file(folder / "cross_border.toml")
    assert (taobao.max_attempts_per_span, taobao.cap_span_days) == (5, 7)
    assert strict.max_attempts_per_span < 5 and strict.cap_span_days >= 7
    assert (reg_f.max_attempts_per_span, reg_f.cap_span_days) == (7, 7)
    assert CallPolicy().max_attempts_per_span == 5  # the default is the Taobao-safe one


def test_a_bad_multi_day_cap_is_refused_naming_the_key():
    from shopdesk.domain.errors import ValidationError
    with pytest.raises(ValidationError) as bad:
        CallPolicy(cap_span_days=0)
    assert bad.value.errors[0].field == "cap_span_days"
    with pytest.raises(ValidationError):
        CallPolicy(max_attempts_per_span=0)
