"""Evidence rows: files and waybill numbers attached to cases (soft removal)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from ..domain.errors import NotFoundError
from ..domain.evidence import Evidence, EvidenceCategory
from .batches import in_batches
from .database import Database

_COLUMNS = ("id, case_id, kind, category, caption, filename, sha256, mime, size, carrier, "
            "waybill_no, added_at, added_by, removed_at, removed_by, removed_reason, stored_as")


def _evidence(r: Sequence[Any]) -> Evidence:
    return Evidence(
        id=r[0], case_id=r[1], kind=r[2], category=EvidenceCategory(r[3]), caption=r[4],
        filename=r[5], sha256=r[6], mime=r[7], size=r[8], carrier=r[9], waybill_no=r[10],
        added_at=from_iso(r[11]),  # type: ignore[arg-type]
        added_by=r[12], removed_at=from_iso(r[13]), removed_by=r[14], removed_reason=r[15],
        stored_as=r[16])


class EvidenceStore:
    """Row-level access to the evidence table. Callers own the transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_file(self, *, case_id: int, category: EvidenceCategory, caption: str,
                 filename: str, sha256: str, mime: str, size: int, stored_as: str,
                 at: datetime, actor: str) -> Evidence:
        cursor = self.db.execute(
            "INSERT INTO evidence(case_id, kind, category, caption, filename, sha256, mime, "
            "size, stored_as, added_at, added_by) VALUES (?, 'file', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [case_id, category.value, caption, filename, sha256, mime, size, stored_as,
             to_utc_iso(at), actor])
        return self.get(int(cursor.lastrowid or 0))

    def add_waybill(self, *, case_id: int, carrier: str, number: str, caption: str,
                    at: datetime, actor: str) -> Evidence:
        cursor = self.db.execute(
            "INSERT INTO evidence(case_id, kind, category, caption, carrier, waybill_no, "
            "added_at, added_by) VALUES (?, 'waybill', ?, ?, ?, ?, ?, ?)",
            [case_id, EvidenceCategory.WAYBILL.value, caption, carrier, number,
             to_utc_iso(at), actor])
        return self.get(int(cursor.lastrowid or 0))

    def get(self, evidence_id: int) -> Evidence:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM evidence WHERE id = ?",
                              [evidence_id]).fetchone()
        if row is None:
            raise NotFoundError(f"evidence {evidence_id}")
        return _evidence(row)

    def for_case(self, case_id: int, *, include_removed: bool = False) -> list[Evidence]:
        """The case's evidence, oldest first."""
        sql = f"SELECT {_COLUMNS} FROM evidence WHERE case_id = ?"
        if not include_removed:
            sql += " AND removed_at IS NULL"
        rows = self.db.execute(sql + " ORDER BY added_at, id", [case_id]).fetchall()
        return [_evidence(r) for r in rows]

    def for_cases(self, case_ids: Sequence[int]) -> dict[int, list[Evidence]]:
        """Live evidence of many cases at once (batch summaries), oldest first."""
        out: dict[int, list[Evidence]] = {i: [] for i in case_ids}
        unique = sorted(set(case_ids))
        for chunk, marks in in_batches(unique):
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM evidence WHERE case_id IN ({marks}) "
                "AND removed_at IS NULL ORDER BY added_at, id", chunk).fetchall()
            for r in rows:
                out[r[1]].append(_evidence(r))
        return out

    def live_with_sha(self, case_id: int, sha256: str) -> Evidence | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM evidence WHERE case_id = ? AND sha256 = ? "
            "AND removed_at IS NULL ORDER BY id LIMIT 1", [case_id, sha256]).fetchone()
        return _evidence(row) if row else None

    def live_waybill(self, case_id: int, carrier: str, number: str) -> Evidence | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM evidence WHERE case_id = ? AND kind = 'waybill' "
            "AND waybill_no = ? AND lower(carrier) = lower(?) AND removed_at IS NULL "
            "ORDER BY id LIMIT 1", [case_id, number, carrier]).fetchone()
        return _evidence(row) if row else None

    def set_fields(self, evidence_id: int, values: dict[str, Any]) -> None:
        cols = ", ".join(f"{k} = ?" for k in values)
        self.db.execute(f"UPDATE evidence SET {cols} WHERE id = ?",
                        [*values.values(), evidence_id])

    def mark_removed(self, evidence_id: int, at: datetime, actor: str, reason: str) -> None:
        self.db.execute(
            "UPDATE evidence SET removed_at = ?, removed_by = ?, removed_reason = ? "
            "WHERE id = ?", [to_utc_iso(at), actor, reason or None, evidence_id])

    def count_with_sha(self, sha256: str) -> int:
        """Rows (any case, removed too) that refer to these bytes."""
        return int(self.db.execute("SELECT count(*) FROM evidence WHERE sha256 = ?",
                                   [sha256]).fetchone()[0])
