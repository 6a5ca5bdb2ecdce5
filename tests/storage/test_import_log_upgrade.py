"""Upgrading to m0029 (the import history keeps what each import did): imports logged
before keep their four counts, the new ones stay unknown (NULL, not zero), and a shipped
preset names the export's kind and platform. The same on a team register (PostgreSQL;
skipped without a server, see tests/pg_support)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from shopdesk.paths import DataPaths
from shopdesk.services.import_history import summary
from shopdesk.services.register import open_register
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.import_profiles import ImportLogStore
from shopdesk.storage.migrations import migrations
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import migrate_team
from tests import pg_support

FIRST_NEW = "0029_import_log_details"
OLD_ROWS = [("2026-11-20T01:00:00+00:00", "小王", "退款.csv", "taobao_order", 5, 1, 2, 0),
            ("2026-11-21T01:00:00+00:00", "小李", "jd.csv", "jd_aftersale", 3, 0, 0, 1),
            ("2026-11-22T01:00:00+00:00", "小李", "mine.csv", None, 1, 0, 0, 0)]
INSERT = ("INSERT INTO import_log(at, actor, filename, preset, created, updated, unchanged, "
          "skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def _check(entries) -> None:
    mine, jd, taobao = entries
    assert (taobao.record_type, taobao.platform, taobao.created, taobao.unchanged) == \
        ("order", "taobao", 5, 2)
    assert (jd.record_type, jd.platform, jd.skipped) == ("refund", "jd", 1)
    assert (mine.record_type, mine.platform) == (None, None)  # a column mapping: unknown
    for e in entries:
        assert (e.total_rows, e.filled, e.in_trash, e.resolved_by_platform, e.conflicts) == \
            (None,) * 5
    assert summary(taobao, "zh") == ("订单：新建 5，更新 1，未变 2，跳过 0 行；"
                                     "由较早版本的 ShopDesk 记录：只记了新建、更新、未变和跳过")


def test_imports_logged_before_keep_their_counts_and_gain_their_kind(tmp_path, clock):
    paths = DataPaths(tmp_path / "old")
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for row in OLD_ROWS:
        db.execute(INSERT, list(row))
    db.conn.commit()
    db.close()
    upgraded = open_register(paths, clock, daily_backup=False)
    try:
        _check(upgraded.imports.history())
        # An older ShopDesk on a team register still logs only what it knew: the kind and
        # platform come from its shipped preset when read.
        upgraded.db.execute(INSERT, ["2026-11-23T01:00:00+00:00", "小王", "pdd.csv",
                                     "pinduoduo_aftersale", 2, 0, 0, 0])
        latest = upgraded.imports.history(1)[0]
        assert (latest.record_type, latest.platform, latest.complete) == \
            ("refund", "pinduoduo", False)
        assert "由较早版本的 ShopDesk 记录" in summary(latest, "zh")
    finally:
        upgraded.close()


def test_the_team_register_keeps_them_too():
    with pg_support.scratch_database("sdimplog") as url:
        team = PgDatabase(url)
        try:
            migrate_team(team, stop_before=FIRST_NEW)
            with team.atomic():
                for row in OLD_ROWS:
                    team.execute(INSERT, list(row))
            migrate_team(team)
            _check(ImportLogStore(team).latest())
        finally:
            team.close()
