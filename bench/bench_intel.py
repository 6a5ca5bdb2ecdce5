"""Benchmark: the Pareto table over a 100k-case register (one year window), what the
early-warning evaluation adds to a 50,000-row import, and what it costs per write on the
busiest product of the 100k register (a copy of it), on SQLite and on PostgreSQL
(`--writes`; `--pg` copies the register to a database of its own on the test server).
Prints figures only.

Run: .venv/bin/python bench/bench_intel.py [cases] [rows] [--writes [--pg]]

Measured 2026-12-03 (100k demo register, busiest SKU 6,114 cases, 2 shared cores), medians
of 15: judging one open case with its neighbours 2,618 ms before the windowed warnings,
30 ms after on SQLite (80 ms on PostgreSQL); the warnings' share of opening a case on that
SKU +2,416 ms before, +45 ms after (PostgreSQL +83 ms), of moving one +3,254 ms before,
+18 ms after (PostgreSQL +42 ms).
A case leaving its group (measured 2026-12-03, same register, load ~8 on 2 cores, medians
of 15): a cause edit 466 ms, of which re-judging the cases it left +109 ms (PostgreSQL 441,
+138 ms); moving one to the trash 54 ms, re-judging +40 ms (PostgreSQL 55, +45 ms).
"""

from __future__ import annotations

import argparse
import shutil
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
from bench.timing import median_ms  # noqa: E402
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



def write_figures(cases: int, pg: bool, runs: int = 15) -> None:
    """Per write on the busiest SKU: judging one of its open cases (with its neighbours),
    and opening / moving a case with the warnings on and off (the raw limit: the same
    write without the warning hook), medians."""
    from shopdesk.domain.case import draft_from_fields
    from shopdesk.domain.enums import CaseStatus
    from shopdesk.domain.workflow import Transition
    from shopdesk.services.register import Register

    home = bench_home(cases)
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-writes-") as tmp:
        copy = Path(tmp) / "home"
        shutil.copytree(home, copy)
        reg = open_register(DataPaths(copy), FixedClock(BENCH_NOW), daily_backup=False)
        name = None
        if pg:
            from shopdesk.storage.pg.db import open_team_database
            from shopdesk.storage.pg.transfer import copy_register
            from tests import pg_support

            name = pg_support.create_database("sdwarn")
            team_db = open_team_database(pg_support.url_for(name), listen=False)
            copy_register(reg.db, team_db)
            team_db.execute("ANALYZE")
            reg.close()
            reg = Register(paths=DataPaths(copy), db=team_db, clock=FixedClock(BENCH_NOW))
        try:
            sku, n = reg.db.execute(
                "SELECT sku, count(*) FROM cases WHERE deleted_at IS NULL AND sku != '' "
                "GROUP BY sku ORDER BY count(*) DESC LIMIT 1").fetchone()
            open_ids = [r[0] for r in reg.db.execute(
                "SELECT id FROM cases WHERE sku = ? AND status = 'new' AND cause IS NOT NULL "
                "AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 160", [sku]).fetchall()]
            cause = reg.db.execute("SELECT cause FROM cases WHERE id = ?",
                                   [open_ids[0]]).fetchone()[0]
            print(f"{'PostgreSQL' if pg else 'SQLite'}: busiest SKU {sku} with {n:,} cases")
            reg.warnings.evaluate([open_ids[0]])  # warm, and settle what it flips
            judge = median_ms(lambda: reg.warnings.evaluate([open_ids[0]]), runs, warm=False)
            print(f"  judge one of its open cases (and its neighbours): median {judge:.1f} ms")
            counter = iter(range(10**6))

            def open_one() -> None:
                k = next(counter)
                reg.cases.open_case(draft_from_fields({
                    "platform": "taobao", "order_no": f"W{k:08d}", "kind": "refund_only",
                    "buyer_nick": f"warnbench{k}", "sku": sku, "cause": cause,
                    "amount_paid": "50", "amount_claimed": "50"}), "bench")

            moves = iter(open_ids[1:])

            def move_one() -> None:
                reg.cases.change_status(next(moves), Transition(CaseStatus.IN_PROGRESS),
                                        "bench")

            evaluate = reg.warnings.evaluate
            figures = {}
            for label, hook in (("on", evaluate), ("off", lambda *a, **k: {})):
                reg.warnings.evaluate = hook  # type: ignore[method-assign]
                figures[label] = (median_ms(open_one, runs, warm=False),
                                  median_ms(move_one, runs, warm=False))
            reg.warnings.evaluate = evaluate  # type: ignore[method-assign]
            for i, what in enumerate(("open a case on it", "move one of its cases")):
                on, off = figures["on"][i], figures["off"][i]
                print(f"  {what}: warnings on {on:.1f} ms, off {off:.1f} ms "
                      f"(warnings {on - off:+.1f} ms, x{on / off:.2f})")
            _leaving_figures(reg, open_ids[40:], runs)
        finally:
            reg.close()
            if name is not None:
                pg_support.drop_database(name)


def _leaving_figures(reg, ids: list[int], runs: int) -> None:
    """A case leaving its group (cause edited, moved to the trash): the write with the
    cases it left re-judged, without that (`moved_from` off), and with no warnings at all
    (the raw write), medians."""
    from dataclasses import fields, replace

    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import Cause

    pool = iter(ids)

    def edit_one() -> None:
        case = reg.cases.get(next(pool))
        draft = CaseDraft(**{f.name: getattr(case, f.name) for f in fields(CaseDraft)})
        reg.cases.update(case.id, replace(draft, cause=Cause.SLOW_DELIVERY), "bench")

    def trash_one() -> None:
        reg.cases.delete([next(pool)], "bench")

    evaluate, moved = reg.warnings.evaluate, reg.cases.moved_from
    figures = {}
    for label, judge, leave in (("on", evaluate, moved), ("no re-judge", evaluate, None),
                                ("raw", lambda *a, **k: {}, None)):
        reg.warnings.evaluate = judge
        reg.cases.moved_from = leave or (lambda cases: None)
        figures[label] = (median_ms(edit_one, runs, warm=False),
                          median_ms(trash_one, runs, warm=False))
    reg.warnings.evaluate, reg.cases.moved_from = evaluate, moved
    for i, what in enumerate(("edit one of its cases' cause", "move one to the trash")):
        on, without, raw = (figures[k][i] for k in ("on", "no re-judge", "raw"))
        print(f"  {what}: {on:.1f} ms; without re-judging the cases it left {without:.1f} "
              f"ms (re-judging {on - without:+.1f} ms); raw write {raw:.1f} ms (x{on / raw:.2f})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=int, default=100_000)
    parser.add_argument("rows", nargs="?", type=int, default=50_000)
    parser.add_argument("--writes", action="store_true", help="only the per-write figures")
    parser.add_argument("--pg", action="store_true", help="per write on PostgreSQL too")
    args = parser.parse_args(argv)
    if args.writes:
        write_figures(args.cases, False)
        if args.pg:
            write_figures(args.cases, True)
        return
    pareto_figures(args.cases)
    import_figures(args.rows)


if __name__ == "__main__":
    main()
