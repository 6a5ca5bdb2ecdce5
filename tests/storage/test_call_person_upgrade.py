"""Upgrading to m0031: the cases already in the register are found by their phone line
and trimmed nickname through the new indexes, on a local and a team register (PostgreSQL;
skipped without a server, see tests/pg_support)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage.calls import CallStore
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import migrate_team
from tests import pg_support

from ..conftest import T0

FIRST_NEW = "0031_call_person_index"
INDEXES = {"idx_cases_buyer_nick", "idx_cases_buyer_phone"}
CASE = ("INSERT INTO cases(case_no, platform, order_no, kind, buyer_nick, buyer_phone, "
        "created_at, updated_at, last_activity_at) "
        "VALUES (?, 'taobao', ?, 'refund_only', ?, ?, ?, ?, ?)")
ROWS = [("SD-20261120-0001", "37000000001", " 老买家 ", ""),
        ("SD-20261120-0002", "37000000002", "别人", "+8613812345678"),
        ("SD-20261120-0003", "37000000003", "路人", "13900000000")]


def _fill(db) -> None:
    made = T0.isoformat()
    for case_no, order, nick, phone in ROWS:
        db.execute(CASE, [case_no, order, nick, phone, made, made, made])


def _found(db) -> set[str]:
    rows = CallStore(db).buyers_of({("taobao", "老买家")}, ["13812345678", "+8613812345678"])
    return {r[2] for r in rows}


def test_the_cases_before_the_upgrade_are_found_by_index(tmp_path, clock):
    paths = DataPaths(tmp_path / "old")
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _fill(db)
    db.conn.commit()
    db.close()
    upgraded = open_register(paths, clock, daily_backup=False)
    try:
        names = {r[0] for r in upgraded.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
        assert names >= INDEXES
        assert _found(upgraded.db) == {" 老买家 ", "别人"}
    finally:
        upgraded.close()


def test_the_team_register_gets_the_indexes_too():
    with pg_support.scratch_database("sdcallperson") as url:
        team = PgDatabase(url)
        try:
            migrate_team(team, stop_before=FIRST_NEW)
            with team.atomic():
                _fill(team)
            migrate_team(team)
            names = {r[0] for r in team.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'cases'").fetchall()}
            assert names >= INDEXES
            assert _found(team) == {" 老买家 ", "别人"}
        finally:
            team.close()
