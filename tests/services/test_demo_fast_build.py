"""A big demo into an empty register (issue 13): written without the WAL and with its
search index built by a worker process, it leaves what the ordinary path leaves: the same
schema, rows, search text and search results, in WAL mode with the usual pragmas."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest

import shopdesk.services.demo as demo
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
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


def _state(reg) -> dict:
    db = reg.db
    return {
        "schema": set(db.execute("SELECT type, name, sql FROM sqlite_master "
                                 "WHERE sql IS NOT NULL").fetchall()),
        "counts": {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                   for t in _tables(db) if not t.startswith(("cases_fts_", "cases_bigram_"))},
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


def _build(path, monkeypatch, *, fast: bool):
    monkeypatch.setattr(bulk_module, "FRESH_FILE_ROWS", 1 if fast else _BIG)
    monkeypatch.setattr(search_side, "SIDE_MIN_ROWS", 1 if fast else _BIG)
    reg = _open(path)
    demo.generate_demo(reg, 240, seed=17)
    return reg


def test_a_fast_build_leaves_what_the_ordinary_build_leaves(tmp_path, monkeypatch, loads):
    fresh, sides = loads
    slow = _build(tmp_path / "slow", monkeypatch, fast=False)
    fast = _build(tmp_path / "fast", monkeypatch, fast=True)
    try:
        assert fresh == [False, True]
        assert sides[0] is None and sides[1] is not None
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
