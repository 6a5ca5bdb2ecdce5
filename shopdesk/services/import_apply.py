"""Refund records -> a plan (create / update / unchanged per row) -> writes.

Planning reads the register and decides, for every record, which case it is (matched by
platform + refund number, else platform + order number) and what the platform changed.
Only platform-owned facts are ever changed on an existing case: amounts, the platform's
deadline (and the due time while the user has not set their own), the platform's status,
reason and intervention status, and other platform fields kept in Case.extra; and, when
the platform's stage moved, the status with its outcome (see import_state: a status the
user set by hand is kept and the move listed as a conflict). Empty case fields may be
filled; what the user typed (notes, cause, description, customer type, priority,
assignee, a phone they entered ...) is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from ..domain.case import Case, validate_draft
from ..domain.clock import to_utc_iso
from ..domain.enums import CaseStatus
from ..importers import RefundRecord, RowError
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.rows import field_text
from .import_changes import FieldChange, summarise
from .import_state import Conflict, FinishedFilter, diff_state
from .order_fill import ORDER_FILLABLE, OrderMismatch, fill_from_order, mismatch
from .order_fill import fit as _fit

# Re-exported: the writer, the order fills and tests use them here.
__all__ = ["ORDER_FILLABLE", "FieldChange", "fill_from_order", "summarise"]

# Platform facts kept in Case.extra (record attribute -> key).
PLATFORM_TEXT_KEYS = ("platform_reason",)
PLATFORM_TIME_KEYS = {"due_at": "platform_deadline", "paid_at": "platform_paid_at",
                      "finished_at": "platform_finished_at",
                      "completed_at": "platform_completed_at",
                      "evidence_due_at": "platform_evidence_deadline",
                      "return_shipped_at": "platform_return_shipped_at"}
# Platform facts that are Case columns (the list shows and sorts them).
PLATFORM_COLUMNS = ("platform_status", "intervention_status")
PLATFORM_FIELDS_KEY = "platform_fields"  # goods status, return waybill ... (RefundRecord.extra)
# Case fields an import fills only while they are empty.
FILLABLE = ("refund_no", "shop", "buyer_nick", "buyer_name", "buyer_phone", "buyer_address",
            "item_title", "sku")
AMOUNTS = ("amount_paid", "amount_claimed")
CHUNK = 500

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    IN_TRASH = "in_trash"  # matches a case in the trash: left alone, never re-created
    LEFT_OUT = "left_out"  # finished on the platform before the date the user chose


@dataclass
class RowPlan:
    record: RefundRecord
    action: Action
    case_id: int | None = None
    changes: list[FieldChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def status_to(self) -> CaseStatus | None:
        """The status this row gives its case (a new case's, or a platform move's)."""
        if self.action is Action.CREATE:
            return self.record.state.status or CaseStatus.NEW
        if self.action is Action.UPDATE:
            return next((c.new for c in self.changes if c.field == "status"), None)
        return None


@dataclass
class RefundPlan:
    rows: list[RowPlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)  # found against the register
    # Cases typed by hand that a row's order number named, not merged with it because
    # their buyer is not the row's (the row got a case of its own): (case id, row, why).
    unmerged: list[tuple[int, RefundRecord, OrderMismatch]] = field(default_factory=list)

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action is action)

    def count_moved_to(self, status: CaseStatus) -> int:
        """Rows that leave their case resolved / closed because the platform says so."""
        return sum(1 for r in self.rows if r.status_to is status)

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for r in self.rows for c in r.conflicts]


def _second(value: datetime | None) -> datetime | None:
    # Storage keeps whole seconds; compare what will be stored.
    return value.replace(microsecond=0) if value is not None else None


def platform_extra(record: RefundRecord) -> dict[str, Any]:
    """The platform-owned facts of a record, in the form Case.extra keeps them."""
    out: dict[str, Any] = {k: getattr(record, k) for k in PLATFORM_TEXT_KEYS if getattr(record, k)}
    if record.state.cause_side is not None:
        out["cause_side_hint"] = record.state.cause_side.value
    for attr, key in PLATFORM_TIME_KEYS.items():
        value = _second(getattr(record, attr))
        if value is not None:
            out[key] = to_utc_iso(value)
    if record.extra:
        out[PLATFORM_FIELDS_KEY] = {k: v for k, v in record.extra.items() if v}
    return out


def diff_case(case: Case, record: RefundRecord) -> list[FieldChange]:
    """What a later export changes on `case` (empty new values never erase anything)."""
    changes: list[FieldChange] = []
    for name in AMOUNTS:
        new = getattr(record, name)
        if new is not None and new != getattr(case, name):
            changes.append(FieldChange(name, getattr(case, name), new))
    extra = platform_extra(record)
    old_deadline = case.extra.get("platform_deadline")
    for key, new in extra.items():
        if key == PLATFORM_FIELDS_KEY:
            old_fields = case.extra.get(key) or {}
            changes.extend(FieldChange(f"{key}.{k}", old_fields.get(k, ""), v)
                           for k, v in new.items() if old_fields.get(k) != v)
        elif case.extra.get(key) != new:
            changes.append(FieldChange(key, case.extra.get(key), new))
    for name in PLATFORM_COLUMNS:
        new = getattr(record, name)
        if new and new != getattr(case, name):
            changes.append(FieldChange(name, getattr(case, name), new))
    applied = _second(record.applied_at)
    if applied is not None and applied != case.applied_at:
        changes.append(FieldChange("applied_at", case.applied_at, applied))
    deadline = _second(record.due_at)
    # The due time follows the platform's deadline until the user sets their own.
    if deadline is not None and case.due_at != deadline and (
            case.due_at is None or to_utc_iso(case.due_at) == old_deadline):
        changes.append(FieldChange("due_at", case.due_at, deadline))
    for name in FILLABLE:
        new = _fit(name, getattr(record, name))
        if new and not getattr(case, name):
            changes.append(FieldChange(name, "", new))
    return changes


EXTRA_KEYS = frozenset((*PLATFORM_TEXT_KEYS, *PLATFORM_TIME_KEYS.values(), "cause_side_hint"))


def apply_changes(case: Case, changes: Iterable[FieldChange]) -> Case:
    """`case` with `changes` applied (not stored)."""
    values: dict[str, Any] = {}
    extra = dict(case.extra)
    for ch in changes:
        if ch.field.startswith(PLATFORM_FIELDS_KEY + "."):
            fields_ = dict(extra.get(PLATFORM_FIELDS_KEY) or {})
            fields_[ch.field.split(".", 1)[1]] = ch.new
            extra[PLATFORM_FIELDS_KEY] = fields_
        elif ch.field in EXTRA_KEYS:
            extra[ch.field] = ch.new
        else:
            values[ch.field] = ch.new
    return case.with_changes(**values, extra=extra)


@dataclass
class _Ref:
    case_id: int  # < 0: a case this plan is about to create (its row number, negated)
    refund_no: str
    live: bool


# Records against the register's size above which reading every case's numbers (one scan)
# is cheaper than looking each record's numbers up.
_SCAN_SHARE = 8


class CaseIndex:
    """platform + refund number / order number -> case ids, loaded once per plan."""

    def __init__(self, db: Database, records: Sequence[RefundRecord] | None = None) -> None:
        """Every case, or with `records` only the cases sharing a refund or order number
        with them (all that `match` can look up for those records; a daily import into a
        large register reads a few rows instead of every case)."""
        self.by_refund: dict[tuple[str, str], list[_Ref]] = {}
        self.by_order: dict[tuple[str, str], list[_Ref]] = {}
        store = CaseStore(db)
        if records is None or len(records) * _SCAN_SHARE >= store.largest_id():
            rows = store.match_keys()
        else:
            rows = store.match_keys(refund_nos={r.refund_no for r in records if r.refund_no},
                                    order_nos={r.order_no for r in records})
        for case_id, platform, order_no, refund_no, live in rows:
            self._add(_Ref(case_id, refund_no, bool(live)), platform, order_no)
        self._store = store
        self._buyers: dict[int, Case] = {}
        # Live cases typed by hand that a record's order number named but whose buyer is
        # not the record's: the record was not merged into them (case id, record, why).
        self.unmerged: list[tuple[int, RefundRecord, OrderMismatch]] = []

    def _add(self, ref: _Ref, platform: str, order_no: str) -> None:
        if ref.refund_no:
            self.by_refund.setdefault((platform, ref.refund_no), []).append(ref)
        self.by_order.setdefault((platform, order_no), []).append(ref)

    def match(self, record: RefundRecord) -> _Ref | None:
        """The case this record is about; a match by order number claims that case."""
        platform = record.platform.value
        if record.refund_no:
            found = _best(self.by_refund.get((platform, record.refund_no), []))
            if found is not None:
                return found
            # A case logged by hand from the chat, before the platform gave a refund number.
            found = _best(self._same_buyer(
                [r for r in self.by_order.get((platform, record.order_no), [])
                 if not r.refund_no and r.case_id > 0], record))
            if found is not None:
                found.refund_no = record.refund_no
                self.by_refund.setdefault((platform, record.refund_no), []).append(found)
            return found
        refs = self.by_order.get((platform, record.order_no), [])
        return (_best(self._same_buyer([r for r in refs if not r.refund_no], record))
                or _best([r for r in refs if r.refund_no]))

    def _same_buyer(self, refs: list[_Ref], record: RefundRecord) -> list[_Ref]:
        """`refs` but the cases typed by hand whose buyer is not the record's: the order
        number on such a case was copied from another buyer's chat, and merging would
        give this buyer's refund (and its platform state) to the wrong case. Cases an
        import made carry their order number from the platform: not checked."""
        kept = []
        for ref in refs:
            if ref.case_id <= 0:
                kept.append(ref)
                continue
            case = self._buyers.get(ref.case_id)
            if case is None:  # rare (cases typed by hand, met by order number): one read
                case = self._buyers[ref.case_id] = self._store.get(ref.case_id,
                                                                  include_deleted=True)
            wrong = mismatch(case, record)
            if wrong is None:
                kept.append(ref)
            elif ref.live:
                self.unmerged.append((ref.case_id, record, wrong))
        return kept

    def planned(self, record: RefundRecord) -> None:
        """Remember a case this plan creates, so a repeat in the file is caught."""
        ref = _Ref(-record.row_number, record.refund_no, True)
        self._add(ref, record.platform.value, record.order_no)


def _best(refs: list[_Ref]) -> _Ref | None:
    live = [r for r in refs if r.live]
    return (live or refs or [None])[0]


def plan_refunds(db: Database, records: list[RefundRecord], *, now: datetime,
                 headers: dict[str, str] | None = None, progress: ProgressFn | None = None,
                 check: Callable[[], None] | None = None,
                 finished: FinishedFilter | None = None) -> RefundPlan:
    """Decide create / update / unchanged for every record against the register.

    `headers` (field -> the file's column header) names columns in errors; `check()` may
    raise to stop (called between chunks); `finished` leaves finished rows out of the new
    cases (a first import's choice).
    """
    if not records:
        return RefundPlan()  # every row skipped as known: no need to load the register
    headers = headers or {}
    finished = finished or FinishedFilter()
    index = CaseIndex(db, records)
    store = CaseStore(db)
    plan = RefundPlan()
    matched: list[tuple[RowPlan, int]] = []
    for record in records:
        seen = len(index.unmerged)
        ref = index.match(record)
        if ref is None and finished.leaves_out(record):
            plan.rows.append(RowPlan(record, Action.LEFT_OUT))
        elif ref is None:
            # Named a typed case by order number but not its buyer: it gets its own (said
            # only for a row that gets one; a finished row left out gets none).
            plan.unmerged += index.unmerged[seen:]
            index.planned(record)
            plan.rows.append(RowPlan(record, Action.CREATE))
        elif ref.case_id < 0:
            plan.errors.append(_repeat_error(record, -ref.case_id, headers.get("order_no", "")))
        elif not ref.live:
            plan.rows.append(RowPlan(record, Action.IN_TRASH, ref.case_id))
        else:
            row = RowPlan(record, Action.UNCHANGED, ref.case_id)
            plan.rows.append(row)
            matched.append((row, ref.case_id))
    total = len(matched)
    for start in range(0, total, CHUNK):
        if check:
            check()
        chunk = matched[start:start + CHUNK]
        cases = store.fetch([case_id for _, case_id in chunk])
        for row, case_id in chunk:
            case = cases[case_id]
            state_changes, row.conflicts = diff_state(case, row.record, now)
            changes = diff_case(case, row.record) + state_changes
            if not changes:
                continue
            problems = validate_draft(apply_changes(case, changes))
            if problems:  # e.g. a new claimed amount above the amount the user typed
                p = problems[0]
                plan.errors.append(RowError(
                    row.record.row_number, headers.get(p.field, ""), p.field,
                    f"与已有案件合并后不成立：{p.zh}", f"Conflicts with the existing case: {p.en}",
                    field_text(getattr(row.record, p.field, "")) or ""))
                continue
            row.action, row.changes = Action.UPDATE, changes
        if progress:
            progress(min(start + CHUNK, total), total)
    if plan.errors:
        bad = {e.row_number for e in plan.errors}
        plan.rows = [r for r in plan.rows if r.record.row_number not in bad]
    return plan


def _repeat_error(record: RefundRecord, first_row: int, header: str) -> RowError:
    return RowError(record.row_number, header, "order_no",
                    f"与第{first_row}行是同一个订单且都没有售后单号：{record.order_no}",
                    f"Same order as row {first_row} and neither has a refund number: "
                    f"{record.order_no}", record.order_no)


