"""Issue 13 table, import rows: a 50,000-row Taobao refund export (GBK CSV) into a fresh
register, and the same file again (every row unchanged), against the raw limit: the same
50,000 case rows (as the import stored them) inserted with one executemany into a fresh
register of the same schema, in one transaction. Each run is one of each, back to back.
"""

from __future__ import annotations

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


def _import(register: Register, path: Path) -> tuple[float, int]:
    service = register.imports
    started = time.perf_counter()
    report = service.apply(service.read(path), path.name, "bench", skip_bad_rows=True)
    return (time.perf_counter() - started) * 1000, report.created + report.unchanged


def _raw_insert(rows: list[tuple], columns: list[str], home: Path) -> float:
    register = _register(home)
    try:
        conn = register.db.conn
        sql = (f"INSERT INTO cases ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")
        return (time.perf_counter() - started) * 1000
    finally:
        register.close()


def measure_import(runs: int, rows: int = ROWS) -> tuple[list[float], list[float], list[float]]:
    """Per run: (import ms, unchanged re-import ms, raw insert ms)."""
    app, again, raw = [], [], []
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-import-") as tmp:
        path = Path(tmp) / "taobao_refund_gbk.csv"
        make_export(path, rows)
        for run in range(runs):
            register = _register(Path(tmp) / f"app{run}")
            try:
                ms, written = _import(register, path)
                app.append(ms)
                ms, unchanged = _import(register, path)
                again.append(ms)
                assert unchanged == written, (unchanged, written)
                cursor = register.db.execute("SELECT * FROM cases ORDER BY id")
                columns = [d[0] for d in cursor.description]
                stored = cursor.fetchall()
            finally:
                register.close()
            raw.append(_raw_insert(stored, columns, Path(tmp) / f"raw{run}"))
            print(f"import run {run + 1}: {app[-1]:.0f} ms, re-import {again[-1]:.0f} ms, "
                  f"raw insert {raw[-1]:.0f} ms ({len(stored):,} rows)", flush=True)
    return app, again, raw
