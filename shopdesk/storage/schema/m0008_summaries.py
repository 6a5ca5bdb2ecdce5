"""0008: the facts statement of a case's dispute summary, kept so a reprint reuses it."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per case whose facts statement (事实陈述) was edited for printing. A case
        -- without a row prints the statement composed from its data. Purging the case
        -- removes its statement.
        CREATE TABLE case_summaries (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            facts TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );
        """
    )
