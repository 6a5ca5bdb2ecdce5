"""The rule check at one instant: the single source of truth for every decision.

`evaluate` runs it at "now", and the search for the next allowed time runs the
very same check at each candidate instant, so the two can never disagree.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from ..clock import ensure_aware
from ..holidays import HolidayCalendar
from .model import (
    BuyerCallProfile,
    CallAttempt,
    CallPolicy,
    CapCounting,
    CaseCallContext,
    HolidayMode,
    ReasonCode,
)
from .zones import wall, zone

ROLLING_DAY = timedelta(hours=24)
# Checked in this order; the cheap wall-clock rules first because the search
# rejects most candidates on them.
TIME_CODES = (
    ReasonCode.QUIET_HOURS,
    ReasonCode.OUTSIDE_WINDOW,
    ReasonCode.HOLIDAY,
    ReasonCode.CAP_24H,
    ReasonCode.CAP_SPAN,
    ReasonCode.MIN_GAP,
    ReasonCode.COOLDOWN,
)


class DayKind(Enum):
    """Why a day is (or is not) off limits."""

    OPEN = "open"
    BLACKOUT = "blackout"
    STATUTORY = "statutory"
    REST_DAY = "rest_day"
    WEEKEND_FALLBACK = "weekend_fallback"


@dataclass(frozen=True)
class DayStatus:
    kind: DayKind
    # Set when the calendar had no data for the year and weekends stood in for it.
    missing_year: int | None = None

    @property
    def blocked(self) -> bool:
        return self.kind is not DayKind.OPEN


def _since_midnight(value: time) -> timedelta:
    return timedelta(hours=value.hour, minutes=value.minute, seconds=value.second,
                     microseconds=value.microsecond)


@dataclass
class RuleContext:
    """Everything the rules need, prepared once per evaluation."""

    policy: CallPolicy
    tz: ZoneInfo
    tz_name: str
    calendar: HolidayCalendar | None
    buyer_do_not_call: bool
    case: CaseCallContext
    times: list[datetime]  # every attempt, UTC, ascending
    talk_times: list[datetime]  # attempts where the buyer was talked to, UTC, ascending
    dnc_at: datetime | None  # when the buyer asked not to be called, if they did
    case_count: int
    _local_days: Counter[date] = field(default_factory=Counter)
    _spans: list[list[tuple[timedelta, timedelta]]] = field(default_factory=list)
    _days: dict[date, DayStatus] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        buyer: BuyerCallProfile,
        case: CaseCallContext,
        history: Sequence[CallAttempt],
        policy: CallPolicy,
        calendar: HolidayCalendar | None,
    ) -> RuleContext:
        tz_name = buyer.tz or policy.shop_tz
        tz = zone(tz_name)
        for attempt in history:
            ensure_aware(attempt.at)
        ordered = sorted(history, key=lambda a: a.at)
        times = [a.at.astimezone(UTC) for a in ordered]
        dnc = [a.at.astimezone(UTC) for a in ordered if a.outcome.makes_do_not_call]
        ctx = cls(
            policy=policy,
            tz=tz,
            tz_name=tz_name,
            calendar=calendar,
            buyer_do_not_call=buyer.do_not_call,
            case=case,
            times=times,
            talk_times=[a.at.astimezone(UTC) for a in ordered if a.outcome.is_conversation],
            dnc_at=dnc[0] if dnc else None,
            case_count=sum(1 for a in ordered if a.case_id == case.case_id),
        )
        ctx._local_days = Counter(wall(t, tz).date() for t in times)
        margin = policy.end_margin
        ctx._spans = [
            [(_since_midnight(w.start), _since_midnight(w.end) - margin) for w in day]
            for day in policy.windows
        ]
        return ctx

    # --- rules that do not depend on the instant -------------------------------------

    @property
    def do_not_call(self) -> bool:
        return self.buyer_do_not_call or self.dnc_at is not None

    @property
    def case_cap_reached(self) -> bool:
        return self.case_count >= self.policy.max_attempts_per_case

    def preparation_codes(self) -> list[ReasonCode]:
        codes: list[ReasonCode] = []
        checklist = self.case.checklist
        if self.policy.require_checklist and (checklist is None or not checklist.is_complete):
            codes.append(ReasonCode.CHECKLIST_MISSING)
        if self.policy.require_chat_first and not self.case.chat_logged:
            codes.append(ReasonCode.CHAT_FIRST_MISSING)
        return codes

    @property
    def has_windows(self) -> bool:
        return any(a < b for day in self._spans for a, b in day)

    # --- rules that depend on the instant ----------------------------------------------

    def time_codes(self, t: datetime, first_only: bool = False) -> list[ReasonCode]:
        """The time-dependent rules that block a call at instant `t`."""
        codes: list[ReasonCode] = []
        local = t.astimezone(self.tz)
        for code in TIME_CODES:
            if self._blocks(code, t, local):
                codes.append(code)
                if first_only:
                    break
        return codes

    def time_ok(self, t: datetime) -> bool:
        return not self.time_codes(t, first_only=True)

    def rule_ok(self, code: ReasonCode) -> Callable[[datetime], bool]:
        """A predicate for one rule alone, to find when that rule stops blocking."""
        return lambda t: not self._blocks(code, t, t.astimezone(self.tz))

    def _blocks(self, code: ReasonCode, t: datetime, local: datetime) -> bool:
        if code is ReasonCode.QUIET_HOURS:
            return self.policy.in_quiet_hours(local.time())
        if code is ReasonCode.OUTSIDE_WINDOW:
            return not self.in_window(local)
        if code is ReasonCode.HOLIDAY:
            return self.day_status(local.date()).blocked
        if code is ReasonCode.CAP_24H:
            return self.count_in_period(t) >= self.policy.max_attempts_per_day
        if code is ReasonCode.CAP_SPAN:
            return self.count_in_span(t) >= self.policy.max_attempts_per_span
        if code is ReasonCode.MIN_GAP:
            gap = self.policy.min_gap
            return bool(gap and self.times and t < self.times[-1] + gap)
        if code is ReasonCode.COOLDOWN:
            cool = self.policy.cooldown_after_talk
            return bool(cool and self.talk_times and t < self.talk_times[-1] + cool)
        raise ValueError(f"not a time rule: {code}")

    def in_window(self, local: datetime) -> bool:
        since = _since_midnight(local.time())
        return any(a <= since < b for a, b in self._spans[local.weekday()])

    def count_in_period(self, t: datetime) -> int:
        """Attempts that count against the daily cap at `t` (all cases, answered or not)."""
        if self.policy.day_counting is CapCounting.CALENDAR_DAY:
            return self._local_days[wall(t, self.tz).date()]
        # Rolling: attempts in (t - 24h, ...]; an attempt exactly 24 h old has expired.
        return len(self.times) - bisect_right(self.times, t - ROLLING_DAY)

    @property
    def span(self) -> timedelta:
        return timedelta(days=self.policy.cap_span_days)

    def count_in_span(self, t: datetime) -> int:
        """Attempts in the rolling multi-day span before `t` (all cases, answered or not)."""
        return len(self.times) - bisect_right(self.times, t - self.span)

    def day_status(self, day: date) -> DayStatus:
        cached = self._days.get(day)
        if cached is None:
            cached = self._days[day] = self._day_status(day)
        return cached

    def _day_status(self, day: date) -> DayStatus:
        mode = self.policy.holiday_mode
        cal = self.calendar
        missing = None
        if mode is not HolidayMode.IGNORE and (cal is None or not cal.covers(day.year)):
            missing = day.year
        if day in self.policy.blackout_dates:
            return DayStatus(DayKind.BLACKOUT, missing)
        if mode is HolidayMode.IGNORE:
            return DayStatus(DayKind.OPEN)
        weekend = day.weekday() >= 5
        if cal is None or missing is not None:
            # Unknown holidays: weekends are the conservative stand-in, never a crash.
            return DayStatus(DayKind.WEEKEND_FALLBACK if weekend else DayKind.OPEN, missing)
        if cal.is_makeup_workday(day):  # 调休: a working day whatever the weekday
            return DayStatus(DayKind.OPEN)
        if cal.is_statutory_holiday(day):
            return DayStatus(DayKind.STATUTORY)
        if mode is HolidayMode.AVOID_REST_DAYS and weekend:
            return DayStatus(DayKind.REST_DAY)
        return DayStatus(DayKind.OPEN)

    # --- what the search needs -----------------------------------------------------------

    def expiries(self) -> list[datetime]:
        """Instants where a history-based rule may stop blocking."""
        out: list[datetime] = []
        if self.policy.day_counting is CapCounting.ROLLING:
            out.extend(t + ROLLING_DAY for t in self.times)
        out.extend(t + self.span for t in self.times)
        if self.times:
            out.append(self.times[-1] + self.policy.min_gap)
        if self.talk_times:
            out.append(self.talk_times[-1] + self.policy.cooldown_after_talk)
        return out

    def day_walls(self, day: date) -> set[time]:
        """Wall times on `day` where a wall-clock rule may stop blocking."""
        walls = {time(0), self.policy.quiet_end}
        walls.update(w.start for w in self.policy.windows[day.weekday()])
        return walls
