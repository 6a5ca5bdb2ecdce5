"""Benchmark: import a 50,000-row Taobao refund export (GBK CSV) into a fresh register.

Each run: a new register on disk (WAL, synchronous=FULL), parse, then apply in one
transaction. Then the same file again (every row unchanged). Prints figures only.

Run: .venv/bin/python bench/bench_import.py [rows]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_import_parse import make_export  # noqa: E402
from shopdesk.domain.clock import FixedClock  # noqa: E402
from shopdesk.importers import ImportConfig  # noqa: E402
from shopdesk.paths import DataPaths  # noqa: E402
from shopdesk.services.imports import ImportService  # noqa: E402
from shopdesk.services.register import open_register  # noqa: E402

ROWS = 50_000
RUNS = 3
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def one_run(path: Path, home: Path, config: ImportConfig) -> dict[str, float]:
    register = open_register(DataPaths(home), FixedClock(NOW), daily_backup=False)
    try:
        service = ImportService(register.db, register.clock, config, shop_tz=register.shop_tz)
        parsed, parse_s = timed(lambda: service.read(path))
        report, apply_s = timed(lambda: service.apply(parsed, path.name, "bench",
                                                      skip_bad_rows=True))
        assert report.imported and report.created == len(parsed.records), report.message("en")
        parsed2, reparse_s = timed(lambda: service.read(path))
        again, reapply_s = timed(lambda: service.apply(parsed2, path.name, "bench",
                                                       skip_bad_rows=True))
        assert again.created == 0 and again.unchanged == report.created, again.message("en")
        return {"parse": parse_s, "apply": apply_s, "import": parse_s + apply_s,
                "reparse": reparse_s, "reapply": reapply_s, "reimport": reparse_s + reapply_s,
                "created": report.created, "skipped": report.skipped}
    finally:
        register.close()


def main(rows: int = ROWS) -> None:
    config = ImportConfig.load(ROOT / "resources" / "importers")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "taobao_refund_gbk.csv"
        make_export(path, rows)
        print(f"{rows:,} rows, {path.stat().st_size / 1e6:.1f} MB GBK")
        results = []
        for i in range(RUNS):
            result = one_run(path, Path(tmp) / f"home{i}", config)
            results.append(result)
            print(f"run {i + 1}: import {result['import']:.2f} s (parse {result['parse']:.2f} + "
                  f"apply {result['apply']:.2f}); re-import {result['reimport']:.2f} s "
                  f"(parse {result['reparse']:.2f} + apply {result['reapply']:.2f})")

        def med(key: str) -> float:
            return statistics.median(r[key] for r in results)

        print(f"created {results[0]['created']:,} cases, skipped {results[0]['skipped']:,} "
              "bad rows per import")
        print(f"median import (fresh register): {med('import'):.2f} s "
              f"= parse {med('parse'):.2f} s + apply {med('apply'):.2f} s "
              f"({rows / med('import'):,.0f} rows/s); target < 10 s")
        print(f"median re-import (all unchanged): {med('reimport'):.2f} s "
              f"= parse {med('reparse'):.2f} s + apply {med('reapply'):.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
