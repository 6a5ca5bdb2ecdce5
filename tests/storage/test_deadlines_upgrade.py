"""Upgrading a register written before stage deadlines (m0014): the migration backfills the
stage and the due times SQL can know; opening the register computes the rule deadlines."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from sqlite_utils import Database

from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations

from ..conftest import T0

FIRST_NEW = "0014_deadlines"


def make_old_register(paths: DataPaths) -> None:
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    made = (T0 - timedelta(hours=3)).isoformat()
    platform_due = (T0 + timedelta(hours=5)).isoformat()
    mine = (T0 + timedelta(hours=1)).isoformat()
    rows = [  # case no, kind, status, platform stage, due, extra
        ("0001", "refund_only", "new", "", None, {}),
        ("0002", "return_refund", "in_progress", "awaiting_return", platform_due,
         {"platform_deadline": platform_due}),
        ("0003", "complaint", "new", "", mine, {}),
        ("0004", "exchange", "resolved", "", mine, {}),
        ("0005", "bad_review", "waiting_buyer", "", None, {}),
    ]
    for no, kind, status, stage, due, extra in rows:
        db.execute(
            "INSERT INTO cases(case_no, platform, order_no, kind, status, platform_stage, "
            "due_at, created_at, updated_at, last_activity_at, extra) "
            "VALUES (?, 'taobao', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f"SD-20261123-{no}", f"370000000{no}", kind, status, stage, due, made, made,
             made, json.dumps(extra)])
    db.conn.commit()
    db.close()


def test_backfill_then_rules_fill_in_on_open(data_paths, clock):
    make_old_register(data_paths)
    db = Database(sqlite3.connect(data_paths.database))
    migrations.apply(db)  # the migration alone: what SQL knows
    rows = {r[0][-4:]: r[1:] for r in db.execute(
        "SELECT case_no, stage, stage_origin, deadline_at, deadline_source FROM cases")}
    db.close()
    assert rows["0001"] == ("awaiting_seller", "derived", None, "")
    assert rows["0002"][:2] == ("awaiting_return", "platform")
    assert rows["0002"][3] == "platform"
    assert rows["0003"][0] == "" and rows["0003"][3] == "manual"
    assert rows["0004"] == ("completed", "derived", None, "")
    assert rows["0005"][0] == "review_reply"
    register = open_register(data_paths, clock)  # computes every open case's deadline
    try:
        found = {d.case_no[-4:]: d for d in register.deadlines.list()}
        assert found["0001"].due_at == T0 - timedelta(hours=3) + timedelta(hours=24)
        assert found["0001"].source == "rule"
        assert found["0002"].due_at == T0 + timedelta(hours=5)
        assert found["0002"].source == "platform"
        assert (found["0003"].due_at, found["0003"].source) == (T0 + timedelta(hours=1),
                                                                "manual")
        assert "0004" not in found
        assert found["0005"].due_at == T0 - timedelta(hours=3) + timedelta(days=30)
    finally:
        register.close()
