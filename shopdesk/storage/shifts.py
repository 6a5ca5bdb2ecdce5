"""Shifts, their hand-off snapshots and events (tables from m0006; staff PINs: staff.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from ..domain.errors import NotFoundError
from ..domain.handoff import (
    HandedOver,
    HandoffSheet,
    RowMarks,
    Shift,
    sheet_from_json,
    sheet_to_json,
)
from .database import Database

_COLUMNS = ("id, staff, started_at, started_by, explicit_start, ended_at, ended_by, note, "
            "ack_by, ack_at, counts")


def _shift(r: Sequence[Any]) -> Shift:
    return Shift(id=r[0], staff=r[1], started_at=from_iso(r[2]),  # type: ignore[arg-type]
                 started_by=r[3], explicit_start=bool(r[4]), ended_at=from_iso(r[5]),
                 ended_by=r[6], note=r[7], ack_by=r[8], ack_at=from_iso(r[9]),
                 counts=json.loads(r[10] or "{}"))


class ShiftStore:
    """Row-level access to shifts. Callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- shifts ------------------------------------------------------------
    def start(self, staff: str, at: datetime, actor: str, *, explicit: bool = True) -> Shift:
        cursor = self.db.execute(
            "INSERT INTO shifts(staff, started_at, started_by, explicit_start) "
            "VALUES (?, ?, ?, ?)", [staff, to_utc_iso(at), actor, int(explicit)])
        return self.get(int(cursor.lastrowid or 0))

    def end(self, shift_id: int, at: datetime, actor: str, note: str,
            sheet: HandoffSheet) -> Shift:
        self.db.execute(
            "UPDATE shifts SET ended_at = ?, ended_by = ?, note = ?, next_shift_hours = ?, "
            "sheet = ?, counts = ? WHERE id = ? AND ended_at IS NULL",
            [to_utc_iso(at), actor, note, sheet.next_shift_hours,
             json.dumps(sheet_to_json(sheet), ensure_ascii=False),
             json.dumps(sheet.counts()), shift_id])
        return self.get(shift_id)

    def acknowledge(self, shift_id: int, who: str, at: datetime) -> Shift:
        self.db.execute("UPDATE shifts SET ack_by = ?, ack_at = ? "
                        "WHERE id = ? AND ack_at IS NULL AND ended_at IS NOT NULL",
                        [who, to_utc_iso(at), shift_id])
        return self.get(shift_id)

    def get(self, shift_id: int) -> Shift:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM shifts WHERE id = ?",
                              [shift_id]).fetchone()
        if row is None:
            raise NotFoundError(f"shift {shift_id}")
        return _shift(row)

    def sheet(self, shift_id: int) -> HandoffSheet | None:
        """The stored hand-off sheet (None while the shift is open)."""
        row = self.db.execute("SELECT sheet FROM shifts WHERE id = ?", [shift_id]).fetchone()
        if row is None:
            raise NotFoundError(f"shift {shift_id}")
        return sheet_from_json(json.loads(row[0])) if row[0] else None

    def open_shift(self) -> Shift | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM shifts WHERE ended_at IS NULL"
                              ).fetchone()
        return _shift(row) if row else None

    def ended(self, limit: int | None = None) -> list[Shift]:
        """Ended shifts (hand-offs), newest first."""
        sql = (f"SELECT {_COLUMNS} FROM shifts WHERE ended_at IS NOT NULL "
               "ORDER BY ended_at DESC, id DESC")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_shift(r) for r in self.db.execute(sql).fetchall()]

    def unacknowledged(self) -> list[Shift]:
        """Hand-offs nobody has acknowledged yet, oldest first."""
        return [_shift(r) for r in self.db.execute(
            f"SELECT {_COLUMNS} FROM shifts WHERE ended_at IS NOT NULL AND ack_at IS NULL "
            "ORDER BY ended_at, id").fetchall()]

    def latest_ended(self) -> Shift | None:
        found = self.ended(limit=1)
        return found[0] if found else None

    # --- shift events (not case events) --------------------------------------
    def add_event(self, shift_id: int, at: datetime, actor: str, type: str, text: str = "",
                  data: dict[str, Any] | None = None) -> None:
        self.db.execute(
            "INSERT INTO shift_events(shift_id, at, actor, type, text, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [shift_id, to_utc_iso(at), actor, type, text,
             json.dumps(data or {}, ensure_ascii=False, sort_keys=True)])

    def events(self, shift_id: int) -> list[tuple[datetime, str, str, str]]:
        """(at, actor, type, text) of the shift's events, oldest first."""
        rows = self.db.execute(
            "SELECT at, actor, type, text FROM shift_events WHERE shift_id = ? "
            "ORDER BY at, id", [shift_id]).fetchall()
        return [(from_iso(r[0]), r[1], r[2], r[3]) for r in rows]  # type: ignore[misc]

    def handed_over(self, shift_id: int) -> HandedOver | None:
        """What the hand-off of `shift_id` listed of its last second: the row marks kept
        with its shift_ended event and the promises its sheet lists as kept or broken.
        None for a hand-off written before marks were kept (or a shift still open)."""
        row = self.db.execute(
            "SELECT data FROM shift_events WHERE shift_id = ? AND type = 'shift_ended' "
            "ORDER BY id DESC LIMIT 1", [shift_id]).fetchone()
        marks = json.loads(row[0] or "{}").get("marks") if row else None
        if not isinstance(marks, dict):
            return None
        known = {f.name for f in fields(RowMarks)}
        # Read in Python rather than with json_each: the same on both back ends.
        sheet_row = self.db.execute("SELECT sheet FROM shifts WHERE id = ?",
                                    [shift_id]).fetchone()
        sheet = json.loads(sheet_row[0]) if sheet_row and sheet_row[0] else {}
        resolved = sheet.get("promises_resolved") if isinstance(sheet, dict) else None
        ids = {p.get("promise_id") for p in resolved or [] if isinstance(p, dict)}
        return HandedOver(RowMarks(**{k: int(v) for k, v in marks.items() if k in known}),
                          frozenset(i for i in ids if i is not None))
