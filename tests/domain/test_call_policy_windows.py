"""Calling windows, end margin, quiet hours and midnight roll-over (buyer's local time)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.call_policy import (
    BuyerCallProfile,
    CallPolicy,
    CaseCallContext,
    HolidayMode,
    ReasonCode,
    TimeWindow,
    evaluate,
    every_day,
)
from shopdesk.domain.errors import ValidationError

SH = ZoneInfo("Asia/Shanghai")
BUYER = BuyerCallProfile("buyer-1")
CASE = CaseCallContext(case_id=1)
# Holidays are tested elsewhere; here they would only add warnings.
POLICY = CallPolicy(holiday_mode=HolidayMode.IGNORE)


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def decide(now: datetime, policy: CallPolicy = POLICY, buyer: BuyerCallProfile = BUYER):
    return evaluate(now, buyer, CASE, [], policy, None)


# 2026-03-02 is a Monday.
@pytest.mark.parametrize(
    ("at", "allowed"),
    [
        (sh(2026, 3, 2, 9, 59, 59), False),
        (sh(2026, 3, 2, 10, 0, 0), True),
        (sh(2026, 3, 2, 17, 49, 59), True),
        (sh(2026, 3, 2, 17, 50, 0), False),  # inside the 10-minute end margin
        (sh(2026, 3, 2, 17, 59, 59), False),
        (sh(2026, 3, 2, 18, 0, 0), False),
    ],
)
def test_window_boundaries_to_the_second(at, allowed):
    decision = decide(at)
    assert decision.allowed is allowed
    assert (ReasonCode.OUTSIDE_WINDOW in decision.codes) is (not allowed)


def test_end_margin_zero_allows_up_to_the_last_second():
    policy = replace(POLICY, end_margin=timedelta(0))
    assert decide(sh(2026, 3, 2, 17, 59, 59), policy).allowed
    assert not decide(sh(2026, 3, 2, 18, 0, 0), policy).allowed


def test_before_window_next_allowed_is_the_opening_and_reason_says_so():
    decision = decide(sh(2026, 3, 2, 9, 0))
    assert decision.next_allowed_at == sh(2026, 3, 2, 10, 0)
    reason = decision.reason(ReasonCode.OUTSIDE_WINDOW)
    assert reason is not None
    assert reason.until == sh(2026, 3, 2, 10, 0)
    assert "2026-03-02 10:00" in reason.zh and "2026-03-02 10:00" in reason.en
    assert "10:00–18:00" in reason.en


def test_in_end_margin_next_allowed_is_tomorrows_opening():
    decision = decide(sh(2026, 3, 2, 17, 55))
    assert decision.next_allowed_at == sh(2026, 3, 3, 10, 0)
    assert "10 min" in decision.reason(ReasonCode.OUTSIDE_WINDOW).en


def test_allowed_now_means_next_allowed_is_now():
    now = sh(2026, 3, 2, 11, 0)
    decision = decide(now)
    assert decision.allowed and decision.reasons == ()
    assert decision.next_allowed_at == now
    assert decision.next_allowed_at.tzinfo is UTC


@pytest.mark.parametrize(
    ("at", "quiet"),
    [
        (sh(2026, 3, 2, 20, 59, 59), False),
        (sh(2026, 3, 2, 21, 0, 0), True),
        (sh(2026, 3, 2, 23, 59, 59), True),
        (sh(2026, 3, 3, 0, 0, 0), True),
        (sh(2026, 3, 3, 7, 59, 59), True),
        (sh(2026, 3, 3, 8, 0, 0), False),
    ],
)
def test_quiet_hours_wrap_midnight(at, quiet):
    assert (ReasonCode.QUIET_HOURS in decide(at).codes) is quiet


def test_window_overlapping_quiet_hours_still_blocked_by_quiet_hours():
    policy = replace(POLICY, windows=every_day(TimeWindow(time(7), time(12))))
    early = decide(sh(2026, 3, 2, 7, 30), policy)
    assert early.codes == {ReasonCode.QUIET_HOURS}
    assert early.next_allowed_at == sh(2026, 3, 2, 8, 0)
    assert decide(sh(2026, 3, 2, 8, 0), policy).allowed


def test_quiet_hours_reason_is_bilingual_and_says_when_they_end():
    reason = decide(sh(2026, 3, 2, 22, 0)).reason(ReasonCode.QUIET_HOURS)
    assert reason.until == sh(2026, 3, 3, 8, 0)
    assert "静默" in reason.zh and "Quiet hours" in reason.en
    assert reason.message("en") == reason.en and reason.message() == reason.zh


def test_midnight_roll_over_late_evening_points_to_next_morning():
    decision = decide(sh(2026, 3, 2, 23, 59, 59))
    assert decision.codes == {ReasonCode.QUIET_HOURS, ReasonCode.OUTSIDE_WINDOW}
    assert decision.next_allowed_at == sh(2026, 3, 3, 10, 0)


def test_per_weekday_windows_skip_days_without_window():
    weekdays_only = (TimeWindow(time(10), time(18)),)
    policy = replace(POLICY, windows=(weekdays_only,) * 5 + ((), ()))
    # Friday 2026-03-06 after hours -> Monday 2026-03-09 10:00.
    decision = decide(sh(2026, 3, 6, 18, 30), policy)
    assert decision.next_allowed_at == sh(2026, 3, 9, 10, 0)
    sunday = decide(sh(2026, 3, 8, 11, 0), policy)
    assert ReasonCode.OUTSIDE_WINDOW in sunday.codes
    assert "Sun" in sunday.reason(ReasonCode.OUTSIDE_WINDOW).en


def test_several_windows_a_day_lunch_break():
    policy = replace(POLICY, windows=every_day(TimeWindow(time(10), time(12)),
                                               TimeWindow(time(14), time(18))))
    lunch = decide(sh(2026, 3, 2, 12, 30), policy)
    assert lunch.next_allowed_at == sh(2026, 3, 2, 14, 0)
    assert decide(sh(2026, 3, 2, 11, 49, 59), policy).allowed
    assert not decide(sh(2026, 3, 2, 11, 50), policy).allowed


def test_buyer_zone_decides_the_window_not_the_shop_zone():
    la = BuyerCallProfile("buyer-la", tz="America/Los_Angeles")
    # 11:00 in Shanghai on 2026-03-03 is 19:00 on 2026-03-02 in Los Angeles (PST).
    now = sh(2026, 3, 3, 11, 0)
    assert decide(now).allowed
    decision = decide(now, buyer=la)
    assert decision.codes == {ReasonCode.OUTSIDE_WINDOW}
    assert decision.buyer_tz == "America/Los_Angeles"
    assert decision.buyer_local_time.hour == 19
    assert decision.next_allowed_at == datetime(2026, 3, 3, 10, 0,
                                                tzinfo=ZoneInfo("America/Los_Angeles"))


def test_buyer_without_zone_uses_the_shops():
    decision = decide(sh(2026, 3, 2, 11, 0))
    assert decision.buyer_tz == "Asia/Shanghai"
    assert decision.buyer_local_time.utcoffset() == timedelta(hours=8)


def test_no_window_at_all_gives_no_next_time_and_a_warning():
    policy = replace(POLICY, windows=((),) * 7)
    decision = decide(sh(2026, 3, 2, 11, 0), policy)
    assert not decision.allowed
    assert decision.next_allowed_at is None
    assert [w.code for w in decision.warnings] == ["no_slot_in_horizon"]


def test_naive_now_is_rejected():
    with pytest.raises(ValueError, match="naive"):
        decide(datetime(2026, 3, 2, 11, 0))


def test_unknown_buyer_zone_is_a_value_error():
    with pytest.raises(ValueError, match="time zone"):
        decide(sh(2026, 3, 2, 11, 0), buyer=BuyerCallProfile("x", tz="Mars/Olympus"))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"quiet_start": time(8)}, "quiet_start"),
        ({"max_attempts_per_day": 0}, "max_attempts_per_day"),
        ({"max_attempts_per_case": True}, "max_attempts_per_case"),
        ({"min_gap": timedelta(minutes=-1)}, "min_gap"),
        ({"end_margin": timedelta(hours=24)}, "end_margin"),
        ({"shop_tz": "Nowhere/City"}, "shop_tz"),
        ({"windows": ((),) * 6}, "windows"),
    ],
)
def test_invalid_policy_names_the_field(changes, field):
    with pytest.raises(ValidationError) as info:
        replace(POLICY, **changes)
    assert field in info.value.by_field()


def test_time_window_must_be_ordered():
    with pytest.raises(ValueError):
        TimeWindow(time(18), time(10))
    with pytest.raises(ValueError):
        TimeWindow(time(10), time(10))
