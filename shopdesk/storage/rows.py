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


def case_to_row(case: Case) -> dict[str, Any]:
    """Case -> a dict of column values (id omitted when 0)."""
    row: dict[str, Any] = {
        "case_no": case.case_no,
        "platform": case.platform.value,
        "shop": case.shop,
        "order_no": case.order_no,
        "refund_no": case.refund_no,
        "buyer_nick": case.buyer_nick,
        "buyer_name": case.buyer_name,
        "buyer_phone": case.buyer_phone,
        "buyer_address": case.buyer_address,
        "item_title": case.item_title,
        "sku": case.sku,
        "amount_paid_fen": to_fen(case.amount_paid),
        "amount_claimed_fen": to_fen(case.amount_claimed),
        "kind": case.kind.value,
        "cause": case.cause.value if case.cause else None,
        "customer_type": case.customer_type.value,
        "priority": case.priority.value,
        "status": case.status.value,
        "outcome": case.outcome.value if case.outcome else None,
        "amount_settled_fen": to_fen(case.amount_settled),
        "due_at": to_utc_iso(case.due_at) if case.due_at else None,
        "description": case.description,
        "assignee": case.assignee,
        "created_at": to_utc_iso(case.created_at) if case.created_at else None,
        "created_by": case.created_by,
        "updated_at": to_utc_iso(case.updated_at) if case.updated_at else None,
        "last_activity_at": to_utc_iso(case.last_activity_at) if case.last_activity_at else None,
        "deleted_at": to_utc_iso(case.deleted_at) if case.deleted_at else None,
        "extra": json.dumps(case.extra, ensure_ascii=False, sort_keys=True)
        if case.extra else "{}",
        "resolved_at": to_utc_iso(case.resolved_at) if case.resolved_at else None,
        "platform_status": case.platform_status,
        "intervention_status": case.intervention_status,
        "platform_stage": case.platform_stage.value if case.platform_stage else "",
        "platform_involved": int(case.platform_involved),
        "applied_at": to_utc_iso(case.applied_at) if case.applied_at else None,
        "major_owner": case.major_owner,
        # Worked out once here, so the analysis groups by a column (m0020).
        "province": province_of(case.buyer_address),
    }
    if case.id:
        row["id"] = case.id
    return row


def field_text(value: object) -> str | None:
    """A value as the audit trail records it (enums by key, money in yuan, times in UTC)."""
    if value is None:
        return None
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    if hasattr(value, "isoformat") and hasattr(value, "tzinfo"):
        return to_utc_iso(value)  # type: ignore[arg-type]
    return str(value)
