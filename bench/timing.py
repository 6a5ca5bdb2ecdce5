"""The benches' stopwatch: the median of several timed calls, in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int, *, warm: bool = True) -> float:
    """Median wall time of `runs` calls of `fn`; one untimed call first when `warm` (it
    fills the page cache and the statement cache, which every later call finds full)."""
    if warm:
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)
