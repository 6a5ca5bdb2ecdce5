"""Issue 15 benchmark (follow-ups, refund speed) on the 100,000-case register.

Copies the shared benchmark register (its cache is never migrated by this run), schedules a
follow-up on a share of the resolved cases and records results on some, then prints medians
for what the window runs: the status-bar due count (on every list reload), the queue, the
refund-speed view for 30 days and a year, and the satisfaction counts; beside the raw limit
(one `count(*)` over the live cases, the cheapest query a quick filter runs) with the ratio.
Never asserts on time.

    .venv/bin/python -m bench.bench_followups [--size 100000] [--runs 5] [--followups 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench.dataset import BENCH_NOW, bench_home

HOME = Path(os.environ.get("SHOPDESK_BENCH_ROOT", "/tmp")) / "shopdesk-bench-followups"


def followup_home(size: int, count: int) -> Path:
    home = HOME / f"cases-{size}-followups-{count}"
    marker = home / ".complete"
    if marker.exists():
        return home
    source = bench_home(size) / "shopdesk.sqlite3"
    home.mkdir(parents=True, exist_ok=True)
    for p in home.glob("shopdesk.sqlite3*"):
        p.unlink()
    src, dst = sqlite3.connect(source), sqlite3.connect(home / "shopdesk.sqlite3")
    src.backup(dst)  # the backup API: safe on a WAL database
    src.close()
    dst.close()
    _seed(home, count)
    marker.write_text("ok")
    return home


def _seed(home: Path, count: int) -> None:
    from shopdesk.domain.clock import FixedClock, from_iso
    from shopdesk.domain.enums import CaseKind
    from shopdesk.domain.followups import FollowupResult
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    t = time.perf_counter()
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    rng = random.Random(15)
    rows = register.db.execute(
        "SELECT id, kind, resolved_at FROM cases WHERE deleted_at IS NULL AND "
        "resolved_at IS NOT NULL").fetchall()
    store = register.followups.store
    results = list(FollowupResult)
    with register.db.atomic():
        for case_id, kind, resolved in rng.sample(rows, min(count, len(rows))):
            at = from_iso(resolved)
            f = store.add(case_id=case_id, kind=CaseKind(kind), due_at=at + timedelta(days=3),
                          script_id="", created_at=at, created_by="小王")
            if f.due_at < BENCH_NOW - timedelta(days=2) and rng.random() < 0.8:
                store.finish(f.id, rng.choice(results), f.due_at, "小王", "")
    register.db.execute("ANALYZE")
    register.close()
    print(f"added {count:,} follow-ups in {time.perf_counter() - t:.1f} s at {home}")


def measure(home: Path, runs: int) -> dict[str, tuple[list[float], int]]:
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    analysis = register.analysis
    out: dict[str, tuple[list[float], int]] = {}

    def timed(label: str, call: Callable[[], object]) -> None:
        times, size = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            got = call()
            times.append(time.perf_counter() - start)
            size = got if isinstance(got, int) else len(got)  # type: ignore[arg-type]
        out[label] = (times, size)

    month = (BENCH_NOW - timedelta(days=30), BENCH_NOW)
    year = (BENCH_NOW - timedelta(days=365), BENCH_NOW)
    timed("raw limit: count(*) live cases", lambda: register.db.execute(
        "SELECT count(*) FROM cases WHERE deleted_at IS NULL").fetchone()[0])
    timed("status bar: followups.due_count()", register.followups.due_count)
    timed("queue(due_only=True)", lambda: register.followups.queue(due_only=True))
    timed("queue() all open", register.followups.queue)
    for name, (start, end) in (("30 days", month), ("365 days", year)):
        for by in ("platform", "staff"):
            timed(f"refund_speed {by}, {name}",
                  lambda s=start, e=end, b=by: analysis.refund_speed(b, s, e).overall.count)
        timed(f"satisfaction, {name}",
              lambda s=start, e=end: analysis.satisfaction(s, e).total)
    register.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--followups", type=int, default=20_000)
    args = p.parse_args(argv)
    home = followup_home(args.size, args.followups)
    print(f"register: {args.size:,} cases, {args.followups:,} follow-ups, {home}")
    results = measure(home, args.runs)
    raw = statistics.median(results["raw limit: count(*) live cases"][0])
    for label, (times, size) in results.items():
        median = statistics.median(times)
        print(f"{label:42s} median {median * 1000:7.1f} ms  x{median / raw:6.1f} raw  "
              f"({size:,})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
