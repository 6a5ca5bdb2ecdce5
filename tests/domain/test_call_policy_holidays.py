"""Holiday modes, make-up working days, blackout dates and missing holiday data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.call_policy import (
    BuyerCallProfile,
    CallPolicy,
    CaseCallContext,
    HolidayMode,
    ReasonCode,
    evaluate,
)
from shopdesk.domain.holidays import InMemoryHolidayCalendar

SH = ZoneInfo("Asia/Shanghai")
BUYER = BuyerCallProfile("buyer-1")
CASE = CaseCallContext(case_id=1)
# Spring Festival 2026 as announced: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
SPRING_2026 = InMemoryHolidayCalendar.of(
    holidays=[date(2026, 2, 15) + timedelta(days=i) for i in range(9)],
    makeup_workdays=[date(2026, 2, 14), date(2026, 2, 28)],
    years=[2026],
)
STATUTORY = CallPolicy(holiday_mode=HolidayMode.AVOID_STATUTORY)
REST_DAYS = CallPolicy(holiday_mode=HolidayMode.AVOID_REST_DAYS)
IGNORE = CallPolicy(holiday_mode=HolidayMode.IGNORE)


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def decide(now, policy, calendar=SPRING_2026):
    return evaluate(now, BUYER, CASE, [], policy, calendar)


@pytest.mark.parametrize(
    ("day", "statutory", "rest_days"),
    [
        (date(2026, 2, 7), True, False),   # ordinary Saturday
        (date(2026, 2, 13), True, True),   # Friday before the holiday
        (date(2026, 2, 14), True, True),   # Saturday, make-up working day
        (date(2026, 2, 15), False, False),
        (date(2026, 2, 21), False, False),  # Saturday inside the holiday
        (date(2026, 2, 23), False, False),
        (date(2026, 2, 24), True, True),
        (date(2026, 2, 28), True, True),   # Saturday, make-up working day
        (date(2026, 3, 1), True, False),   # ordinary Sunday
    ],
)
def test_modes_by_day(day, statutory, rest_days):
    at = datetime.combine(day, datetime.min.time(), SH).replace(hour=11)
    assert decide(at, STATUTORY).allowed is statutory
    assert decide(at, REST_DAYS).allowed is rest_days
    assert decide(at, IGNORE).allowed


def test_holiday_next_allowed_is_first_working_morning():
    decision = decide(sh(2026, 2, 15, 11, 0), STATUTORY)
    assert decision.codes == {ReasonCode.HOLIDAY}
    assert decision.next_allowed_at == sh(2026, 2, 24, 10, 0)
    reason = decision.reason(ReasonCode.HOLIDAY)
    assert reason.until == sh(2026, 2, 24, 0, 0)
    assert "法定节假日" in reason.zh and "statutory holiday" in reason.en
    # The day rule ends at midnight, inside quiet hours: the text names the day, no 00:00.
    assert "可呼叫日从 2026-02-24 起" in reason.zh and "00:00" not in reason.zh
    assert "resume on 2026-02-24" in reason.en and "00:00" not in reason.en


def test_holiday_text_names_the_buyers_day_and_zone():
    la = BuyerCallProfile("la", tz="America/Los_Angeles")
    decision = evaluate(sh(2026, 2, 24, 3, 0), la, CASE, [], STATUTORY, SPRING_2026)
    reason = decision.reason(ReasonCode.HOLIDAY)
    assert "2026-02-24（洛杉矶时间）" in reason.zh and "00:00" not in reason.zh


def test_rest_day_mode_weekend_before_holiday_goes_to_makeup_saturday():
    # Friday 2026-02-13 evening: Saturday 14th is a make-up working day.
    decision = decide(sh(2026, 2, 13, 19, 0), REST_DAYS)
    assert decision.next_allowed_at == sh(2026, 2, 14, 10, 0)
    weekend = decide(sh(2026, 2, 7, 11, 0), REST_DAYS)
    assert weekend.next_allowed_at == sh(2026, 2, 9, 10, 0)
    assert "rest day" in weekend.reason(ReasonCode.HOLIDAY).en


def test_holiday_is_the_buyers_local_date():
    la = BuyerCallProfile("la", tz="America/Los_Angeles")
    # 2026-02-24 03:00 Shanghai is 2026-02-23 11:00 in Los Angeles: still a holiday there.
    decision = evaluate(sh(2026, 2, 24, 3, 0), la, CASE, [], STATUTORY, SPRING_2026)
    assert decision.codes == {ReasonCode.HOLIDAY}


def test_blackout_dates_apply_in_every_mode():
    for mode in HolidayMode:
        policy = CallPolicy(holiday_mode=mode, blackout_dates=frozenset({date(2026, 3, 2)}))
        decision = decide(sh(2026, 3, 2, 11, 0), policy)
        assert decision.codes == {ReasonCode.HOLIDAY}, mode
        assert "blackout" in decision.reason(ReasonCode.HOLIDAY).en
        assert decision.next_allowed_at == sh(2026, 3, 3, 10, 0)


def test_year_without_data_falls_back_to_weekends_with_warning():
    # 2027 is not covered: Saturday 2027-01-02 is avoided as a weekend, never a crash.
    saturday = decide(sh(2027, 1, 2, 11, 0), STATUTORY)
    assert saturday.codes == {ReasonCode.HOLIDAY}
    assert saturday.next_allowed_at == sh(2027, 1, 4, 10, 0)
    assert [w.code for w in saturday.warnings] == ["holiday_data_missing"]
    assert "2027" in saturday.warnings[0].zh and "2027" in saturday.warnings[0].en
    assert "2027" in saturday.reason(ReasonCode.HOLIDAY).en
    monday = decide(sh(2027, 1, 4, 11, 0), STATUTORY)
    assert monday.allowed
    assert [w.code for w in monday.warnings] == ["holiday_data_missing"]


def test_warning_when_next_time_falls_in_an_uncovered_year():
    decision = decide(sh(2026, 12, 31, 19, 0), STATUTORY)
    assert decision.next_allowed_at == sh(2027, 1, 1, 10, 0)
    assert [w.code for w in decision.warnings] == ["holiday_data_missing"]


def test_no_calendar_at_all_falls_back_and_ignore_mode_needs_none():
    assert decide(sh(2026, 3, 7, 11, 0), STATUTORY, calendar=None).codes == {ReasonCode.HOLIDAY}
    ignored = decide(sh(2026, 3, 7, 11, 0), IGNORE, calendar=None)
    assert ignored.allowed and ignored.warnings == ()


def test_covered_year_gives_no_warning():
    assert decide(sh(2026, 3, 2, 11, 0), STATUTORY).warnings == ()


def test_in_memory_calendar_years_default_to_its_dates():
    cal = InMemoryHolidayCalendar.of(holidays=[date(2025, 10, 1)])
    assert cal.covers(2025) and not cal.covers(2026)
    assert cal.is_statutory_holiday(date(2025, 10, 1))
    assert not cal.is_makeup_workday(date(2025, 10, 1))


def test_long_blackout_is_searched_past():
    days = frozenset(date(2026, 3, 1) + timedelta(days=i) for i in range(60))
    policy = replace(IGNORE, blackout_dates=days)
    decision = decide(sh(2026, 3, 1, 11, 0), policy)
    assert decision.next_allowed_at == sh(2026, 4, 30, 10, 0)
