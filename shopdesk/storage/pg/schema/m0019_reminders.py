"""0019 on PostgreSQL: mirrors storage/schema/m0019_reminders.py (see that module)."""

# SQLite's WITHOUT ROWID has no PostgreSQL meaning: the primary key is the table's key.
SQL = """
        CREATE TABLE reminder_notices (
            channel TEXT NOT NULL,
            key TEXT NOT NULL,
            due_at TEXT NOT NULL,
            notified_at TEXT NOT NULL,
            PRIMARY KEY (channel, key)
        );
        CREATE INDEX idx_reminder_notices_due ON reminder_notices(due_at);

        -- Open promises to refund: "agreed refunds" typed by hand.
        CREATE INDEX idx_promises_open_refund ON promises(case_id)
            WHERE state = 'open' AND kind = 'refund';
        """
