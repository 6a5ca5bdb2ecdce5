"""Writing an import plan: new cases, platform updates, their timeline, audit and search.

Runs inside the caller's transaction. Rows are written a chunk at a time through the
stores' batch methods: per-row CaseService.open_case costs ~7 statements a case, which for
a 50,000-row export is most of the import's time.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from ..domain.case import Case
from ..domain.case_no import format_case_no
from ..domain.clock import to_utc_iso
from ..domain.enums import CaseStatus
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.events import EventStore
from ..storage.orders import OrderStore
from ..storage.rows import case_to_row, field_text
from ..storage.search import SEARCHED_COLUMNS, reindex_cases
from .import_apply import (
    AMOUNTS,
    FILLABLE,
    FieldChange,
    RowPlan,
    apply_changes,
    fill_from_order,
    platform_extra,
    summarise,
)


class PlanWriter:
    """Writes planned rows (a chunk per call) in the caller's transaction."""

    def __init__(self, db: Database, *, now: datetime, actor: str, source: str,
                 preset: str | None, shop_tz: str) -> None:
        self.db = db
        self.now = now
        self.stamp = to_utc_iso(now)
        self.actor = actor
        self.source = source
        self.preset = preset
        self.shop_tz = shop_tz
        self.orders = OrderStore(db)
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit = AuditStore(db)
        self.day = now.astimezone(ZoneInfo(shop_tz)).date()

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
        built: list[Case] = []
        for offset, row in enumerate(rows):
            rec = row.record
            case = Case(**vars(rec.to_draft()), case_no=format_case_no(self.day, first + offset),
                        status=CaseStatus.NEW, created_at=self.now, created_by=self.actor,
                        updated_at=self.now, last_activity_at=self.now,
                        extra=platform_extra(rec))
            order = orders.get((rec.platform, rec.order_no))
            if order is not None:
                case = case.with_changes(**fill_from_order(case, order))
            built.append(case)
        # One executemany for the chunk instead of one INSERT per row.
        ids = self.cases.insert_rows(built)
        events, audits = [], []
        for row, case, case_id in zip(rows, built, ids, strict=True):
            events.append((case_id, self.now, self.actor, "created", f"导入自 {self.source}",
                           {"source": self.source, "row": row.record.row_number,
                            "preset": self.preset}))
            audits.append((self.now, self.actor, "case", case_id, "create", None, None,
                           case.case_no))
            row.case_id = case_id
        self.events.add_many(events)
        self.audit.record_many(audits)
        reindex_cases(self.db, ids)
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
            events.append((row.case_id, self.now, self.actor, "platform_update",
                           "平台更新：" + summarise(row.changes, self.shop_tz),
                           {"source": self.source, "row": row.record.row_number,
                            "fields": _fields(row.changes)}))
            audits.extend((self.now, self.actor, "case", row.case_id, "platform_update",
                           ch.field, field_text(ch.old), field_text(ch.new))
                          for ch in row.changes)
        self.events.add_many(events)
        self.audit.record_many(audits)
        reindex_cases(self.db, searched)


def _fields(changes: list[FieldChange]) -> dict[str, dict[str, str | None]]:
    return {ch.field: {"old": field_text(ch.old), "new": field_text(ch.new)} for ch in changes}


def _column(name: str) -> str:
    if name in AMOUNTS:
        return name + "_fen"
    if name in FILLABLE or name == "due_at":
        return name
    return "extra"  # platform keys and platform_fields.*
