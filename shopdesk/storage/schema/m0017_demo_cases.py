"""0017: which cases are demo cases, so the demo can be removed without touching real ones."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    # A table beside `cases` rather than a column: the case row, its queries and indexes stay
    # as they are, and removing a case removes its mark (ON DELETE CASCADE).
    db.executescript(
        """
        CREATE TABLE demo_cases (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE
        );
        """
    )
