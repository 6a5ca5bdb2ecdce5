"""How long a demo register takes to build, and where the time goes (issue 13: a 1M demo
register in under 3 minutes).

Builds `--cases` demo cases (seeded, fixed clock) into the benchmark cache when that size
is not cached yet (bench/dataset.py's bench_home), else into a scratch folder, and prints
the wall time with each phase's share: making the rows (generation, stages, promises),
writing them, the case indexes and day totals rebuilt at the end of the bulk load, the
search index, warnings. Wall and CPU time both: this 2-core machine is shared, so wall
time depends on what else runs. A big demo makes its rows in a worker process
(services/demo_side.py: the phase is then the wait for them) and builds its search index
in another (storage/search_side.py: the search phase is the wait for it and the copy of
its tables); the workers' own CPU time is printed at the end. Never asserts on time.

    .venv/bin/python -m bench.bench_build [--cases 100000]
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import resource
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import shopdesk.services.demo as demo
from bench.dataset import BENCH_NOW, SEED, bench_home, bench_root
from shopdesk.services.followups import FollowupService
from shopdesk.services.warnings import WarningService

# (owner, attribute, label) of the phases: the demo module's own steps and the services it
# calls. Patched only for the length of one build.
_PHASES = (
    (demo, "demo_batches", "make rows (or wait for their worker)"),
    (demo, "write_demo_rows", "write cases, events, audit, promises"),
    (demo, "index_demo_cases", "search index (trigram + bigram)"),
    (WarningService, "evaluate", "warnings (open cases)"),
    (FollowupService, "schedule_resolved", "follow-ups"),
)
_END_OF_LOAD = "case indexes + day totals (end of load)"
_ROW_WORKER = "row worker"  # its own CPU time, not a phase of ours


@contextlib.contextmanager
def phase_timer() -> Iterator[tuple[Counter, Counter]]:
    """(wall, CPU) seconds per phase while the block runs (the bulk load's end: the
    indexes). CPU too: on a shared machine wall time says as much about the neighbours."""
    spent: Counter = Counter()
    cpu: Counter = Counter()
    saved: list[tuple[Any, str, Any]] = []

    def timed(fn: Callable, label: str) -> Callable:
        if inspect.isgeneratorfunction(fn):  # the time of making each item it yields
            def each(*args: Any, **kwargs: Any) -> Iterator[Any]:
                items = fn(*args, **kwargs)
                while True:
                    t, c = time.perf_counter(), time.process_time()
                    try:
                        item = next(items)
                    except StopIteration:
                        return
                    finally:
                        spent[label] += time.perf_counter() - t
                        cpu[label] += time.process_time() - c
                    yield item
            return each

        def run(*args: Any, **kwargs: Any) -> Any:
            t, c = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - t
                cpu[label] += time.process_time() - c
        return run

    real_bulk_load = demo.bulk_load
    real_batches = demo.demo_batches

    def batches(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for item in real_batches(*args, **kwargs):
            cpu[_ROW_WORKER] += getattr(item, "worker_cpu", 0.0)
            yield item

    @contextlib.contextmanager
    def bulk_load(*args: Any, **kwargs: Any) -> Iterator[Any]:
        with contextlib.ExitStack() as stack:
            load = stack.enter_context(real_bulk_load(*args, **kwargs))
            yield load
            t, c = time.perf_counter(), time.process_time()
            stack.close()
            spent[_END_OF_LOAD] += time.perf_counter() - t
            cpu[_END_OF_LOAD] += time.process_time() - c

    saved.append((demo, "demo_batches", real_batches))
    demo.demo_batches = batches  # type: ignore[assignment]
    for owner, name, label in _PHASES:
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, timed(getattr(owner, name), label))
    saved.append((demo, "bulk_load", real_bulk_load))
    demo.bulk_load = bulk_load  # type: ignore[assignment]
    try:
        yield spent, cpu
    finally:
        for owner, name, fn in reversed(saved):  # the first saved is the original
            setattr(owner, name, fn)


def _io_bytes() -> tuple[int, int]:
    """(read, written) bytes of this process so far (Linux; zeros elsewhere)."""
    path = Path("/proc/self/io")
    if not path.exists():
        return 0, 0
    fields = dict(line.split(": ") for line in path.read_text().splitlines())
    return int(fields["rchar"]), int(fields["wchar"])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=100_000)
    args = p.parse_args(argv)
    cached = (bench_root() / f"cases-{args.cases}" / ".complete").exists()
    root = Path(tempfile.mkdtemp(prefix="shopdesk-build-")) if cached else None
    wall, cpu, (read, written) = time.perf_counter(), time.process_time(), _io_bytes()
    try:
        with phase_timer() as (spent, spent_cpu):
            bench_home(args.cases, root)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        read, written = (after - before for after, before in zip(_io_bytes(), (read, written),
                                                                 strict=True))
    finally:
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\ndemo register of {args.cases:,} cases (seed {SEED}, clock {BENCH_NOW:%Y-%m-%d}): "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU in this process "
          f"({wall / args.cases * 1e6:.0f} us per case); read {read / 1e9:.1f} GB, "
          f"wrote {written / 1e9:.1f} GB")
    print(f"  {'phase':42s} {'wall':>8s}   {'share':>6s} {'CPU':>8s}")
    row_worker = spent_cpu.pop(_ROW_WORKER, 0.0)
    for label, seconds in spent.most_common():
        print(f"  {label:42s} {seconds:8.1f} s {seconds / wall:6.1%} {spent_cpu[label]:8.1f} s")
    rest, rest_cpu = wall - sum(spent.values()), cpu - sum(spent_cpu.values())
    print(f"  {'other (open, ANALYZE, checkpoint, ...)':42s} {rest:8.1f} s {rest / wall:6.1%} "
          f"{rest_cpu:8.1f} s")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the search index worker
    workers = children.ru_utime + children.ru_stime
    print(f"  peak RSS {usage.ru_maxrss / 1024:.0f} MiB; worker processes: "
          f"{workers:.1f} s CPU (row worker {row_worker:.1f} s, search index "
          f"{workers - row_worker:.1f} s), peak RSS {children.ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
