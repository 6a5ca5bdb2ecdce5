"""Build (once) and reuse a register of a fixed size for benchmarks."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services.demo import generate_demo
from shopdesk.services.register import open_register

# Fixed 'now' so every run builds the same data.
BENCH_NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def bench_home(size: int, root: Path | None = None) -> Path:
    """The data folder of a register with `size` demo cases (built on first use)."""
    root = root or Path("/tmp/shopdesk-bench")
    home = root / f"cases-{size}"
    paths = DataPaths(home)
    marker = home / ".complete"
    if not marker.exists():
        if paths.database.exists():
            for p in home.glob("shopdesk.sqlite3*"):
                p.unlink()
        t = time.perf_counter()
        reg = open_register(paths, FixedClock(BENCH_NOW), daily_backup=False)
        generate_demo(reg, size, seed=20261123)
        reg.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        reg.db.execute("ANALYZE")
        reg.close()
        marker.write_text("ok")
        print(f"built {size:,} cases in {time.perf_counter() - t:.1f} s at {home}")
    return home
