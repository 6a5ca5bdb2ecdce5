"""China's public-holiday calendar from the chinese-calendar package.

Implements `shopdesk.domain.holidays.HolidayCalendar`. chinese-calendar ships the
State Council's yearly announcement as data and raises NotImplementedError for a
year it has no data for; this adapter turns that into `covers(year) == False` so
the call policy can fall back to weekends with a warning instead of crashing.
"""

from __future__ import annotations

from datetime import date

import chinese_calendar


class ChineseHolidayCalendar:
    """Statutory holidays and make-up working days (调休) in mainland China."""

    def covers(self, year: int) -> bool:
        try:
            chinese_calendar.is_workday(date(year, 1, 1))
        except NotImplementedError:
            return False
        return True

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
        try:
            return chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:
            return None
