"""Read-only queries the hand-off sheet is built from: what happened in a time span, and
the open cases reduced to what ranks them, with their live early warnings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import NamedTuple

from ..domain.clock import from_iso, to_utc_iso
from ..domain.enums import OPEN_STATUSES, CaseKind, CaseStatus, Platform, Priority
from ..domain.handoff import RowMarks
from ..storage.audit import AuditEntry
from .batches import in_batches
from .database import Database
from .events import TimelineEvent


class OpenCaseRow(NamedTuple):
    """An open case as the urgency ranking sees it (not the whole case: a busy register
    has tens of thousands open, and the sheet names only the top few hundred). A named
    tuple: three times cheaper to make than a frozen dataclass, at 35,000 rows."""

    id: int
    platform: Platform
    status: CaseStatus
    priority: Priority
    kind: CaseKind
    created_at: datetime | None
    # The earlier of the stage's deadline (m0014: the platform's, a rule's or the one set
    # by hand) and the case's own due time.
    due_at: datetime | None
    intervention: bool  # the platform's customer service stepped in (imported)
    buyer_nick: str
    buyer_phone: str
    major_owner: str = ""  # a major complaint's owner ('' when not major)
    # `due_at` is the case's own due time (earlier than the stage's deadline, or the only
    # one): said as 截止时间, not as the platform's 平台时限.
    due_is_own: bool = False


# Enum members by value: a dict lookup is several times cheaper than Enum(value), which
# counts at 35,000 rows.
_PLATFORM = {m.value: m for m in Platform}
_STATUS = {m.value: m for m in CaseStatus}
_PRIORITY = {m.value: m for m in Priority}
_KIND = {m.value: m for m in CaseKind}
# RowMarks' fields, in order: the tables whose rows a sheet lists by time.
_MARKED = tuple(f.name for f in fields(RowMarks))


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

    def recorded_late(self, after_id: int, before: datetime, types: Sequence[str]
                      ) -> list[TimelineEvent]:
        """Timeline events of `types` written after row `after_id` (a hand-off's mark) but
        stamped before `before` (it ended then): recorded after the hand-off with an earlier
        time, e.g. a promise kept at 13:50 recorded at 14:10. Oldest first."""
        marks = ", ".join("?" for _ in types)
        rows = self.db.execute(
            "SELECT id, case_id, at, actor, type, text, data FROM case_events "
            f"WHERE id > ? AND at < ? AND type IN ({marks}) ORDER BY at, id",
            [after_id, to_utc_iso(before), *types]).fetchall()
        return [TimelineEvent(r[0], r[1], from_iso(r[2]), r[3], r[4], r[5],  # type: ignore[arg-type]
                              json.loads(r[6] or "{}")) for r in rows]

    def kept_recorded_between(self, start: datetime, end: datetime) -> list[TimelineEvent]:
        """'promise_kept' events stamped before `start` whose keeping was recorded (its
        audit row, stamped when written) from `start` to `end`: kept at an earlier time,
        e.g. a promise kept yesterday recorded today. Oldest first. For a sheet with no
        hand-off mark to continue from (recorded_late needs one).

        Two lean queries, not one join: the audit rows of the span (as for the edits),
        then those cases' 'promise_kept' events by the case index (a join matching the
        promise id inside the event's JSON took seconds on 100,000 cases)."""
        rows = self.db.execute(
            "SELECT entity_id, field FROM audit_log WHERE entity = 'case' "
            "AND action = 'promise_kept' AND at >= ? AND at <= ?",
            [to_utc_iso(start), to_utc_iso(end)]).fetchall()
        wanted = {(case_id, int(field[8:])) for case_id, field in rows
                  if case_id is not None and str(field).startswith("promise:")
                  and field[8:].isdigit()}
        out: list[TimelineEvent] = []
        for chunk, marks in in_batches(sorted({case_id for case_id, _p in wanted})):
            found = self.db.execute(
                "SELECT id, case_id, at, actor, type, text, data FROM case_events "
                f"WHERE case_id IN ({marks}) AND type = 'promise_kept' AND at < ?",
                [*chunk, to_utc_iso(start)]).fetchall()
            for r in found:
                data = json.loads(r[6] or "{}")
                if (r[1], data.get("promise_id")) in wanted:
                    out.append(TimelineEvent(r[0], r[1], from_iso(r[2]),  # type: ignore[arg-type]
                                             r[3], r[4], r[5], data))
        return sorted(out, key=lambda e: (e.at, e.id))

    def call_events(self, calls: Sequence[tuple[int, int]]) -> list[TimelineEvent]:
        """The timeline events of these (case id, call id) calls, oldest first."""
        wanted = set(calls)
        case_ids = sorted({case_id for case_id, _call in wanted})
        out: list[TimelineEvent] = []
        for chunk, marks in in_batches(case_ids):
            rows = self.db.execute(
                "SELECT id, case_id, at, actor, type, text, data FROM case_events "
                f"WHERE case_id IN ({marks}) AND type = 'call' ORDER BY at, id", chunk)
            for r in rows.fetchall():
                data = json.loads(r[6] or "{}")
                if (r[1], data.get("call_id")) in wanted:
                    out.append(TimelineEvent(r[0], r[1], from_iso(r[2]),  # type: ignore[arg-type]
                                             r[3], r[4], r[5], data))
        return sorted(out, key=lambda e: (e.at, e.id))

    def earlier_contacts(self, case_ids: Sequence[int]) -> dict[int, dict[str, set[str]]]:
        """Every value each case's buyer phone, name and address has held, from the audit
        trail (edits and platform fills): text written then may quote an old one."""
        out: dict[int, dict[str, set[str]]] = {}
        ids = sorted(set(case_ids))
        for chunk, marks in in_batches(ids):
            rows = self.db.execute(
                "SELECT entity_id, field, old, new FROM audit_log WHERE entity = 'case' "
                f"AND entity_id IN ({marks}) "
                "AND field IN ('buyer_phone', 'buyer_name', 'buyer_address')", chunk)
            for case_id, field, old, new in rows.fetchall():
                values = out.setdefault(case_id, {}).setdefault(field, set())
                values.update(v for v in (old, new) if v)
        return out

    def case_edits_between(self, start: datetime, end: datetime, *,
                           after_id: int = 0) -> list[AuditEntry]:
        """Field edits ('update' audit rows) on cases in the span, oldest first. Rows
        stamped `start` itself count only with an id above `after_id` (a hand-off ending
        at `start` listed the others)."""
        begin = to_utc_iso(start)
        rows = self.db.execute(
            "SELECT at, actor, entity, entity_id, action, field, old, new FROM audit_log "
            "WHERE entity = 'case' AND action = 'update' AND at >= ? AND at <= ? "
            "AND (at > ? OR id > ?) ORDER BY at, id",
            [begin, to_utc_iso(end), begin, after_id]).fetchall()
        return [AuditEntry(from_iso(r[0]), *r[1:]) for r in rows]  # type: ignore[arg-type]

    def row_marks(self) -> RowMarks:
        """The last id of every table a sheet reads (max of an integer primary key: no
        scan). Taken inside the hand-off's transaction, so no other write falls between."""
        ids = [self.db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
               for table in _MARKED]
        return RowMarks(*ids)

    def open_cases(self) -> list[OpenCaseRow]:
        """Every live open case, reduced to what ranks it (one query)."""
        marks = ", ".join("?" for _ in OPEN_STATUSES)
        rows = self.db.execute(
            "SELECT c.id, c.platform, c.status, c.priority, c.kind, c.created_at, "
            "min(coalesce(c.deadline_at, c.due_at), coalesce(c.due_at, c.deadline_at)), "
            "c.platform_involved, c.buyer_nick, c.buyer_phone, c.major_owner, "
            "c.due_at IS NOT NULL AND (c.deadline_at IS NULL OR c.due_at < c.deadline_at "
            "OR c.deadline_source = 'manual') "
            f"FROM cases c WHERE c.deleted_at IS NULL AND c.status IN ({marks})",
            [s.value for s in OPEN_STATUSES]).fetchall()
        return [OpenCaseRow(
            id=r[0], platform=_PLATFORM[r[1]], status=_STATUS[r[2]], priority=_PRIORITY[r[3]],
            kind=_KIND[r[4]], created_at=from_iso(r[5]), due_at=from_iso(r[6]),
            intervention=bool(r[7]), buyer_nick=r[8] or "", buyer_phone=r[9] or "",
            major_owner=r[10] or "", due_is_own=bool(r[11])) for r in rows]

    def live_warnings(self) -> dict[int, list[tuple[str, str, str]]]:
        """The live early warnings (neither acknowledged nor cleared) of live open cases:
        case id -> [(rule, reason zh, reason en)] in the order raised. The same warnings
        the case list's column shows, so the sheet and the list agree."""
        marks = ", ".join("?" for _ in OPEN_STATUSES)
        out: dict[int, list[tuple[str, str, str]]] = {}
        for case_id, rule, zh, en in self.db.execute(
                "SELECT w.case_id, w.rule, w.reason_zh, w.reason_en FROM case_warnings w "
                "JOIN cases c ON c.id = w.case_id WHERE w.ack_at IS NULL "
                "AND w.cleared_at IS NULL AND c.deleted_at IS NULL "
                f"AND c.status IN ({marks}) ORDER BY w.id",
                [s.value for s in OPEN_STATUSES]).fetchall():
            out.setdefault(case_id, []).append((rule, zh, en))
        return out
