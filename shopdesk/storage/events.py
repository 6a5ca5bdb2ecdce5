"""The case timeline: notes, status changes and every later kind of event."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from .batches import in_batches
from .database import Database


@dataclass(frozen=True)
class TimelineEvent:
    """One line of a case's history."""

    id: int
    case_id: int
    at: datetime
    actor: str
    type: str  # created, note, status, edit, deleted, restored, phone_revealed, ...
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)


_INSERT = ("INSERT INTO case_events(case_id, at, actor, type, text, data) "
           "VALUES (?, ?, ?, ?, ?, ?)")


# json.dumps(..., ensure_ascii=False, sort_keys=True) without making an encoder per call
# (half of the call's time; a 1M demo writes a million promise events).
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def stored_event(case_id: int, at: datetime, actor: str, type: str, text: str,
                 data: dict[str, Any] | None) -> list[Any]:
    """An event as `add_stored` takes it (what `add` and `add_many` write)."""
    return [case_id, to_utc_iso(at), actor, type, text,
            _JSON.encode(data or {})]


class EventStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, case_id: int, at: datetime, actor: str, type: str, text: str = "",
            data: dict[str, Any] | None = None) -> int:
        cursor = self.db.execute(_INSERT, stored_event(case_id, at, actor, type, text, data))
        return int(cursor.lastrowid or 0)

    def add_many(self, events: list[tuple[int, datetime, str, str, str, dict[str, Any]]]
                 ) -> None:
        """(case_id, at, actor, type, text, data) rows in one statement (imports, demo)."""
        self.db.executemany(_INSERT, [stored_event(*e) for e in events])

    def add_stored(self, rows: Iterable[Sequence[Any]]) -> None:
        """(case_id, at, actor, type, text, data) rows already in stored form: `at` as
        `to_utc_iso` writes it, `data` as JSON with sorted keys (bulk loads)."""
        self.db.executemany(_INSERT, rows)

    def data_of_type(self, case_ids: Sequence[int], type: str) -> list[tuple[int, dict[str, Any]]]:
        """(case id, data) of every event of `type` on these cases, oldest first."""
        out: list[tuple[int, dict[str, Any]]] = []
        for chunk, marks in in_batches(list(case_ids)):
            rows = self.db.execute(
                f"SELECT case_id, data FROM case_events WHERE case_id IN ({marks}) "
                "AND type = ? ORDER BY id", [*chunk, type]).fetchall()
            out += [(int(r[0]), json.loads(r[1] or "{}")) for r in rows]
        return out

    def for_case(self, case_id: int) -> list[TimelineEvent]:
        rows = self.db.execute(
            "SELECT id, case_id, at, actor, type, text, data FROM case_events "
            "WHERE case_id = ? ORDER BY at, id", [case_id]).fetchall()
        return [TimelineEvent(r[0], r[1], from_iso(r[2]), r[3], r[4], r[5],  # type: ignore[arg-type]
                              json.loads(r[6] or "{}")) for r in rows]
