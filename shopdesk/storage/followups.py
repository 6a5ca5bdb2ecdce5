"""The followups table (回访): scheduled follow-ups and their recorded results."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from ..domain.enums import CaseKind
from ..domain.errors import NotFoundError
from ..domain.followups import Followup, FollowupResult, FollowupState
from .batches import in_batches
from .database import Database

_COLUMNS = ("f.id, f.case_id, f.kind, f.due_at, f.script_id, f.created_at, f.created_by, "
            "f.state, f.result, f.done_at, f.done_by, f.note")
_FROM = f"SELECT {_COLUMNS} FROM followups f"
_LIVE = " JOIN cases c ON c.id = f.case_id AND c.deleted_at IS NULL"


def _followup(r: Sequence[Any]) -> Followup:
    return Followup(
        id=r[0], case_id=r[1], kind=CaseKind(r[2]), due_at=from_iso(r[3]),  # type: ignore[arg-type]
        script_id=r[4], created_at=from_iso(r[5]),  # type: ignore[arg-type]
        created_by=r[6], state=FollowupState(r[7]),
        result=FollowupResult(r[8]) if r[8] else None, done_at=from_iso(r[9]),
        done_by=r[10], note=r[11])


class FollowupStore:
    """Row-level access; callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, *, case_id: int, kind: CaseKind, due_at: datetime, script_id: str,
            created_at: datetime, created_by: str) -> Followup:
        cursor = self.db.execute(
            "INSERT INTO followups(case_id, kind, due_at, script_id, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [case_id, kind.value, to_utc_iso(due_at), script_id, to_utc_iso(created_at),
             created_by])
        return self.get(int(cursor.lastrowid or 0))

    def add_many(self, rows: list[tuple[int, CaseKind, datetime, str, datetime]], *,
                 created_by: str) -> list[Followup]:
        """(case_id, kind, due_at, script_id, created_at) rows at once; returns them as
        saved (the writes are serialised register-wide, so the new ids are those above
        the largest before)."""
        if not rows:
            return []
        before = int(self.db.execute("SELECT coalesce(max(id), 0) FROM followups")
                     .fetchone()[0])
        self.db.executemany(
            "INSERT INTO followups(case_id, kind, due_at, script_id, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(case_id, kind.value, to_utc_iso(due), script, to_utc_iso(made), created_by)
             for case_id, kind, due, script, made in rows])
        return [_followup(r) for r in self.db.execute(
            _FROM + " WHERE f.id > ? ORDER BY f.id", [before]).fetchall()]

    def resolved_without_followup(self, case_ids: list[int],
                                  kinds: list[str]) -> list[tuple[int, str, datetime]]:
        """(case_id, kind, resolved_at) of the live resolved cases among `case_ids`, of one
        of `kinds`, with no follow-up made since they were resolved."""
        if not case_ids or not kinds:
            return []
        out: list[tuple[int, str, datetime]] = []
        kind_marks = ", ".join("?" * len(kinds))
        for chunk, marks in in_batches(case_ids):
            rows = self.db.execute(
                "SELECT c.id, c.kind, c.resolved_at FROM cases c "
                f"WHERE c.id IN ({marks}) AND c.status = 'resolved' "
                "AND c.deleted_at IS NULL AND c.resolved_at IS NOT NULL "
                f"AND c.kind IN ({kind_marks}) AND NOT EXISTS (SELECT 1 FROM followups f "
                "WHERE f.case_id = c.id AND f.created_at >= c.resolved_at)",
                [*chunk, *kinds]).fetchall()
            out += [(int(r[0]), str(r[1]), from_iso(r[2])) for r in rows]  # type: ignore[misc]
        return out

    def finish(self, followup_id: int, result: FollowupResult, at: datetime, actor: str,
               note: str) -> Followup:
        self.db.execute(
            "UPDATE followups SET state = 'done', result = ?, done_at = ?, done_by = ?, "
            "note = ? WHERE id = ? AND state = 'open'",
            [result.value, to_utc_iso(at), actor, note, followup_id])
        return self.get(followup_id)

    def cancel_open(self, case_id: int, at: datetime, actor: str) -> list[Followup]:
        """Cancel the case's open follow-ups; returns those cancelled."""
        open_ = [f for f in self.for_case(case_id) if f.is_open]
        self.db.execute(
            "UPDATE followups SET state = 'cancelled', done_at = ?, done_by = ? "
            "WHERE case_id = ? AND state = 'open'", [to_utc_iso(at), actor, case_id])
        return open_

    def get(self, followup_id: int) -> Followup:
        row = self.db.execute(_FROM + " WHERE f.id = ?", [followup_id]).fetchone()
        if row is None:
            raise NotFoundError(f"follow-up {followup_id}")
        return _followup(row)

    def for_case(self, case_id: int) -> list[Followup]:
        rows = self.db.execute(_FROM + " WHERE f.case_id = ? ORDER BY f.due_at, f.id",
                               [case_id]).fetchall()
        return [_followup(r) for r in rows]

    def open_queue(self, until: datetime | None = None) -> list[Followup]:
        """Open follow-ups on live cases by due time (due at or before `until` if given)."""
        sql = _FROM + _LIVE + " WHERE f.state = 'open'"
        params: list[Any] = []
        if until is not None:
            sql += " AND f.due_at <= ?"
            params.append(to_utc_iso(until))
        sql += " ORDER BY f.due_at, f.id"
        return [_followup(r) for r in self.db.execute(sql, params).fetchall()]

    def count_due(self, until: datetime) -> int:
        return int(self.db.execute(
            "SELECT count(*) FROM followups f" + _LIVE +
            " WHERE f.state = 'open' AND f.due_at <= ?", [to_utc_iso(until)]).fetchone()[0])

    def results_between(self, start: datetime, end: datetime) -> dict[str, int]:
        """Done follow-ups with start <= done_at < end, counted by result."""
        rows = self.db.execute(
            "SELECT result, count(*) FROM followups WHERE state = 'done' AND done_at >= ? "
            "AND done_at < ? GROUP BY result", [to_utc_iso(start), to_utc_iso(end)])
        return {r[0]: int(r[1]) for r in rows.fetchall()}
