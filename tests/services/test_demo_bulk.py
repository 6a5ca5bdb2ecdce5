"""The demo as one bulk load (issue 13: a 1M demo in minutes): with the case indexes set
aside during the load, what it leaves is what row-by-row writes would have left: the day
totals, the search index, the stages and deadlines, the promises, the schema."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import pytest

import shopdesk.services.demo as demo
import shopdesk.services.demo_cases as demo_cases
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.promises import Promise, PromiseKind
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage import bulk_load as bulk_module
from shopdesk.storage.analysis import daily_recount, daily_totals
from shopdesk.storage.dialect import is_postgres
from shopdesk.storage.promises import PromiseStore

_STAGE_COLUMNS = ("id, stage, stage_origin, stage_since, stage_synced, deadline_at, "
                  "deadline_source, deadline_estimate")


def _schema(db) -> set[tuple]:
    return set(db.execute("SELECT type, name, sql FROM sqlite_master "
                          "WHERE sql IS NOT NULL").fetchall())


@pytest.fixture
def deferred_loads(monkeypatch) -> list:
    """Every bulk load the demo makes, deferring from 4 new cases (not 2,000)."""
    monkeypatch.setattr(bulk_module, "MIN_ROWS", 4)
    loads = []
    real = demo.bulk_load

    @contextlib.contextmanager
    def spy(*args, **kwargs):
        with real(*args, **kwargs) as load:
            loads.append(load)
            yield load

    monkeypatch.setattr(demo, "bulk_load", spy)
    return loads


def test_a_demo_load_leaves_what_row_by_row_writes_leave(register, deferred_loads):
    """Deferred on SQLite (a team register keeps its indexes: same checks)."""
    db = register.db
    pg = is_postgres(db)
    before = None if pg else _schema(db)
    demo.generate_demo(register, 150, seed=11)
    [load] = deferred_loads
    assert load.deferred is not pg
    if not pg:
        assert _schema(db) == before  # every index and trigger back as it was
    assert daily_totals(db) == daily_recount(db) != set()
    ids = register.cases.query_ids(CaseQuery())
    cases = register.cases.fetch(ids)
    assert len(cases) == 150
    # The search index holds every new case: its order number, a two-character word of
    # its description, a note from its timeline.
    for case in list(cases.values())[::15]:
        assert case.id in register.cases.query_ids(CaseQuery(search=case.order_no))
        assert case.id in register.cases.query_ids(CaseQuery(search=case.description[:2]))
    noted = db.execute("SELECT case_id, text FROM case_events WHERE type = 'note' "
                       "LIMIT 1").fetchone()
    assert noted[0] in register.cases.query_ids(CaseQuery(search=noted[1]))
    # Stages and deadlines computed from the cases in memory equal a recompute from the
    # stored cases; none is left for the next start to compute.
    stored = db.execute(f"SELECT {_STAGE_COLUMNS} FROM cases ORDER BY id").fetchall()
    assert not register.deadlines.store.any_unset()
    with db.atomic():
        register.deadlines.recompute(ids)
    assert db.execute(f"SELECT {_STAGE_COLUMNS} FROM cases ORDER BY id").fetchall() == stored
    assert any(r[5] for r in stored)  # open cases have deadlines


def test_promises_written_in_bulk_are_returned_as_read_back(register, clock):
    demo.generate_demo(register, 60, seed=4)
    store = PromiseStore(register.db)
    [case_id, *_] = register.cases.query_ids(CaseQuery())
    made = clock.now() - timedelta(hours=3, microseconds=123)  # stored in whole seconds
    sample = Promise(0, case_id, PromiseKind.REPLY, "答复", made + timedelta(hours=5), "小王",
                     made)
    with register.db.atomic():
        saved = store.insert_many([sample, sample])
    assert saved == [store.get(p.id) for p in saved]
    assert len({p.id for p in saved}) == 2
    with register.db.atomic():  # a promise made after them gets an id of its own
        later = store.add(case_id=case_id, kind=PromiseKind.REPLY, text="", due_at=made,
                          made_by="小王", made_at=made)
    assert later.id > max(p.id for p in saved)


def test_a_big_demo_reaches_further_back_at_the_same_daily_volume(clock, monkeypatch):
    now = clock.now()
    small = demo_cases.build_demo_cases(400, now, "Asia/Shanghai", seed=2)
    assert max(now - c.created_at for c, _d, _e in small) <= timedelta(days=91)
    monkeypatch.setattr(demo_cases, "BUSY_CASES", 100)  # 400 cases: four times the span
    big = demo_cases.build_demo_cases(400, now, "Asia/Shanghai", seed=2)
    assert max(now - c.created_at for c, _d, _e in big) > timedelta(days=120)
    assert all(c.created_at <= now for c, _d, _e in big)
    # Most cases of a long register are settled; the recent weeks still have open ones.
    assert 0 < sum(c.status.is_open for c, _d, _e in big) < sum(
        c.status.is_open for c, _d, _e in small)


def test_the_bench_builder_makes_a_register_that_opens(tmp_path, monkeypatch):
    from bench.dataset import bench_home

    monkeypatch.setattr(bulk_module, "MIN_ROWS", 4)
    home = bench_home(120, tmp_path)
    assert (home / ".complete").exists()
    assert bench_home(120, tmp_path) == home  # cached: not built again
    reg = open_register(DataPaths(home), FixedClock(datetime.now(UTC)))
    try:
        assert reg.cases.count(CaseQuery()) == 120
        assert reg.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        reg.close()


def test_a_demo_load_gives_back_the_connection_and_interpreter_as_it_found_them(register):
    """The load checks no foreign keys and pauses the cycle collector; both are back."""
    import gc

    db = register.db
    before = None if is_postgres(db) else db.execute("PRAGMA foreign_keys").fetchone()[0]
    assert gc.isenabled()
    demo.generate_demo(register, 30, seed=3)
    assert gc.isenabled()
    if before is not None:
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == before == 1
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_big_demos_long_settled_cases_went_straight_through(clock, monkeypatch):
    """Older than DEMO_DAYS: in progress, resolved, closed (fewer events for a million
    cases), taking as long to resolve as the recent ones' five steps."""
    import json
    from statistics import median

    now = clock.now()
    monkeypatch.setattr(demo_cases, "BUSY_CASES", 100)  # 1,000 cases: ten times the span
    items = demo_cases.build_demo_cases(1000, now, "Asia/Shanghai", seed=5)
    old = [(c, e) for c, _d, e in items if now - c.created_at > timedelta(days=91)]
    recent = [(c, e) for c, _d, e in items
              if timedelta(days=45) < now - c.created_at <= timedelta(days=90)]
    assert old and recent

    def steps(events):
        return [json.loads(data)["to"] for _at, _actor, type_, _text, data in events
                if type_ == "status"]

    assert {tuple(steps(e)) for _c, e in old} == {("in_progress", "resolved", "closed")}
    assert all(len(steps(e)) == 5 for c, e in recent if c.status.value == "closed")
    hours = [(c.resolved_at - c.created_at).total_seconds() / 3600 for c, _e in old]
    recent_hours = [(c.resolved_at - c.created_at).total_seconds() / 3600
                    for c, _e in recent if c.resolved_at]
    assert 0.7 < median(hours) / median(recent_hours) < 1.3


def test_a_seed_makes_the_same_demo_chunk_by_chunk_as_all_at_once(clock):
    """Deterministic for a seed, and the chunks a big demo is written in are the cases
    (and patterns) the whole list would have."""
    from shopdesk.services.demo_patterns import DemoPatterns

    now, tz = clock.now(), "Asia/Shanghai"

    def made(size):
        import random
        rng = random.Random(8)
        times = demo_cases.demo_times(rng, 500, now, tz)
        patterns = DemoPatterns([t for t, _age in times], now, 8)
        items = []
        for start, chunk in demo_cases.demo_chunks(rng, times, now, tz, 8, size=size):
            patterns.apply(chunk, start)
            items.extend(chunk)
        major = patterns.finish()
        return [(vars(c), d, e) for c, d, e in items], vars(major)

    whole = made(500)
    assert made(500) == whole
    assert made(64) == whole
    cases = [c for c, _d, _e in whole[0]]
    assert [c["created_at"] for c in cases] == sorted(c["created_at"] for c in cases)
