"""Benchmark: the Pareto table over a 100k-case register (one year window), and what the
early-warning evaluation adds to a 50,000-row import. Prints figures only.

Run: .venv/bin/python bench/bench_intel.py [cases] [rows]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_import_parse import make_export  # noqa: E402
from bench.dataset import BENCH_NOW, bench_home  # noqa: E402
from shopdesk.domain.analysis import Dimension  # noqa: E402
from shopdesk.domain.clock import FixedClock  # noqa: E402
from shopdesk.importers import ImportConfig  # noqa: E402
from shopdesk.paths import DataPaths  # noqa: E402
from shopdesk.services.imports import ImportService  # noqa: E402
from shopdesk.services.register import open_register  # noqa: E402


def pareto_figures(cases: int) -> None:
    home = bench_home(cases, Path(tempfile.gettempdir()) / "shopdesk-bench-intel")
    reg = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    try:
        end = BENCH_NOW
        start = end - timedelta(days=365)
        for by in (Dimension.CAUSE, Dimension.PROVINCE, Dimension.SKU):
            times = []
            for _ in range(5):
                t = time.perf_counter()
                result = reg.analysis.pareto(by, start, end)
                times.append(time.perf_counter() - t)
            print(f"pareto by {by.value:<9} over {result.total:,} cases (and the previous "
                  f"year): median {statistics.median(times) * 1000:.0f} ms (limit 200 ms)")
        # The raw floor: one pass over the same rows, counting only.
        times = []
        for _ in range(5):
            t = time.perf_counter()
            reg.db.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL "
                           "AND created_at >= ? AND created_at < ?",
                           [start.isoformat(), end.isoformat()]).fetchone()
            times.append(time.perf_counter() - t)
        print(f"raw count of the year's cases: median {statistics.median(times) * 1000:.0f} ms")
    finally:
        reg.close()


def import_figures(rows: int) -> None:
    """Wall and CPU seconds of the same import without and with the warning hook. On a
    shared machine the CPU seconds are the steadier figure for the ratio."""
    config = ImportConfig.load(ROOT / "resources" / "importers")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "refunds.csv"
        make_export(path, rows)
        spent: dict[bool, float] = {}
        for label, with_warnings in (("without warnings", False), ("with warnings", True)):
            reg = open_register(DataPaths(Path(tmp) / label.replace(" ", "_")),
                                FixedClock(BENCH_NOW), daily_backup=False)
            try:
                hook = reg.warnings.evaluate if with_warnings else None
                service = ImportService(reg.db, reg.clock, config, shop_tz=reg.shop_tz,
                                        after_write=hook)
                parsed = service.read(path)
                t, cpu = time.perf_counter(), time.process_time()
                report = service.apply(parsed, path.name, "bench", skip_bad_rows=True)
                took, spent[with_warnings] = (time.perf_counter() - t,
                                              time.process_time() - cpu)
                warned = reg.db.execute(
                    "SELECT count(*) FROM cases WHERE warning_count > 0").fetchone()[0]
                print(f"apply {report.created:,} rows {label}: {took:.2f} s wall, "
                      f"{spent[with_warnings]:.2f} s CPU ({warned:,} cases warned)")
            finally:
                reg.close()
        print(f"warnings add {spent[True] / spent[False] - 1:+.0%} CPU to the import "
              "(limit +20%)")


if __name__ == "__main__":
    pareto_figures(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
    import_figures(int(sys.argv[2]) if len(sys.argv) > 2 else 50_000)
