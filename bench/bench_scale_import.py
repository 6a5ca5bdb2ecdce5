"""Issue 13 table, import rows: a 50,000-row Taobao refund export (GBK CSV) into a fresh
register, and the same file again (every row unchanged), against two raw limits, both the
same 50,000 case rows (as the import stored them) written in one transaction into a fresh
register of the same schema:

(a) "raw insert": one executemany into the full schema (every index and trigger live);
(b) "raw bulk insert": the best raw technique: drop `cases`' non-unique indexes and its
    analysis triggers, one executemany, create them again and add the day totals with one
    GROUP BY (the same end state). The goal (<= 1.5x) is judged against (b).

Each run is one of each, back to back. Run on its own (`python -m bench.bench_scale_import
[--rows N] [--runs N] [--xlsx] [--daily N]`) it also imports with the early-warning pass
off (the stage/deadline pass stays), in the same runs, and, with `--daily N`, an N-row
import into a copy of the cached 100k register (the daily import) against raw executemany
into the same copy; it prints medians, rows/s and ratios.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
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


def warnings_off(register: Register) -> None:
    """The register's imports skip the early-warning pass (the stage/deadline pass stays)."""
    def deadlines_only(ids: list[int], settled: object = ()) -> None:
        done = set(settled)  # type: ignore[call-overload]
        register.deadlines.recompute([i for i in ids if i not in done])

    register.imports.after_write = deadlines_only


def _import(register: Register, path: Path, warnings: bool = True,
            label: str = "import") -> tuple[float, int]:
    service = register.imports
    if not warnings:
        warnings_off(register)
    started, cpu = time.perf_counter(), time.process_time()
    report = service.apply(service.read(path), path.name, "bench", skip_bad_rows=True)
    CPU.setdefault(label, []).append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - started) * 1000, report.created + report.unchanged


def _raw_insert(rows: list[tuple], columns: list[str], home: Path, *,
                bulk: bool = False) -> float:
    """(a) one executemany into the full schema; with `bulk`, (b): indexes and analysis
    triggers dropped first and made again after, day totals added with one GROUP BY."""
    register = _register(home)
    try:
        conn = register.db.conn
        sql = (f"INSERT INTO cases ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN IMMEDIATE")
        if bulk:
            _bulk_executemany(conn, sql, rows)
        else:
            conn.executemany(sql, rows)
        conn.execute("COMMIT")
        CPU.setdefault("raw bulk" if bulk else "raw", []).append(
            (time.process_time() - cpu) * 1000)
        return (time.perf_counter() - started) * 1000
    finally:
        register.close()


def _bulk_executemany(conn: sqlite3.Connection, sql: str, rows: list[tuple]) -> None:
    from shopdesk.storage.schema.m0021_analysis_daily import KEYS

    kept = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'cases' AND sql IS NOT "
        "NULL AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') OR (type = 'trigger' "
        "AND name LIKE 'analysis_daily%'))").fetchall()
    for kind, name, _ in kept:
        conn.execute(f"DROP {kind.upper()} {name}")
    before = conn.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]
    conn.executemany(sql, rows)
    for _, _, create in kept:
        conn.execute(create)
    done = "status IN ('resolved', 'closed') AND resolved_at IS NOT NULL"
    for dim, key in KEYS:
        conn.execute(
            "INSERT INTO analysis_daily(dim, day, key, cases, amount_fen, resolve_seconds, "
            f"resolved) SELECT ?, substr(created_at, 1, 10) AS d, {key.format(r='cases')} "
            "AS k, count(*), coalesce(sum(amount_settled_fen), 0), "
            f"coalesce(sum(CASE WHEN {done} THEN CAST(round((julianday(resolved_at) - "
            "julianday(created_at)) * 86400) AS INTEGER) END), 0), "
            f"count(CASE WHEN {done} THEN 1 END) FROM cases WHERE id > ? "
            "AND deleted_at IS NULL GROUP BY d, k "
            "ON CONFLICT(dim, day, key) DO UPDATE SET cases = cases + excluded.cases, "
            "amount_fen = amount_fen + excluded.amount_fen, "
            "resolve_seconds = resolve_seconds + excluded.resolve_seconds, "
            "resolved = resolved + excluded.resolved", [dim, before])


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
                   full_raw: list[float] | None = None, xlsx: bool = False
                   ) -> tuple[list[float], list[float], list[float]]:
    """Per run: (import ms, unchanged re-import ms, raw bulk insert ms (b)); `full_raw`
    receives the raw insert into the full schema (a); with `no_warnings`, each run also
    imports into another fresh register with the warning pass off."""
    app, again, raw = [], [], []
    full = full_raw if full_raw is not None else []
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
            full.append(_raw_insert(stored, columns, Path(tmp) / f"raw{run}"))
            raw.append(_raw_insert(stored, columns, Path(tmp) / f"bulk{run}", bulk=True))
            quiet = f", without warnings {no_warnings[-1]:.0f} ms" if no_warnings else ""
            print(f"import run {run + 1}: {app[-1]:.0f} ms{quiet}, re-import {again[-1]:.0f} "
                  f"ms, raw insert {full[-1]:.0f} ms, raw bulk insert {raw[-1]:.0f} ms "
                  f"({len(stored):,} rows)", flush=True)
    return app, again, raw


