"""Issue 18 benchmark: the team register (PostgreSQL) beside the local one (SQLite).

1. The 100k-case register moved to the server (`team init`'s copy), timed.
2. First page of the case list (the service call the list model makes: 50 ids in display
   order, then those rows) for the default list, searches of 1, 2, 4 and 10 characters
   and the quick filters, on both back ends in the same run: medians and the ratio.
3. Three clients (processes) writing at once for --seconds (default 30): new cases,
   notes, calls, edits with a row version. Throughput, p95 latency per operation,
   edit conflicts, and a check that no row was lost or duplicated.

Measured 2026-12-03 (100k demo cases, 2 cores shared with other jobs), 3 writers for 60 s:
before the windowed warnings (a write re-judged every case sharing its product or buyer,
~2,000, holding the write lock) 41 operations, 0.7/s, p95 6.7-11.4 s; after (a write reads
only the cases a rule's window reaches and writes only the neighbours whose warning starts
or stops) 677 operations, 11.3/s, p95 0.5-1.4 s; no lost or duplicated rows either time.

Never asserts on time. Needs a server: SHOPDESK_TEST_PG (default the local one); each run
creates and drops databases of its own.

    .venv/bin/python -m bench.bench_team [--size 100000] [--runs 5] [--seconds 30]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench.dataset import BENCH_NOW, bench_home
from bench.timing import median_ms


def first_page(register, query) -> Callable[[], object]:
    def run() -> object:
        page = register.cases.query_page(query, limit=50)
        return register.cases.fetch([case_id for case_id, _ in page])
    return run


def measure_lists(local, team, runs: int) -> list[tuple[str, float, float]]:
    from shopdesk.domain.case_query import CaseQuery
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter

    some_order = local.db.execute("SELECT order_no FROM cases ORDER BY id LIMIT 1 OFFSET 777"
                                  ).fetchone()[0][:10]
    queries = [("list, default sort", CaseQuery())]
    for text in ("耳", "耳机", "蓝牙耳机", some_order, "不存在的词"):
        queries.append((f"search {text!r} ({len(text)} chars)", CaseQuery(search=text)))
    for quick in (QuickFilter.OPEN, QuickFilter.DUE_TODAY, QuickFilter.OVERDUE,
                  QuickFilter.PROMISE_OVERDUE, QuickFilter.WARNED):
        queries.append((f"quick filter {quick.value}", apply_quick_filter(
            CaseQuery(), quick, now=BENCH_NOW, tz="Asia/Shanghai", operator="小王")))
    rows = []
    for label, query in queries:
        rows.append((label, median_ms(first_page(local, query), runs),
                     median_ms(first_page(team, query), runs)))
        rows.append((f"  count, {label}", median_ms(lambda q=query: local.cases.count(q), runs),
                     median_ms(lambda q=query: team.cases.count(q), runs)))
    return rows


# --- three writers ----------------------------------------------------------------
def _writer(n: int, url: str, home: str, seconds: float, out) -> None:
    from shopdesk.domain.call_policy import CallOutcome
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.clock import FixedClock
    from shopdesk.domain.enums import CaseKind, Platform
    from shopdesk.domain.errors import ShopDeskError
    from shopdesk.paths import DataPaths
    from shopdesk.services.cases import EditConflictError
    from shopdesk.services.register import Register
    from shopdesk.storage.pg.connection import PgDatabase

    clock = FixedClock(BENCH_NOW)
    reg = Register(paths=DataPaths(Path(home)), db=PgDatabase(url), clock=clock)
    actor = f"员工{n}"
    rnd = random.Random(n)
    lat: dict[str, list[float]] = {"case": [], "note": [], "call": [], "edit": []}
    created: list[int] = []
    notes = calls = conflicts = refused = 0
    # Cases all three writers touch, spread over the register (the later half of the
    # ids, as before the windowed warnings, so the figures compare).
    top = int(reg.db.execute("SELECT max(id) FROM cases").fetchone()[0])
    shared = random.Random(7).sample(range(top // 2, top), 30)
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        op = rnd.choice(("case", "note", "call", "edit"))
        t = time.perf_counter()
        clock.advance(seconds=1)
        try:
            if op == "case":
                created.append(reg.cases.open_case(CaseDraft(
                    platform=Platform.TAOBAO, order_no=f"B{n}{len(created):09d}",
                    kind=CaseKind.REFUND_ONLY, buyer_nick=f"bench{n}-{len(created)}"),
                    actor).id)
            elif op == "note":
                reg.cases.add_note(rnd.choice(shared), f"{actor} 跟进", actor)
                notes += 1
            elif op == "call":
                reg.calls.log_call(rnd.choice(created or shared), CallOutcome.NO_ANSWER, actor,
                                   override_reason="压测")
                calls += 1
            else:
                case = reg.cases.get(rnd.choice(shared))
                opened = case.updated_at
                time.sleep(0.005)  # the person types; another PC may save meanwhile
                base = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
                base["description"] = f"{actor} {time.perf_counter()}"
                reg.cases.update(case.id, CaseDraft(**base), actor,
                                 expected_updated_at=opened)
        except EditConflictError:
            conflicts += 1
        except ShopDeskError:
            refused += 1  # a call the policy refuses (caps): counted, not an error
        lat[op].append((time.perf_counter() - t) * 1000)
    reg.close()
    out.put({"n": n, "lat": lat, "created": created, "notes": notes, "calls": calls,
             "conflicts": conflicts, "refused": refused})


def measure_writers(url: str, home: Path, seconds: float) -> dict:
    from shopdesk.storage.pg.connection import PgDatabase

    db = PgDatabase(url)
    before = {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
              for t in ("cases", "call_attempts")}
    before["notes"] = int(db.execute(
        "SELECT count(*) FROM case_events WHERE type = 'note'").fetchone()[0])
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(n, url, str(home), seconds, out))
             for n in range(3)]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join()
    ops = {k: [x for r in results for x in r["lat"][k]] for k in ("case", "note", "call", "edit")}
    created = [i for r in results for i in r["created"]]
    after_cases = int(db.execute("SELECT count(*) FROM cases").fetchone()[0])
    distinct_nos = int(db.execute("SELECT count(DISTINCT case_no) FROM cases").fetchone()[0])
    notes = int(db.execute("SELECT count(*) FROM case_events WHERE type = 'note'"
                           ).fetchone()[0]) - before["notes"]
    calls = int(db.execute("SELECT count(*) FROM call_attempts").fetchone()[0]) \
        - before["call_attempts"]
    db.close()
    total = sum(len(v) for v in ops.values())
    return {
        "seconds": seconds, "ops": total, "ops_per_s": total / seconds,
        "p95_ms": {k: _p95(v) for k, v in ops.items()},
        "median_ms": {k: statistics.median(v) if v else 0 for k, v in ops.items()},
        "conflicts": sum(r["conflicts"] for r in results),
        "calls_refused": sum(r["refused"] for r in results),
        "cases_ok": after_cases - before["cases"] == len(created) == len(set(created))
        and distinct_nos == after_cases,
        "notes_ok": notes == sum(r["notes"] for r in results),
        "calls_ok": calls == sum(r["calls"] for r in results),
    }


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--skip-lists", action="store_true", help="only the three writers")
    args = parser.parse_args(argv)

    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import Register
    from shopdesk.storage.pg.db import open_team_database
    from shopdesk.storage.pg.transfer import copy_register
    from shopdesk.storage.transactions import connect
    from tests import pg_support

    home = bench_home(args.size)
    # A plain connection: read only, and a register left by a newer branch still opens.
    local = Register(paths=DataPaths(home), db=connect(str(DataPaths(home).database)),
                     clock=FixedClock(BENCH_NOW))
    name = pg_support.create_database("sdbench")
    url = pg_support.url_for(name)
    try:
        team_db = open_team_database(url, listen=False)
        t = time.perf_counter()
        copied = copy_register(local.db, team_db)
        copy_s = time.perf_counter() - t
        team_db.execute("ANALYZE")
        print(f"team init copy: {sum(copied.values())} rows ({copied['cases']} cases) "
              f"in {copy_s:.1f} s")
        team = Register(paths=DataPaths(home), db=team_db, clock=FixedClock(BENCH_NOW))
        print(f"\n{'measure (ms, median of ' + str(args.runs) + ')':<44}{'SQLite':>9}"
              f"{'PostgreSQL':>12}{'ratio':>8}")
        for label, a, b in ([] if args.skip_lists else measure_lists(local, team, args.runs)):
            print(f"{label:<44}{a:>9.1f}{b:>12.1f}{b / a if a else 0:>8.1f}")
        team.close()
        local.close()
        w = measure_writers(url, home, args.seconds)
        print(f"\n3 writers for {w['seconds']:.0f} s: {w['ops']} operations, "
              f"{w['ops_per_s']:.1f}/s; edit conflicts {w['conflicts']}, calls refused by "
              f"policy {w['calls_refused']}")
        for op in ("case", "note", "call", "edit"):
            print(f"  {op:<5} median {w['median_ms'][op]:7.1f} ms   p95 {w['p95_ms'][op]:7.1f} ms")
        print(f"  no lost or duplicated rows: cases {w['cases_ok']}, notes {w['notes_ok']}, "
              f"calls {w['calls_ok']}")
    finally:
        pg_support.drop_database(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
