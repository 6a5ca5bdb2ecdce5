"""Upgrading to m0030 (a promise can be no longer needed, state 'cancelled'): the SQLite
table is rebuilt, so every row (ids, states, reasons), every index and the rule "open exactly
when resolved_at IS NULL" must survive; the team register (PostgreSQL; skipped without a
server, see tests/pg_support) swaps its named constraint."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from shopdesk.domain.promises import PromiseState
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import migrate_team
from shopdesk.storage.promises import PromiseStore
from tests import pg_support

FIRST_NEW = "0030_promises_cancelled"
INDEXES = {"idx_promises_case", "idx_promises_open_due", "idx_promises_resolved",
           "idx_promises_open_refund"}
CASE = ("INSERT INTO cases(id, case_no, platform, order_no, kind, created_at, updated_at, "
        "last_activity_at) VALUES (?, ?, 'taobao', '3700000000001', 'refund_only', "
        "'2026-11-20T01:00:00+00:00', '2026-11-20T01:00:00+00:00', "
        "'2026-11-20T01:00:00+00:00')")
PROMISE = ("INSERT INTO promises(id, case_id, kind, text, due_at, made_by, made_at, state, "
           "resolved_at, resolved_by, broken_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
ROWS = [
    (3, 1, "call_back", "确认", "2026-11-21T01:00:00+00:00", "小王",
     "2026-11-20T01:00:00+00:00", "open", None, None, None),
    (7, 1, "refund", "", "2026-11-21T02:00:00+00:00", "小王", "2026-11-20T01:00:00+00:00",
     "kept", "2026-11-20T05:00:00+00:00", "小李", None),
    (9, 2, "reship", "补发", "2026-11-21T03:00:00+00:00", "小李",
     "2026-11-20T01:00:00+00:00", "broken", "2026-11-21T05:00:00+00:00", "小李", "缺货"),
]


def _old_file(paths: DataPaths) -> None:
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for case_id in (1, 2):
        db.execute(CASE, [case_id, f"SD-20261120-000{case_id}"])
    for row in ROWS:
        db.execute(PROMISE, list(row))
    db.execute("UPDATE cases SET next_promise_due = '2026-11-21T01:00:00+00:00' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError):  # the old CHECK: what this migration lifts
        # (resolved_at set too: only the state's own CHECK can refuse it)
        db.execute("UPDATE promises SET state = 'cancelled', resolved_at = "
                   "'2026-11-21T02:00:00+00:00' WHERE id = 3")
    db.conn.commit()
    db.close()


def test_the_rebuilt_table_keeps_every_row_index_and_rule(tmp_path, clock):
    paths = DataPaths(tmp_path / "old")
    _old_file(paths)
    register = open_register(paths, clock, daily_backup=False)
    try:
        db = register.db
        assert db.execute("SELECT * FROM promises ORDER BY id").fetchall() == \
            [tuple(r) for r in ROWS]
        index_sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' " \
            "AND tbl_name = 'promises' ORDER BY name"
        upgraded = db.execute(index_sql).fetchall()
        assert {r[0] for r in upgraded} >= INDEXES
        # The same indexes, word for word, as a register created new.
        fresh = open_register(DataPaths(tmp_path / "fresh"), clock, daily_backup=False)
        try:
            assert upgraded == fresh.db.execute(index_sql).fetchall()
        finally:
            fresh.close()
        assert not {"promises_new", "promises_before_0030"} & {r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        # The rule still holds: cancelled needs resolved_at, open refuses it.
        for sql in ("UPDATE promises SET state = 'cancelled' WHERE id = 3",
                    "UPDATE promises SET state = 'gone', resolved_at = 'x' WHERE id = 3",
                    "UPDATE promises SET resolved_at = 'x' WHERE id = 3"):
            with pytest.raises(sqlite3.IntegrityError):
                db.execute(sql)
        # The old open promise can now be marked no longer needed, and leaves the list.
        register.staff.add("小王", actor="小王")
        done = register.promises.cancel(3, "小王", "买家撤销")
        assert done.state == PromiseState.CANCELLED
        assert register.promises.next_due([1]) == {}
        # Purging a case still takes its promises (the rebuilt table's cascade).
        db.execute("DELETE FROM cases WHERE id = 2")
        assert [r[0] for r in db.execute("SELECT id FROM promises ORDER BY id")] == [3, 7]
    finally:
        register.close()


def test_the_team_register_accepts_cancelled_after_it():
    with pg_support.scratch_database("sdpromcancel") as url:
        team = PgDatabase(url)
        try:
            migrate_team(team, stop_before=FIRST_NEW)
            with team.atomic():
                for case_id in (1, 2):
                    team.execute(CASE, [case_id, f"SD-20261120-000{case_id}"])
                for row in ROWS:
                    team.execute(PROMISE, list(row))
            with pytest.raises(Exception), team.atomic():  # noqa: B017 (driver's own error)
                team.execute("UPDATE promises SET state = 'cancelled', resolved_at = 'x' "
                             "WHERE id = 3")
            migrate_team(team)
            with team.atomic():
                team.execute("UPDATE promises SET state = 'cancelled', resolved_at = ?, "
                             "resolved_by = '小王', broken_reason = '买家撤销' WHERE id = 3",
                             ["2026-11-21T06:00:00+00:00"])
            got = PromiseStore(team).get(3)
            assert (got.state, got.broken_reason) == (PromiseState.CANCELLED, "买家撤销")
            for sql in ("UPDATE promises SET state = 'gone' WHERE id = 3",
                        "UPDATE promises SET state = 'cancelled', resolved_at = NULL "
                        "WHERE id = 7"):
                with pytest.raises(Exception), team.atomic():  # noqa: B017
                    team.execute(sql)
        finally:
            team.close()