def measure_daily(runs: int, rows: int, size: int = 100_000) -> tuple[list[float], list[float]]:
    """Per run: (ms of importing `rows` new refund rows into a copy of the cached `size`
    register, ms of raw executemany of the same stored rows into another such copy, in a
    transaction rolled back: the commit is not in the limit)."""
    from bench.dataset import bench_home

    base = bench_home(size)
    app, raw = [], []
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-daily-") as tmp:
        path = Path(tmp) / "daily.csv"
        make_export(path, rows)
        seed = Path(tmp) / "seed"
        seed.mkdir()
        source = sqlite3.connect(DataPaths(base).database)
        target = sqlite3.connect(seed / DataPaths(seed).database.name)
        source.backup(target)  # the shared cached register may be open elsewhere
        source.close()
        target.close()

        def fresh(name: str) -> Register:
            home = Path(tmp) / name
            shutil.rmtree(home, ignore_errors=True)
            DataPaths(home).ensure()
            shutil.copyfile(seed / DataPaths(seed).database.name, DataPaths(home).database)
            return _register(home)

        register = fresh("warm")  # untimed: the stored rows for the limit, a warm cache
        try:
            start = register.db.execute("SELECT max(id) FROM cases").fetchone()[0]
            _import(register, path, label="daily warm-up")
            cursor = register.db.execute("SELECT * FROM cases WHERE id > ? ORDER BY id",
                                         [start])
            columns = [d[0] for d in cursor.description]
            stored = cursor.fetchall()
        finally:
            register.close()
        sql = (f"INSERT INTO cases ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        for run in range(runs):
            register = fresh("run")
            try:
                conn = register.db.conn
                t = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(sql, stored)
                raw.append((time.perf_counter() - t) * 1000)
                conn.execute("ROLLBACK")
                ms, written = _import(register, path, label=f"daily {rows:,} into {size:,}")
                app.append(ms)
                assert written == len(stored), (written, len(stored))
            finally:
                register.close()
            print(f"daily run {run + 1}: import {app[-1]:.0f} ms, raw insert {raw[-1]:.0f} ms "
                  f"({rows:,} rows into {size:,})", flush=True)
    return app, raw


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=ROWS)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--xlsx", action="store_true", help="the export as .xlsx, not GBK CSV")
    p.add_argument("--daily", type=int, default=0,
                   help="also import this many rows into a copy of the cached 100k register")
    args = p.parse_args(argv)
    quiet: list[float] = []
    full: list[float] = []
    app, again, raw = measure_import(args.runs, args.rows, no_warnings=quiet, full_raw=full,
                                     xlsx=args.xlsx)
    limit, limit_a = statistics.median(raw), statistics.median(full)
    print(f"medians of {args.runs} runs, {args.rows:,} rows "
          f"({'xlsx' if args.xlsx else 'GBK CSV'}); (a) raw insert {limit_a:.0f} ms "
          f"= {args.rows / limit_a * 1000:,.0f} rows/s; (b) raw bulk insert {limit:.0f} ms "
          f"= {args.rows / limit * 1000:,.0f} rows/s")
    for label, times in (("import", app), ("import, warnings off", quiet),
                         ("re-import unchanged", again)):
        ms = statistics.median(times)
        print(f"{label}: {ms:.0f} ms = {args.rows / ms * 1000:,.0f} rows/s, "
              f"{ms / limit:.2f}x (b), {ms / limit_a:.2f}x (a)")
    ms, off = statistics.median(app), statistics.median(quiet)
    cpu, cpu_off = (statistics.median(CPU["import"]),
                    statistics.median(CPU["import, warnings off"]))
    print(f"early warning adds {100 * (ms / off - 1):+.1f}% wall, "
          f"{100 * (cpu / cpu_off - 1):+.1f}% CPU")
    if args.daily:
        daily, daily_raw = measure_daily(args.runs, args.daily)
        ms, lim = statistics.median(daily), statistics.median(daily_raw)
        print(f"daily import of {args.daily:,} rows into 100,000: {ms:.0f} ms "
              f"= {args.daily / ms * 1000:,.0f} rows/s; raw insert {lim:.0f} ms; "
              f"{ms / lim:.2f}x")
    cpu_limit = statistics.median(CPU["raw bulk"])
    print(f"CPU time of this process (medians): raw bulk insert (b) {cpu_limit:.0f} ms")
    for label, times in CPU.items():
        if label not in ("raw bulk", "daily warm-up"):
            ms = statistics.median(times)
            if label.startswith("daily"):
                print(f"  {label}: {ms:.0f} ms = {args.daily / ms * 1000:,.0f} rows/s")
                continue
            print(f"  {label}: {ms:.0f} ms = {args.rows / ms * 1000:,.0f} rows/s, "
                  f"{ms / cpu_limit:.2f}x (b)")


if __name__ == "__main__":
    main()
