"""The malicious-buyer list (差评师 / 恶意买家名单) as stored."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..domain.blacklist import BlacklistEntry
from ..domain.clock import from_iso, to_utc_iso
from ..domain.errors import NotFoundError
from .database import Database

_COLUMNS = "id, platform, buyer_nick, phone, address, reason, case_no, added_by, added_at"


def _entry(r: Sequence) -> BlacklistEntry:
    return BlacklistEntry(id=r[0], platform=r[1], buyer_nick=r[2], phone=r[3], address=r[4],
                          reason=r[5], case_no=r[6], added_by=r[7], added_at=from_iso(r[8]))


class BlacklistStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, entry: BlacklistEntry, at: datetime) -> int:
        cursor = self.db.execute(
            "INSERT INTO blacklist(platform, buyer_nick, phone, address, reason, case_no, "
            "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [entry.platform, entry.buyer_nick, entry.phone, entry.address, entry.reason,
             entry.case_no, entry.added_by, to_utc_iso(at)])
        return int(cursor.lastrowid or 0)

    def all(self) -> list[BlacklistEntry]:
        return [_entry(r) for r in self.db.execute(
            f"SELECT {_COLUMNS} FROM blacklist ORDER BY id").fetchall()]

    def get(self, entry_id: int) -> BlacklistEntry:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM blacklist WHERE id = ?",
                              [entry_id]).fetchone()
        if row is None:
            raise NotFoundError(f"blacklist {entry_id}")
        return _entry(row)

    def remove(self, entry_id: int) -> None:
        self.db.execute("DELETE FROM blacklist WHERE id = ?", [entry_id])
