"""Staff members: the people who pick 'who am I' at the keyboard, and their PINs
(the staff_pins table from m0006: a salted hash only, see domain/pins.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.clock import from_iso, to_utc_iso
from .database import Database


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

    # --- PINs ------------------------------------------------------------------
    def pin_hash(self, staff_id: int) -> str | None:
        row = self.db.execute("SELECT pin_hash FROM staff_pins WHERE staff_id = ?",
                              [staff_id]).fetchone()
        return row[0] if row else None

    def pin_set_at(self, staff_id: int) -> datetime | None:
        row = self.db.execute("SELECT set_at FROM staff_pins WHERE staff_id = ?",
                              [staff_id]).fetchone()
        return from_iso(row[0]) if row else None

    def set_pin_hash(self, staff_id: int, pin_hash: str, at: datetime, actor: str) -> None:
        self.db.execute(
            "INSERT INTO staff_pins(staff_id, pin_hash, set_at, set_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(staff_id) DO UPDATE SET pin_hash = excluded.pin_hash, "
            "set_at = excluded.set_at, set_by = excluded.set_by",
            [staff_id, pin_hash, to_utc_iso(at), actor])

    def claim_pin_row(self, staff_id: int) -> None:
        """A no-op write on the PIN row: inside a transaction it takes the write lock before
        the reads that follow (the PIN lockout decides on what it then reads)."""
        self.db.execute("UPDATE staff_pins SET pin_hash = pin_hash WHERE staff_id = ?",
                        [staff_id])

    def replace_pin_hash(self, staff_id: int, pin_hash: str) -> None:
        """The same PIN hashed again (a stronger cost): when it was set does not change."""
        self.db.execute("UPDATE staff_pins SET pin_hash = ? WHERE staff_id = ?",
                        [pin_hash, staff_id])

    def clear_pin(self, staff_id: int) -> None:
        self.db.execute("DELETE FROM staff_pins WHERE staff_id = ?", [staff_id])

    def staff_with_pins(self) -> set[int]:
        return {r[0] for r in self.db.execute("SELECT staff_id FROM staff_pins").fetchall()}

    def pin_refusals_since(self, staff_id: int, since: datetime) -> list[datetime]:
        """Times of wrong-PIN refusals for this staff member since `since` (audit rows)."""
        rows = self.db.execute(
            "SELECT at FROM audit_log WHERE entity = 'staff' AND entity_id = ? "
            "AND action = 'pin_refused' AND at >= ? ORDER BY at", [staff_id, to_utc_iso(since)]
        ).fetchall()
        return [from_iso(r[0]) for r in rows]  # type: ignore[misc]
