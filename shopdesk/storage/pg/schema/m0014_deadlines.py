"""0014 on PostgreSQL: mirrors storage/schema/m0014_deadlines.py (see that module)."""

SQL = """
        ALTER TABLE cases ADD COLUMN stage TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN stage_origin TEXT NOT NULL DEFAULT 'derived';
        ALTER TABLE cases ADD COLUMN stage_since TEXT;
        ALTER TABLE cases ADD COLUMN stage_synced TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN deadline_at TEXT;
        ALTER TABLE cases ADD COLUMN deadline_source TEXT NOT NULL DEFAULT '';
        -- 1: a low-confidence rule's deadline, shown as 约 (an estimate).
        ALTER TABLE cases ADD COLUMN deadline_estimate BIGINT NOT NULL DEFAULT 0;

        -- A team register made before 0014 may hold cases: the same backfill as SQLite's
        -- (json_extract spelled as jsonb; extra is always a JSON object).
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
                WHEN due_at = (extra::jsonb #>> '{platform_deadline}') THEN 'platform'
                ELSE 'manual' END;

        -- The 剩余时间 sort (keyset pages on (expr, id)) and the 即将超时 filter.
        CREATE INDEX idx_live_deadline_sort ON cases((coalesce(deadline_at, '9999')))
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_deadline ON cases(deadline_at, status)
            WHERE deleted_at IS NULL AND deadline_at IS NOT NULL;
        -- Cases written by a bulk loader that never computed their stage.
        CREATE INDEX idx_stage_unset ON cases(id) WHERE stage_since IS NULL;
        """
