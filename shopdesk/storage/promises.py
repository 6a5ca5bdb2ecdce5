"""The promises table, and the case-side "next open promise due" it keeps up to date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from ..domain.errors import NotFoundError
from ..domain.promises import Promise, PromiseKind, PromiseState
from .batches import in_batches
from .database import Database

_COLUMNS = ("p.id, p.case_id, p.kind, p.text, p.due_at, p.made_by, p.made_at, p.state, "
            "p.resolved_at, p.resolved_by, p.broken_reason")
_FROM = f"SELECT {_COLUMNS} FROM promises p"
# Lists of what is still owed leave out cases in the trash.
_LIVE = " JOIN cases c ON c.id = p.case_id AND c.deleted_at IS NULL"


def _seconds(value: datetime) -> datetime:
    """A time as a read gives it back: UTC, whole seconds."""
    return value.astimezone(UTC).replace(microsecond=0)


_INSERT = ("INSERT INTO promises(id, case_id, kind, text, due_at, made_by, made_at, state, "
           "resolved_at, resolved_by, broken_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def numbered(promises: Sequence[Promise], first_id: int) -> list[Promise]:
    """The promises as `insert_many` stores and returns them: ids from `first_id` on, times
    in whole seconds (UTC)."""
    return [replace(p, id=first_id + i, due_at=_seconds(p.due_at), made_at=_seconds(p.made_at),
                    resolved_at=_seconds(p.resolved_at) if p.resolved_at else None)
            for i, p in enumerate(promises)]


def stored_promise(p: Promise) -> tuple[Any, ...]:
    """A numbered promise's row, in `_INSERT`'s column order."""
    return (p.id, p.case_id, p.kind.value, p.text, to_utc_iso(p.due_at), p.made_by,
            to_utc_iso(p.made_at), p.state.value,
            to_utc_iso(p.resolved_at) if p.resolved_at else None, p.resolved_by,
            p.broken_reason)


def _promise(r: Sequence[Any]) -> Promise:
    return Promise(
        id=r[0], case_id=r[1], kind=PromiseKind(r[2]), text=r[3],
        due_at=from_iso(r[4]),  # type: ignore[arg-type]
        made_by=r[5], made_at=from_iso(r[6]),  # type: ignore[arg-type]
        state=PromiseState(r[7]), resolved_at=from_iso(r[8]), resolved_by=r[9],
        broken_reason=r[10])


class PromiseStore:
    """Row-level access to promises. Callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- writes ------------------------------------------------------------
    def add(self, *, case_id: int, kind: PromiseKind, text: str, due_at: datetime,
            made_by: str, made_at: datetime) -> Promise:
        cursor = self.db.execute(
            "INSERT INTO promises(case_id, kind, text, due_at, made_by, made_at, state) "
            "VALUES (?, ?, ?, ?, ?, ?, 'open')",
            [case_id, kind.value, text, to_utc_iso(due_at), made_by, to_utc_iso(made_at)])
        self.refresh_next_due([case_id])
        return self.get(int(cursor.lastrowid or 0))

    def resolve(self, promise_id: int, state: PromiseState, at: datetime, actor: str,
                reason: str | None = None) -> Promise:
        """Mark an open promise kept or broken (the service checks it is open)."""
        self.db.execute(
            "UPDATE promises SET state = ?, resolved_at = ?, resolved_by = ?, "
            "broken_reason = ? WHERE id = ? AND state = 'open'",
            [state.value, to_utc_iso(at), actor, reason, promise_id])
        promise = self.get(promise_id)
        self.refresh_next_due([promise.case_id])
        return promise

    def insert_many(self, promises: Sequence[Promise]) -> list[Promise]:
        """Insert whole promises, any state, as given (their ids are ignored) and refresh
        their cases' next due once (bulk loading: the demo). Returns them with new ids,
        their times as stored (whole seconds). Call inside the write transaction (the ids
        follow the largest)."""
        if not promises:
            return []
        saved = numbered(promises, self.next_id())
        self.insert_stored([stored_promise(p) for p in saved],
                           [p.case_id for p in saved if p.is_open])
        return saved

    def next_id(self) -> int:
        """The id `insert_many` gives the next promise (inside the write transaction)."""
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM promises"
                                   ).fetchone()[0]) + 1

    def insert_stored(self, rows: Sequence[Sequence[Any]], open_case_ids: Iterable[int]
                      ) -> None:
        """`insert_many` for rows already in stored form (`stored_promise`, ids from
        `numbered`); `open_case_ids`: the cases of the open ones, whose next due changes."""
        self.db.executemany(_INSERT, rows)
        # Only an open promise can change its case's next due (kept and broken ones are
        # not counted): a demo's settled history needs no UPDATE per case.
        self.refresh_next_due(open_case_ids)

    def refresh_next_due(self, case_ids: Iterable[int]) -> None:
        """Recompute cases.next_promise_due (earliest open promise) for these cases."""
        ids = sorted(set(case_ids))
        for chunk, marks in in_batches(ids):
            self.db.execute(
                "UPDATE cases SET next_promise_due = (SELECT min(due_at) FROM promises "
                "WHERE promises.case_id = cases.id AND state = 'open') "
                f"WHERE id IN ({marks})", chunk)

    # --- reads -------------------------------------------------------------
    def get(self, promise_id: int) -> Promise:
        row = self.db.execute(_FROM + " WHERE p.id = ?", [promise_id]).fetchone()
        if row is None:
            raise NotFoundError(f"promise {promise_id}")
        return _promise(row)

    def for_case(self, case_id: int) -> list[Promise]:
        """Every promise on the case (all states), by due time."""
        rows = self.db.execute(_FROM + " WHERE p.case_id = ? ORDER BY p.due_at, p.id",
                               [case_id]).fetchall()
        return [_promise(r) for r in rows]

    def open_due(self, *, until: datetime | None = None, start: datetime | None = None,
                 before: datetime | None = None, limit: int | None = None) -> list[Promise]:
        """Open promises on live cases by due time: due at or before `until`, or with
        `start` <= due < `before` (each bound optional); the first `limit` of them."""
        sql = _FROM + _LIVE + " WHERE p.state = 'open'"
        params: list[Any] = []
        for op, value in (("<=", until), (">=", start), ("<", before)):
            if value is not None:
                sql += f" AND p.due_at {op} ?"
                params.append(to_utc_iso(value))
        sql += " ORDER BY p.due_at, p.id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_promise(r) for r in self.db.execute(sql, params).fetchall()]

    def count_open_due(self, until: datetime) -> int:
        """How many open promises on live cases are due at or before `until` (banner)."""
        return int(self.db.execute(
            "SELECT count(*) FROM promises p" + _LIVE +
            " WHERE p.state = 'open' AND p.due_at <= ?", [to_utc_iso(until)]).fetchone()[0])

    def resolved_between(self, start: datetime, end: datetime) -> list[Promise]:
        """Kept or broken with start <= resolved_at < end (trashed cases included: it
        happened), by resolution time."""
        rows = self.db.execute(
            _FROM + " WHERE p.resolved_at >= ? AND p.resolved_at < ? "
            "ORDER BY p.resolved_at, p.id", [to_utc_iso(start), to_utc_iso(end)]).fetchall()
        return [_promise(r) for r in rows]

    def next_due(self, case_ids: Sequence[int]) -> dict[int, datetime]:
        """The earliest open promise's due time per case (cases without one left out)."""
        out: dict[int, datetime] = {}
        ids = list(case_ids)
        for chunk, marks in in_batches(ids):
            for case_id, due in self.db.execute(
                    f"SELECT id, next_promise_due FROM cases WHERE id IN ({marks}) "
                    "AND next_promise_due IS NOT NULL", chunk).fetchall():
                out[case_id] = from_iso(due)  # type: ignore[assignment]
        return out
