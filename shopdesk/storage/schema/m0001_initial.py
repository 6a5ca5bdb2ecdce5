"""0001: cases, timeline, audit, staff, settings and the trigram search index."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            case_no TEXT NOT NULL UNIQUE,
            platform TEXT NOT NULL,
            shop TEXT NOT NULL DEFAULT '',
            order_no TEXT NOT NULL,
            refund_no TEXT NOT NULL DEFAULT '',
            buyer_nick TEXT NOT NULL DEFAULT '',
            buyer_name TEXT NOT NULL DEFAULT '',
            buyer_phone TEXT NOT NULL DEFAULT '',
            buyer_address TEXT NOT NULL DEFAULT '',
            item_title TEXT NOT NULL DEFAULT '',
            sku TEXT NOT NULL DEFAULT '',
            amount_paid_fen INTEGER CHECK (amount_paid_fen IS NULL OR amount_paid_fen >= 0),
            amount_claimed_fen INTEGER
                CHECK (amount_claimed_fen IS NULL OR amount_claimed_fen >= 0),
            kind TEXT NOT NULL,
            cause TEXT,
            customer_type TEXT NOT NULL DEFAULT 'unknown',
            priority TEXT NOT NULL DEFAULT 'normal',
            status TEXT NOT NULL DEFAULT 'new',
            outcome TEXT,
            amount_settled_fen INTEGER
                CHECK (amount_settled_fen IS NULL OR amount_settled_fen >= 0),
            due_at TEXT,
            description TEXT NOT NULL DEFAULT '',
            assignee TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            last_activity_at TEXT NOT NULL,
            deleted_at TEXT,
            extra TEXT NOT NULL DEFAULT '{}'
        );
        -- The list sorts and filters in SQL at 100k rows. Partial indexes over live
        -- (not deleted) cases let a sort scan its index without visiting every row; the
        -- default sort's index also covers the quick-filter columns.
        CREATE INDEX idx_live_activity ON cases(last_activity_at, status, kind, platform,
            assignee, due_at, created_at) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_created ON cases(created_at, status, kind, platform)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_due_sort ON cases(coalesce(due_at, '9999'), status)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_case_no ON cases(case_no, status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_platform ON cases(platform, status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_order ON cases(order_no, status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_buyer ON cases(buyer_nick, status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_item ON cases(item_title, status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_kind ON cases(kind, status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_cause ON cases(coalesce(cause, ''), status)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_status ON cases((CASE status WHEN 'new' THEN 0
            WHEN 'in_progress' THEN 1 WHEN 'waiting_buyer' THEN 2 WHEN 'waiting_platform'
            THEN 3 WHEN 'resolved' THEN 4 ELSE 5 END), status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_amount ON cases(coalesce(amount_claimed_fen, -1), status)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_assignee ON cases(assignee, status) WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_priority ON cases((CASE priority WHEN 'urgent' THEN 3
            WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END), status)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_cases_due ON cases(due_at);
        CREATE INDEX idx_cases_order ON cases(order_no);
        CREATE INDEX idx_cases_refund ON cases(platform, refund_no);
        CREATE INDEX idx_cases_trash ON cases(deleted_at) WHERE deleted_at IS NOT NULL;

        CREATE TABLE case_counters (
            day TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL
        );

        -- The timeline: notes, status changes and, later, calls, promises, evidence.
        CREATE TABLE case_events (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX idx_events_case ON case_events(case_id, at);
        CREATE INDEX idx_events_at ON case_events(at);

        -- Field-level audit trail: who changed what, when, from what, to what.
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            action TEXT NOT NULL,
            field TEXT,
            old TEXT,
            new TEXT
        );
        CREATE INDEX idx_audit_entity ON audit_log(entity, entity_id, at);

        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        -- Trigram full-text index over the searchable text of each case (rowid = case id).
        -- Trigram needs no word segmenter, so Chinese substrings match as typed.
        CREATE VIRTUAL TABLE cases_fts USING fts5(body, tokenize = 'trigram');
        """
    )
