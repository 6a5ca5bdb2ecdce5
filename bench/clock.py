"""The benchmarks' fixed clock (its own module: the start-up probe must not import the
dataset builder, which pulls in the demo generator)."""

from __future__ import annotations

from datetime import UTC, datetime

BENCH_NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
