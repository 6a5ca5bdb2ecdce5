"""Upgrading a register written before m0025: the warnings sort gets its index, the old
(platform, refund_no) index goes, and every case is as it was."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from sqlite_utils import Database

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations

from ..conftest import T0

FIRST_NEW = "0025_warnings_sort"


def _indexes(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def make_old_register(paths: DataPaths) -> list[tuple]:
    """A register as m0024 left it: cases with warnings, a refund number, one trashed;
    returns its cases' rows."""
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    assert "idx_cases_refund" in _indexes(db)
    for n in range(12):
        made = (T0 - timedelta(hours=n)).isoformat()
        db.execute(
            "INSERT INTO cases(case_no, platform, order_no, refund_no, kind, status, "
            "warning_count, created_at, updated_at, last_activity_at, deleted_at) "
            "VALUES (?, ?, ?, ?, 'refund_only', ?, ?, ?, ?, ?, ?)",
            [f"SD-20261120-{n + 1:04d}", ("taobao", "jd")[n % 2], f"37000000000{n:02d}",
             f"1580000000000{n:02d}", ("new", "in_progress", "resolved")[n % 3], n % 4,
             made, made, made, T0.isoformat() if n == 11 else None])
    rows = db.execute("SELECT * FROM cases ORDER BY id").fetchall()
    db.conn.commit()
    db.execute("ANALYZE")  # statistics gathered, as the benchmark registers have them
    db.close()
    return rows


def test_upgrade_indexes_the_warnings_sort_and_keeps_every_case(data_paths, clock):
    before = make_old_register(data_paths)
    db = Database(sqlite3.connect(data_paths.database))
    migrations.apply(db)  # the migration alone: every row as it was
    assert db.execute("SELECT * FROM cases ORDER BY id").fetchall() == before
    indexes = _indexes(db)
    assert "idx_live_warnings_sort" in indexes and "idx_cases_refund" not in indexes
    assert {"idx_cases_refund_no", "idx_live_warned"} <= indexes
    # The register's statistics stay complete: the new index is measured too.
    assert db.execute("SELECT stat FROM sqlite_stat1 "
                      "WHERE idx = 'idx_live_warnings_sort'").fetchone()[0].startswith("11 ")
    db.close()
    register = open_register(data_paths, clock, daily_backup=False)
    try:
        db = register.db
        # Most warnings first, ties by status then id, from the index (no sort).
        query = CaseQuery(sort=SortKey.WARNINGS, descending=True, major_first=False)
        ids = register.cases.query_ids(query)
        live = [r for r in before if r[0] != before[-1][0]]
        counts = {r[0]: db.execute("SELECT warning_count FROM cases WHERE id = ?",
                                   [r[0]]).fetchone()[0] for r in live}
        assert sorted(ids) == sorted(counts)
        assert [counts[i] for i in ids] == sorted(counts.values(), reverse=True)
        seen: list[tuple[str, list]] = []
        execute = db.execute

        def recording(sql, params=()):
            seen.append((sql, list(params)))
            return execute(sql, params)

        db.execute = recording  # type: ignore[method-assign]
        register.cases.query_page(query, limit=5)
        db.execute = execute  # type: ignore[method-assign]
        sql, params = next((s, p) for s, p in seen if s.startswith("SELECT id, warning_count"))
        plan = [r[3] for r in execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
        assert any("idx_live_warnings_sort" in p for p in plan), plan
        assert not any("TEMP B-TREE" in p for p in plan), plan
        # A refund number is still found through its own index.
        refund = before[3][5]
        assert [c.id for c in register.cases.store.find(platform="jd", refund_no=refund)] \
            == [before[3][0]]
    finally:
        register.close()


def test_a_register_never_analysed_gets_no_statistics(tmp_path):
    """Statistics are only completed where they were gathered: a new register has none."""
    db = Database(sqlite3.connect(tmp_path / "r.sqlite3"))
    migrations.apply(db)
    assert "idx_live_warnings_sort" in _indexes(db)
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                          ).fetchone()
    db.close()
