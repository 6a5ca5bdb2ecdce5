"""Conversions between domain objects and SQLite rows."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..domain.analysis import province_of
from ..domain.case import Case
from ..domain.clock import from_iso, to_utc_iso
from ..domain.enums import CaseKind, CaseStatus, Cause, CustomerType, Outcome, Platform, Priority
from ..domain.money import from_fen, to_fen
from ..domain.platform_state import PlatformStage

CASE_COLUMNS = (
    "id", "case_no", "platform", "shop", "order_no", "refund_no", "buyer_nick", "buyer_name",
    "buyer_phone", "buyer_address", "item_title", "sku", "amount_paid_fen", "amount_claimed_fen",
    "kind", "cause", "customer_type", "priority", "status", "outcome", "amount_settled_fen",
    "due_at", "description", "assignee", "created_at", "created_by", "updated_at",
    "last_activity_at", "deleted_at", "extra", "resolved_at", "platform_status",
    "intervention_status", "platform_stage", "platform_involved", "applied_at",
    "major_owner", "province",
)


def case_from_row(row: Mapping[str, Any]) -> Case:
    """A `cases` row (as a mapping) -> Case."""
    return Case(
        id=row["id"],
        case_no=row["case_no"],
        platform=Platform(row["platform"]),
        shop=row["shop"],
        order_no=row["order_no"],
        refund_no=row["refund_no"],
        buyer_nick=row["buyer_nick"],
        buyer_name=row["buyer_name"],
        buyer_phone=row["buyer_phone"],
        buyer_address=row["buyer_address"],
        item_title=row["item_title"],
        sku=row["sku"],
        amount_paid=from_fen(row["amount_paid_fen"]),
        amount_claimed=from_fen(row["amount_claimed_fen"]),
        kind=CaseKind(row["kind"]),
        cause=Cause(row["cause"]) if row["cause"] else None,
        customer_type=CustomerType(row["customer_type"]),
        priority=Priority(row["priority"]),
        status=CaseStatus(row["status"]),
        outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        amount_settled=from_fen(row["amount_settled_fen"]),
        due_at=from_iso(row["due_at"]),
        description=row["description"],
        assignee=row["assignee"],
        created_at=from_iso(row["created_at"]),
        created_by=row["created_by"],
        updated_at=from_iso(row["updated_at"]),
        last_activity_at=from_iso(row["last_activity_at"]),
        deleted_at=from_iso(row["deleted_at"]),
        extra=json.loads(row["extra"] or "{}"),
        resolved_at=from_iso(row["resolved_at"]),
        platform_status=row["platform_status"],
        intervention_status=row["intervention_status"],
        platform_stage=PlatformStage(row["platform_stage"]) if row["platform_stage"] else None,
        platform_involved=bool(row["platform_involved"]),
        applied_at=from_iso(row["applied_at"]),
        major_owner=row["major_owner"] or "",
    )


# The columns case_to_row gives, in its order (the id aside).
ROW_COLUMNS = (
    "case_no", "platform", "shop", "order_no", "refund_no", "buyer_nick", "buyer_name",
    "buyer_phone", "buyer_address", "item_title", "sku", "amount_paid_fen",
    "amount_claimed_fen", "kind", "cause", "customer_type", "priority", "status", "outcome",
    "amount_settled_fen", "due_at", "description", "assignee", "created_at", "created_by",
    "updated_at", "last_activity_at", "deleted_at", "extra", "resolved_at", "platform_status",
    "intervention_status", "platform_stage", "platform_involved", "applied_at", "major_owner",
    # Worked out once here, so the analysis groups by a column (m0020).
    "province",
)


def case_to_row(case: Case) -> dict[str, Any]:
    """Case -> a dict of column values (id omitted when 0)."""
    row = dict(zip(ROW_COLUMNS, case_values(case), strict=True))
    if case.id:
        row["id"] = case.id
    return row


def case_values(case: Case) -> tuple[Any, ...]:
    """The values of ROW_COLUMNS for `case` (a bulk load writes millions: no dict)."""
    updated = to_utc_iso(case.updated_at) if case.updated_at else None
    last = case.last_activity_at
    return (
        case.case_no, case.platform.value, case.shop, case.order_no, case.refund_no,
        case.buyer_nick, case.buyer_name, case.buyer_phone, case.buyer_address,
        case.item_title, case.sku, to_fen(case.amount_paid), to_fen(case.amount_claimed),
        case.kind.value, case.cause.value if case.cause else None,
        case.customer_type.value, case.priority.value, case.status.value,
        case.outcome.value if case.outcome else None, to_fen(case.amount_settled),
        to_utc_iso(case.due_at) if case.due_at else None, case.description, case.assignee,
        to_utc_iso(case.created_at) if case.created_at else None, case.created_by, updated,
        # Most often the very time of the update (formatting a time is a microsecond).
        updated if last is case.updated_at else to_utc_iso(last) if last else None,
        to_utc_iso(case.deleted_at) if case.deleted_at else None,
        json.dumps(case.extra, ensure_ascii=False, sort_keys=True) if case.extra else "{}",
        to_utc_iso(case.resolved_at) if case.resolved_at else None, case.platform_status,
        case.intervention_status, case.platform_stage.value if case.platform_stage else "",
        int(case.platform_involved), to_utc_iso(case.applied_at) if case.applied_at else None,
        case.major_owner, province_of(case.buyer_address),
    )


def field_text(value: object) -> str | None:
    """A value as the audit trail records it (enums by key, money in yuan, times in UTC)."""
    if value is None:
        return None
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    if hasattr(value, "isoformat") and hasattr(value, "tzinfo"):
        return to_utc_iso(value)  # type: ignore[arg-type]
    return str(value)
