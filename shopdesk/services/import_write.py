"""Writing an import plan: new cases, platform updates, their timeline, audit and search.

Runs inside the caller's transaction. Rows are written a chunk at a time through the
stores' batch methods: per-row CaseService.open_case costs ~7 statements a case, which for
a 50,000-row export is most of the import's time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from json.encoder import encode_basestring as _encode_text
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.case import Case
from ..domain.clock import to_utc_iso
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.orders import OrderStore
from ..storage.rows import case_to_row, field_text
from ..storage.search import SEARCHED_COLUMNS, index_new_cases, index_new_range, reindex_cases
from ..storage.search_side import SideIndex
from .cases import PLACING_FIELDS
from .import_apply import (
    AMOUNTS,
    FILLABLE,
    PLATFORM_COLUMNS,
    FieldChange,
    RowPlan,
    apply_changes,
    summarise,
)
from .import_new import NewCaseRows, search_text, settled_rows, warning_facts
from .import_state import STATE_FIELDS

# Case columns an import may write besides the amounts and the fillable fields.
_COLUMNS = frozenset(("due_at", "applied_at", "platform_stage", "platform_involved",
                      "status", "outcome", "resolved_at", *PLATFORM_COLUMNS))


class PlanWriter:
    """Writes planned rows (a chunk per call) in the caller's transaction; `index()` after
    the last chunk updates the search index for all of them."""

    def __init__(self, db: Database, *, now: datetime, actor: str, source: str,
                 preset: str | None, shop_tz: str,
                 settle: Callable[[Sequence[Any]], list[dict[str, object]]] | None = None
                 ) -> None:
        self.db = db
        # Whole seconds, as stored: `settle` judges the cases before they are written.
        self.now = now.replace(microsecond=0)
        self.stamp = to_utc_iso(now)
        self.settle = settle  # the new cases' stage and deadline columns
        self.actor = actor
        self.source = source
        self.preset = preset
        self.shop_tz = shop_tz
        self.orders = OrderStore(db)
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit = AuditStore(db)
        self.day = now.astimezone(ZoneInfo(shop_tz)).date()
        self.rows = NewCaseRows(now, actor, self.day)
        self._unindexed: list[int] = []  # written but not yet in the search index
        self._new: list[int] = []  # inserted, never in the search index
        # The new cases' warning facts as inserted (CaseFacts by id), for the warning pass.
        self.written: dict[int, Any] = {}
        # Updated cases, as they were, whose buyer, product or cause the import changed:
        # the cases they were next to are judged again (a group may have ended).
        self.moved: list[Case] = []
        # A worker process building the new cases' search index beside the import (a
        # large first import into an empty register, see storage/search_side.py).
        self.side: SideIndex | None = None

    def index(self) -> None:
        """Bring the search index up to date for every case written so far (once per
        import, after its last chunk)."""
        new = set(self._new)
        changed = [i for i in dict.fromkeys(self._unindexed) if i not in new]
        if self.side is not None and self._new and self._side_finished():
            pass  # built beside the import from the rows `create` sent
        elif self._new and self._new[-1] - self._new[0] == len(self._new) - 1:
            # The new cases' ids are one run (insert_rows gives them in order after the
            # largest): one INSERT ... SELECT instead of one per few hundred ids.
            index_new_range(self.db, self._new[0], self._new[-1])
        elif self._new:
            index_new_cases(self.db, self._new)
        if changed:
            reindex_cases(self.db, changed)
        self._new, self._unindexed = [], []

    def _side_finished(self) -> bool:
        """Copy what the worker built into the search tables (first: it replaces them
        whole, so the updated cases are indexed after it); False when the worker failed
        (it is checked before anything is copied): the import indexes in its own
        process instead."""
        assert self.side is not None
        try:
            self.side.finish(self.db)
        except RuntimeError:
            return False
        return True

    def create(self, rows: list[RowPlan]) -> list[int]:
        """Open a case per row; empty buyer fields are filled from a stored order."""
        if not rows:
            return []
        orders = {}
        for platform in {r.record.platform for r in rows}:
            nos = [r.record.order_no for r in rows if r.record.platform is platform]
            orders.update({(platform, no): o
                           for no, o in self.orders.get_many(platform, nos).items()})
        first = self.cases.reserve_case_numbers(self.day, len(rows))
        # The rows straight from the records (import_new): no Case per new case.
        values, facts = self.rows.build([r.record for r in rows], first, orders)
        columns, values = settled_rows(values, facts, self.settle)
        ids = self.cases.insert_values(columns, values)
        self.written.update(warning_facts(ids, values))
        if self.side is not None:
            self.side.add([(case_id, search_text(row))
                           for case_id, row in zip(ids, values, strict=True)])
        # The timeline rows in stored form: the time once, `data` as json.dumps(...,
        # ensure_ascii=False, sort_keys=True) writes it (the keys below are in that order).
        head = f"导入自 {self.source}"
        preset = f', "preset": {_json(self.preset)}, "row": '
        source = f', "source": {_json(self.source)}, "status": '
        events = []
        for row, fact, case_id in zip(rows, facts, ids, strict=True):
            rec = row.record
            shown = rec.platform_status
            events.append((case_id, self.stamp, self.actor, "created",
                           f"{head}（平台：{shown}）" if shown else head,
                           '{"platform_status": ' + (_json(shown) if shown else "null")
                           + preset + str(rec.row_number) + source
                           + _json(fact.status.value) + "}"))
            row.case_id = case_id
        self.events.add_stored(events)
        # The audit's "create" rows straight from the cases just written (ids are given in
        # order after the largest, see insert_rows).
        self.audit.record_new_cases(self.now, self.actor, ids[0], ids[-1])
        self._new.extend(ids)
        return ids

    def update(self, rows: list[RowPlan], cases: dict[int, Case]) -> None:
        """Apply each row's changes, with a platform_update event and audit rows."""
        events, audits, searched = [], [], []
        for row in rows:
            assert row.case_id is not None
            new = apply_changes(cases[row.case_id], row.changes)
            values = case_to_row(new)
            sets = {c: values[c] for c in {_column(ch.field) for ch in row.changes}}
            sets.update(updated_at=self.stamp, last_activity_at=self.stamp)
            self.cases.update_columns(row.case_id, sets, reindex=False)
            if any(ch.field in SEARCHED_COLUMNS for ch in row.changes):
                searched.append(row.case_id)
            if PLACING_FIELDS.intersection(ch.field for ch in row.changes):
                self.moved.append(cases[row.case_id])  # as it was, for its old neighbours
            moved = _status_event(row, cases[row.case_id], new, self.source)
            # A status move has its own event; what else changed is the platform update.
            facts = [ch for ch in row.changes
                     if moved is None or ch.field not in STATE_FIELDS]
            if facts:
                events.append((row.case_id, self.now, self.actor, "platform_update",
                               "平台更新：" + summarise(facts, self.shop_tz),
                               {"source": self.source, "row": row.record.row_number,
                                "fields": _fields(facts)}))
            if moved is not None:
                events.append((row.case_id, self.now, self.actor, "status", *moved))
            audits.extend((self.now, self.actor, "case", row.case_id, "platform_update",
                           ch.field, field_text(ch.old), field_text(ch.new))
                          for ch in row.changes)
        self.events.add_many(events)
        self.audit.record_many(audits)
        self._unindexed.extend(searched)


