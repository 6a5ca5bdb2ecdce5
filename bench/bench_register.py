"""Issue 2 benchmark: the register at 100,000 cases.

Prints medians for: process start to main window shown with the first page of cases;
search (2- and 4-character Chinese, an order number) to results in the model; changing a
quick filter; resident memory with the list open. Never asserts on time.

    .venv/bin/python -m bench.bench_register [--size 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.dataset import BENCH_NOW, bench_home

STARTUP_PROBE = "bench.startup_probe"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_startup(home: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall time from spawning the process to the window showing rows, and its RSS."""
    times, rss = [], []
    env = {**os.environ, "SHOPDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", STARTUP_PROBE], env=env,
                             capture_output=True, text=True, check=True).stdout
        fields = dict(line.split("=", 1) for line in out.split() if "=" in line)
        times.append(float(fields["shown_at"]) - start if "shown_at" in fields else
                     time.perf_counter() - start)
        rss.append(float(fields["rss_mb"]))
    return times, rss


def measure_in_window(home: Path, runs: int) -> dict[str, list[float]]:
    """Search and quick-filter timings on a real MainWindow (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from shopdesk.domain.case_query import CaseQuery
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
    from shopdesk.services.register import open_register

    app = QApplication.instance() or QApplication([])
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    from shopdesk.ui.models.case_table import CaseTableModel

    model = CaseTableModel(register.cases, "zh")
    model.set_query(CaseQuery())
    results: dict[str, list[float]] = {}

    def visible_page() -> int:
        rows = min(model.rowCount(), 30)  # what a 1366x768 window shows
        for r in range(rows):
            for c in range(model.columnCount()):
                model.data(model.index(r, c))
        return model.rowCount()

    def timed(label: str, query: CaseQuery) -> None:
        for _ in range(runs):
            model.set_query(CaseQuery())  # start from the full list each time
            visible_page()
            start = time.perf_counter()
            model.set_query(query)
            count = visible_page()
            results.setdefault(label, []).append(time.perf_counter() - start)
        results.setdefault(f"{label} rows", []).append(count)

    order_no = register.cases.fetch(register.cases.query_ids(CaseQuery(), limit=1))
    some_order = next(iter(order_no.values())).order_no[:10]
    timed("search 2 chars '耳机'", CaseQuery(search="耳机"))
    timed("search 2 chars '买家' (in ~all cases)", CaseQuery(search="买家"))
    timed("search 4 chars '蓝牙耳机'", CaseQuery(search="蓝牙耳机"))
    timed(f"search order no. '{some_order}'", CaseQuery(search=some_order))
    for quick in (QuickFilter.OPEN, QuickFilter.DUE_TODAY, QuickFilter.OVERDUE,
                  QuickFilter.MINE):
        q = apply_quick_filter(CaseQuery(), quick, now=BENCH_NOW, tz=register.shop_tz,
                               operator="小王")
        timed(f"quick filter {quick.value}", q)
    results["rss_mb_model_only"] = [_rss_mb()]
    register.close()
    app.quit()
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    home = bench_home(args.size)
    print(f"register: {args.size:,} cases, {home}")
    start_times, rss = measure_startup(home, args.runs)
    print(f"{'start -> window with first page':45s} median {statistics.median(start_times):6.2f} s"
          f"   (runs: {', '.join(f'{t:.2f}' for t in start_times)})")
    print(f"{'resident memory, window + list open':45s} median {statistics.median(rss):6.0f} MB")
    for label, values in measure_in_window(home, args.runs).items():
        if label.endswith(" rows"):
            continue
        if label.startswith("rss"):
            continue
        print(f"{label:45s} median {statistics.median(values) * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
