"""Exact search for the earliest instant a predicate allows.

Each rule allows a union of half-open spans [a, b), so the earliest allowed
instant at or after `start` is `start` itself or the left end `a` of some span.
Those left ends are finite and known: window openings, the end of quiet hours,
local midnights (holidays, calendar-day caps), DST transitions (the wall clock
jumps) and the expiry of caps, gaps and cool-downs. The search walks these
candidates in time order and verifies each with the same rule check `evaluate`
uses, so whatever it returns is allowed by construction.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from .rules import RuleContext
from .zones import readings, transitions, wall

HORIZON = timedelta(days=400)
# A reading of a wall time on local date D is never earlier than UTC midnight of D
# minus the largest zone offset (+14 h); 16 h leaves room to spare.
_MAX_AHEAD = timedelta(hours=16)


class CandidateDays:
    """Candidate instants per local date of one buyer, computed once and reused."""

    def __init__(self, ctx: RuleContext) -> None:
        self._ctx = ctx
        self._cache: dict[date, list[datetime]] = {}

    def on(self, day: date) -> list[datetime]:
        found = self._cache.get(day)
        if found is None:
            found = self._cache[day] = self._compute(day)
        return found

    def _compute(self, day: date) -> list[datetime]:
        tz = self._ctx.tz
        out: list[datetime] = []
        for at in self._ctx.day_walls(day):
            out.extend(readings(day, at, tz))
        # The spans between fold-0 midnights tile the time line, so each transition is
        # found on exactly one day.
        this_midnight = readings(day, time(0), tz)[0]
        next_midnight = readings(day + timedelta(days=1), time(0), tz)[0]
        out.extend(transitions(this_midnight, next_midnight, tz))
        return out


def earliest(
    ctx: RuleContext,
    days: CandidateDays,
    start: datetime,
    ok: Callable[[datetime], bool],
    horizon: timedelta = HORIZON,
) -> datetime | None:
    """The first instant in [start, start + horizon] where `ok` holds, or None."""
    limit = start + horizon
    heap = [start, *(c for c in ctx.expiries() if start < c <= limit)]
    heapq.heapify(heap)
    checked: datetime | None = None

    def drain(below: datetime | None) -> datetime | None:
        nonlocal checked
        while heap and (below is None or heap[0] < below):
            c = heapq.heappop(heap)
            if c == checked:
                continue
            checked = c
            if ok(c):
                return c
        return None

    day = wall(start, ctx.tz).date() - timedelta(days=1)
    last_day = wall(limit, ctx.tz).date() + timedelta(days=1)
    while day <= last_day:
        for c in days.on(day):
            if start <= c <= limit:
                heapq.heappush(heap, c)
        # Candidates of later days all lie at or after this bound, so everything
        # below it can be checked in order now.
        bound = datetime.combine(day + timedelta(days=1), time(0), UTC) - _MAX_AHEAD
        found = drain(bound)
        if found is not None:
            return found
        day += timedelta(days=1)
    return drain(None)
