"""Which period a complaint-analysis period is compared with (the "change" column and the
monthly report's "period before").

A month is compared with the previous calendar month, not with the same number of days
before it (November against 2-31 October was 10 cases short of October's own report); a
month still running is compared day for day: 1-5 December with 1-5 November, not with the
whole of November. The same for a week (Monday to the same weekday of the week before) and
a year (1 January to the same day of the year before). Any other period (a day, the last 30
days, a custom range) is compared with the same number of days just before it. Periods are
shop-time days, both ends included.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .text import is_english

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


@dataclass(frozen=True)
class Comparison:
    """The days counted (`first`..`last`, cut at today when the period is still running)
    and the days they are compared with."""

    first: date
    last: date
    previous_first: date
    previous_last: date
    in_progress: bool = False  # the chosen period goes on after today

    def text(self, lang: str) -> str:
        """"1–5 Dec vs 1–5 Nov" / "12月1日–5日 对比 11月1日–5日"."""
        year = self.first.year != self.previous_first.year \
            or self.last.year != self.first.year
        now = days_text(self.first, self.last, lang, year=year)
        before = days_text(self.previous_first, self.previous_last, lang, year=year)
        return f"{now} vs {before}" if is_english(lang) else f"{now} 对比 {before}"


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _clip_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


# What a period is, when its caller knows: "day", "week", "month", "year" (each compared
# with the one before it, day for day while it runs) or "days" (a run of days: the last 30
# days, compared with as many days just before). None: told from the dates.
PERIOD_KINDS = ("day", "week", "month", "year", "days")


def comparison(first: date, last: date, today: date,
               kind: str | None = None) -> Comparison:
    """The comparison for the days `first`..`last` (both included) seen on `today`.
    `kind` (PERIOD_KINDS) says what the period is: the dates alone cannot tell this year's
    first fortnight from this month's, nor the last 30 days ending on the 30th from a
    month; unknown, a single day is a day, and a period from a 1st, a Monday or 1 January
    is taken as a month, a week, a year."""
    last = max(last, first)
    running = first <= today < last
    counted = today if running else last
    if kind in ("days", "day") or (kind is None and first == last):
        days = (counted - first).days + 1
        return Comparison(first, counted, first - timedelta(days=days),
                          first - timedelta(days=1), running)
    if kind == "year":
        return _year(first, counted, running)
    if kind in (None, "month") and first.day == 1 \
            and (counted.year, counted.month) == (first.year, first.month) \
            and last <= _month_end(first):
        # A calendar month (or its first days): the same days of the month before,
        # clipped to its length (31 March against 1-28 February).
        before = (first.replace(day=1) - timedelta(days=1)).replace(day=1)
        whole = counted == _month_end(first)  # November's 30 days against all of October
        return Comparison(first, counted, before,
                          _month_end(before) if whole
                          else _clip_day(before.year, before.month, counted.day), running)
    if kind is None and (first.month, first.day) == (1, 1) \
            and last <= date(first.year, 12, 31):
        return _year(first, counted, running)
    if kind in (None, "week") and first.weekday() == 0 and last <= first + timedelta(days=6):
        week = timedelta(days=7)
        return Comparison(first, counted, first - week, counted - week, running)
    days = (counted - first).days + 1
    return Comparison(first, counted, first - timedelta(days=days),
                      first - timedelta(days=1), running)


def _year(first: date, counted: date, running: bool) -> Comparison:
    """A year (or its first days): the same days of the year before."""
    whole = (counted.month, counted.day) == (12, 31)
    return Comparison(first, counted, date(first.year - 1, 1, 1),
                      date(first.year - 1, 12, 31) if whole
                      else _clip_day(first.year - 1, counted.month, counted.day), running)


def days_text(first: date, last: date, lang: str, *, year: bool = False) -> str:
    """A run of days, short: "1–5 Dec", "30 Nov – 5 Dec", "5 Dec" (with the year when
    asked or when it crosses a year); "12月1日–5日" in Chinese."""
    year = year or first.year != last.year
    if is_english(lang):
        def one(d: date, with_month: bool = True) -> str:
            text = f"{d.day} {_MONTHS_EN[d.month - 1]}" if with_month else str(d.day)
            return f"{text} {d.year}" if year and with_month else text

        if first == last:
            return one(first)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{one(last)}"
        return f"{one(first)} – {one(last)}"

    def zh(d: date, with_year: bool) -> str:
        return (f"{d.year}年" if with_year else "") + f"{d.month}月{d.day}日"

    if first == last:
        return zh(first, year)
    if (first.year, first.month) == (last.year, last.month):
        return f"{zh(first, year)}–{last.day}日"
    return f"{zh(first, year)}–{zh(last, year and first.year != last.year)}"
