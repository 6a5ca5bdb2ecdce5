"""What an analysis period is compared with: a month with the calendar month before (day
for day while it runs), a week or a year likewise, anything else with the same number of
days just before (month-end walkthrough: November was compared with 2-31 October, and 1-5
December with 26 days of November)."""

from __future__ import annotations

from datetime import date, timedelta

from shopdesk.domain.analysis_periods import comparison, days_text


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_a_whole_month_is_compared_with_the_whole_month_before():
    c = comparison(d("2026-11-01"), d("2026-11-30"), today=d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-10-01"), d("2026-10-31"))
    assert not c.in_progress
    c = comparison(d("2026-03-01"), d("2026-03-31"), today=d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-02-01"), d("2026-02-28"))
    c = comparison(d("2027-01-01"), d("2027-01-31"), today=d("2027-03-01"))
    assert (c.previous_first, c.previous_last) == (d("2026-12-01"), d("2026-12-31"))


def test_a_month_in_progress_is_compared_day_for_day():
    c = comparison(d("2026-12-01"), d("2026-12-31"), today=d("2026-12-05"))
    assert c.in_progress
    assert (c.first, c.last) == (d("2026-12-01"), d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-11-01"), d("2026-11-05"))
    assert c.text("en") == "1–5 Dec vs 1–5 Nov"
    assert c.text("zh") == "12月1日–5日 对比 11月1日–5日"
    # The window's "this month" (1st to today) is the same comparison.
    c = comparison(d("2026-12-01"), d("2026-12-05"), today=d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-11-01"), d("2026-11-05"))
    # Clipped to the shorter month before: 1-30 March against 1-28 February.
    c = comparison(d("2026-03-01"), d("2026-03-31"), today=d("2026-03-30"))
    assert (c.previous_first, c.previous_last) == (d("2026-02-01"), d("2026-02-28"))
    # Across a year: the year is named.
    c = comparison(d("2027-01-01"), d("2027-01-31"), today=d("2027-01-03"))
    assert (c.previous_first, c.previous_last) == (d("2026-12-01"), d("2026-12-03"))
    assert c.text("en") == "1–3 Jan 2027 vs 1–3 Dec 2026"


def test_a_week_and_a_year_so_far_against_the_same_days_before():
    # Saturday 5 Dec 2026: this week is Monday 30 Nov to today.
    c = comparison(d("2026-11-30"), d("2026-12-05"), today=d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-11-23"), d("2026-11-28"))
    assert c.text("en") == "30 Nov – 5 Dec vs 23–28 Nov"
    c = comparison(d("2026-01-01"), d("2026-12-05"), today=d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2025-01-01"), d("2025-12-05"))
    c = comparison(d("2026-01-01"), d("2026-12-31"), today=d("2027-02-01"))
    assert (c.previous_first, c.previous_last) == (d("2025-01-01"), d("2025-12-31"))


def test_other_periods_against_the_same_number_of_days_just_before():
    c = comparison(d("2026-11-06"), d("2026-12-05"), today=d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-10-07"), d("2026-11-05"))
    c = comparison(d("2026-12-05"), d("2026-12-05"), today=d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-12-04"), d("2026-12-04"))
    # A custom range running past today counts (and compares) its days so far.
    c = comparison(d("2026-12-03"), d("2026-12-20"), today=d("2026-12-05"))
    assert (c.first, c.last) == (d("2026-12-03"), d("2026-12-05"))
    assert (c.previous_first, c.previous_last) == (d("2026-11-30"), d("2026-12-02"))


def test_days_text():
    assert days_text(d("2026-12-05"), d("2026-12-05"), "en") == "5 Dec"
    assert days_text(d("2026-11-30"), d("2026-12-05"), "zh") == "11月30日–12月5日"
    assert days_text(d("2025-12-30"), d("2026-01-02"), "en") == "30 Dec 2025 – 2 Jan 2026"


def _before(c):
    return (c.previous_first, c.previous_last)


def test_a_single_day_is_compared_with_the_day_before_even_a_1st_or_a_monday():
    """"Today" on Monday 7 Dec was compared with Monday 30 Nov, on 1 Dec with 1 Nov."""
    for day in ("2026-12-07", "2026-12-01", "2027-01-01"):
        for kind in ("day", None):
            c = comparison(d(day), d(day), today=d(day), kind=kind)
            assert _before(c) == (d(day) - timedelta(days=1),) * 2, (day, kind)


def test_the_caller_says_what_the_period_is():
    # "This year" on 15 January: the same days of last year, not of December.
    c = comparison(d("2027-01-01"), d("2027-01-15"), today=d("2027-01-15"), kind="year")
    assert _before(c) == (d("2026-01-01"), d("2026-01-15"))
    # The last 30 days ending on 30 November: the 30 days before, not all of October.
    c = comparison(d("2026-11-01"), d("2026-11-30"), today=d("2026-11-30"), kind="days")
    assert _before(c) == (d("2026-10-02"), d("2026-10-31"))
    # Months and weeks as before, when said so.
    c = comparison(d("2026-11-01"), d("2026-11-30"), today=d("2026-12-05"), kind="month")
    assert _before(c) == (d("2026-10-01"), d("2026-10-31"))
    c = comparison(d("2026-11-30"), d("2026-12-05"), today=d("2026-12-05"), kind="week")
    assert _before(c) == (d("2026-11-23"), d("2026-11-28"))
