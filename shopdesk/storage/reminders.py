"""Which reminders were already announced, per channel (table reminder_notices)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from ..domain.clock import to_utc_iso
from ..domain.reminders import Reminder
from .batches import in_batches
from .database import Database


class NoticeStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def announced(self, channel: str, keys: Sequence[str]) -> set[str]:
        """The keys among `keys` already announced on `channel`."""
        found: set[str] = set()
        for chunk, marks in in_batches(list(keys)):
            found.update(r[0] for r in self.db.execute(
                f"SELECT key FROM reminder_notices WHERE channel = ? AND key IN ({marks})",
                [channel, *chunk]).fetchall())
        return found

    def mark(self, channel: str, reminders: Iterable[Reminder], at: datetime) -> None:
        """Remember these reminders as announced on `channel` (idempotent)."""
        stamp = to_utc_iso(at)
        self.db.executemany(
            "INSERT OR IGNORE INTO reminder_notices(channel, key, due_at, notified_at) "
            "VALUES (?, ?, ?, ?)",
            [(channel, r.key, to_utc_iso(r.due_at), stamp) for r in reminders])

    def prune(self, due_before: datetime, keep: Collection[str] = ()) -> int:
        """Forget notices of reminders due before `due_before`, on every channel, but
        those whose key is in `keep` (a provider still returns them: an open promise long
        overdue, forgotten, would be announced on every poll). Returns how many were
        removed. The old keys are read on the due_at index."""
        stamp = to_utc_iso(due_before)
        kept = set(keep)
        stale = sorted({r[0] for r in self.db.execute(
            "SELECT DISTINCT key FROM reminder_notices WHERE due_at < ?", [stamp]).fetchall()}
            - kept)
        removed = 0
        for chunk, marks in in_batches(stale):
            cur = self.db.execute(
                f"DELETE FROM reminder_notices WHERE due_at < ? AND key IN ({marks})",
                [stamp, *chunk])
            removed += int(cur.rowcount or 0)
        return removed
