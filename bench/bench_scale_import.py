"""Issue 13 table, import rows: a 50,000-row Taobao refund export (GBK CSV) into a fresh
register, and the same file again (every row unchanged), against the raw limit: the same
50,000 case rows (as the import stored them) inserted with one executemany into a fresh
register of the same schema, in one transaction. Each run is one of each, back to back.

Run on its own (`python -m bench.bench_scale_import [--rows N] [--runs N] [--xlsx]`) it
also imports with the early-warning pass off (the stage/deadline pass stays), in the same
runs, and prints medians, rows/s and ratios.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_import_parse import make_export
from bench.clock import BENCH_NOW
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services.register import Register, open_register

ROWS = 50_000


def _register(home: Path) -> Register:
    return open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)


# This process's CPU ms of the last _import / _raw_insert: on a shared, starved machine the
# wall clock mostly measures the other processes.
CPU: dict[str, list[float]] = {}


def _import(register: Register, path: Path, warnings: bool = True,
            label: str = "import") -> tuple[float, int]:
    service = register.imports
    if not warnings:
        service.after_write = lambda ids: register.deadlines.recompute(ids)
    started, cpu = time.perf_counter(), time.process_time()
    report = service.apply(service.read(path), path.name, "bench", skip_bad_rows=True)
    CPU.setdefault(label, []).append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - started) * 1000, report.created + report.unchanged


def _raw_insert(rows: list[tuple], columns: list[str], home: Path) -> float:
    register = _register(home)
    try:
        conn = register.db.conn
        sql = (f"INSERT INTO cases ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")
        CPU.setdefault("raw", []).append((time.process_time() - cpu) * 1000)
        return (time.perf_counter() - started) * 1000
    finally:
        register.close()


def _xlsx(path: Path) -> Path:
    """The same export as an .xlsx workbook (written once per bench)."""
    import csv

    from openpyxl import Workbook

    book = Workbook()  # not write_only: that writes inline strings, which no export has
    sheet = book.active
    sheet.title = "退款"
    for cells in csv.reader(path.read_bytes().decode("gbk").splitlines()):
        # A workbook holds the text itself: ="..." would be a formula with no cached value.
        sheet.append([c[2:-1] if c.startswith('="') else c for c in cells])
    out = path.with_suffix(".xlsx")
    book.save(out)
    return out


def measure_import(runs: int, rows: int = ROWS, *, no_warnings: list[float] | None = None,
                   xlsx: bool = False) -> tuple[list[float], list[float], list[float]]:
    """Per run: (import ms, unchanged re-import ms, raw insert ms); with `no_warnings`,
    each run also imports into another fresh register with the warning pass off."""
    app, again, raw = [], [], []
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-import-") as tmp:
        path = Path(tmp) / "taobao_refund_gbk.csv"
        make_export(path, rows)
        if xlsx:
            path = _xlsx(path)
        for run in range(runs):
            if no_warnings is not None:
                register = _register(Path(tmp) / f"quiet{run}")
                try:
                    no_warnings.append(_import(register, path, warnings=False,
                                               label="import, warnings off")[0])
                finally:
                    register.close()
            register = _register(Path(tmp) / f"app{run}")
            try:
                ms, written = _import(register, path)
                app.append(ms)
                ms, unchanged = _import(register, path, label="re-import unchanged")
                again.append(ms)
                assert unchanged == written, (unchanged, written)
                cursor = register.db.execute("SELECT * FROM cases ORDER BY id")
                columns = [d[0] for d in cursor.description]
                stored = cursor.fetchall()
            finally:
                register.close()
            raw.append(_raw_insert(stored, columns, Path(tmp) / f"raw{run}"))
            quiet = f", without warnings {no_warnings[-1]:.0f} ms" if no_warnings else ""
            print(f"import run {run + 1}: {app[-1]:.0f} ms{quiet}, re-import {again[-1]:.0f} "
                  f"ms, raw insert {raw[-1]:.0f} ms ({len(stored):,} rows)", flush=True)
    return app, again, raw


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=ROWS)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--xlsx", action="store_true", help="the export as .xlsx, not GBK CSV")
    args = p.parse_args(argv)
    quiet: list[float] = []
    app, again, raw = measure_import(args.runs, args.rows, no_warnings=quiet, xlsx=args.xlsx)
    limit = statistics.median(raw)
    print(f"medians of {args.runs} runs, {args.rows:,} rows "
          f"({'xlsx' if args.xlsx else 'GBK CSV'}); raw insert {limit:.0f} ms "
          f"= {args.rows / limit * 1000:,.0f} rows/s")
    for label, times in (("import", app), ("import, warnings off", quiet),
                         ("re-import unchanged", again)):
        ms = statistics.median(times)
        print(f"{label}: {ms:.0f} ms = {args.rows / ms * 1000:,.0f} rows/s, "
              f"{ms / limit:.2f}x the raw insert")
    cpu_limit = statistics.median(CPU["raw"])
    print(f"CPU time of this process (medians): raw insert {cpu_limit:.0f} ms")
    for label, times in CPU.items():
        if label != "raw":
            ms = statistics.median(times)
            print(f"  {label}: {ms:.0f} ms = {args.rows / ms * 1000:,.0f} rows/s, "
                  f"{ms / cpu_limit:.2f}x")


if __name__ == "__main__":
    main()
