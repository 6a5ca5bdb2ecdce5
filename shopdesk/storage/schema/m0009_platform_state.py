"""0009: the platform's own state of a case, and when a case was resolved.

Imports used to keep the platform's status and intervention words in `extra` only, where
the list could neither show nor sort them. They become columns, with the stage those words
mean (PlatformStage), whether the platform's customer service is involved, when the buyer
asked, and when the case was resolved or closed (refund speed and the analysis count
from these).
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        ALTER TABLE cases ADD COLUMN resolved_at TEXT;
        ALTER TABLE cases ADD COLUMN platform_status TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN intervention_status TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN platform_stage TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN platform_involved INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN applied_at TEXT;

        -- Move what imports kept in extra into the columns (one word, one place).
        UPDATE cases SET
            platform_status = coalesce(json_extract(extra, '$.platform_status'), ''),
            intervention_status = coalesce(json_extract(extra, '$.intervention_status'), ''),
            applied_at = json_extract(extra, '$.platform_applied_at'),
            extra = json_remove(extra, '$.platform_status', '$.intervention_status',
                                '$.platform_applied_at')
        WHERE json_extract(extra, '$.platform_status') IS NOT NULL
           OR json_extract(extra, '$.intervention_status') IS NOT NULL
           OR json_extract(extra, '$.platform_applied_at') IS NOT NULL;

        -- Cases already resolved or closed: when their last move there happened.
        UPDATE cases SET resolved_at = (
            SELECT max(e.at) FROM case_events e
            WHERE e.case_id = cases.id AND e.type = 'status'
              AND json_extract(e.data, '$.to') IN ('resolved', 'closed'))
        WHERE status IN ('resolved', 'closed');
        UPDATE cases SET resolved_at = updated_at
        WHERE status IN ('resolved', 'closed') AND resolved_at IS NULL;

        CREATE INDEX idx_live_platform_status ON cases(platform_status, status)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_cases_resolved ON cases(resolved_at) WHERE resolved_at IS NOT NULL;
        CREATE INDEX idx_cases_stage ON cases(platform_stage, status)
            WHERE deleted_at IS NULL AND platform_stage != '';
        """
    )
