"""The `cases` rows of the cases an import opens, straight from its records.

An import of a shop's history opens tens of thousands of cases at once. Building a Case per
row (its draft, the Case, the order fill, then `case_to_row`) was a sixth of the import's
processor time; the rows here are the same values, worked out from the record in the
order `CASE_COLUMNS` lists them. `tests/services/test_import_new.py` holds them to
`case_to_row` of the Case the import made before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..domain.analysis import province_of
from ..domain.case import MAX_TEXT
from ..domain.case_no import case_numbers
from ..domain.clock import to_utc_iso
from ..domain.enums import CaseKind, CaseStatus, Cause, CustomerType, Platform, Priority
from ..domain.money import to_fen
from ..domain.platform_state import PlatformCaseState, PlatformStage
from ..importers import RefundRecord
from ..storage.orders import StoredOrder
from ..storage.rows import CASE_COLUMNS
from ..storage.search import SEARCHED_COLUMNS, search_body
from ..storage.warnings import new_case_facts
from .import_apply import (
    ORDER_FILLABLE,
    PLATFORM_FIELDS_KEY,
    PLATFORM_TEXT_KEYS,
    PLATFORM_TIME_KEYS,
)

# Every column of a new case but its id, in CASE_COLUMNS order.
NEW_COLUMNS = tuple(c for c in CASE_COLUMNS if c != "id")
_UNKNOWN_CUSTOMER = CustomerType.UNKNOWN.value
_NORMAL = Priority.NORMAL.value
_FILL = tuple((name, MAX_TEXT.get(name)) for name in ORDER_FILLABLE)
_TIME_KEYS = tuple(PLATFORM_TIME_KEYS.items())
# json.dumps(extra, ensure_ascii=False, sort_keys=True), as case_to_row writes it, with
# the encoder made once (json.dumps makes one per call for these options).
_EXTRA_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
# Where the searched columns sit in a row of NEW_COLUMNS.
_SEARCHED = tuple(NEW_COLUMNS.index(c) for c in SEARCHED_COLUMNS)
# Where the values the warning rules read sit in it (storage.warnings.new_case_facts).
# (In the place of the closing time: resolved_at, see warning_facts.)
_WARNED = tuple(NEW_COLUMNS.index(c) for c in (
    "platform", "buyer_nick", "sku", "item_title", "cause", "kind", "status", "created_at",
    "resolved_at", "amount_paid_fen", "amount_claimed_fen", "intervention_status",
    "description"))
_CREATED, _CLOSED, _UPDATED = (NEW_COLUMNS.index(c) for c in ("created_at", "resolved_at",
                                                                "updated_at"))


class NewCase:
    """What the deadline pass reads of a case about to be opened (the attributes of a
    Case it uses: `DeadlineService.new_columns` takes these in place of Cases)."""

    __slots__ = (
        "amount_claimed",
        "amount_paid",
        "applied_at",
        "created_at",
        "due_at",
        "extra",
        "kind",
        "platform",
        "platform_stage",
        "status",
    )

    def __init__(self, platform: Platform, kind: CaseKind, status: CaseStatus,
                 platform_stage: PlatformStage | None, applied_at: datetime | None,
                 created_at: datetime, due_at: datetime | None, amount_paid: Decimal | None,
                 amount_claimed: Decimal | None, extra: Mapping[str, Any]) -> None:
        self.platform = platform
        self.kind = kind
        self.status = status
        self.platform_stage = platform_stage
        self.applied_at = applied_at
        self.created_at = created_at
        self.due_at = due_at
        self.amount_paid = amount_paid
        self.amount_claimed = amount_claimed
        self.extra = extra

    @property
    def is_open(self) -> bool:
        return self.status.is_open


# Enum member -> its value (`.value` is a descriptor call, in every row's few enums).
_VALUE: dict[object, str] = {m: m.value for e in (Platform, CaseKind, Cause) for m in e}


def _state_columns(state: PlatformCaseState, fen: Callable[[Decimal | None], int | None]
                   ) -> tuple[Any, ...]:
    """What a new case's row takes from its platform state (see new_case_state): the
    state itself, status, status key, outcome key, settled fen, settled?, stage, stage
    key, platform involved."""
    closed = state.status is not None and not state.status.is_open
    status = state.status or CaseStatus.NEW
    outcome = state.outcome if closed else None
    stage = state.stage
    return (state, status, status.value, outcome.value if outcome else None,
            fen(state.amount_settled) if closed else None, closed, stage,
            stage.value if stage else "", int(state.platform_involved))


def _second(value: datetime | None) -> datetime | None:
    return value.replace(microsecond=0) if value is not None else None


class NewCaseRows:
    """Builds the rows of new cases for one import (`now`, `actor` and the shop's day
    fixed); caches the storage form of times and amounts, which an export repeats."""

    def __init__(self, now: datetime, actor: str, day: date) -> None:
        self.now = now.replace(microsecond=0)
        self.stamp = to_utc_iso(self.now)
        self.actor = actor
        self.day = day
        self._iso: dict[datetime, str] = {}
        self._fen: dict[Decimal, int] = {}
        self._derived: dict[int, tuple[Any, ...]] = {}  # id(state) -> _state_columns

    def iso(self, value: datetime | None) -> str | None:
        """to_utc_iso(value), remembered (equal instants have one storage form)."""
        if value is None:
            return None
        found = self._iso.get(value)
        if found is None:
            found = self._iso[value] = to_utc_iso(value)
            if len(self._iso) > 65536:
                self._iso.clear()
        return found

    def fen(self, value: Decimal | None) -> int | None:
        if value is None:
            return None
        found = self._fen.get(value)
        if found is None:
            found = self._fen[value] = to_fen(value)  # type: ignore[assignment]
        return found

    def platform_extra(self, rec: RefundRecord) -> dict[str, Any]:
        """import_apply.platform_extra(rec), its times through `iso` (whole seconds either
        way: the storage form has no fraction)."""
        out: dict[str, Any] = {}
        for key in PLATFORM_TEXT_KEYS:
            value = getattr(rec, key)
            if value:
                out[key] = value
        side = rec.state.cause_side
        if side is not None:
            out["cause_side_hint"] = side.value
        iso = self.iso
        for attr, key in _TIME_KEYS:
            value = getattr(rec, attr)
            if value is not None:
                out[key] = iso(value)
        if rec.extra:
            out[PLATFORM_FIELDS_KEY] = {k: v for k, v in rec.extra.items() if v}
        return out

    def build(self, records: Sequence[RefundRecord], first_seq: int,
              orders: Mapping[tuple[Platform, str], StoredOrder]
              ) -> tuple[list[list[Any]], list[NewCase]]:
        """(row values in NEW_COLUMNS order, what the deadline pass reads) per record,
        numbered from `first_seq` on the writer's day; empty buyer and item fields are
        filled from a stored order, as `fill_from_order` fills a Case."""
        numbers = case_numbers(self.day, first_seq, len(records))
        now, stamp, actor, iso, fen = self.now, self.stamp, self.actor, self.iso, self.fen
        rows: list[list[Any]] = []
        facts: list[NewCase] = []
        dumps = _EXTRA_JSON
        value, derived = _VALUE, self._derived
        for rec, case_no in zip(records, numbers, strict=True):
            state = rec.state
            seen = derived.get(id(state))  # records of one file share their states
            if seen is None or seen[0] is not state:
                seen = derived[id(state)] = _state_columns(state, fen)
            _s, status, status_value, outcome_value, settled_fen, closed, stage, \
                stage_value, involved = seen
            resolved = (_second(rec.ended_at) or now) if closed else None
            texts = [rec.buyer_nick, rec.buyer_name, rec.buyer_phone, rec.buyer_address,
                     rec.item_title, rec.sku]
            order = orders.get((rec.platform, rec.order_no)) if orders else None
            if order is not None:
                for i, (name, limit) in enumerate(_FILL):
                    if not texts[i]:
                        new = getattr(order, name) or ""
                        texts[i] = new[:limit] if limit else new
            extra = self.platform_extra(rec)
            applied = _second(rec.applied_at)
            cause = rec.cause
            rows.append([
                case_no, value[rec.platform], rec.shop, rec.order_no, rec.refund_no, *texts,
                fen(rec.amount_paid), fen(rec.amount_claimed), value[rec.kind],
                value[cause] if cause else None, _UNKNOWN_CUSTOMER, _NORMAL,
                status_value, outcome_value, settled_fen,
                iso(rec.due_at), rec.description, "", stamp, actor, stamp, stamp, None,
                dumps(extra) if extra else "{}",
                iso(resolved), rec.platform_status, rec.intervention_status,
                stage_value, involved, iso(applied), "", province_of(texts[3])])
            facts.append(NewCase(rec.platform, rec.kind, status, stage, applied, now,
                                 rec.due_at, rec.amount_paid, rec.amount_claimed, extra))
        return rows, facts


def settled_rows(rows: list[list[Any]], facts: Sequence[NewCase],
                 settle: Callable[[Sequence[Any]], list[dict[str, object]]] | None
                 ) -> tuple[tuple[str, ...], list[list[Any]]]:
    """The columns and rows to insert: with `settle`, each row's stage and deadline
    columns added at its end."""
    if settle is None or not rows:
        return NEW_COLUMNS, rows
    more = settle(facts)
    for row, extra in zip(rows, more, strict=True):
        row.extend(extra.values())
    return (*NEW_COLUMNS, *more[0]), rows


def search_text(row: Sequence[Any]) -> str:
    """The search index's text of a new case from its row (NEW_COLUMNS first): what
    storage/search.py makes of it in SQL (a new case has no notes)."""
    return search_body([row[i] for i in _SEARCHED], ())


def warning_facts(ids: Sequence[int], rows: Sequence[Sequence[Any]]) -> dict[int, Any]:
    """Case id -> what the warning rules read of it (CaseFacts), from the rows just
    inserted with these ids (NEW_COLUMNS first): the warning pass need not read them
    back."""
    out = {}
    for case_id, row in zip(ids, rows, strict=True):
        values = [row[i] for i in _WARNED]
        # storage.warnings._CLOSED_AT on the stored texts (UTC ISO: ordered as times).
        values[8] = max(row[_CLOSED] or row[_UPDATED], row[_CREATED])
        out[case_id] = new_case_facts(case_id, values)
    return out
