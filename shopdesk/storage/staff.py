"""Staff members: the people who pick 'who am I' at the keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from ..domain.clock import to_utc_iso


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    active: bool


class StaffStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, at: datetime) -> StaffMember:
        cursor = self.db.execute("INSERT INTO staff(name, active, created_at) VALUES (?, 1, ?)",
                                 [name, to_utc_iso(at)])
        return StaffMember(int(cursor.lastrowid or 0), name, True)

    def set_active(self, staff_id: int, active: bool) -> None:
        self.db.execute("UPDATE staff SET active = ? WHERE id = ?", [int(active), staff_id])

    def rename(self, staff_id: int, name: str) -> None:
        self.db.execute("UPDATE staff SET name = ? WHERE id = ?", [name, staff_id])

    def all(self, *, include_inactive: bool = False) -> list[StaffMember]:
        sql = "SELECT id, name, active FROM staff"
        if not include_inactive:
            sql += " WHERE active = 1"
        return [StaffMember(r[0], r[1], bool(r[2]))
                for r in self.db.execute(sql + " ORDER BY id").fetchall()]

    def by_name(self, name: str) -> StaffMember | None:
        r = self.db.execute("SELECT id, name, active FROM staff WHERE name = ?",
                            [name]).fetchone()
        return StaffMember(r[0], r[1], bool(r[2])) if r else None
