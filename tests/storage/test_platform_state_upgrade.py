"""Upgrading a register written before the platform state had columns (m0009).

Imports kept the platform's status, intervention and applied time in `extra`; resolved
cases had no resolve time. Opening the old file moves the words into the columns, leaves
the rest of `extra` alone, and gives resolved / closed cases the time of their last move
there (else their last change).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from sqlite_utils import Database

from shopdesk.domain.enums import CaseStatus
from shopdesk.domain.workflow import Transition
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations

from ..conftest import T0

FIRST_NEW = "0009_platform_state"


def make_old_register(paths: DataPaths) -> None:
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    made = (T0 - timedelta(days=3)).isoformat()
    later = (T0 - timedelta(days=1)).isoformat()
    rows = [
        ("SD-20261120-0001", "new", {"platform_status": "退款成功", "intervention_status": "未介入",
                                     "platform_applied_at": "2026-11-19T01:00:00+00:00",
                                     "platform_reason": "质量问题"}),
        ("SD-20261120-0002", "resolved", {}),
        ("SD-20261120-0003", "closed", {}),
    ]
    for case_no, status, extra in rows:
        db.execute(
            "INSERT INTO cases(case_no, platform, order_no, kind, status, created_at, updated_at,"
            " last_activity_at, extra) VALUES (?, 'taobao', ?, 'refund_only', ?, ?, ?, ?, ?)",
            [case_no, "3700000000" + case_no[-1], status, made, later, later,
             json.dumps(extra, ensure_ascii=False)])
    db.execute("INSERT INTO case_events(case_id, at, actor, type, text, data) VALUES "
               "(2, ?, '小王', 'status', '', ?)",
               [(T0 - timedelta(days=2)).isoformat(),
                json.dumps({"from": "new", "to": "resolved"})])
    db.conn.commit()
    db.close()


def test_the_platform_words_move_into_columns(data_paths, clock):
    make_old_register(data_paths)
    register = open_register(data_paths, clock)
    try:
        imported = register.cases.get(1)
        assert imported.platform_status == "退款成功"
        assert imported.intervention_status == "未介入"
        assert imported.applied_at.isoformat() == "2026-11-19T01:00:00+00:00"
        assert imported.extra == {"platform_reason": "质量问题"}
        assert imported.platform_stage is None and imported.resolved_at is None
        resolved, closed = register.cases.get(2), register.cases.get(3)
        assert resolved.resolved_at == T0 - timedelta(days=2)  # its status event
        assert closed.resolved_at == T0 - timedelta(days=1)  # no event: its last change
        assert any(p.name.endswith(".sqlite3") for p in data_paths.backups.iterdir())
    finally:
        register.close()


def test_moving_a_case_by_hand_keeps_its_resolve_time(register, clock):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Outcome, Platform

    case = register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="305123456789",
                                              kind=CaseKind.REFUND_ONLY), "小王")
    clock.advance(hours=3)
    done = register.cases.change_status(
        case.id, Transition(CaseStatus.RESOLVED, Outcome.REVIEW_REVISED), "小王")
    assert done.resolved_at == clock.now()
    clock.advance(hours=1)
    closed = register.cases.change_status(case.id, Transition(CaseStatus.CLOSED), "小王")
    assert closed.resolved_at == done.resolved_at  # resolved first: that time counts
    reopened = register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS,
                                                                note="买家又来了"), "小王")
    assert reopened.resolved_at is None
