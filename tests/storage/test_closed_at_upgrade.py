"""Upgrading to m0028 (a finished case closes when it was resolved, for the recurring
fault rule): the open cases were judged by the old meaning, so the mark of what they were
judged by is dropped and the next refresh judges every open case again, once. The same
on a team register (PostgreSQL; skipped without a server, see tests/pg_support)."""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database

from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.services.warnings import JUDGED_KEY
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import migrate_team
from tests import pg_support
from tests.storage.test_import_rows_upgrade import CASE

from ..conftest import T0

FIRST_NEW = "0028_closed_at_index"
MARK = json.dumps({"rules": "judged by the old meaning", "at": "2026-11-20T00:00:00+00:00"})


def test_the_open_cases_are_judged_again_once_after_the_upgrade(tmp_path, clock):
    paths = DataPaths(tmp_path / "old")
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("INSERT INTO settings(key, value) VALUES (?, ?)", [JUDGED_KEY, MARK])
    made = T0.isoformat()
    db.execute(CASE, ["SD-20261120-0001", "37000000001", "158000000000000001", made, made,
                      made])
    db.conn.commit()
    db.close()
    upgraded = open_register(paths, clock, daily_backup=False)
    try:
        assert upgraded.settings.get(JUDGED_KEY) is None
        judged = []
        real = upgraded.warnings.rejudge_open
        upgraded.warnings.rejudge_open = lambda: judged.append(1) or real()
        upgraded.warnings.refresh_open()
        upgraded.warnings.refresh_open()
        assert judged == [1]
    finally:
        upgraded.close()


def test_the_team_register_drops_the_mark_too():
    with pg_support.scratch_database("sdclosed") as url:
        team = PgDatabase(url)
        try:
            migrate_team(team, stop_before=FIRST_NEW)
            with team.atomic():
                team.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                             [JUDGED_KEY, MARK])
            migrate_team(team)
            assert team.execute("SELECT count(*) FROM settings WHERE key = ?",
                                [JUDGED_KEY]).fetchone()[0] == 0
            assert "COALESCE(resolved_at, updated_at)" in team.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_closed_sku'"
            ).fetchone()[0]
        finally:
            team.close()
