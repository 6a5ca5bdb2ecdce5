"""A big demo into an empty register (issue 13): written without the WAL and with its
search index built by a worker process, it leaves what the ordinary path leaves: the same
schema, rows, search text and search results, in WAL mode with the usual pragmas."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest

import shopdesk.services.demo as demo
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services import demo_side
from shopdesk.services.demo_rows import DemoJob
from shopdesk.services.demo_side import DemoRowMaker
from shopdesk.services.register import open_register
from shopdesk.storage import bulk as bulk_module
from shopdesk.storage import bulk_load as bulk_load_module
from shopdesk.storage import search_side
from shopdesk.storage.bulk import fresh_file
from shopdesk.storage.search import reindex_case
from shopdesk.storage.search_side import SideIndex

_NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
_BIG = 10**9


def _open(path):
    return open_register(DataPaths(path), FixedClock(_NOW), daily_backup=False)


def _tables(db) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").fetchall()]


def _order(db, table: str) -> str:
    """Write order (rowid), or the key of a WITHOUT ROWID table."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    return "1" if "WITHOUT ROWID" in sql.upper() else "rowid"


def _state(reg) -> dict:
    db = reg.db
    tables = [t for t in _tables(db) if not t.startswith(("cases_fts_", "cases_bigram_"))]
    return {
        "schema": set(db.execute("SELECT type, name, sql FROM sqlite_master "
                                 "WHERE sql IS NOT NULL").fetchall()),
        "counts": {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                   for t in tables},
        # Every row of every table in write order (the migrations' own times aside): the
        # rows made in the worker process are the ones the loader makes.
        "rows": {t: db.execute(f'SELECT * FROM "{t}" ORDER BY {_order(db, t)}').fetchall()
                 for t in tables if t != "_sqlite_migrations"},
        "cases": db.execute("SELECT * FROM cases ORDER BY id").fetchall(),
        "trigram": db.execute("SELECT rowid, body FROM cases_fts ORDER BY rowid").fetchall(),
        "bigram": db.execute("SELECT rowid, grams FROM cases_bigram ORDER BY rowid").fetchall(),
    }


def _searches(reg) -> dict[str, list[int]]:
    db = reg.db
    order_no, description, title = db.execute(
        "SELECT order_no, description, item_title FROM cases ORDER BY id LIMIT 1").fetchone()
    note = db.execute("SELECT text FROM case_events WHERE type = 'note' LIMIT 1").fetchone()[0]
    case_no = db.execute("SELECT case_no FROM cases ORDER BY id DESC LIMIT 1").fetchone()[0]
    terms = [order_no, order_no[:5], description[:1], description[:2], title[:3], note,
             note[2:4], case_no, "DEMO", "耳机", "zzzz-none", "BED-4P"]
    return {t: reg.cases.query_ids(CaseQuery(search=t)) for t in terms}


def _integrity(db) -> None:
    for table in search_side.SEARCH_TABLES:
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


@pytest.fixture
def loads(monkeypatch):
    """Bulk loads from 4 cases; returns (fresh_file results, side indexes started)."""
    monkeypatch.setattr(bulk_load_module, "MIN_ROWS", 4)
    fresh, sides = [], []
    real_fresh, real_start = demo.fresh_file, SideIndex.start

    @contextlib.contextmanager
    def spy_fresh(*args, **kwargs):
        with real_fresh(*args, **kwargs) as done:
            fresh.append(done)
            yield done

    def spy_start(db, *, rows):
        side = real_start(db, rows=rows)
        sides.append(side)
        return side

    monkeypatch.setattr(demo, "fresh_file", spy_fresh)
    monkeypatch.setattr(SideIndex, "start", staticmethod(spy_start))
    return fresh, sides


@pytest.fixture
def makers(monkeypatch) -> list:
    """The demo row workers started (None: the rows made in the loader)."""
    started = []
    real_start = DemoRowMaker.start

    def spy_start(db, job):
        maker = real_start(db, job)
        started.append(maker)
        return maker

    monkeypatch.setattr(DemoRowMaker, "start", staticmethod(spy_start))
    return started


def _build(path, monkeypatch, *, fast: bool):
    monkeypatch.setattr(bulk_module, "FRESH_FILE_ROWS", 1 if fast else _BIG)
    monkeypatch.setattr(search_side, "SIDE_MIN_ROWS", 1 if fast else _BIG)
    monkeypatch.setattr(demo_side, "MIN_ROWS", 1 if fast else _BIG)
    reg = _open(path)
    demo.generate_demo(reg, 240, seed=17)
    return reg


