"""Wall-clock time in the buyer's zone <-> UTC instants, across DST gaps and folds."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str) -> ZoneInfo:
    """A ZoneInfo, with a ValueError (not a KeyError) for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name!r}") from exc


def wall(value: datetime, tz: ZoneInfo) -> datetime:
    """The naive local wall time of an instant."""
    return value.astimezone(tz).replace(tzinfo=None)


def readings(day: date, at: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Both UTC readings of a wall time (fold 0 and 1); they differ only in gaps and folds."""
    naive = datetime.combine(day, at)
    return (naive.replace(tzinfo=tz, fold=0).astimezone(UTC),
            naive.replace(tzinfo=tz, fold=1).astimezone(UTC))


def local_to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The first instant whose wall time on `day` is at or after `at`.

    An ambiguous time (autumn fold) maps to its first occurrence. A time that does
    not exist (spring gap) maps to the instant the clocks jump, the first valid
    instant after it: fold=0 would land an hour late, fold=1 an hour early.
    """
    naive = datetime.combine(day, at)
    early, late = sorted(readings(day, at, tz))
    if wall(early, tz) == naive:
        return early
    if wall(late, tz) == naive:
        return late
    # In a gap the clocks jump past `at`, so the offset change is the answer.
    jumps = transitions(early, late, tz)
    return jumps[0] if jumps else late


def transitions(start: datetime, end: datetime, tz: ZoneInfo) -> list[datetime]:
    """Instants in [start, end] where the zone's UTC offset changes (at most one assumed).

    Callers pass spans of about a day; real zones never change twice in one day.
    Transitions fall on whole seconds, so bisecting whole seconds is exact.
    """
    lo, hi = math.floor(start.timestamp()), math.ceil(end.timestamp())
    before = _offset(lo, tz)
    if _offset(hi, tz) == before:
        return []
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _offset(mid, tz) == before:
            lo = mid
        else:
            hi = mid
    return [datetime.fromtimestamp(hi, UTC)]


def _offset(timestamp: int, tz: ZoneInfo) -> timedelta | None:
    return datetime.fromtimestamp(timestamp, tz).utcoffset()


def day_start(day: date, tz: ZoneInfo) -> datetime:
    """The first instant of a local date."""
    return local_to_utc(day, time(0), tz)


# Platforms that sell within mainland China (Taobao/Tmall, JD, Pinduoduo, Douyin, Kuaishou):
# their buyers live on the shop's clock. AliExpress (cross-border) and "other" may not.
DOMESTIC_PLATFORMS = frozenset({"taobao", "jd", "pinduoduo", "douyin", "kuaishou"})


def domestic_buyer(platform: str, phone: str) -> bool:
    """A domestic platform's buyer, unless their phone number is another country's (a
    buyer abroad may shop on Taobao too)."""
    number = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    abroad = number.startswith(("+", "00")) and not number.startswith(("+86", "0086"))
    return platform in DOMESTIC_PLATFORMS and not abroad


def same_clock(tz: str, other: str) -> bool:
    """Whether two zones read the same wall time all year (Asia/Chongqing and
    Asia/Shanghai; not America/New_York)."""
    a, b = zone(tz), zone(other)
    probes = [datetime(2026, month, 15, 12, tzinfo=UTC) for month in (1, 4, 7, 10)]
    return all(p.astimezone(a).utcoffset() == p.astimezone(b).utcoffset() for p in probes)
