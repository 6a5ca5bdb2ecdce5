"""0024: the content hash of the export row each case was last imported from.

A re-import of an unchanged export skips, before any conversion, the rows whose hash is
stored here for a case that is still as that import left it (`case_sig`: a digest of the
case's columns an import reads). A table beside `cases`, like demo_cases: removing a case
removes its row.
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE import_rows (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            row_hash TEXT NOT NULL,
            case_sig TEXT NOT NULL
        );
        CREATE INDEX idx_import_rows_hash ON import_rows(row_hash);
        """
    )
