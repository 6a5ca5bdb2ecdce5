"""The edited facts statements of dispute summaries (one per case)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.clock import from_iso, to_utc_iso
from .database import Database


@dataclass(frozen=True)
class SavedFacts:
    """A facts statement the user edited, with who saved it and when."""

    case_id: int
    facts: str
    updated_at: datetime
    updated_by: str


class SummaryStore:
    """Row-level access to case_summaries. Callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, case_id: int) -> SavedFacts | None:
        row = self.db.execute(
            "SELECT case_id, facts, updated_at, updated_by FROM case_summaries "
            "WHERE case_id = ?", [case_id]).fetchone()
        if row is None:
            return None
        return SavedFacts(row[0], row[1], from_iso(row[2]), row[3])  # type: ignore[arg-type]

    def put(self, case_id: int, facts: str, at: datetime, actor: str) -> None:
        self.db.execute(
            "INSERT INTO case_summaries(case_id, facts, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET facts = excluded.facts, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            [case_id, facts, to_utc_iso(at), actor])

    def delete(self, case_id: int) -> bool:
        cursor = self.db.execute("DELETE FROM case_summaries WHERE case_id = ?", [case_id])
        return bool(cursor.rowcount)
