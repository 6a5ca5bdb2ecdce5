"""Issue 5 benchmark: the hand-off sheet on the 100,000-case register (~35,000 open cases).

Copies the promise benchmark register (100,000 cases, 3,000 promises) so the shared copies
are never changed, then prints medians for: the end-shift dialog's preview
(`register.shifts.preview`, what the dialog builds when it opens) and ending the shift
(`register.shifts.end`: build + store the snapshot; each run on a fresh copy, so every run
hands over the same day). Never asserts on time.

    .venv/bin/python -m bench.bench_handoff [--size 100000] [--runs 5] [--promises 3000]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_promises import promise_home
from bench.dataset import BENCH_NOW


def _copy(source: Path, home: Path) -> Path:
    """A copy of the register in `home` (SQLite backup API: safe on a WAL database)."""
    home.mkdir(parents=True, exist_ok=True)
    for p in home.glob("shopdesk.sqlite3*"):
        p.unlink()
    src = sqlite3.connect(source / "shopdesk.sqlite3")
    dst = sqlite3.connect(home / "shopdesk.sqlite3")
    src.backup(dst)
    src.close()
    dst.close()
    return home


def measure(source: Path, runs: int) -> dict[str, list[float]]:
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-handoff-") as tmp:
        home = _copy(source, Path(tmp) / "preview")
        register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
        sheet = register.shifts.preview("小王")  # warm the page cache once
        results["sizes"] = [sheet.open_total, sheet.touched_total, sheet.next_calls_total]
        for _ in range(runs):
            start = time.perf_counter()
            register.shifts.preview("小王")
            results.setdefault("preview (end-shift dialog opens)", []).append(
                time.perf_counter() - start)
        register.close()
        for i in range(max(runs // 2, 1)):
            home = _copy(source, Path(tmp) / f"end-{i}")
            register = open_register(DataPaths(home), FixedClock(BENCH_NOW),
                                     daily_backup=False)
            register.shifts.preview("小王")  # the same warm cache as the dialog had
            start = time.perf_counter()
            register.shifts.end("小王", "明早先回电")
            results.setdefault("end (build and store the hand-off)", []).append(
                time.perf_counter() - start)
            register.close()
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--promises", type=int, default=3000)
    args = p.parse_args(argv)
    source = promise_home(args.size, args.promises)
    results = measure(source, args.runs)
    open_total, touched, next_calls = (int(x) for x in results.pop("sizes"))
    print(f"register: {args.size:,} cases, {args.promises:,} promises; sheet: {open_total:,} "
          f"open, {touched:,} touched today, {next_calls:,} buyers with a phone")
    for label, values in results.items():
        print(f"{label:40s} median {statistics.median(values) * 1000:7.1f} ms   "
              f"({len(values)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