def _json(value: str | None) -> str:
    """`value` as json.dumps(value, ensure_ascii=False) writes it."""
    return "null" if value is None else _encode_text(value)


def _status_event(row: RowPlan, old: Case, new: Case,
                  source: str) -> tuple[str, dict[str, object]] | None:
    """The timeline's "平台：退款成功" when the platform's state moved the case's status
    (the same event type as a hand-made status change, marked as the platform's)."""
    if old.status == new.status:
        return None
    words = row.record.platform_status or (new.platform_stage.zh if new.platform_stage else "")
    return f"平台：{words}", {
        "from": old.status.value, "to": new.status.value,
        "outcome": new.outcome.value if new.outcome else None,
        "amount": str(new.amount_settled) if new.amount_settled is not None else None,
        "by": "platform", "source": source, "row": row.record.row_number,
        "platform_status": {"old": old.platform_status or None, "new": new.platform_status},
        "platform_stage": {"old": old.platform_stage.value if old.platform_stage else None,
                           "new": new.platform_stage.value if new.platform_stage else None},
    }


def _fields(changes: list[FieldChange]) -> dict[str, dict[str, str | None]]:
    return {ch.field: {"old": field_text(ch.old), "new": field_text(ch.new)} for ch in changes}


def _column(name: str) -> str:
    if name in AMOUNTS or name == "amount_settled":
        return name + "_fen"
    if name in FILLABLE or name in _COLUMNS:
        return name
    return "extra"  # platform keys and platform_fields.*
