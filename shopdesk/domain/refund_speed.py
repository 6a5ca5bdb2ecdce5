"""Refund speed (退款时效): time from the buyer's request to the refund, per group.

Definition (what the register has): the start is the platform's application time when an
import carried it (`applied_at`, e.g. Taobao's 退款的申请时间), else the time the case was
logged; the end is the case's resolution (`resolved_at`) with a refund outcome (full or
partial refund). A case whose end is before its start (a late import) counts as zero
(storage computes the hours, to the second).
The 90th percentile interpolates linearly between ranks (numpy's default), so it is
defined for a single case too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .enums import Outcome

REFUND_OUTCOMES = (Outcome.FULL_REFUND, Outcome.PARTIAL_REFUND)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation; None for no values."""
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError(q)
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class SpeedRow:
    """One group's refund speed in hours (median and p90 None when count is 0)."""

    key: str
    label: str
    count: int
    median_hours: float | None
    p90_hours: float | None


def speed_row(key: str, label: str, hours: Iterable[float]) -> SpeedRow:
    values = list(hours)
    return SpeedRow(key, label, len(values), percentile(values, 50), percentile(values, 90))


def speed_rows(samples: Iterable[tuple[str, float]], label_of) -> list[SpeedRow]:
    """Rows per key of (key, hours) samples, slowest median first, then by key."""
    groups: dict[str, list[float]] = {}
    for key, hours in samples:
        groups.setdefault(key, []).append(hours)
    rows = [speed_row(k, label_of(k), v) for k, v in groups.items()]
    return sorted(rows, key=lambda r: (-(r.median_hours or 0), r.key))


@dataclass(frozen=True)
class Satisfaction:
    """Follow-up results over a period: counts and shares of done follow-ups."""

    satisfied: int
    problem_again: int
    no_reply: int

    @property
    def total(self) -> int:
        return self.satisfied + self.problem_again + self.no_reply

    def share(self, count: int) -> float | None:
        return count / self.total if self.total else None
