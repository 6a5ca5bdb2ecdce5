"""A team register made before 0014..0020 is filled in by its migrations exactly as a local
register is by SQLite's: the stage and deadline backfill (0014) and the buyer's province
(0020, Python on SQLite, one CASE on PostgreSQL). Skipped without a server (tests/pg_support).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from sqlite_utils import Database

from shopdesk.storage.migrations import migrations
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import migrate_team
from tests import pg_support

from ..conftest import T0

FIRST_NEW = "0014_deadlines"
MADE = (T0 - timedelta(hours=3)).isoformat()
APPLIED = (T0 - timedelta(hours=5)).isoformat()
PLATFORM_DUE = (T0 + timedelta(hours=5)).isoformat()
MINE = (T0 + timedelta(hours=1)).isoformat()
ROWS = [  # kind, status, platform stage, applied, due, extra, address
    ("refund_only", "new", "", None, None, {}, "浙江省杭州市西湖区"),
    ("return_refund", "in_progress", "awaiting_return", APPLIED, PLATFORM_DUE,
     {"platform_deadline": PLATFORM_DUE}, "  杭州市滨江区"),
    ("complaint", "new", "", None, MINE, {}, "北京市朝阳区"),
    ("exchange", "resolved", "", None, MINE, {}, "\u3000黑龙江省哈尔滨市"),
    ("bad_review", "waiting_buyer", "", None, None, {}, "哈尔滨市道里区"),
    ("platform_dispute", "waiting_buyer", "", None, None, {}, "火星基地"),
    ("platform_dispute", "waiting_platform", "", None, None, {}, ""),
    ("platform_dispute", "in_progress", "", None, MINE, {"platform_deadline": MINE},
     "内蒙古呼和浩特"),
    ("return_refund", "waiting_buyer", "", None, None, {}, "深圳市南山区"),
    ("refund_only", "waiting_platform", "", None, None, {}, "上海"),
    ("refund_only", "closed", "refunding", None, MINE, {}, "香港"),
]
INSERT = ("INSERT INTO cases(case_no, platform, order_no, kind, status, platform_stage, "
          "applied_at, due_at, extra, buyer_address, created_at, updated_at, "
          "last_activity_at) VALUES (?, 'taobao', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
READ = ("SELECT case_no, stage, stage_origin, stage_since, stage_synced, deadline_at, "
        "deadline_source, deadline_estimate, province FROM cases ORDER BY id")


def _fill(db) -> None:
    for n, (kind, status, stage, applied, due, extra, address) in enumerate(ROWS):
        db.execute(INSERT, [f"SD-20261123-{n:04d}", f"37000000{n:04d}", kind, status, stage,
                            applied, due, json.dumps(extra), address, MADE, MADE, MADE])


def test_the_team_backfills_give_what_sqlite_gives(tmp_path):
    local = Database(sqlite3.connect(tmp_path / "old.sqlite3"))
    migrations.apply(local, stop_before=FIRST_NEW)
    _fill(local)
    local.conn.commit()
    migrations.apply(local)
    want = [tuple(r) for r in local.execute(READ).fetchall()]
    local.close()

    with pg_support.scratch_database("sdupg") as url:
        team = PgDatabase(url)
        try:
            migrate_team(team, stop_before=FIRST_NEW)
            _fill(team)
            migrate_team(team)
            got = [tuple(r) for r in team.execute(READ).fetchall()]
        finally:
            team.close()
    assert got == want
    assert {r[-1] for r in want} >= {"浙江", "北京", "黑龙江", "广东", "内蒙古", ""}
    assert {r[1] for r in want} >= {"awaiting_seller", "awaiting_return", "completed",
                                    "review_reply", "platform_evidence", "closed"}
