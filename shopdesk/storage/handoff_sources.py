"""Read-only queries the hand-off sheet is built from: what happened in a time span, the
notes of open cases (for the major-complaint words) and how many cases each buyer has."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlite_utils import Database

from ..domain.clock import from_iso, to_utc_iso
from ..storage.audit import AuditEntry
from .events import TimelineEvent


class HandoffSources:
    def __init__(self, db: Database) -> None:
        self.db = db

    def case_events_between(self, start: datetime, end: datetime) -> list[TimelineEvent]:
        """Timeline events with start <= at <= end on any case (trashed ones too), oldest
        first. The end is inclusive: an edit made in the minute the shift ends belongs to it."""
        rows = self.db.execute(
            "SELECT id, case_id, at, actor, type, text, data FROM case_events "
            "WHERE at >= ? AND at <= ? ORDER BY at, id",
            [to_utc_iso(start), to_utc_iso(end)]).fetchall()
        return [TimelineEvent(r[0], r[1], from_iso(r[2]), r[3], r[4], r[5],  # type: ignore[arg-type]
                              json.loads(r[6] or "{}")) for r in rows]

    def case_edits_between(self, start: datetime, end: datetime) -> list[AuditEntry]:
        """Field edits ('update' audit rows) on cases in the span, oldest first."""
        rows = self.db.execute(
            "SELECT at, actor, entity, entity_id, action, field, old, new FROM audit_log "
            "WHERE entity = 'case' AND action = 'update' AND at >= ? AND at <= ? "
            "ORDER BY at, id", [to_utc_iso(start), to_utc_iso(end)]).fetchall()
        return [AuditEntry(from_iso(r[0]), *r[1:]) for r in rows]  # type: ignore[arg-type]

    def notes_text(self, case_ids: Sequence[int]) -> dict[int, str]:
        """All note texts of each case joined (cases without notes left out)."""
        out: dict[int, str] = {}
        ids = list(case_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            for case_id, text in self.db.execute(
                    "SELECT case_id, group_concat(text, ' ') FROM case_events "
                    f"WHERE type = 'note' AND case_id IN ({marks}) GROUP BY case_id",
                    chunk).fetchall():
                out[case_id] = text or ""
        return out

    def buyer_case_counts(self) -> dict[str, int]:
        """Live cases per buyer key (platform:nick, or platform:phone without a nick), the
        same key the call policy counts calls by."""
        rows = self.db.execute(
            "SELECT platform || ':' || CASE WHEN trim(buyer_nick) != '' THEN trim(buyer_nick) "
            "ELSE trim(buyer_phone) END AS k, count(*) FROM cases "
            "WHERE deleted_at IS NULL AND (trim(buyer_nick) != '' OR trim(buyer_phone) != '') "
            "GROUP BY k").fetchall()
        return {r[0]: r[1] for r in rows}
