"""The demo's writes worked out ahead as stored rows (`make_demo_rows`), and written
(`write_demo_rows`): issue 13, a 1M demo register in minutes.

Making a demo case's rows (drawing it, its stages, numbers, promises, timeline and search
text) is pure Python that needs nothing from the register but where its numbers and ids
start. So a big demo makes them in a second process (services/demo_side.py) while the
loader writes the previous chunk; a small one makes them in the loader. Either way the same
code makes the same rows, written by the same statements in the same order as the stores'
own `insert_rows`, `insert_many`, `add_many` and `record_many` would: the same seed gives
the same register.
"""

from __future__ import annotations

import pickle
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from ..domain.case import Case
from ..domain.case_no import DEMO_PREFIX, format_case_no
from ..domain.clock import to_utc_iso
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore, counter_key, stored_cases
from ..storage.database import Database
from ..storage.demo import DemoStore
from ..storage.events import EventStore, stored_event
from ..storage.promises import PromiseStore, numbered, stored_promise
from ..storage.search import SEARCHED_COLUMNS, search_body
from ..storage.search_side import SideIndex
from .deadlines import NewStages
from .demo_cases import STAFF, demo_chunks, demo_times
from .demo_patterns import DemoPatterns
from .demo_promises import build_demo_promises, promise_steps

DEMO_SERIES = "demo"
# A case's searched column values, in SEARCHED_COLUMNS order.
_searched = attrgetter(*SEARCHED_COLUMNS)


@dataclass(frozen=True)
class DemoJob:
    """What making a demo's rows needs to know: its size, seed, clock and zone, the stage
    rules, and where the register's ids and the demo series' numbers go on."""

    n: int
    seed: int | None
    now: datetime
    tz: str
    stages: NewStages
    first_case_id: int
    first_promise_id: int
    counters: dict[str, int]  # the demo series' last number per day (counter_key)
    search: bool  # make each case's search text (for a SideIndex)

    @classmethod
    def of(cls, register: Any, n: int, seed: int | None, *, search: bool) -> DemoJob:
        """The job of a demo of `n` cases into `register` (inside its write transaction,
        which only the demo writes in until the rows are written)."""
        db = register.db
        return cls(n, seed, register.clock.now(), register.shop_tz,
                   register.deadlines.new_stages(), CaseStore(db).next_id(),
                   PromiseStore(db).next_id(), CaseStore(db).counters(DEMO_SERIES), search)


@dataclass
class DemoRows:
    """One chunk's rows, in the order they are written."""

    numbers: list[tuple[date, int, int]]  # (day, cases, first number), as reserved
    case_columns: list[str]
    cases: list[tuple[Any, ...]]  # the id first
    events: list[tuple[Any, ...]]
    audit: list[tuple[Any, ...]]
    promises: list[tuple[Any, ...]]
    promised_open: list[int]  # the cases of the open promises (their next due)
    promise_events: list[list[Any]]
    promise_audit: list[tuple[Any, ...]]
    open_ids: list[int]
    search: bytes | None = None  # pickled (id, search text) rows, for SideIndex.add_pickled


@dataclass
class DemoEnd:
    """After the last chunk: the major complaint's case as it is now (None: none open)."""

    major: Case | None = field(default=None)
    worker_cpu: float = 0.0  # the CPU seconds of the process that made the rows, if not ours


def make_demo_rows(job: DemoJob) -> Iterator[DemoRows | DemoEnd]:
    """Every chunk's rows, then the DemoEnd."""
    rng = random.Random(job.seed)
    times = demo_times(rng, job.n, job.now, job.tz)
    patterns = DemoPatterns([created for created, _age in times], job.now, job.seed)
    promise_rng = random.Random(None if job.seed is None else f"promises-{job.seed}")
    counters = dict(job.counters)
    case_id, promise_id = job.first_case_id, job.first_promise_id
    for start, items in demo_chunks(rng, times, job.now, job.tz, job.seed):
        patterns.apply(items, start)
        cases = [case for case, _day, _events in items]
        # Stages and deadlines go in with the rows: worked out from the cases in memory,
        # where an UPDATE per case afterwards rewrote every row once more.
        stages = job.stages.columns(cases)
        # Numbered per shop-local day in the demo series, as reserve_case_numbers numbers.
        per_day: dict[date, int] = {}
        for _case, day, _events in items:
            per_day[day] = per_day.get(day, 0) + 1
        numbers, next_seq = [], {}
        for day, count in per_day.items():
            key = counter_key(day, DEMO_SERIES)
            next_seq[day] = counters.get(key, 0) + 1
            counters[key] = next_seq[day] + count - 1
            numbers.append((day, count, next_seq[day]))
        for case, day, _events in items:
            case.case_no = format_case_no(day, next_seq[day], DEMO_PREFIX)
            next_seq[day] += 1
        columns, rows = stored_cases(cases, case_id, stages)
        ids = list(range(case_id, case_id + len(rows)))
        case_id += len(rows)
        events, audit = [], []
        for (case, _day, case_events), cid in zip(items, ids, strict=True):
            case.id = cid
            audit.append((to_utc_iso(case.created_at), case.created_by, "case", cid,
                          "create", None, None, case.case_no))
            events.extend((cid, *e) for e in case_events)
        promises = numbered(build_demo_promises(list(zip(ids, cases, strict=True)), job.now,
                                                job.tz, rng=promise_rng,
                                                fallback_actor=STAFF[0]), promise_id)
        promise_id += len(promises)
        promise_events, promise_audit = [], []
        for p in promises:
            for at, actor, type_, text, data, audit_row in promise_steps(p, job.tz):
                promise_events.append(stored_event(p.case_id, at, actor, type_, text, data))
                promise_audit.append((to_utc_iso(at), actor, *audit_row))
        search = None
        if job.search:  # the search text of the rows as written
            search = pickle.dumps(
                [(cid, search_body(_searched(case),
                                   [e[3] for e in case_events if e[2] == "note"]))
                 for cid, (case, _day, case_events) in zip(ids, items, strict=True)],
                protocol=pickle.HIGHEST_PROTOCOL)
        yield DemoRows(numbers, columns, rows, events, audit,
                       [stored_promise(p) for p in promises],
                       [p.case_id for p in promises if p.is_open],
                       promise_events, promise_audit,
                       [cid for cid, case in zip(ids, cases, strict=True)
                        if case.status.is_open], search)
    yield DemoEnd(patterns.finish())


def write_demo_rows(db: Database, rows: DemoRows, side: SideIndex | None) -> None:
    """Write one chunk's rows (inside the caller's transaction and bulk load), checking
    that the numbers and ids they were made with are still the next ones."""
    cases, promises = CaseStore(db), PromiseStore(db)
    events, audit = EventStore(db), AuditStore(db)
    for day, count, first in rows.numbers:
        if cases.reserve_case_numbers(day, count, series=DEMO_SERIES) != first:
            raise RuntimeError(f"demo numbers of {day} taken meanwhile")
    if rows.cases[0][0] != cases.next_id() or (
            rows.promises and rows.promises[0][0] != promises.next_id()):
        raise RuntimeError("demo ids taken meanwhile")
    cases.insert_stored(rows.case_columns, rows.cases)
    DemoStore(db).mark(row[0] for row in rows.cases)
    events.add_stored(rows.events)
    audit.add_stored(rows.audit)
    if rows.promises:
        promises.insert_stored(rows.promises, rows.promised_open)
        events.add_stored(rows.promise_events)
        audit.add_stored(rows.promise_audit)
    if side is not None and rows.search is not None:
        side.add_pickled(rows.search)
