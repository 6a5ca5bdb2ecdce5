"""Refund / after-sales rows -> RefundRecord, validated by the same rules as a typed case."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from shopdesk.domain.case import (
    MAX_TEXT,
    QUICK_REFUSED,
    CaseDraft,
    draft_from_fields,
    quick_amount,
    quick_draft,
    quick_enum,
    quick_order_no,
    quick_phone,
)
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.platform_state import PlatformCaseState

from .cells import Cell, clean_text
from .errors import RowError
from .mapping import REFUND_EXTRA_FIELDS
from .reasons import ReasonMap
from .rows import BoundMapping, raw_row

# CaseDraft text fields an import can fill.
_DRAFT_TEXT = ("order_no", "refund_no", "shop", "buyer_nick", "buyer_name", "buyer_phone",
               "buyer_address", "item_title", "sku", "description")


@dataclass
class RefundRecord:
    """One after-sales request from a platform export, clean and valid.

    The CaseDraft-compatible fields come first; then what the platform says about the
    request (status, reason text, deadline, intervention) and the row as it was read.
    """

    row_number: int
    platform: Platform
    order_no: str
    kind: CaseKind
    refund_no: str = ""
    shop: str = ""
    buyer_nick: str = ""
    buyer_name: str = ""
    buyer_phone: str = ""
    buyer_address: str = ""
    item_title: str = ""
    sku: str = ""
    amount_paid: Decimal | None = None
    amount_claimed: Decimal | None = None
    cause: Cause | None = None
    description: str = ""
    platform_status: str = ""
    platform_reason: str = ""
    intervention_status: str = ""
    due_at: datetime | None = None  # the platform's deadline (aware)
    applied_at: datetime | None = None
    paid_at: datetime | None = None
    finished_at: datetime | None = None  # 退款完结时间
    completed_at: datetime | None = None  # 完结时间 (Taobao has both)
    evidence_due_at: datetime | None = None  # 举证超时: the evidence deadline
    return_shipped_at: datetime | None = None  # 买家退货时间
    # What the platform's state means for the case (from the preset's state tables).
    state: PlatformCaseState = field(default_factory=PlatformCaseState)
    extra: dict[str, str] = field(default_factory=dict)  # goods_status, return_waybill, ...
    # The row's cells and what reads them: `raw` is made from them when asked (no import
    # path reads it; building it for every row was a twentieth of the reading).
    cells: Sequence[Cell] = field(default=(), repr=False, compare=False)
    raw_columns: Sequence[tuple[int, str]] = field(default=(), repr=False, compare=False)
    # The row's hash when the parser was given `known` (see parser.parse_file), else "".
    row_hash: str = field(default="", compare=False, repr=False)

    @property
    def raw(self) -> dict[str, str]:
        """Header -> cell text as in the file."""
        return raw_row(self.raw_columns, self.cells)

    @property
    def ended_at(self) -> datetime | None:
        """When the request ended on the platform, if the export says."""
        return self.finished_at or self.completed_at

    @property
    def unknown_status(self) -> bool:
        """The platform status is given but no state table knows its wording."""
        return bool(self.platform_status) and not self.state.known

    def to_draft(self) -> CaseDraft:
        """The case this record would open (already validated when the record was made)."""
        return CaseDraft(
            platform=self.platform, order_no=self.order_no, kind=self.kind, shop=self.shop,
            refund_no=self.refund_no, buyer_nick=self.buyer_nick, buyer_name=self.buyer_name,
            buyer_phone=self.buyer_phone, buyer_address=self.buyer_address,
            item_title=self.item_title, sku=self.sku, amount_paid=self.amount_paid,
            amount_claimed=self.amount_claimed, cause=self.cause, due_at=self.due_at,
            description=self.description,
        )


def convert_refund_row(number: int, cells: Sequence[Cell], bound: BoundMapping,
                       reasons: ReasonMap) -> tuple[RefundRecord | None, list[RowError]]:
    """One data row -> (record, []) or (None, every problem found in the row)."""
    values, errors = bound.read(number, cells)
    reason = str(values.get("platform_reason") or "")
    causes = bound.memo.setdefault("causes", {})  # a few reasons over every row
    cause = causes.get(reason, _MISSING)
    if cause is _MISSING:
        cause = reasons.cause_for(reason)
        if len(causes) < _STATES_KEPT:
            causes[reason] = cause
    if not errors:
        record = _quick_record(number, cells, values, bound, reason, cause)
        if record is not None:
            return record, []
    failed = {e.field for e in errors}
    fields: dict[str, object] = {name: values.get(name, "") for name in _DRAFT_TEXT}
    fields.update(
        platform=bound.mapping.platform.value,
        kind=values.get("kind", ""),
        cause=cause.value if cause else "",
        amount_paid=values.get("amount_paid"),
        amount_claimed=values.get("amount_claimed"),
        due_at=values.get("due_at"),
    )
    draft: CaseDraft | None = None if errors else quick_draft(fields)
    try:
        if draft is None:
            draft = draft_from_fields(fields)
    except ValidationError as exc:
        for problem in exc.errors:
            if problem.field in failed:
                continue  # the cell itself was already reported
            header = bound.header_for(problem.field)
            shown = fields.get(problem.field)
            errors.append(RowError(number, header, problem.field, problem.zh, problem.en,
                                   clean_text(shown) if shown is not None else ""))
    if errors or draft is None:
        return None, errors
    return _record(
        number, cells, values, bound, reason, draft.platform, draft.order_no, draft.kind,
        draft.refund_no, draft.shop, draft.buyer_nick, draft.buyer_name, draft.buyer_phone,
        draft.buyer_address, draft.item_title, draft.sku, draft.amount_paid,
        draft.amount_claimed, draft.cause, draft.description, draft.due_at), []


# Where each MAX_TEXT field sits in _DRAFT_TEXT, with its limit (a field an import never
# fills, the assignee, is empty: within any limit).
_LIMITS = tuple((_DRAFT_TEXT.index(name), limit) for name, limit in MAX_TEXT.items()
                if name in _DRAFT_TEXT)


def _quick_record(number: int, cells: Sequence[Cell], values: dict[str, object],
                  bound: BoundMapping, reason: str, cause: Cause | None) -> RefundRecord | None:
    """The record of a row whose cells read without a problem, straight from its values:
    what the full path makes of a draft `quick_draft` takes (the same checks, on the same
    values, without building the draft's fields, the draft, then the record from it);
    None whenever quick_draft would not take it (the full path then decides).
    tests/importers/test_import_quick_record.py holds the two paths to the same records."""
    get = values.get
    texts = [get(name, "") for name in _DRAFT_TEXT]
    for i, text in enumerate(texts):
        if type(text) is not str:
            return None
        texts[i] = text.strip()
    order_no, refund_no, shop, buyer_nick, buyer_name, buyer_phone, buyer_address, \
        item_title, sku, description = texts
    if not order_no or not quick_order_no(order_no) \
            or (refund_no and not quick_order_no(refund_no)):
        return None
    for i, limit in _LIMITS:
        if len(texts[i]) > limit:
            return None
    if buyer_phone:
        buyer_phone = quick_phone(buyer_phone)  # type: ignore[assignment]
        if buyer_phone is None:
            return None
    kind_word = get("kind", "")
    if type(kind_word) is not str:
        return None
    word = cause.value if cause else ""
    try:
        platform = bound.memo.get("quick_platform")
        if platform is None:
            platform = bound.memo["quick_platform"] = quick_enum(
                Platform, bound.mapping.platform.value)
        kind = quick_enum(CaseKind, kind_word)
        parsed_cause = quick_enum(Cause, word) if word else None
    except ValueError:
        return None
    paid = quick_amount(get("amount_paid"))
    claimed = quick_amount(get("amount_claimed"))
    if paid is QUICK_REFUSED or claimed is QUICK_REFUSED:
        return None
    if paid is not None and claimed is not None and claimed > paid:
        return None
    due = get("due_at")
    if due is not None and (not isinstance(due, datetime) or due.tzinfo is None):
        return None
    return _record(number, cells, values, bound, reason, platform, order_no,  # type: ignore[arg-type]
                   kind, refund_no, shop, buyer_nick, buyer_name, buyer_phone, buyer_address,
                   item_title, sku, paid, claimed, parsed_cause, description, due)


def _record(number: int, cells: Sequence[Cell], values: dict[str, object],
            bound: BoundMapping, reason: str, platform: Platform, order_no: str,
            kind: CaseKind, refund_no: str, shop: str, buyer_nick: str, buyer_name: str,
            buyer_phone: str, buyer_address: str, item_title: str, sku: str,
            amount_paid: Decimal | None, amount_claimed: Decimal | None, cause: Cause | None,
            description: str, due_at: datetime | None) -> RefundRecord:
    """The record of a row from its values and its validated case fields."""
    names = bound.memo.get("extra_names")
    if names is None:  # the extra fields this file's rows can have a value for
        names = bound.memo["extra_names"] = tuple(
            n for n in REFUND_EXTRA_FIELDS if n in bound.index
            or n in bound.mapping.defaults or n.endswith("_masked"))
    extra = {name: str(values[name]) for name in names if values.get(name)}
    platform_status = str(values.get("platform_status") or "")
    intervention_status = str(values.get("intervention_status") or "")
    state = _state(bound, platform_status, intervention_status, kind,
                   str(values.get("refund_scope") or ""),
                   str(values.get("responsible_party") or ""), amount_claimed,
                   amount_paid, str(values.get("return_logistics") or ""))
    if values.get("buyer_phone_masked"):
        extra["buyer_phone_masked"] = str(values["buyer_phone_masked"])
    return RefundRecord(
        row_number=number, platform=platform, order_no=order_no, kind=kind,
        refund_no=refund_no, shop=shop, buyer_nick=buyer_nick, buyer_name=buyer_name,
        buyer_phone=buyer_phone, buyer_address=buyer_address, item_title=item_title, sku=sku,
        amount_paid=amount_paid, amount_claimed=amount_claimed, cause=cause,
        description=description,
        platform_status=platform_status,
        platform_reason=reason,
        intervention_status=intervention_status,
        due_at=due_at,
        applied_at=values.get("applied_at"),  # type: ignore[arg-type]
        paid_at=values.get("paid_at"),  # type: ignore[arg-type]
        finished_at=values.get("finished_at"),  # type: ignore[arg-type]
        completed_at=values.get("completed_at"),  # type: ignore[arg-type]
        evidence_due_at=values.get("evidence_due_at"),  # type: ignore[arg-type]
        return_shipped_at=values.get("return_shipped_at"),  # type: ignore[arg-type]
        state=state,
        extra=extra,
        cells=cells,
        raw_columns=bound.raw_columns,
    )


_STATES_KEPT = 4096  # distinct state readings (and reasons) remembered per file
_MISSING = object()


def _state(bound: BoundMapping, platform_status: str, intervention_status: str,
           kind: CaseKind, refund_scope: str, responsible_party: str,
           amount_claimed: Decimal | None, amount_paid: Decimal | None,
           return_logistics: str) -> PlatformCaseState:
    """`bound.states.resolve(...)` of these words and amounts, remembered per file: an
    export repeats a few statuses over its rows (the state is frozen, so rows share it;
    amounts are in fen, so equal amounts print alike)."""
    key = (platform_status, intervention_status, kind, refund_scope, responsible_party,
           amount_claimed, amount_paid, return_logistics)
    seen = bound.memo.setdefault("states", {})
    found = seen.get(key)
    if found is None:
        found = bound.states.resolve(
            platform_status, intervention_status, kind=kind, refund_scope=refund_scope,
            responsible_party=responsible_party, amount_claimed=amount_claimed,
            amount_paid=amount_paid, return_logistics=return_logistics)
        if len(seen) >= _STATES_KEPT:
            seen.clear()
        seen[key] = found
    return found
