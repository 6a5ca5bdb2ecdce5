"""The audit trail: who changed which field, when, from what to what."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..domain.clock import from_iso, to_utc_iso
from .database import Database


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    entity: str
    entity_id: int | None
    action: str  # create, update, status, delete, restore, purge, reveal_phone, ...
    field: str | None
    old: str | None
    new: str | None


_INSERT = ("INSERT INTO audit_log(at, actor, entity, entity_id, action, field, old, new) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


class AuditStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, at: datetime, actor: str, entity: str, entity_id: int | None, action: str,
               field: str | None = None, old: str | None = None, new: str | None = None) -> None:
        self.db.execute(_INSERT, [to_utc_iso(at), actor, entity, entity_id, action, field, old,
                                  new])

    def record_many(self, rows: list[tuple[datetime, str, str, int | None, str, str | None,
                                           str | None, str | None]]) -> None:
        """Many (at, actor, entity, entity_id, action, field, old, new) rows at once."""
        self.db.executemany(_INSERT, [(to_utc_iso(r[0]), *r[1:]) for r in rows])

    def add_stored(self, rows: Iterable[Sequence[object]]) -> None:
        """`record_many` for rows already in stored form (`at` as `to_utc_iso` writes it):
        a bulk load works them out ahead, in another process."""
        self.db.executemany(_INSERT, rows)

    def record_new_cases(self, at: datetime, actor: str, first_id: int, last_id: int) -> None:
        """A "create" row (new = case number) for each case with an id in first_id..last_id,
        in id order, read from the cases just inserted (an import's chunk)."""
        self.db.execute(
            "INSERT INTO audit_log(at, actor, entity, entity_id, action, field, old, new) "
            "SELECT ?, ?, 'case', id, 'create', NULL, NULL, case_no FROM cases "
            "WHERE id BETWEEN ? AND ? ORDER BY id", [to_utc_iso(at), actor, first_id, last_id])

    def for_entity(self, entity: str, entity_id: int) -> list[AuditEntry]:
        rows = self.db.execute(
            "SELECT at, actor, entity, entity_id, action, field, old, new FROM audit_log "
            "WHERE entity = ? AND entity_id = ? ORDER BY at, id", [entity, entity_id]).fetchall()
        return [AuditEntry(from_iso(r[0]), *r[1:]) for r in rows]  # type: ignore[arg-type]

    def for_actions(self, actions: Sequence[str], limit: int = 200) -> list[AuditEntry]:
        """The latest rows of these actions, newest first."""
        marks = ", ".join("?" for _ in actions)
        rows = self.db.execute(
            "SELECT at, actor, entity, entity_id, action, field, old, new FROM audit_log "
            f"WHERE action IN ({marks}) ORDER BY id DESC LIMIT ?",
            [*actions, limit]).fetchall()
        return [AuditEntry(from_iso(r[0]), *r[1:]) for r in rows]  # type: ignore[arg-type]

    def latest(self, limit: int = 200) -> list[AuditEntry]:
        rows = self.db.execute(
            "SELECT at, actor, entity, entity_id, action, field, old, new FROM audit_log "
            "ORDER BY id DESC LIMIT ?", [limit]).fetchall()
        return [AuditEntry(from_iso(r[0]), *r[1:]) for r in rows]  # type: ignore[arg-type]
