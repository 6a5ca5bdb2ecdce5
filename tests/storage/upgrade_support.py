"""A register file as the version before promises (m0005) wrote it, for upgrade tests."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from sqlite_utils import Database

from shopdesk.paths import DataPaths
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations

from ..conftest import T0

FIRST_NEW = "0005_promises"


def make_register_before_promises(paths: DataPaths, live: int = 3, trashed: int = 1
                                  ) -> list[int]:
    """A register file as the version before m0005 wrote it, holding `live` cases and
    `trashed` ones in the trash; returns the case ids (live first)."""
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    ids = []
    for n in range(live + trashed):
        made = (T0 - timedelta(days=3, hours=n)).isoformat()
        cursor = db.execute(
            "INSERT INTO cases(case_no, platform, order_no, kind, buyer_nick, created_at, "
            "updated_at, last_activity_at, deleted_at) VALUES (?, 'taobao', ?, "
            "'refund_only', ?, ?, ?, ?, ?)",
            [f"SD-20261120-{n + 1:04d}", f"37000000000{n:02d}", f"老买家{n}", made, made, made,
             T0.isoformat() if n >= live else None])
        ids.append(int(cursor.lastrowid or 0))
    db.conn.commit()
    db.close()
    return ids
