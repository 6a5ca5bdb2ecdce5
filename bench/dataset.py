"""Build (once) and reuse a register of a fixed size for benchmarks.

Registers live under SHOPDESK_BENCH_ROOT (default: <temp>/shopdesk-bench-v3; v3 since
every size, 1M included, comes from the demo generator: one bulk load, the case indexes
and search indexes built once at the end, instead of copies of the 100k register).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.clock import BENCH_NOW
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services.demo import generate_demo
from shopdesk.services.register import open_register

SEED = 20261123


def bench_root() -> Path:
    env = os.environ.get("SHOPDESK_BENCH_ROOT")
    return Path(env) if env else Path(tempfile.gettempdir()) / "shopdesk-bench-v3"


def bench_home(size: int, root: Path | None = None) -> Path:
    """The data folder of a register with `size` cases (built on first use).

    Built in a folder of its own and renamed into place when complete: two benchmark runs
    (two helpers, two terminals) never write the same file, and a run that dies leaves no
    half-built register behind a `.complete` marker."""
    root = root or bench_root()
    home = root / f"cases-{size}"
    if (home / ".complete").exists():
        return home
    building = root / f"cases-{size}.building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    paths = DataPaths(building)
    t = time.perf_counter()
    reg = open_register(paths, FixedClock(BENCH_NOW), daily_backup=False)
    generate_demo(reg, size, seed=SEED)
    # A sample of each index is plenty for the planner: a full ANALYZE read every index
    # and FTS shadow table of the register.
    reg.db.execute("PRAGMA analysis_limit = 1000")
    reg.db.execute("ANALYZE")
    reg.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    reg.close()
    (building / ".complete").write_text("ok")
    if (home / ".complete").exists():  # another run finished first: keep its register
        shutil.rmtree(building, ignore_errors=True)
    else:
        shutil.rmtree(home, ignore_errors=True)  # a half-built one from an older run
        building.rename(home)
    print(f"built {size:,} cases in {time.perf_counter() - t:.1f} s at {home}")
    return home
