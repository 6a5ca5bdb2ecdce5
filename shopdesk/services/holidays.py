"""China's public-holiday calendar from the chinese-calendar package.

`ChineseHolidayCalendar` implements `shopdesk.domain.holidays.HolidayCalendar`; `ShopHolidays`
layers the years a shop typed in itself over it. chinese-calendar ships the
State Council's yearly announcement as data and raises NotImplementedError for a
year it has no data for; this adapter turns that into `covers(year) == False` so
the call policy can fall back to weekends with a warning instead of crashing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from ..domain.clock import SHOP_TZ_DEFAULT, Clock, local
from ..domain.holidays import (
    HolidayCalendar,
    LayeredHolidayCalendar,
    YearHolidays,
    year_holidays,
)
from ..storage.audit import AuditStore
from ..storage.database import Database
from ..storage.settings import SettingsStore


class ChineseHolidayCalendar:
    """Statutory holidays and make-up working days (调休) in mainland China."""

    def covers(self, year: int) -> bool:
        return _library_covers(year)

    def is_statutory_holiday(self, day: date) -> bool:
        detail = self._detail(day)
        # (True, name) is a day of a holiday period; (True, None) a plain weekend.
        return detail is not None and detail[0] and detail[1] is not None

    def is_makeup_workday(self, day: date) -> bool:
        detail = self._detail(day)
        # (False, name): a weekend day worked because of a holiday swap.
        return detail is not None and not detail[0] and detail[1] is not None

    def holiday_name(self, day: date) -> str | None:
        """The holiday's English name (e.g. "Spring Festival"), None on other days."""
        detail = self._detail(day)
        return detail[1] if detail is not None and detail[0] else None

    @staticmethod
    def _detail(day: date) -> tuple[bool, str | None] | None:
        return _library_detail(day)


# The library's answers are fixed data, but it works out its range of years (min/max over
# every date it knows) on each question: 8.9 s of the may-call list's 12 s at 1M cases.
@functools.lru_cache(maxsize=64)
def _library_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _library_detail(day: date) -> tuple[bool, str | None] | None:
    try:
        return chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None


ENTERED_KEY = "holiday_years"


@dataclass(frozen=True)
class YearCoverage:
    """Whether the call policy knows `year`'s holidays, and from where."""

    year: int
    source: str  # "library" (chinese-calendar), "shop" (entered by the shop) or "none"
    holidays: int = 0  # days entered by the shop (0 for library years)
    makeup_workdays: int = 0

    @property
    def covered(self) -> bool:
        return self.source != "none"


