"""Time as a dependency: everything that needs 'now' takes a Clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SHOP_TZ_DEFAULT = "Asia/Shanghai"


class Clock(Protocol):
    """Gives the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock tests can set and move."""

    def __init__(self, at: datetime) -> None:
        self._at = ensure_aware(at)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = ensure_aware(at)

    def advance(self, **kwargs: float) -> None:
        self._at += timedelta(**kwargs)


def ensure_aware(value: datetime) -> datetime:
    """Reject naive datetimes: a time without a zone is a bug waiting to happen."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime not allowed: {value!r}")
    return value


def to_utc_iso(value: datetime) -> str:
    """Aware datetime -> '2026-11-23T02:00:00+00:00' (the storage form)."""
    if value.tzinfo is UTC:  # the common case, skipped checks: bulk loads write millions
        return value.isoformat(timespec="seconds")
    return ensure_aware(value).astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text: str | None) -> datetime | None:
    """Storage form -> aware UTC datetime (None stays None)."""
    if not text:
        return None
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def local(value: datetime, tz: str = SHOP_TZ_DEFAULT) -> datetime:
    """Convert an aware datetime to a zone for display."""
    return ensure_aware(value).astimezone(ZoneInfo(tz))
