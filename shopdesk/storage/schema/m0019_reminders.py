"""0019: reminders outside the window (issue 15) and the 今日待退款 queue.

`reminder_notices` remembers which reminders were already announced, per channel (the
tray, a scheduled command), so a poll never repeats one and a restart does not either.
Rows are pruned a while after the reminder was due (storage/reminders.py).

The refund queue (open 仅退款 cases, requests the platform shows as 退款中, and open
promises to refund) is a quick filter over 100k cases: indexes for its two arms that
the existing ones do not cover.
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE reminder_notices (
            channel TEXT NOT NULL,
            key TEXT NOT NULL,
            due_at TEXT NOT NULL,
            notified_at TEXT NOT NULL,
            PRIMARY KEY (channel, key)
        ) WITHOUT ROWID;
        CREATE INDEX idx_reminder_notices_due ON reminder_notices(due_at);

        -- Open promises to refund: "agreed refunds" typed by hand.
        CREATE INDEX idx_promises_open_refund ON promises(case_id)
            WHERE state = 'open' AND kind = 'refund';
        """
    )
