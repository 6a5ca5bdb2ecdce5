"""0005: promises made to buyers, and the case list's "next open promise due" column."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per promise. Purging a case from the trash removes its promises with
        -- its timeline (a promise means nothing without its case).
        CREATE TABLE promises (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            due_at TEXT NOT NULL,
            made_by TEXT NOT NULL,
            made_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept', 'broken')),
            resolved_at TEXT,
            resolved_by TEXT,
            broken_reason TEXT,
            CHECK ((state = 'open') = (resolved_at IS NULL))
        );
        CREATE INDEX idx_promises_case ON promises(case_id, due_at);
        -- Open promises by due time: overdue / due-between lists and the banner count.
        CREATE INDEX idx_promises_open_due ON promises(due_at, case_id) WHERE state = 'open';
        CREATE INDEX idx_promises_resolved ON promises(resolved_at)
            WHERE resolved_at IS NOT NULL;

        -- Denormalised: the due time of the case's earliest OPEN promise (NULL: none).
        -- Kept by storage/promises.py in the same transaction as every promise write, so
        -- the case list sorts and filters on it with an index at 100k cases.
        ALTER TABLE cases ADD COLUMN next_promise_due TEXT;
        CREATE INDEX idx_live_promise_sort ON cases(coalesce(next_promise_due, '9999'), status)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_promise_due ON cases(next_promise_due, status)
            WHERE deleted_at IS NULL AND next_promise_due IS NOT NULL;
        """
    )
