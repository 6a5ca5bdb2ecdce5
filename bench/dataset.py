"""Build (once) and reuse a register of a fixed size for benchmarks.

Registers live under SHOPDESK_BENCH_ROOT (default: <temp>/shopdesk-bench-v2; v2 since
the bigram search index). Up to 100,000 cases come from the demo generator; larger ones
are built by a fast raw-SQL path that copies the 100k register's cases (with fresh case
numbers and shifted times) and rebuilds the search indexes once, because the generator
needs far longer than a benchmark run on a loaded 2-core machine.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.clock import BENCH_NOW
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services.demo import generate_demo
from shopdesk.services.register import open_register
from shopdesk.storage.rows import CASE_COLUMNS
from shopdesk.storage.search import reindex_all

GENERATED_MAX = 100_000


def bench_root() -> Path:
    env = os.environ.get("SHOPDESK_BENCH_ROOT")
    return Path(env) if env else Path(tempfile.gettempdir()) / "shopdesk-bench-v2"


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
    if size <= GENERATED_MAX:
        reg = open_register(paths, FixedClock(BENCH_NOW), daily_backup=False)
        generate_demo(reg, size, seed=20261123)
        reg.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        reg.db.execute("ANALYZE")
        reg.close()
    else:
        _build_by_copies(bench_home(GENERATED_MAX, root), paths, size)
    (building / ".complete").write_text("ok")
    if (home / ".complete").exists():  # another run finished first: keep its register
        shutil.rmtree(building, ignore_errors=True)
    else:
        shutil.rmtree(home, ignore_errors=True)  # a half-built one from an older run
        building.rename(home)
    print(f"built {size:,} cases in {time.perf_counter() - t:.1f} s at {home}")
    return home


def _build_by_copies(small_home: Path, paths: DataPaths, size: int) -> None:
    """Copy the generated register's cases until there are `size` (raw SQL, one pass)."""
    paths.ensure()
    shutil.copyfile(DataPaths(small_home).database, paths.database)
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # a benchmark file: rebuilt if a run dies
    base = conn.execute("SELECT count(*), max(id) FROM cases").fetchone()
    cols = [c for c in CASE_COLUMNS if c not in ("id", "case_no")]
    copies = -(-size // base[0]) - 1
    with conn:
        conn.execute("DROP TABLE IF EXISTS temp.n")
        conn.execute("CREATE TEMP TABLE n(v INTEGER PRIMARY KEY)")
        conn.executemany("INSERT INTO temp.n VALUES (?)", [(v,) for v in range(1, copies + 1)])
        # Each copy is the same cases a few days earlier, under new ids and numbers.
        shifted = {c: f"strftime('%Y-%m-%dT%H:%M:%S+00:00', c.{c}, '-' || (n.v * 3) || "
                      "' days')" for c in ("created_at", "updated_at", "last_activity_at")}
        select = ", ".join(shifted.get(c, f"c.{c}") for c in cols)
        conn.execute(
            f"INSERT INTO cases (id, case_no, {', '.join(cols)}) "
            f"SELECT c.id + n.v * {base[1]}, c.case_no || '-' || n.v, {select} "
            f"FROM temp.n n, cases c WHERE c.id <= {base[1]} "
            f"ORDER BY n.v, c.id LIMIT {size - base[0]}")
    conn.close()
    reg = open_register(paths, FixedClock(BENCH_NOW), daily_backup=False)
    with reg.db.atomic():
        reindex_all(reg.db)
    reg.db.execute("ANALYZE")
    reg.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    reg.close()
