"""0016: major complaints (重大投诉) and the owner's approvals of compensation (issue 14).

A major case names its owner in `cases.major_owner` ('' when the case is not major): the
list puts these first in every queue, so the column has a small partial index of its own.
An approval lets staff compensate above their limit on a major case, up to its amount.
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        ALTER TABLE cases ADD COLUMN major_owner TEXT NOT NULL DEFAULT '';
        CREATE INDEX idx_live_major ON cases(major_owner)
            WHERE deleted_at IS NULL AND major_owner != '';

        CREATE TABLE compensation_approvals (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            amount_fen INTEGER NOT NULL,
            approved_by TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            approved_at TEXT NOT NULL
        );
        CREATE INDEX idx_approvals_case ON compensation_approvals(case_id, amount_fen);
        """
    )
