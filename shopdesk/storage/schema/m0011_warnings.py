"""0011: early warnings on cases, the malicious-buyer list, improvement plans (issue 14).

Numbered 0011 so a parallel 0009/0010 (platform states) can land before it unchanged.
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per rule raised on a case. A row stays when it is acknowledged or when
        -- the rule stops firing (cleared_at): the history of what was warned and who acted.
        -- A warning is live while neither ack_at nor cleared_at is set.
        CREATE TABLE case_warnings (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            rule TEXT NOT NULL,
            reason_zh TEXT NOT NULL,
            reason_en TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            cleared_at TEXT,
            ack_at TEXT,
            ack_by TEXT,
            ack_note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX idx_warnings_case ON case_warnings(case_id, rule, id);
        CREATE INDEX idx_warnings_live ON case_warnings(rule, raised_at)
            WHERE ack_at IS NULL AND cleared_at IS NULL;

        -- Live warnings per case, kept by the warning service: the list filters and
        -- sorts on it in SQL like next_promise_due.
        ALTER TABLE cases ADD COLUMN warning_count INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX idx_live_warned ON cases(warning_count, status)
            WHERE deleted_at IS NULL AND warning_count > 0;
        -- Cases of the same product are read together (group complaint, recurring fault).
        CREATE INDEX idx_live_sku ON cases(sku) WHERE deleted_at IS NULL;

        -- The malicious-buyer list (差评师). Personal data: for the shop's own use.
        CREATE TABLE blacklist (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            buyer_nick TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            case_no TEXT NOT NULL DEFAULT '',
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX idx_blacklist_nick ON blacklist(platform, buyer_nick);

        -- Root cause and improvement plans (表一): measured against the register later.
        CREATE TABLE improvement_plans (
            id INTEGER PRIMARY KEY,
            dimension TEXT NOT NULL DEFAULT 'cause',
            category TEXT NOT NULL,
            sub_type TEXT NOT NULL DEFAULT '',
            root_cause TEXT NOT NULL,
            plan TEXT NOT NULL,
            plan_long TEXT NOT NULL DEFAULT '',
            difficulty TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            target_pct INTEGER,
            status TEXT NOT NULL DEFAULT 'open',
            baseline_from TEXT NOT NULL,
            baseline_to TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )
