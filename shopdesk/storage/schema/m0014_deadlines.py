"""0014: each case's stage and the deadline of that stage, as columns.

The 剩余时间 column sorts by the deadline and the 即将超时 filter asks for deadlines before
a time, both in SQL with an index at 100k cases; so the effective deadline (the
platform's, a rule's or the user's, services/deadlines.py decides) is denormalised onto
the case, kept in the same transaction as every write that changes the stage or a due
time. The stage is stored with where it came from (derived / platform / user), when it
began (a rule counts from there) and the platform stage it last took from an import.

Backfill here is what SQL can know: the stage from the platform's stage or the kind and
status, and the due time already on the case (the platform's when it equals the imported
超时时间, else the user's). Rule deadlines need the rule files: the deadline service fills
them in on first use (no stored rules fingerprint yet means every open case is computed).
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        ALTER TABLE cases ADD COLUMN stage TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN stage_origin TEXT NOT NULL DEFAULT 'derived';
        ALTER TABLE cases ADD COLUMN stage_since TEXT;
        ALTER TABLE cases ADD COLUMN stage_synced TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN deadline_at TEXT;
        ALTER TABLE cases ADD COLUMN deadline_source TEXT NOT NULL DEFAULT '';
        -- 1: a low-confidence rule's deadline, shown as 约 (an estimate).
        ALTER TABLE cases ADD COLUMN deadline_estimate INTEGER NOT NULL DEFAULT 0;

        UPDATE cases SET
            stage = CASE
                WHEN status = 'resolved' THEN 'completed'
                WHEN status = 'closed' THEN 'closed'
                WHEN platform_stage != '' THEN platform_stage
                WHEN kind = 'complaint' THEN ''
                WHEN kind = 'bad_review' THEN 'review_reply'
                WHEN kind = 'platform_dispute' THEN CASE status
                    WHEN 'waiting_buyer' THEN 'awaiting_buyer'
                    WHEN 'waiting_platform' THEN 'platform_intervention'
                    ELSE 'platform_evidence' END
                WHEN status = 'waiting_buyer' THEN CASE
                    WHEN kind IN ('return_refund', 'exchange') THEN 'awaiting_return'
                    ELSE 'awaiting_buyer' END
                WHEN status = 'waiting_platform' THEN 'platform_intervention'
                ELSE 'awaiting_seller' END,
            stage_origin = CASE WHEN platform_stage != ''
                AND status NOT IN ('resolved', 'closed') THEN 'platform' ELSE 'derived' END,
            stage_synced = platform_stage,
            stage_since = coalesce(applied_at, created_at),
            deadline_at = CASE WHEN status IN ('resolved', 'closed') THEN NULL ELSE due_at END,
            deadline_source = CASE
                WHEN status IN ('resolved', 'closed') OR due_at IS NULL THEN ''
                WHEN due_at = json_extract(extra, '$.platform_deadline') THEN 'platform'
                ELSE 'manual' END;

        -- The 剩余时间 sort (keyset pages on (expr, id)) and the 即将超时 filter.
        CREATE INDEX idx_live_deadline_sort ON cases(coalesce(deadline_at, '9999'))
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_deadline ON cases(deadline_at, status)
            WHERE deleted_at IS NULL AND deadline_at IS NOT NULL;
        -- Cases written by a bulk loader that never computed their stage.
        CREATE INDEX idx_stage_unset ON cases(id) WHERE stage_since IS NULL;
        """
    )