def test_a_fast_build_leaves_what_the_ordinary_build_leaves(tmp_path, monkeypatch, loads,
                                                            makers):
    fresh, sides = loads
    slow = _build(tmp_path / "slow", monkeypatch, fast=False)
    fast = _build(tmp_path / "fast", monkeypatch, fast=True)
    try:
        assert fresh == [False, True]
        assert sides[0] is None and sides[1] is not None
        assert makers[0] is None and makers[1] is not None  # rows made in a worker
        assert makers[1]._process.poll() == 0
        assert not sides[1].path.exists()  # the worker's file is gone
        assert _state(fast) == _state(slow)
        assert _searches(fast) == _searches(slow)
        assert all(_searches(fast)[t] for t in ("DEMO", "BED-4P"))
        for reg in (fast, slow):
            db = reg.db
            _integrity(db)
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
            assert db.execute("PRAGMA temp_store").fetchone()[0] == 0
            assert [r[1] for r in db.execute("PRAGMA database_list")] == ["main"]
            assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        # Edits after the build keep the copied index whole.
        case_id = fast.db.execute("SELECT max(id) FROM cases").fetchone()[0]
        for reg in (fast, slow):
            with reg.db.atomic():
                reg.db.execute("UPDATE cases SET description = '新的描述 qqqx' WHERE id = ?",
                               [case_id])
                reindex_case(reg.db, case_id)
            _integrity(reg.db)
            assert reg.cases.query_ids(CaseQuery(search="qqqx")) == [case_id]
            assert reg.cases.query_ids(CaseQuery(search="新的")) == [case_id]
        assert _searches(fast) == _searches(slow)
    finally:
        fast.close()
        slow.close()


def test_a_register_with_cases_is_written_as_usual(tmp_path, monkeypatch, loads):
    fresh, sides = loads
    reg = _build(tmp_path / "r", monkeypatch, fast=True)
    try:
        demo.generate_demo(reg, 40, seed=3)  # a second demo into the filled register
        assert fresh == [True, False]
        assert sides[1] is None
        assert reg.cases.count(CaseQuery()) == 280
        _integrity(reg.db)
    finally:
        reg.close()


def test_a_failed_load_without_the_wal_rolls_back_to_a_normal_register(tmp_path):
    reg = _open(tmp_path)
    db = reg.db
    try:
        with pytest.raises(RuntimeError, match="cancelled"), \
                fresh_file(db, rows=bulk_module.FRESH_FILE_ROWS) as done:
            assert done
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "memory"
            with db.atomic():
                db.execute("INSERT INTO settings(key, value) VALUES ('x-test', '1')")
                raise RuntimeError("cancelled")
        assert db.execute("SELECT count(*) FROM settings WHERE key = 'x-test'"
                          ).fetchone()[0] == 0
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
        with fresh_file(db, rows=bulk_module.FRESH_FILE_ROWS - 1) as done:
            assert not done  # a small load keeps the WAL
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reg.close()


@pytest.mark.parametrize("table, row", [
    ("settings", "INSERT INTO settings(key, value) VALUES ('language', '\"en\"')"),
    ("orders", "INSERT INTO orders(platform, order_no, imported_at) "
               "VALUES ('taobao', '1234567890', '2026-12-01T00:00:00Z')"),
])
def test_a_register_holding_anything_keeps_the_wal(tmp_path, table, row):
    # Without the WAL a crash can damage the file: only a register with nothing in it
    # (nothing to lose but the load itself) is written that way, not one with no cases
    # but its orders, staff or settings.
    reg = _open(tmp_path)
    db = reg.db
    try:
        assert bulk_module.holds_nothing(db)  # a new register: bookkeeping only
        db.execute(row)
        assert not bulk_module.holds_nothing(db), table
        with fresh_file(db, rows=bulk_module.FRESH_FILE_ROWS) as done:
            assert not done
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reg.close()


def test_another_connection_keeps_the_wal(tmp_path):
    reg = _open(tmp_path)
    other = reg.open_second()  # the window's writer thread has one
    try:
        other.db.execute("SELECT count(*) FROM cases").fetchone()
        with fresh_file(reg.db, rows=bulk_module.FRESH_FILE_ROWS) as done:
            assert not done
        assert reg.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()
        reg.close()


