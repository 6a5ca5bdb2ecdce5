"""A buyer in America/Los_Angeles: windows in local wall time across DST gaps and folds.

2026: clocks jump 02:00 PST -> 03:00 PDT on 03-08 (10:00 UTC) and fall back
02:00 PDT -> 01:00 PST on 11-01 (09:00 UTC).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
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
    local_to_utc,
)

LA = ZoneInfo("America/Los_Angeles")
BUYER = BuyerCallProfile("la-buyer", tz="America/Los_Angeles")
CASE = CaseCallContext(case_id=1)
BASE = CallPolicy(holiday_mode=HolidayMode.IGNORE, min_gap=timedelta(0),
                  cooldown_after_talk=timedelta(0))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def decide(now, policy=BASE, history=()):
    return evaluate(now, BUYER, CASE, list(history), policy, None)


def night_policy(start: time, end: time, quiet_start: time, quiet_end: time) -> CallPolicy:
    """A policy whose window sits in the small hours, where DST transitions happen."""
    return replace(BASE, windows=every_day(TimeWindow(start, end)), end_margin=timedelta(0),
                   quiet_start=quiet_start, quiet_end=quiet_end)


@pytest.mark.parametrize(
    ("day", "wall", "expected"),
    [
        (date(2026, 3, 7), time(2, 30), utc(2026, 3, 7, 10, 30)),   # ordinary PST
        (date(2026, 3, 8), time(2, 0), utc(2026, 3, 8, 10, 0)),     # gap start
        (date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 10, 0)),    # inside the gap
        (date(2026, 3, 8), time(3, 0), utc(2026, 3, 8, 10, 0)),     # first valid wall time
        (date(2026, 3, 8), time(10, 0), utc(2026, 3, 8, 17, 0)),    # PDT
        (date(2026, 11, 1), time(1, 0), utc(2026, 11, 1, 8, 0)),    # fold: first occurrence
        (date(2026, 11, 1), time(1, 30), utc(2026, 11, 1, 8, 30)),
        (date(2026, 11, 1), time(2, 0), utc(2026, 11, 1, 10, 0)),   # after the fold, PST
    ],
)
def test_local_to_utc_maps_gaps_to_first_valid_instant_and_folds_to_first(day, wall, expected):
    assert local_to_utc(day, wall, LA) == expected


def test_default_window_opens_at_local_ten_on_both_sides_of_the_jump():
    before = decide(utc(2026, 3, 7, 12, 0))  # 04:00 PST
    assert before.next_allowed_at == utc(2026, 3, 7, 18, 0)
    jump_day = decide(utc(2026, 3, 8, 9, 30))  # 01:30 PST, night before the jump
    assert jump_day.codes == {ReasonCode.QUIET_HOURS, ReasonCode.OUTSIDE_WINDOW}
    assert jump_day.next_allowed_at == utc(2026, 3, 8, 17, 0)  # 10:00 PDT


def test_window_opening_in_the_gap_opens_at_the_jump():
    policy = night_policy(time(2, 30), time(5), time(21), time(1))
    decision = decide(utc(2026, 3, 8, 9, 59, 59), policy)  # 01:59:59 PST
    assert decision.codes == {ReasonCode.OUTSIDE_WINDOW}
    assert decision.next_allowed_at == utc(2026, 3, 8, 10, 0)  # 03:00 PDT
    assert decision.reason(ReasonCode.OUTSIDE_WINDOW).until == utc(2026, 3, 8, 10, 0)
    assert decide(utc(2026, 3, 8, 10, 0), policy).allowed
    # The day before, the same wall time exists and is used as is.
    assert decide(utc(2026, 3, 7, 9, 0), policy).next_allowed_at == utc(2026, 3, 7, 10, 30)


def test_quiet_hours_ending_in_the_gap_end_at_the_jump():
    policy = night_policy(time(0, 30), time(5), time(21), time(2, 30))
    decision = decide(utc(2026, 3, 8, 9, 59, 59), policy)
    assert decision.codes == {ReasonCode.QUIET_HOURS}
    assert decision.next_allowed_at == utc(2026, 3, 8, 10, 0)
    assert decision.reason(ReasonCode.QUIET_HOURS).until == utc(2026, 3, 8, 10, 0)


def test_window_in_the_fold_reopens_for_the_repeated_hour():
    policy = night_policy(time(1), time(1, 30), time(22), time(0, 30))
    assert decide(utc(2026, 11, 1, 8, 0), policy).allowed          # 01:00 PDT
    assert decide(utc(2026, 11, 1, 8, 29, 59), policy).allowed     # 01:29:59 PDT
    between = decide(utc(2026, 11, 1, 8, 45), policy)              # 01:45 PDT
    assert between.codes == {ReasonCode.OUTSIDE_WINDOW}
    assert between.next_allowed_at == utc(2026, 11, 1, 9, 0)       # 01:00 PST, second time
    after = decide(utc(2026, 11, 1, 9, 30), policy)                # 01:30 PST
    assert after.next_allowed_at == utc(2026, 11, 2, 9, 0)         # next day, 01:00 PST


def test_window_covering_the_fold_is_open_in_both_readings():
    policy = night_policy(time(0, 30), time(4), time(22), time(0, 30))
    for instant in (utc(2026, 11, 1, 8, 59, 59), utc(2026, 11, 1, 9, 0), utc(2026, 11, 1, 11, 59)):
        assert decide(instant, policy).allowed, instant


def test_min_gap_counts_real_time_across_the_fold():
    policy = replace(night_policy(time(0, 30), time(4), time(22), time(0, 30)),
                     min_gap=timedelta(hours=1), max_attempts_per_day=5)
    history = [CallAttempt(utc(2026, 11, 1, 8, 15), 1, CallOutcome.NO_ANSWER)]  # 01:15 PDT
    # 01:10 PST reads earlier on the wall clock, but 55 minutes have passed.
    early = decide(utc(2026, 11, 1, 9, 10), policy, history)
    assert early.codes == {ReasonCode.MIN_GAP}
    assert early.next_allowed_at == utc(2026, 11, 1, 9, 15)
    assert decide(utc(2026, 11, 1, 9, 15), policy, history).allowed


def test_rolling_cap_is_real_24_hours_across_the_jump():
    history = [CallAttempt(utc(2026, 3, 7, 18, 0), 1, CallOutcome.NO_ANSWER),   # 10:00 PST
               CallAttempt(utc(2026, 3, 7, 19, 0), 1, CallOutcome.NO_ANSWER)]   # 11:00 PST
    decision = decide(utc(2026, 3, 8, 17, 0), history=history)  # 10:00 PDT, 23 h later
    assert decision.codes == {ReasonCode.CAP_24H}
    assert decision.next_allowed_at == utc(2026, 3, 8, 18, 0)  # 11:00 PDT


def test_calendar_day_cap_on_the_25_hour_day():
    policy = replace(night_policy(time(0, 30), time(4), time(22), time(0, 30)),
                     day_counting=CapCounting.CALENDAR_DAY)
    history = [CallAttempt(utc(2026, 11, 1, 7, 45), 1, CallOutcome.NO_ANSWER),  # 00:45 PDT
               CallAttempt(utc(2026, 11, 1, 9, 30), 1, CallOutcome.NO_ANSWER)]  # 01:30 PST
    decision = decide(utc(2026, 11, 1, 10, 0), policy, history)  # 02:00 PST
    assert decision.codes == {ReasonCode.CAP_24H}
    assert decision.next_allowed_at == utc(2026, 11, 2, 8, 30)  # 00:30 PST next day


def test_fall_back_reopens_a_window_at_the_transition_itself():
    # 01:30-01:59 PDT is outside 00:30-01:30; at 09:00 UTC the wall clock jumps back
    # to 01:00 PST, inside the window again. No window opening is at 01:00.
    policy = night_policy(time(0, 30), time(1, 30), time(22), time(0, 15))
    decision = decide(utc(2026, 11, 1, 8, 45), policy)
    assert decision.codes == {ReasonCode.OUTSIDE_WINDOW}
    assert decision.next_allowed_at == utc(2026, 11, 1, 9, 0)


def test_window_opening_inside_the_repeated_hour_opens_twice():
    policy = night_policy(time(1, 15), time(1, 45), time(22), time(0, 30))
    decision = decide(utc(2026, 11, 1, 8, 50), policy)  # 01:50 PDT
    assert decision.next_allowed_at == utc(2026, 11, 1, 9, 15)  # 01:15 PST
    assert not decide(utc(2026, 11, 1, 9, 14, 59), policy).allowed
