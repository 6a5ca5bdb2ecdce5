"""Issue 15 benchmark: stage deadlines on the 100,000-case register.

Copies the shared benchmark register (its cache is never migrated by this run), opens the
copy (migration m0014 and the first computation of every open case's deadline, timed),
then prints medians for: the 即将超时 quick filter beside the other quick filters, to rows
in the list model with the 剩余时间 column painted; sorting the whole list by 剩余时间
beside the other time sorts; and each beside the raw SQL of the same query on a bare
connection (the floor), with the ratio. Also `due_within(2h)` and a one-case recompute
(what every case write adds). Never asserts on time.

    .venv/bin/python -m bench.bench_deadlines [--size 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench.dataset import BENCH_NOW, bench_home

DEADLINE_HOME = Path(os.environ.get("SHOPDESK_BENCH_DEADLINES",
                                    "/tmp/shopdesk-bench-deadlines"))
PAGE = 100  # the first keyset batch the list asks for


def deadline_home(size: int) -> tuple[Path, dict[str, float]]:
    """A fresh copy of the benchmark register, migrated and computed (timed)."""
    home = DEADLINE_HOME / f"cases-{size}"
    source = bench_home(size) / "shopdesk.sqlite3"
    home.mkdir(parents=True, exist_ok=True)
    for p in home.glob("shopdesk.sqlite3*"):
        p.unlink()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(home / "shopdesk.sqlite3")
    src.backup(dst)  # the backup API: safe on a WAL database
    src.close()
    # Another branch's benchmark may have migrated the shared cache further (e.g. an index
    # of its own); this copy forgets those stamps so this branch can open it.
    from shopdesk.storage.db import known_migrations

    known = set(known_migrations())
    stamped = [n for (n,) in dst.execute("SELECT name FROM _sqlite_migrations")]
    foreign = [n for n in stamped if n not in known]
    if foreign:
        print(f"copy: forgetting other branches' migrations {foreign}")
        dst.executemany("DELETE FROM _sqlite_migrations WHERE name = ?",
                        [(n,) for n in foreign])
        dst.commit()
    dst.close()
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    t = time.perf_counter()
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    opened = time.perf_counter() - t
    register.db.execute("ANALYZE")
    register.close()
    return home, {"open + migrate + compute every open case (once)": opened}


def _raw_sql(query, where: Callable, sort_sql: dict) -> tuple[str, list, str]:
    clause, params = where(query)
    direction = "DESC" if query.descending else "ASC"
    expr = sort_sql[query.sort]
    page = (f"SELECT id, {expr} FROM cases WHERE {clause} "
            f"ORDER BY {expr} {direction}, id {direction} LIMIT {PAGE}")
    count = f"SELECT count(*) FROM cases WHERE {clause}"
    return page, params, count


def measure(home: Path, runs: int) -> dict[str, list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from shopdesk.domain.case_query import CaseQuery, SortKey
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
    from shopdesk.services.register import open_register
    from shopdesk.storage.cases import _SORT_SQL, _where
    from shopdesk.ui.models.case_table import CaseTableModel

    app = QApplication.instance() or QApplication([])
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    model = CaseTableModel(register.cases, "zh")
    model.set_promise_source(register.promises)
    model.set_warning_source(register.warnings)
    model.set_deadline_source(register.deadlines)
    bare = sqlite3.connect(f"file:{home / 'shopdesk.sqlite3'}?mode=ro", uri=True)
    results: dict[str, list[float]] = {}

    def visible_page() -> int:
        for r in range(min(model.rowCount(), 30)):  # what a 1366x768 window shows
            for c in range(model.columnCount()):
                model.data(model.index(r, c))
        return model.count_now()

    def timed_list(label: str, query: CaseQuery) -> None:
        for _ in range(runs):
            model.set_query(CaseQuery(sort=SortKey.CASE_NO))
            visible_page()
            start = time.perf_counter()
            model.set_query(query)
            rows = visible_page()
            results.setdefault(label, []).append(time.perf_counter() - start)
        results[f"{label} rows"] = [rows]
        page, params, count = _raw_sql(query, _where, _SORT_SQL)
        for _ in range(runs):
            start = time.perf_counter()
            bare.execute(page, params).fetchall()
            bare.execute(count, params).fetchone()
            results.setdefault(f"{label} [raw SQL]", []).append(time.perf_counter() - start)

    def timed_call(label: str, call: Callable[[], object]) -> None:
        for _ in range(runs):
            start = time.perf_counter()
            out = call()
            results.setdefault(label, []).append(time.perf_counter() - start)
        results[f"{label} rows"] = [out if isinstance(out, int) else len(out)]  # type: ignore[arg-type]

    window = register.deadlines.warning_window()
    for quick in (QuickFilter.OPEN, QuickFilter.DUE_TODAY, QuickFilter.OVERDUE,
                  QuickFilter.WARNED, QuickFilter.PROMISE_OVERDUE, QuickFilter.DEADLINE_SOON):
        query = apply_quick_filter(CaseQuery(), quick, now=BENCH_NOW, tz=register.shop_tz,
                                   operator="小王", deadline_window=window)
        timed_list(f"quick filter {quick.value}", query)
    for label, key in (("sort all by 剩余时间 (deadline)", SortKey.DEADLINE),
                       ("sort all by due", SortKey.DUE),
                       ("sort all by next promise due", SortKey.PROMISE_DUE)):
        timed_list(label, CaseQuery(sort=key, descending=False))
    open_ = apply_quick_filter(CaseQuery(sort=SortKey.DEADLINE, descending=False),
                               QuickFilter.OPEN, now=BENCH_NOW, tz=register.shop_tz,
                               operator="")
    timed_list("open cases sorted by 剩余时间 (the queue)", open_)
    timed_call("deadlines.due_within(2 h) (overdue included)",
               lambda: register.deadlines.due_within(timedelta(hours=2)))
    timed_call("deadlines.due_within(2 h, overdue=False)",
               lambda: register.deadlines.due_within(timedelta(hours=2), overdue=False))
    some = [r[0] for r in register.db.execute(
        "SELECT id FROM cases WHERE deleted_at IS NULL AND status = 'new' LIMIT 1")]

    def one_write() -> int:
        with register.db.atomic():
            register.deadlines.recompute(some)
        return 1

    timed_call("recompute one case (added to every write)", one_write)
    bare.close()
    register.close()
    app.quit()
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    home, once = deadline_home(args.size)
    print(f"register: {args.size:,} cases, copied to {home}")
    for label, seconds in once.items():
        print(f"{label:52s} {seconds:8.2f} s")
    results = measure(home, args.runs)
    for label, values in results.items():
        if label.endswith(" rows") or label.endswith("[raw SQL]"):
            continue
        rows = int(results[f"{label} rows"][0])
        app = statistics.median(values) * 1000
        line = f"{label:52s} median {app:7.1f} ms   ({rows:,} rows)"
        raw = results.get(f"{label} [raw SQL]")
        if raw:
            floor = statistics.median(raw) * 1000
            line += f"   raw SQL {floor:6.1f} ms   ratio {app / max(floor, 1e-6):5.1f}x"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
