"""0007: evidence on cases (files in the content store, waybill numbers)."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per piece of evidence on a case. The bytes live in the evidence folder,
        -- content addressed (stored_as = sha[:2]/sha + suffix): the same photo on two
        -- cases is one file. Removal is soft (removed_at) and the file is kept: other rows
        -- may share it and the audit trail refers to it.
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('file', 'waybill')),
            category TEXT NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            filename TEXT,
            sha256 TEXT,
            mime TEXT,
            size INTEGER CHECK (size IS NULL OR size >= 0),
            stored_as TEXT,
            carrier TEXT,
            waybill_no TEXT,
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL,
            removed_at TEXT,
            removed_by TEXT,
            removed_reason TEXT,
            CHECK (kind != 'file' OR (sha256 IS NOT NULL AND stored_as IS NOT NULL)),
            CHECK (kind != 'waybill' OR waybill_no IS NOT NULL)
        );
        CREATE INDEX idx_evidence_case ON evidence(case_id, added_at);
        CREATE INDEX idx_evidence_sha ON evidence(sha256) WHERE sha256 IS NOT NULL;
        """
    )
