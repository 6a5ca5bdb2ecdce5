"""Benchmark: the Pareto table (投诉分析) per dimension over a year of a 100k-case register,
against its raw limit: the one GROUP BY over the cases that the table's figures come from
(count, money, resolve hours), for the year alone, no previous period, no labels.

Prints one line per dimension (app median, raw median, ratio) and never asserts on time;
the goal is a median under 200 ms per dimension. The register is built once under
SHOPDESK_BENCH_ROOT (bench/dataset.py).

Filtered to one platform or product (AliExpress; the register's most frequent SKU; both)
the table cannot use the day totals: it is grouped from the cases' covering index, for the
period and the one compared with. Printed by cause for the last 30 days and the year, the
unfiltered table beside it, against the raw filtered GROUP BY of the period alone.

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
        filtered_figures(reg, today, runs)
    finally:
        reg.close()


def filtered_figures(reg, today, runs: int) -> None:
    """By cause, filtered to a platform and/or a product (see the module's note)."""
    from shopdesk.domain.analysis import AnalysisFilter, Dimension
    from shopdesk.domain.clock import to_utc_iso
    from shopdesk.storage.analysis import filter_condition

    service = reg.analysis
    sku = reg.db.execute("SELECT sku FROM cases WHERE sku != '' GROUP BY sku "
                         "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    filters = (("none", AnalysisFilter()), ("aliexpress", AnalysisFilter("aliexpress")),
               (f"sku {sku}", AnalysisFilter(product=sku)),
               ("both", AnalysisFilter("aliexpress", sku)))
    print(f"by cause, filtered; medians of {runs} runs (ms); app = both periods, raw SQL = "
          "the period alone")
    print(f"{'period':8s} {'filter':22s} {'cases':>8s} {'app':>8s} {'raw SQL':>8s}")
    for name, days in (("30 days", 30), ("year", 365)):
        start = service.day_start(today - timedelta(days=days - 1))
        end = service.day_start(today + timedelta(days=1))
        for label, only in filters:
            app = median_ms(lambda only=only, a=start, b=end: service.pareto(
                Dimension.CAUSE, a, b, filter=only), runs)
            where, params = filter_condition(only)
            sql = RAW_SQL.format(key=RAW_KEY["cause"]).replace(
                " GROUP BY k", f" AND {where} GROUP BY k" if where else " GROUP BY k")
            bounds = [to_utc_iso(start), to_utc_iso(end), *params]
            raw = median_ms(lambda sql=sql, bounds=bounds: reg.db.execute(sql, bounds)
                            .fetchall(), runs)
            total = service.pareto(Dimension.CAUSE, start, end, filter=only).total
            print(f"{name:8s} {label:22s} {total:>8,} {app:>8.1f} {raw:>8.1f}")


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
