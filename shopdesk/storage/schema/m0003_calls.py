"""0003: phone calls (call_attempts) and the buyers they are counted against."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per buyer (platform:nick, or platform:phone without a nick): their
        -- time zone for the call window and the do-not-call flag, across all cases.
        CREATE TABLE buyers (
            buyer_key TEXT PRIMARY KEY,
            tz TEXT,
            do_not_call INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0, 1)),
            do_not_call_at TEXT,
            note TEXT NOT NULL DEFAULT ''
        );

        -- Every dialled call, answered or not. case_id is SET NULL when a case is purged
        -- from the trash: the buyer's attempts must still count against the caps.
        CREATE TABLE call_attempts (
            id INTEGER PRIMARY KEY,
            case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
            buyer_key TEXT NOT NULL,
            at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            duration_seconds INTEGER CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
            summary TEXT NOT NULL DEFAULT '',
            agreed TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL,
            overridden INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0, 1)),
            override_reason TEXT,
            override_codes TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_calls_buyer ON call_attempts(buyer_key, at);
        CREATE INDEX idx_calls_case ON call_attempts(case_id, at);
        CREATE INDEX idx_calls_at ON call_attempts(at);
        """
    )