class ShopHolidays:
    """The register's holiday calendar: chinese-calendar, plus the years the shop entered.

    Read from the settings table on each question (never cached), so a year entered in the
    window or by `shopdesk policy holidays --year` counts at once in every open view.
    Implements `HolidayCalendar` for the call policy.
    """

    def __init__(self, db: Database, settings: SettingsStore, clock: Clock,
                 library: HolidayCalendar | None = None, *, shop_tz: str = SHOP_TZ_DEFAULT
                 ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.library: HolidayCalendar = library or ChineseHolidayCalendar()
        self.shop_tz = shop_tz
        self.audit = AuditStore(db)
        self._library_spans: dict[tuple[str, int], tuple[date, date] | None] = {}

    # --- the calendar the call policy reads ----------------------------------------------
    def calendar(self) -> LayeredHolidayCalendar:
        return LayeredHolidayCalendar(self.library, self.entered())

    def covers(self, year: int) -> bool:
        return self.library.covers(year) or year in self.entered()

    def is_statutory_holiday(self, day: date) -> bool:
        if self.library.covers(day.year):
            return self.library.is_statutory_holiday(day)
        return self.calendar().is_statutory_holiday(day)

    def is_makeup_workday(self, day: date) -> bool:
        if self.library.covers(day.year):
            return self.library.is_makeup_workday(day)
        return self.calendar().is_makeup_workday(day)

    def holiday_span(self, name: str, year: int) -> tuple[date, date] | None:
        """First and last day of a named holiday period in `year` ("spring_festival": the
        longest run of statutory holidays between 10 Jan and 10 Mar), from the library,
        else from what the shop entered; None when neither knows the year."""
        if name != "spring_festival":
            return None
        if self.library.covers(year):
            key = (name, year)
            if key not in self._library_spans:
                self._library_spans[key] = _longest_run(self.library.is_statutory_holiday,
                                                        year)
            return self._library_spans[key]
        entry = self.entered().get(year)
        if entry is None:
            return None
        return _longest_run(entry.holidays.__contains__, year)

    # --- what the shop entered -----------------------------------------------------------
    def entered(self) -> dict[int, YearHolidays]:
        raw = self.settings.get(ENTERED_KEY, {}) or {}
        out: dict[int, YearHolidays] = {}
        for key, data in raw.items():
            try:
                year = int(key)
            except ValueError:
                continue
            if isinstance(data, dict):
                out[year] = YearHolidays.from_dict(year, data)
        return out

    def set_year(self, year: int, holidays_text: str, makeup_text: str,
                 actor: str) -> YearHolidays:
        """Store a year typed from the State Council notice; ValidationError names the field.

        Replaces what was entered for that year before (audited with the old and new days).
        """
        entry = year_holidays(year, holidays_text, makeup_text)
        with self.db.atomic():
            raw = dict(self.settings.get(ENTERED_KEY, {}) or {})
            old = raw.get(str(year))
            raw[str(year)] = entry.to_dict()
            self.settings.set(ENTERED_KEY, raw)
            self.audit.record(self.clock.now(), actor or "-", "settings", None, "holidays",
                              f"holidays.{year}", _summary(old), _summary(entry.to_dict()))
        return entry

    def clear_year(self, year: int, actor: str) -> bool:
        """Forget what the shop entered for `year`; False when nothing was."""
        with self.db.atomic():
            raw = dict(self.settings.get(ENTERED_KEY, {}) or {})
            old = raw.pop(str(year), None)
            if old is None:
                return False
            self.settings.set(ENTERED_KEY, raw)
            self.audit.record(self.clock.now(), actor or "-", "settings", None, "holidays",
                              f"holidays.{year}", _summary(old), None)
        return True

    # --- what is covered -----------------------------------------------------------------
    def this_year(self) -> int:
        return local(self.clock.now(), self.shop_tz).year

    def coverage(self, years: Iterable[int] | None = None) -> list[YearCoverage]:
        """Coverage of `years` (default: this year and next) plus every entered year."""
        entered = self.entered()
        wanted = set(years) if years is not None else {self.this_year(), self.this_year() + 1}
        out = []
        for year in sorted(wanted | set(entered)):
            if self.library.covers(year):
                out.append(YearCoverage(year, "library"))
            elif year in entered:
                e = entered[year]
                out.append(YearCoverage(year, "shop", len(e.holidays), len(e.makeup_workdays)))
            else:
                out.append(YearCoverage(year, "none"))
        return out

    def missing_years(self) -> list[int]:
        """This year and next, where neither the library nor the shop has data."""
        return [c.year for c in self.coverage() if not c.covered]

    def library_last_year(self, start: int = 2004, limit: int = 2200) -> int | None:
        """The last year the library covers (searched upwards from `start`)."""
        last = None
        for year in range(start, limit):
            if self.library.covers(year):
                last = year
            elif last is not None:
                break
        return last


def _longest_run(is_holiday: Callable[[date], bool], year: int) -> tuple[date, date] | None:
    """The longest run of consecutive holiday days from 10 Jan to 10 Mar of `year` (the
    Spring Festival holiday always falls there; New Year's Day is before it)."""
    best: tuple[date, date] | None = None
    run_start: date | None = None
    day, last = date(year, 1, 10), date(year, 3, 10)
    while day <= last + timedelta(days=1):
        if day <= last and is_holiday(day):
            run_start = run_start or day
        elif run_start is not None:
            end = day - timedelta(days=1)
            if best is None or (end - run_start) > (best[1] - best[0]):
                best = (run_start, end)
            run_start = None
        day += timedelta(days=1)
    return best


def _summary(data: object) -> str | None:
    if not isinstance(data, dict):
        return None
    return (f"holidays={len(data.get('holidays', []))} "
            f"makeup_workdays={len(data.get('makeup_workdays', []))}")
