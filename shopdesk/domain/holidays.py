"""Public-holiday calendars as the call policy sees them.

The domain stays standard-library only, so it knows holidays through a small
Protocol; the chinese-calendar backed implementation lives in
`shopdesk.services.holidays`, and tests use the in-memory one below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol


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
