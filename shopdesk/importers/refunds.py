"""Refund / after-sales rows -> RefundRecord, validated by the same rules as a typed case."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from shopdesk.domain.case import CaseDraft, draft_from_fields, quick_draft
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
    failed = {e.field for e in errors}
    reason = str(values.get("platform_reason") or "")
    causes = bound.memo.setdefault("causes", {})  # a few reasons over every row
    cause = causes.get(reason, _MISSING)
    if cause is _MISSING:
        cause = reasons.cause_for(reason)
        if len(causes) < _STATES_KEPT:
            causes[reason] = cause
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
    extra = {name: str(values[name]) for name in REFUND_EXTRA_FIELDS if values.get(name)}
    platform_status = str(values.get("platform_status") or "")
    intervention_status = str(values.get("intervention_status") or "")
    state = _state(bound, platform_status, intervention_status, draft.kind,
                   str(values.get("refund_scope") or ""),
                   str(values.get("responsible_party") or ""), draft.amount_claimed,
                   draft.amount_paid, str(values.get("return_logistics") or ""))
    if values.get("buyer_phone_masked"):
        extra["buyer_phone_masked"] = str(values["buyer_phone_masked"])
    record = RefundRecord(
        row_number=number, platform=draft.platform, order_no=draft.order_no, kind=draft.kind,
        refund_no=draft.refund_no, shop=draft.shop, buyer_nick=draft.buyer_nick,
        buyer_name=draft.buyer_name, buyer_phone=draft.buyer_phone,
        buyer_address=draft.buyer_address, item_title=draft.item_title, sku=draft.sku,
        amount_paid=draft.amount_paid, amount_claimed=draft.amount_claimed, cause=draft.cause,
        description=draft.description,
        platform_status=platform_status,
        platform_reason=reason,
        intervention_status=intervention_status,
        due_at=draft.due_at,
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
    return record, []


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
