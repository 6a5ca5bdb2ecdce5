"""Issue 5 benchmark: promises on the 100,000-case register.

Copies the shared benchmark register (so its own cache is never migrated by this run),
adds a few thousand promises, then prints medians for: the "promise overdue" and
"promise due today" quick filters to results in the list model, sorting the whole list by
the next promise due, the banner's overdue count and the overdue list. Never asserts on time.

    .venv/bin/python -m bench.bench_promises [--size 100000] [--runs 5] [--promises 3000]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench.dataset import BENCH_NOW, bench_home

PROMISE_HOME = Path("/tmp/shopdesk-bench-promises")


def promise_home(size: int, promises: int) -> Path:
    """A copy of the benchmark register with `promises` promises (built on first use)."""
    home = PROMISE_HOME / f"cases-{size}-promises-{promises}"
    marker = home / ".complete"
    if marker.exists():
        return home
    source = bench_home(size) / "shopdesk.sqlite3"
    home.mkdir(parents=True, exist_ok=True)
    for p in home.glob("shopdesk.sqlite3*"):
        p.unlink()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(home / "shopdesk.sqlite3")
    src.backup(dst)  # the backup API: safe on a WAL database
    src.close()
    dst.close()
    _seed(home, promises)
    marker.write_text("ok")
    return home


def _seed(home: Path, count: int) -> None:
    from shopdesk.domain.clock import FixedClock
    from shopdesk.domain.promises import PromiseKind, PromiseState
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    t = time.perf_counter()
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    rng = random.Random(20261123)
    ids = [r[0] for r in register.db.execute(
        "SELECT id FROM cases WHERE deleted_at IS NULL").fetchall()]
    store = register.promises.store
    kinds = list(PromiseKind)
    with register.db.atomic():
        for case_id in rng.sample(ids, min(count, len(ids))):
            due = BENCH_NOW + timedelta(minutes=rng.randint(-3 * 24 * 60, 3 * 24 * 60))
            made = due - timedelta(hours=rng.randint(1, 48))
            promise = store.add(case_id=case_id, kind=rng.choice(kinds), text="",
                                due_at=due, made_by="小王", made_at=made)
            if due < BENCH_NOW and rng.random() < 0.6:
                state = rng.choice((PromiseState.KEPT, PromiseState.BROKEN))
                store.resolve(promise.id, state, due, "小王",
                              "缺货" if state == PromiseState.BROKEN else None)
    register.db.execute("ANALYZE")
    register.close()
    print(f"added {count:,} promises in {time.perf_counter() - t:.1f} s at {home}")


def measure(home: Path, runs: int) -> dict[str, list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from shopdesk.domain.case_query import CaseQuery, SortKey
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
    from shopdesk.services.register import open_register
    from shopdesk.ui.models.case_table import CaseTableModel

    app = QApplication.instance() or QApplication([])
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    model = CaseTableModel(register.cases, "zh")
    model.set_promise_source(register.promises)
    results: dict[str, list[float]] = {}

    def visible_page() -> int:
        for r in range(min(model.rowCount(), 30)):  # what a 1366x768 window shows
            for c in range(model.columnCount()):
                model.data(model.index(r, c))
        return model.rowCount()

    def timed_list(label: str, query: CaseQuery) -> None:
        for _ in range(runs):
            model.set_query(CaseQuery())
            visible_page()
            start = time.perf_counter()
            model.set_query(query)
            rows = visible_page()
            results.setdefault(label, []).append(time.perf_counter() - start)
        results[f"{label} rows"] = [rows]

    def timed_call(label: str, call: Callable[[], object]) -> None:
        for _ in range(runs):
            start = time.perf_counter()
            out = call()
            results.setdefault(label, []).append(time.perf_counter() - start)
        results[f"{label} rows"] = [out if isinstance(out, int) else len(out)]  # type: ignore[arg-type]

    for quick in (QuickFilter.PROMISE_OVERDUE, QuickFilter.PROMISE_TODAY):
        query = apply_quick_filter(CaseQuery(), quick, now=BENCH_NOW, tz=register.shop_tz,
                                   operator="小王")
        timed_list(f"quick filter {quick.value}", query)
    timed_list("sort all by next promise due",
               CaseQuery(sort=SortKey.PROMISE_DUE, descending=False))
    timed_call("banner: overdue_count()", register.promises.overdue_count)
    timed_call("overdue() list", register.promises.overdue)
    timed_call("due_between(next 8 h)",
               lambda: register.promises.due_between(BENCH_NOW, BENCH_NOW + timedelta(hours=8)))
    register.close()
    app.quit()
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--promises", type=int, default=3000)
    args = p.parse_args(argv)
    home = promise_home(args.size, args.promises)
    print(f"register: {args.size:,} cases, {args.promises:,} promises, {home}")
    results = measure(home, args.runs)
    for label, values in results.items():
        if label.endswith(" rows"):
            continue
        rows = int(results[f"{label} rows"][0])
        print(f"{label:45s} median {statistics.median(values) * 1000:6.1f} ms   ({rows:,} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
