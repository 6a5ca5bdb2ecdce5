"""Reminders and the 今日待退款 queue as JSON (schema 1), for `shopdesk reminders` and
`shopdesk refunds`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..domain.clock import to_utc_iso
from ..domain.reminders import Reminder
from .refunds import RefundItem
from .serialize import free_text_masker


def reminder_json(r: Reminder, now: datetime) -> dict[str, Any]:
    """One reminder: what, which case, when due, and whether that is past."""
    return {"kind": r.kind.value, "case_no": r.case_no or None, "due_at": to_utc_iso(r.due_at),
            "overdue": r.overdue(now), "text": r.text.zh, "text_en": r.text.en or r.text.zh,
            "key": r.key}


def refund_json(item: RefundItem) -> dict[str, Any]:
    """One case of the refund queue (no buyer contact details: they are not needed to
    pay a refund)."""
    case = item.case
    mask = free_text_masker(case)
    return {"case_no": case.case_no, "platform": case.platform.value, "shop": case.shop,
            "order_no": case.order_no, "refund_no": case.refund_no, "kind": case.kind.value,
            "status": case.status.value, "why": item.why,
            "platform_status": case.platform_status,
            "amount_claimed": (f"{case.amount_claimed:.2f}"
                               if case.amount_claimed is not None else None),
            "requested_at": to_utc_iso(item.requested_at) if item.requested_at else None,
            "promise_due": to_utc_iso(item.promise_due) if item.promise_due else None,
            "assignee": case.assignee, "item_title": mask(case.item_title)}
