"""China's holiday calendar via chinese-calendar, and the call policy on it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
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
from shopdesk.services.holidays import ChineseHolidayCalendar

SH = ZoneInfo("Asia/Shanghai")
CAL = ChineseHolidayCalendar()
BUYER = BuyerCallProfile("buyer-1")
CASE = CaseCallContext(case_id=1)


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def test_spring_festival_2026():
    for day in range(15, 24):
        assert CAL.is_statutory_holiday(date(2026, 2, day)), day
        assert not CAL.is_makeup_workday(date(2026, 2, day))
    assert CAL.holiday_name(date(2026, 2, 16)) == "Spring Festival"
    assert not CAL.is_statutory_holiday(date(2026, 2, 24))
    assert CAL.is_makeup_workday(date(2026, 2, 14))
    assert CAL.is_makeup_workday(date(2026, 2, 28))


def test_plain_weekend_is_neither_holiday_nor_makeup_day():
    assert not CAL.is_statutory_holiday(date(2026, 3, 7))
    assert not CAL.is_makeup_workday(date(2026, 3, 7))
    assert CAL.holiday_name(date(2026, 3, 7)) is None


def test_covers_known_years_only():
    assert CAL.covers(2026)
    assert not CAL.covers(2003)
    assert not CAL.covers(2100)
    # Outside the data the answers are "no", never an exception.
    assert not CAL.is_statutory_holiday(date(2100, 1, 1))
    assert not CAL.is_makeup_workday(date(2100, 1, 1))


STAT, REST, IGN = HolidayMode.AVOID_STATUTORY, HolidayMode.AVOID_REST_DAYS, HolidayMode.IGNORE
HOL, WIN = ReasonCode.HOLIDAY, ReasonCode.OUTSIDE_WINDOW


@pytest.mark.parametrize(
    ("mode", "at", "codes", "next_at"),
    [
        (STAT, sh(2026, 2, 14, 11, 0), set(), sh(2026, 2, 14, 11, 0)),     # make-up Saturday
        (STAT, sh(2026, 2, 13, 19, 0), {WIN}, sh(2026, 2, 14, 10, 0)),
        (STAT, sh(2026, 2, 15, 11, 0), {HOL}, sh(2026, 2, 24, 10, 0)),     # first day off
        (STAT, sh(2026, 2, 23, 17, 0), {HOL}, sh(2026, 2, 24, 10, 0)),     # last day off
        (STAT, sh(2026, 2, 24, 9, 59, 59), {WIN}, sh(2026, 2, 24, 10, 0)),
        (STAT, sh(2026, 2, 7, 11, 0), set(), sh(2026, 2, 7, 11, 0)),       # plain Saturday
        (REST, sh(2026, 2, 14, 11, 0), set(), sh(2026, 2, 14, 11, 0)),
        (REST, sh(2026, 2, 7, 11, 0), {HOL}, sh(2026, 2, 9, 10, 0)),
        (REST, sh(2026, 2, 27, 19, 0), {WIN}, sh(2026, 2, 28, 10, 0)),     # make-up Saturday next
        (REST, sh(2026, 3, 6, 19, 0), {WIN}, sh(2026, 3, 9, 10, 0)),       # plain weekend next
        (IGN, sh(2026, 2, 17, 11, 0), set(), sh(2026, 2, 17, 11, 0)),
    ],
)
def test_spring_festival_with_the_real_calendar(mode, at, codes, next_at):
    decision = evaluate(at, BUYER, CASE, [], CallPolicy(holiday_mode=mode), CAL)
    assert decision.codes == codes
    assert decision.allowed is (not codes)
    assert decision.next_allowed_at == next_at
    assert decision.warnings == ()


def test_uncovered_year_with_the_real_calendar_warns_and_avoids_weekends():
    policy = CallPolicy(holiday_mode=HolidayMode.AVOID_STATUTORY)
    saturday = evaluate(sh(2100, 1, 2, 11, 0), BUYER, CASE, [], policy, CAL)
    assert saturday.codes == {ReasonCode.HOLIDAY}
    assert saturday.next_allowed_at == sh(2100, 1, 4, 10, 0)
    assert [w.code for w in saturday.warnings] == ["holiday_data_missing"]


def test_blackout_on_top_of_real_calendar():
    policy = replace(CallPolicy(), blackout_dates=frozenset({date(2026, 2, 24)}))
    decision = evaluate(sh(2026, 2, 20, 11, 0), BUYER, CASE, [], policy, CAL)
    assert decision.next_allowed_at == sh(2026, 2, 25, 10, 0)
