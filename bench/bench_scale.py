"""Issue 13 benchmark: ShopDesk against the raw limits, at 100k and 1M cases.

Every measure is paired with its limit, measured in the same run on the same register:
- start -> window with first page   vs a bare QMainWindow + QTableView (fresh processes);
- search / quick filter / sort, first page in the model   vs the SQL for that first page;
- memory with the list open   vs the bare window.
Prints one table (measure, size, app median, limit median, ratio) and writes
bench/results.json. Never asserts on time. Fixed clock; its own settings folder.

    .venv/bin/python -m bench.bench_scale [--sizes 100000,1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.dataset import BENCH_NOW, bench_home

RESULTS = Path(__file__).with_name("results.json")
VISIBLE_ROWS = 30  # what a 1366x768 window shows
_COLS = ("id, case_no, platform, order_no, buyer_nick, item_title, kind, cause, status, "
         "amount_claimed_fen, due_at, last_activity_at, assignee, next_promise_due")
_OPEN = "('new', 'in_progress', 'waiting_buyer', 'waiting_platform')"


def _spawn(module: str, home: Path, settings: Path, **extra: str) -> tuple[float, float]:
    env = {**os.environ, **extra, "SHOPDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "SHOPDESK_BENCH_SETTINGS": str(settings),
           # Compiled bytecode, as an installed app or the bundle has it: with
           # PYTHONDONTWRITEBYTECODE set (this machine's shells) every start compiled
           # ~320 modules again, 1.5-5 s the bare window never paid. Kept outside the
           # checkout; the warm-up start writes it.
           "PYTHONPYCACHEPREFIX": str(home.parent / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", module], env=env, capture_output=True,
                         text=True, check=True).stdout
    fields = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return float(fields["shown_at"]) - start, float(fields["rss_mb"])


def measure_start(home: Path, runs: int, settings: Path) -> list[dict]:
    app_t, app_m, bare_t, bare_m = [], [], [], []
    _spawn("bench.bare_probe", home, settings)  # warm the OS file cache for both
    _spawn("bench.startup_probe", home, settings)
    for _ in range(runs):  # paired, alternating
        t, m = _spawn("bench.startup_probe", home, settings)
        app_t.append(t * 1000)
        app_m.append(m)
        t, m = _spawn("bench.bare_probe", home, settings)
        bare_t.append(t * 1000)
        bare_m.append(m)
    return [_row("start -> window with first page (ms)", app_t, bare_t),
            _row("memory, list open (MB, not ms)", app_m, bare_m)]


# The list under a filter as well as under "All" (measure_start): memory must not grow
# with what the filter matches.
MEMORY_VIEWS = (("quick filter open", "open"), ("search 耳机", "search:耳机"))


def measure_memory(home: Path, runs: int, settings: Path) -> list[dict]:
    """Memory with the list open under each of MEMORY_VIEWS, against the bare window."""
    rows = []
    for label, view in MEMORY_VIEWS:
        app_m, bare_m = [], []
        for _ in range(runs):  # paired, alternating
            app_m.append(_spawn("bench.memory_probe", home, settings,
                                SHOPDESK_BENCH_VIEW=view)[1])
            bare_m.append(_spawn("bench.bare_probe", home, settings)[1])
        rows.append(_row(f"memory, list open, {label} (MB, not ms)", app_m, bare_m))
    return rows


def _row(measure: str, app: list[float], limit: list[float]) -> dict:
    a, b = statistics.median(app), statistics.median(limit)
    return {"measure": measure, "app_ms": round(a, 2), "limit_ms": round(b, 3),
            "ratio": round(a / b, 1) if b else None}


def _timed(fn: Callable[[], object], runs: int, before: Callable[[], object] | None = None
           ) -> list[float]:
    out = []
    for _ in range(runs):
        if before is not None:
            before()
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def measure_list(home: Path, runs: int) -> list[dict]:
    """First page in the model (ids + the visible rows' data) against its SQL."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from shopdesk.domain.case_query import CaseQuery, SortKey
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
    from shopdesk.services.register import open_register
    from shopdesk.storage.cases import order_by
    from shopdesk.ui.models.case_columns import column_of
    from shopdesk.ui.models.case_table import CaseTableModel

    app = QApplication.instance() or QApplication([])
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    db = register.db
    model = CaseTableModel(register.cases, "zh")

    def visible() -> None:
        for r in range(min(model.rowCount(), VISIBLE_ROWS)):
            for c in range(model.columnCount()):
                model.data(model.index(r, c))

    def reset() -> None:
        model.set_query(CaseQuery())
        visible()

    def sql(text: str, params: list) -> Callable[[], object]:
        return lambda: db.execute(text, params).fetchall()

    # The list's own order (ties in the order of the sort column's index).
    order = order_by(SortKey.LAST_ACTIVITY, True)
    # The first 50 matches in display order: walk the list, check each body (ESCAPE
    # keeps FTS5 from taking the LIKE, which it cannot answer for short patterns).
    scan_like = (f"SELECT {_COLS} FROM cases c WHERE deleted_at IS NULL AND EXISTS "
                 "(SELECT 1 FROM cases_fts f WHERE f.rowid = c.id AND f.body LIKE ? "
                 f"ESCAPE '\\') {order} LIMIT 50")
    # ... the same walk named to the planner (whose estimates of the partial indexes'
    # sizes may pick another index and sort every case) ...
    walk_like = scan_like.replace("FROM cases c WHERE", "FROM cases c INDEXED BY "
                                  "idx_live_activity WHERE", 1)
    # ... or ask the trigram index for every match and sort them (rare terms).
    fts = (f"SELECT {_COLS} FROM cases WHERE deleted_at IS NULL AND id IN "
           f"(SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?) {order} LIMIT 50")
    some_order = db.execute("SELECT order_no FROM cases WHERE deleted_at IS NULL "
                            "ORDER BY id LIMIT 1 OFFSET 777").fetchone()[0][:10]

    def best(*plans: Callable[[], object]) -> list[float]:
        """The limit is the faster of the raw plans (by median)."""
        return min((_timed(plan, runs) for plan in plans), key=statistics.median)

    rows = []
    searches = [
        ("search 2 chars 耳机", "耳机",
         lambda: best(sql(scan_like, ["%耳机%"]), sql(walk_like, ["%耳机%"]))),
        ("search 2 chars 买家 (~every case)", "买家",
         lambda: best(sql(scan_like, ["%买家%"]), sql(walk_like, ["%买家%"]))),
        ("search 4 chars 蓝牙耳机", "蓝牙耳机",
         lambda: best(sql(scan_like, ["%蓝牙耳机%"]), sql(walk_like, ["%蓝牙耳机%"]),
                      sql(fts, ['"蓝牙耳机"']))),
        ("search order no. (10 chars)", some_order,
         lambda: best(sql(scan_like, [f"%{some_order}%"]), sql(fts, [f'"{some_order}"']))),
    ]
    for label, text, limit in searches:
        app_ms = _timed(lambda t=text: (model.set_query(CaseQuery(search=t)), visible()),
                        runs, reset)
        rows.append(_row(label, app_ms, limit()))
    open_q = apply_quick_filter(CaseQuery(), QuickFilter.OPEN, now=BENCH_NOW,
                                tz=register.shop_tz, operator="小王")
    rows.append(_row(
        "quick filter open", _timed(lambda: (model.set_query(open_q), visible()), runs, reset),
        best(sql(f"SELECT {_COLS} FROM cases WHERE deleted_at IS NULL AND status IN "
                 f"{_OPEN} {order} LIMIT 200", []),
             sql(f"SELECT {_COLS} FROM cases INDEXED BY idx_live_activity WHERE "
                 f"deleted_at IS NULL AND status IN {_OPEN} {order} LIMIT 200", []))))
    item = column_of("item")
    rows.append(_row(
        "sort whole list by item",
        _timed(lambda: (model.sort(item, Qt.SortOrder.AscendingOrder), visible()), runs,
               reset),
        _timed(sql(f"SELECT {_COLS} FROM cases WHERE deleted_at IS NULL "
                   f"{order_by(SortKey.ITEM, False)} LIMIT 200", []), runs)))
    assert model.query.sort == SortKey.ITEM
    register.close()
    del app
    return rows


def import_rows(runs: int) -> list[dict]:
    """The import measures (bench_scale_import), with rows/s in the measure's name."""
    from bench.bench_scale_import import ROWS, measure_import

    app, again, raw = measure_import(runs)
    out = []
    for label, times in (("import", app), ("re-import unchanged", again)):
        row = _row(label, times, raw)
        per_s = ROWS / (row["app_ms"] / 1000)
        raw_s = ROWS / (row["limit_ms"] / 1000)
        row["measure"] = (f"{label} {ROWS:,} refund rows ({per_s:,.0f} rows/s; "
                          f"raw bulk insert {raw_s:,.0f} rows/s)")
        out.append({"measure": row["measure"], "size": ROWS,
                    **{k: row[k] for k in ("app_ms", "limit_ms", "ratio")}})
    # An order export read again: its limit is reading the file at all (decode + csv).
    from bench.bench_order_reimport import measure as measure_orders

    _first, again, raw = measure_orders(runs, ROWS)
    row = _row("re-import unchanged", again, raw)
    per_s = ROWS / (row["app_ms"] / 1000)
    raw_s = ROWS / (row["limit_ms"] / 1000)
    out.append({"measure": f"re-import unchanged {ROWS:,} order rows ({per_s:,.0f} rows/s; "
                           f"raw csv read {raw_s:,.0f} rows/s)", "size": ROWS,
                **{k: row[k] for k in ("app_ms", "limit_ms", "ratio")}})
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="100000,1000000")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--out", type=Path, default=RESULTS)
    p.add_argument("--only", default="list,import,pdf",
                   help="which parts: list (start, memory, search, sort at each size), "
                        "start (start-up alone), memory (memory under a filter alone), "
                        "import, pdf")
    p.add_argument("--merge", action="store_true",
                   help="keep the rows of --out that this run does not measure")
    args = p.parse_args(argv)
    parts = set(args.only.split(","))
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-settings-") as settings:
        for size in (int(s) for s in args.sizes.split(",") if s and parts & {"list", "start"}):
            home = bench_home(size)
            rows = measure_start(home, args.runs, Path(settings))
            if "list" in parts:
                rows += measure_memory(home, min(args.runs, 3), Path(settings)) + \
                    measure_list(home, args.runs)
            for row in rows:
                results.append({"measure": row["measure"], "size": size, **{
                    k: row[k] for k in ("app_ms", "limit_ms", "ratio")}})
        for size in (int(s) for s in args.sizes.split(",") if s and "memory" in parts
                     and "list" not in parts):
            home = bench_home(size)
            # Untimed: warms the file cache, and a register never opened by this version
            # judges its open cases once (warnings_judged), as a first start after an
            # upgrade does.
            _spawn("bench.memory_probe", home, Path(settings))
            for row in measure_memory(home, min(args.runs, 3), Path(settings)):
                results.append({"measure": row["measure"], "size": size, **{
                    k: row[k] for k in ("app_ms", "limit_ms", "ratio")}})
    if "import" in parts:
        results += import_rows(min(args.runs, 3))
    if "pdf" in parts:
        from bench.bench_scale_pdf import pdf_rows
        results += pdf_rows(args.runs)
    print(f"\n{'measure':42s} {'size':>9s} {'app':>10s} {'limit':>10s} {'ratio':>7s}")
    for r in results:
        print(f"{r['measure']:42s} {r['size']:>9,d} {r['app_ms']:>10.2f} "
              f"{r['limit_ms']:>10.3f} {r['ratio'] or 0:>6.1f}x")
    if args.merge and args.out.exists():  # keep what this run did not measure
        measured = {(r["measure"].split(" (")[0], r["size"]) for r in results}
        kept = [r for r in json.loads(args.out.read_text(encoding="utf-8"))
                if (r["measure"].split(" (")[0], r["size"]) not in measured]
        results = kept + results
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
