"""0015: follow-ups after resolution (回访), bad reviews and their follow-up contacts."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per scheduled follow-up. A case purged from the trash takes its
        -- follow-ups with it; a trashed one keeps them (the queue leaves it out).
        CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            due_at TEXT NOT NULL,
            script_id TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open'
                CHECK (state IN ('open', 'done', 'cancelled')),
            result TEXT CHECK (result IS NULL OR result IN
                ('satisfied', 'problem_again', 'no_reply')),
            done_at TEXT,
            done_by TEXT,
            note TEXT NOT NULL DEFAULT '',
            CHECK ((state = 'done') = (result IS NOT NULL)),
            CHECK ((state = 'open') = (done_at IS NULL))
        );
        CREATE INDEX idx_followups_case ON followups(case_id, due_at);
        CREATE INDEX idx_followups_open_due ON followups(due_at, case_id) WHERE state = 'open';
        CREATE INDEX idx_followups_done ON followups(done_at) WHERE state = 'done';

        -- The review a bad_review case is about (one per case).
        CREATE TABLE reviews (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            stars INTEGER CHECK (stars IS NULL OR stars BETWEEN 1 AND 5),
            link TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT,
            appended_at TEXT,
            append_text TEXT NOT NULL DEFAULT '',
            reply_text TEXT NOT NULL DEFAULT '',
            replied_at TEXT,
            append_reply_text TEXT NOT NULL DEFAULT '',
            append_replied_at TEXT,
            outcome TEXT CHECK (outcome IS NULL OR outcome IN
                ('revised', 'appended', 'unchanged')),
            outcome_at TEXT,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT ''
        );

        -- Follow-up contacts with a reviewer; the service caps them at two per case.
        CREATE TABLE review_contacts (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('chat', 'phone')),
            note TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL
        );
        CREATE INDEX idx_review_contacts_case ON review_contacts(case_id, at);
        """
    )