def test_a_failing_worker_fails_the_load_and_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(search_side, "SIDE_MIN_ROWS", 1)
    reg = _open(tmp_path)
    db = reg.db
    try:
        side = SideIndex.start(db, rows=10)
        assert side is not None
        side.add([("not an id", "text")])
        with pytest.raises(RuntimeError, match="search index worker failed"), db.atomic():
            side.finish(db)
        side.close(db)
        assert not side.path.exists()
        assert db.execute("SELECT count(*) FROM cases_fts").fetchone()[0] == 0
    finally:
        reg.close()


def test_a_cancelled_fast_build_leaves_an_empty_register_and_no_worker(tmp_path, monkeypatch,
                                                                      loads):
    """Cancelling (any exception) after chunks went to the worker: rolled back, the
    worker stopped and its file gone, the file in WAL."""
    fresh, sides = loads

    def cancel(*args, **kwargs):  # every case made, written and sent to the worker
        raise KeyboardInterrupt

    monkeypatch.setattr(demo, "index_demo_cases", cancel)
    monkeypatch.setattr(bulk_module, "FRESH_FILE_ROWS", 1)
    monkeypatch.setattr(search_side, "SIDE_MIN_ROWS", 1)
    reg = _open(tmp_path)
    try:
        with pytest.raises(KeyboardInterrupt):
            demo.generate_demo(reg, 240, seed=17)
        [side] = sides
        assert fresh == [True]
        assert side._process.poll() is not None
        assert not side.path.exists()
        db = reg.db
        assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM cases_fts").fetchone()[0] == 0
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        _integrity(db)
    finally:
        reg.close()


def test_a_frozen_bundle_makes_the_rows_and_the_index_in_the_loader(tmp_path, monkeypatch,
                                                                    loads, makers):
    """No worker process in a bundle (a spawned child would start the application): the
    same register all the same."""
    fresh, sides = loads
    slow = _build(tmp_path / "slow", monkeypatch, fast=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    frozen = _build(tmp_path / "frozen", monkeypatch, fast=True)
    try:
        assert fresh == [False, True]
        assert sides == [None, None] and makers == [None, None]
        assert _state(frozen) == _state(slow)
    finally:
        frozen.close()
        slow.close()


def test_a_failing_row_worker_fails_the_load_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(demo_side, "MIN_ROWS", 1)
    reg = _open(tmp_path)
    try:
        with reg.db.atomic():
            job = DemoJob.of(reg, 10, 1, search=False)
        maker = DemoRowMaker.start(reg.db, replace(job, stages=None))  # breaks in the worker
        assert maker is not None
        with pytest.raises(RuntimeError, match=r"demo row worker failed.*AttributeError"):
            list(maker.rows())
        maker.close()
        assert maker._process.poll() not in (None, 0)

        real_start = DemoRowMaker.start

        def broken(db, job):  # the load goes on to fail the same way
            return real_start(db, replace(job, stages=None))

        monkeypatch.setattr(DemoRowMaker, "start", staticmethod(broken))
        with pytest.raises(RuntimeError, match="demo row worker failed"):
            demo.generate_demo(reg, 30, seed=1)
        assert reg.db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
        assert reg.db.execute("SELECT count(*) FROM case_counters").fetchone()[0] == 0
    finally:
        reg.close()


def test_a_load_cancelled_while_the_rows_come_stops_their_worker(tmp_path, monkeypatch,
                                                                 makers):
    """Cancelled at the first chunk written: rolled back, the worker (still sending or
    done) stopped and reaped, the reading thread ended."""
    monkeypatch.setattr(demo_side, "MIN_ROWS", 1)

    def cancel(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(demo, "write_demo_rows", cancel)
    reg = _open(tmp_path)
    try:
        with pytest.raises(KeyboardInterrupt):
            demo.generate_demo(reg, 240, seed=17)
        [maker] = makers
        assert maker._process.poll() is not None
        assert not maker._reader.is_alive()
        assert reg.db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    finally:
        reg.close()


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_search_index_worker_yields_to_the_loader(tmp_path, monkeypatch):
    """Its index is needed last: it runs at a lower priority than the load it serves."""
    monkeypatch.setattr(search_side, "SIDE_MIN_ROWS", 1)
    reg = _open(tmp_path)
    side = SideIndex.start(reg.db, rows=10)
    assert side is not None
    try:
        wanted = min(19, os.getpriority(os.PRIO_PROCESS, 0) + search_side._NICER)
        pid = side._process.pid
        deadline = time.monotonic() + 10
        while os.getpriority(os.PRIO_PROCESS, pid) != wanted and time.monotonic() < deadline:
            time.sleep(0.05)  # until the worker has started
        assert os.getpriority(os.PRIO_PROCESS, pid) == wanted
    finally:
        side.close(reg.db)
        reg.close()
