"""Benchmark: the Pareto table (投诉分析) per dimension over a year of a 100k-case register,
against its raw limit: the one GROUP BY over the cases that the table's figures come from
(count, money, resolve hours), for the year alone, no previous period, no labels.

Prints one line per dimension (app median, raw median, ratio) and never asserts on time;
the goal is a median under 200 ms per dimension. The register is built once under
SHOPDESK_BENCH_ROOT (bench/dataset.py).

What the day totals cost the writers (m0021's triggers): --import-rows N imports the same
N-row Taobao export into a fresh register with the triggers and into one with them
dropped, and prints the CPU seconds of both (steadier than wall time on a shared machine).

    .venv/bin/python -m bench.bench_pareto [--size 100000] [--runs 7] [--import-rows N]
"""

from __future__ import annotations

import argparse
import time
from datetime import timedelta

from bench.dataset import BENCH_NOW, bench_home
from bench.timing import median_ms

GOAL_MS = 200
RAW_SQL = ("SELECT {key} AS k, count(*), coalesce(sum(amount_settled_fen), 0), "
           "coalesce(sum(CASE WHEN status IN ('resolved', 'closed') THEN "
           "(julianday(resolved_at) - julianday(created_at)) * 24 END), 0), "
           "count(CASE WHEN status IN ('resolved', 'closed') AND resolved_at IS NOT NULL "
           "THEN 1 END) FROM cases INDEXED BY idx_live_analysis WHERE deleted_at IS NULL "
           "AND created_at >= ? AND created_at < ? GROUP BY k")
RAW_KEY = {"cause": "coalesce(cause, '')", "cause_group": "coalesce(cause, '')",
           "kind": "kind", "platform": "platform",
           "sku": "CASE WHEN sku != '' THEN sku ELSE item_title END",
           "province": "province", "staff": "assignee", "outcome": "coalesce(outcome, '')"}



def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--import-rows", type=int, default=0)
    args = p.parse_args(argv)
    pareto_figures(args.size, args.runs)
    if args.import_rows:
        import_figures(args.import_rows)
    return 0


def pareto_figures(size: int, runs: int) -> None:

    from zoneinfo import ZoneInfo

    from shopdesk.domain.analysis import Dimension
    from shopdesk.domain.clock import FixedClock, to_utc_iso
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    reg = open_register(DataPaths(bench_home(size)), FixedClock(BENCH_NOW),
                        daily_backup=False)
    try:
        service = reg.analysis
        today = BENCH_NOW.astimezone(ZoneInfo(reg.shop_tz)).date()
        # A year up to the end of today, shop time: what the window's custom period and
        # `analysis pareto --from --to` ask for.
        start = service.day_start(today - timedelta(days=364))
        end = service.day_start(today + timedelta(days=1))
        bounds = [to_utc_iso(start), to_utc_iso(end)]
        total = service.pareto(Dimension.CAUSE, start, end).total
        print(f"{size:,} cases, {total:,} in the year; medians of {runs} runs (ms)")
        print(f"{'dimension':12s} {'app':>8s} {'raw SQL':>8s} {'ratio':>7s}  goal <{GOAL_MS}")
        worst = 0.0
        for by in Dimension:
            app = median_ms(lambda by=by: service.pareto(by, start, end), runs)
            sql = RAW_SQL.format(key=RAW_KEY[by.value])
            raw = median_ms(lambda sql=sql: reg.db.execute(sql, bounds).fetchall(),
                             runs)
            worst = max(worst, app)
            print(f"{by.value:12s} {app:>8.1f} {raw:>8.1f} {app / raw:>6.3f}x")
        print(f"slowest dimension: {worst:.1f} ms ({'within' if worst < GOAL_MS else 'over'}"
              f" the {GOAL_MS} ms goal)")
    finally:
        reg.close()


def import_figures(rows: int) -> None:
    import tempfile
    from pathlib import Path

    from bench.bench_import_parse import make_export
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "refunds.csv"
        make_export(path, rows)
        spent = {}
        for label in ("triggers dropped", "with day totals"):
            reg = open_register(DataPaths(Path(tmp) / label.replace(" ", "_")),
                                FixedClock(BENCH_NOW), daily_backup=False)
            try:
                if label == "triggers dropped":
                    for name in ("insert", "update", "delete"):
                        reg.db.execute(f"DROP TRIGGER analysis_daily_{name}")
                parsed = reg.imports.read(path)
                t, cpu = time.perf_counter(), time.process_time()
                report = reg.imports.apply(parsed, path.name, "bench", skip_bad_rows=True)
                wall, spent[label] = time.perf_counter() - t, time.process_time() - cpu
                print(f"import {report.created:,} rows, {label}: {wall:.2f} s wall, "
                      f"{spent[label]:.2f} s CPU")
            finally:
                reg.close()
        print(f"the day totals add {spent['with day totals'] / spent['triggers dropped'] - 1:+.0%}"
              " CPU to the import")


if __name__ == "__main__":
    raise SystemExit(main())
