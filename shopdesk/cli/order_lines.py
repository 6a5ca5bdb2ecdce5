"""What `cases add` and `cases edit` say about the case's order: the fields an order export
filled, or why nothing was filled (the order is another buyer's)."""

from __future__ import annotations

from typing import Any

from ..domain.plain_text import one_line
from ..services.register import Register

ORDER_EVENTS = ("enriched", "order_mismatch")


def order_events(register: Register, case_id: int, after_id: int = 0) -> list[Any]:
    """The case's fill and mismatch events written after event `after_id`, oldest first."""
    return [e for e in register.cases.timeline(case_id)
            if e.type in ORDER_EVENTS and e.id > after_id]


def last_event_id(register: Register, case_id: int) -> int:
    """The id of the case's latest timeline event (0: none)."""
    return max((e.id for e in register.cases.timeline(case_id)), default=0)


def order_event_line(event: Any) -> str:
    """`filled from order NO: FIELDS` or `not filled from order NO: it names another buyer
    NICK (FIELDS); check the order number`."""
    data = event.data
    fields = ", ".join(data.get("fields", []))
    if event.type == "enriched":
        return f"filled from order {data.get('order_no', '')}: {fields}"
    buyer = one_line(data.get("order_buyer") or "")
    return (f"not filled from order {data.get('order_no', '')}: it names another buyer"
            f"{' ' + buyer if buyer else ''} ({fields}); check the order number")


def order_event_json(event: Any) -> dict[str, Any]:
    """`{"type": "enriched"|"order_mismatch", "order_no", "fields", "order_buyer"}`."""
    data = event.data
    return {"type": event.type, "order_no": data.get("order_no", ""),
            "fields": list(data.get("fields", [])),
            "order_buyer": data.get("order_buyer") if event.type == "order_mismatch" else None}
