"""Stable JSON shapes for the command line and other tools (documented in the README)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.case import Case
from ..domain.clock import to_utc_iso
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.text_masking import contact_masker
from ..storage.events import TimelineEvent

SCHEMA_VERSION = 1


def _money(value: Any) -> str | None:
    return None if value is None else f"{value:.2f}"


def _time(value: Any) -> str | None:
    return None if value is None else to_utc_iso(value)


def free_text_masker(case: Case | None, *, full_contact: bool = False) -> Callable[[str], str]:
    """How free text about `case` (description, notes, call summaries, promises) is shown:
    the buyer's phone, name and address and any mobile number in it masked as the PDF does,
    unless `full_contact` (the caller audits that)."""
    if full_contact:
        return lambda text: text
    if case is None:
        return contact_masker()
    return contact_masker(case.buyer_phone, case.buyer_name, case.buyer_address)


def mask_data(value: Any, mask: Callable[[str], str]) -> Any:
    """`value` (an event's data: dicts, lists, strings) with every string masked."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {k: mask_data(v, mask) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_data(v, mask) for v in value]
    return value


def case_json(case: Case, *, full_contact: bool = False) -> dict[str, Any]:
    """One case as a JSON-ready dict. Contact fields, and contact details written in the
    description, are masked unless `full_contact`."""
    mask = free_text_masker(case, full_contact=full_contact)
    return {
        "case_no": case.case_no,
        "platform": case.platform.value,
        "shop": case.shop,
        "order_no": case.order_no,
        "refund_no": case.refund_no,
        "buyer_nick": case.buyer_nick,
        "buyer_name": case.buyer_name if full_contact else mask_name(case.buyer_name),
        "buyer_phone": case.buyer_phone if full_contact else mask_phone(case.buyer_phone),
        "buyer_address": (case.buyer_address if full_contact
                          else mask_address(case.buyer_address)),
        "item_title": case.item_title,
        "sku": case.sku,
        "amount_paid": _money(case.amount_paid),
        "amount_claimed": _money(case.amount_claimed),
        "amount_settled": _money(case.amount_settled),
        "kind": case.kind.value,
        "cause": case.cause.value if case.cause else None,
        "customer_type": case.customer_type.value,
        "priority": case.priority.value,
        "status": case.status.value,
        "outcome": case.outcome.value if case.outcome else None,
        "due_at": _time(case.due_at),
        "description": mask(case.description),
        "assignee": case.assignee,
        "created_at": _time(case.created_at),
        "created_by": case.created_by,
        "updated_at": _time(case.updated_at),
        "last_activity_at": _time(case.last_activity_at),
        "deleted": case.deleted_at is not None,
        # The platform's own state (imports set these; empty for a case typed by hand).
        "platform_status": case.platform_status,
        "intervention_status": case.intervention_status,
        "platform_stage": case.platform_stage.value if case.platform_stage else None,
        "platform_involved": case.platform_involved,
        # When the buyer asked: the export's, or typed by hand (null: unknown).
        "applied_at": _time(case.applied_at),
        "resolved_at": _time(case.resolved_at),
        # A major complaint (重大投诉) and its owner (None when not major).
        "major": case.is_major,
        "major_owner": case.major_owner or None,
    }


def event_json(event: TimelineEvent, mask: Callable[[str], str] | None = None
               ) -> dict[str, Any]:
    """A timeline event; `mask` (free_text_masker) applied to its text and data."""
    mask = mask or (lambda text: text)
    return {"at": _time(event.at), "actor": event.actor, "type": event.type,
            "text": mask(event.text), "data": mask_data(event.data, mask)}
