"""Public-holiday calendars as the call policy sees them.

The domain stays standard-library only, so it knows holidays through a small
Protocol; the chinese-calendar backed implementation lives in
`shopdesk.services.holidays`, and tests use the in-memory one below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from .errors import FieldError, ValidationError


class HolidayCalendar(Protocol):
    """Which days are statutory holidays and which are make-up working days (调休)."""

    def is_statutory_holiday(self, day: date) -> bool:
        """True on a day of a statutory holiday period (weekends inside the period included)."""
        ...

    def is_makeup_workday(self, day: date) -> bool:
        """True on a weekend day that is a working day because of a holiday swap (调休)."""
        ...

    def covers(self, year: int) -> bool:
        """True when the calendar has data for `year`; callers must not trust it otherwise."""
        ...


@dataclass(frozen=True)
class InMemoryHolidayCalendar:
    """A calendar from explicit dates; covers the years given, else the years of its dates."""

    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()
    years: frozenset[int] = field(default=frozenset())

    @classmethod
    def of(
        cls,
        holidays: Iterable[date] = (),
        makeup_workdays: Iterable[date] = (),
        years: Iterable[int] | None = None,
    ) -> InMemoryHolidayCalendar:
        """Build from any iterables; `years` defaults to every year a date falls in."""
        hol = frozenset(holidays)
        mak = frozenset(makeup_workdays)
        covered = frozenset(years) if years is not None else frozenset(
            d.year for d in hol | mak)
        return cls(hol, mak, covered)

    def is_statutory_holiday(self, day: date) -> bool:
        return day in self.holidays

    def is_makeup_workday(self, day: date) -> bool:
        return day in self.makeup_workdays

    def covers(self, year: int) -> bool:
        return year in self.years


# --- a year's holidays entered by the shop ------------------------------------------------
# chinese-calendar ships each year's State Council notice as data, a few weeks after it is
# published; until a release covers a year the shop types the notice in, and that data is
# used for the year only while the library does not cover it.

_RANGE_SEPARATORS = ("..", "~", "～", "至")
_LIST_SEPARATORS = re.compile(r"[,，;；、\s]+")


@dataclass(frozen=True)
class YearHolidays:
    """One year's statutory holiday days and make-up working days (调休上班), as entered."""

    year: int
    holidays: frozenset[date]
    makeup_workdays: frozenset[date] = frozenset()

    def to_dict(self) -> dict[str, list[str]]:
        """JSON-ready: dates as ISO strings, sorted."""
        return {"holidays": [d.isoformat() for d in sorted(self.holidays)],
                "makeup_workdays": [d.isoformat() for d in sorted(self.makeup_workdays)]}

    @classmethod
    def from_dict(cls, year: int, data: Mapping[str, Iterable[str]]) -> YearHolidays:
        """Back from `to_dict` (stored data: trusted, but a bad date is skipped, not fatal)."""
        def dates(key: str) -> frozenset[date]:
            out = set()
            for text in data.get(key, ()):
                try:
                    out.add(date.fromisoformat(str(text)))
                except ValueError:
                    continue
            return frozenset(d for d in out if d.year == year)
        return cls(year, dates("holidays"), dates("makeup_workdays"))


def _bad(name: str, zh: str, en: str) -> ValidationError:
    return ValidationError([FieldError(name, zh, en)])


def parse_dates(text: str, year: int, name: str) -> frozenset[date]:
    """Dates typed as a list: `2027-01-01, 2027-02-06..2027-02-12` (ranges by `..`, `~`
    or `至`). Every date must fall in `year`; a bad one is refused naming `name`."""
    days: set[date] = set()
    for part in (p for p in _LIST_SEPARATORS.split(text.strip()) if p):
        start_text, end_text = part, part
        for sep in _RANGE_SEPARATORS:
            if sep in part:
                start_text, _, end_text = part.partition(sep)
                break
        try:
            start, end = date.fromisoformat(start_text), date.fromisoformat(end_text)
        except ValueError:
            raise _bad(name, f"无法识别的日期：{part}（格式 2027-02-06 或 2027-02-06..2027-02-12）",
                       f"not a date: {part} (write 2027-02-06 or 2027-02-06..2027-02-12)"
                       ) from None
        if end < start:
            raise _bad(name, f"日期范围结束早于开始：{part}",
                       f"range ends before it starts: {part}")
        if start.year != year or end.year != year:
            raise _bad(name, f"{part} 不在 {year} 年内", f"{part} is not in {year}")
        days.update(start + timedelta(days=i) for i in range((end - start).days + 1))
    return frozenset(days)


def year_holidays(year: int, holidays_text: str, makeup_text: str = "") -> YearHolidays:
    """Validate a year as typed from the State Council notice (国务院办公厅放假安排).

    At least one holiday; make-up working days are weekend days (a weekday is a working
    day anyway) and never also holidays.
    """
    if not 2000 <= year <= 2100:
        raise _bad("year", "年份应在 2000–2100 之间", "the year must be between 2000 and 2100")
    holidays = parse_dates(holidays_text, year, "holidays")
    makeup = parse_dates(makeup_text, year, "makeup_workdays")
    if not holidays:
        raise _bad("holidays", "请至少填写一个放假日期", "enter at least one holiday date")
    weekdays = sorted(d for d in makeup if d.weekday() < 5)
    if weekdays:
        raise _bad("makeup_workdays",
                   f"调休上班日应为周六或周日：{weekdays[0].isoformat()} 是工作日",
                   f"make-up working days fall on weekends: {weekdays[0].isoformat()} "
                   "is a weekday")
    both = sorted(holidays & makeup)
    if both:
        raise _bad("makeup_workdays", f"{both[0].isoformat()} 不能既放假又上班",
                   f"{both[0].isoformat()} cannot be both a holiday and a working day")
    return YearHolidays(year, holidays, makeup)


@dataclass(frozen=True)
class LayeredHolidayCalendar:
    """The library's calendar for the years it covers; the shop's entries for the others."""

    library: HolidayCalendar
    entered: Mapping[int, YearHolidays] = field(default_factory=dict)

    def source(self, year: int) -> str:
        """"library", "shop" or "none": where the data for `year` comes from."""
        if self.library.covers(year):
            return "library"
        return "shop" if year in self.entered else "none"

    def covers(self, year: int) -> bool:
        return self.source(year) != "none"

    def is_statutory_holiday(self, day: date) -> bool:
        if self.library.covers(day.year):
            return self.library.is_statutory_holiday(day)
        entry = self.entered.get(day.year)
        return entry is not None and day in entry.holidays

    def is_makeup_workday(self, day: date) -> bool:
        if self.library.covers(day.year):
            return self.library.is_makeup_workday(day)
        entry = self.entered.get(day.year)
        return entry is not None and day in entry.makeup_workdays
