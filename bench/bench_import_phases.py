"""Issue 13: where a 50,000-row refund import spends its CPU, phase by phase.

Run: `python -m bench.bench_import_phases [--rows N] [--runs N] [--no-warnings]`. Each run
reads and applies the bench export (bench_import_parse.make_export) into a fresh register
and times the import's steps with this process's CPU clock (a search index worker's
is shown on its own line) (wrappers around the steps'
functions; a nested step is also counted in its parent, shown indented). Also counts the
cyclic collector's passes and their CPU. Prints medians only; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.bench_import_parse import make_export
from bench.bench_scale_import import warnings_off
from bench.clock import BENCH_NOW
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services import deadlines, import_known, import_write, imports, warnings
from shopdesk.services.register import open_register
from shopdesk.storage import audit, cases, events, search

try:  # a tree before the new cases' rows were made without Cases has no import_new
    from shopdesk.services import import_new
except ImportError:  # pragma: no cover
    import_new = None  # type: ignore[assignment]

# (label, owner, attribute): each wrapped to add its CPU time to its label.
STEPS: list[tuple[str, Any, str]] = [
    ("plan", imports, "plan_refunds"),
    ("create (all)", import_write.PlanWriter, "create"),
    ("  case insert (incl. settle)", cases.CaseStore, "insert_rows"),  # before import_new
    ("  case rows from the records", import_new and import_new.NewCaseRows, "build"),
    ("  case insert", cases.CaseStore, "insert_values"),
    ("    settle: stage + deadline columns", deadlines.DeadlineService, "new_columns"),
    ("  events", events.EventStore, "add_stored"),
    ("  events", events.EventStore, "add_many"),  # before the stored form
    ("  audit", audit.AuditStore, "record_new_cases"),
    ("  audit", audit.AuditStore, "record_many"),  # before the INSERT ... SELECT
    ("search index (all)", import_write.PlanWriter, "index"),
    ("  bigram", search, "_write_bigrams"),
    ("deadlines recompute (updates)", deadlines.DeadlineService, "recompute"),
    ("warnings", warnings.WarningService, "evaluate"),
    ("import_rows", import_known.KnownRows, "remember"),
]


def _wrap(times: dict[str, float], label: str, owner: Any, name: str) -> Callable[[], None]:
    real = getattr(owner, name, None) if owner is not None else None
    if real is None:  # an older tree without this step
        return lambda: None

    @functools.wraps(real)
    def timed(*args: Any, **kw: Any) -> Any:
        started = time.process_time()
        try:
            return real(*args, **kw)
        finally:
            times[label] = times.get(label, 0.0) + time.process_time() - started
    setattr(owner, name, timed)
    return lambda: setattr(owner, name, real)


def _wrap_bulk_load(times: dict[str, float]) -> Callable[[], None]:
    real = imports.bulk_load

    @contextlib.contextmanager
    def timed(*args: Any, **kw: Any) -> Iterator[Any]:
        manager = real(*args, **kw)
        state = manager.__enter__()
        try:
            yield state
        except BaseException as exc:
            if not manager.__exit__(type(exc), exc, exc.__traceback__):
                raise
            return
        started = time.process_time()
        manager.__exit__(None, None, None)
        times["bulk_load end: indexes + day totals"] = time.process_time() - started
    imports.bulk_load = timed
    return lambda: setattr(imports, "bulk_load", real)


def _children_cpu() -> float:
    """CPU seconds of this process's ended child processes (the search index worker)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(path: Path, home: Path, warnings_on: bool) -> dict[str, float]:
    times: dict[str, float] = {}
    undo = [_wrap(times, *step) for step in STEPS] + [_wrap_bulk_load(times)]
    collected = [0.0, 0]
    mark = [0.0]

    def on_gc(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            mark[0] = time.process_time()
        else:
            collected[0] += time.process_time() - mark[0]
            collected[1] += 1
    gc.callbacks.append(on_gc)
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    try:
        service = register.imports
        if not warnings_on:
            warnings_off(register)
        started = time.process_time()
        parsed = service.read(path)
        times["parse"] = time.process_time() - started
        started, children = time.process_time(), _children_cpu()
        service.apply(parsed, path.name, "bench", skip_bad_rows=True)
        times["apply (all)"] = time.process_time() - started
        times["child processes (search index worker)"] = _children_cpu() - children
        times["total"] = times["parse"] + times["apply (all)"]
    finally:
        register.close()
        gc.callbacks.remove(on_gc)
        for step in undo:
            step()
    times["cyclic GC (inside the above)"] = collected[0]
    times["cyclic GC passes"] = collected[1]
    return times


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=50_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--no-warnings", action="store_true")
    args = p.parse_args(argv)
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-phases-") as tmp:
        path = Path(tmp) / "taobao_refund_gbk.csv"
        make_export(path, args.rows)
        for run in range(args.runs):
            runs.append(run_once(path, Path(tmp) / f"r{run}", not args.no_warnings))
    order = ["parse", "apply (all)", *dict.fromkeys(s[0] for s in STEPS),
             "bulk_load end: indexes + day totals", "total",
             "child processes (search index worker)", "cyclic GC (inside the above)",
             "cyclic GC passes"]
    print(f"CPU s, medians of {args.runs} runs, {args.rows:,} rows"
          f"{', warnings off' if args.no_warnings else ''}")
    for label in order:
        values = [r.get(label, 0.0) for r in runs]
        print(f"  {label:40s} {statistics.median(values):7.2f}")


if __name__ == "__main__":
    main()
