"""What `cases add` and `cases edit` say about the case's order: the fields an order export
filled, or why nothing was filled (the order is another buyer's)."""

from __future__ import annotations

from typing import Any

from ..domain.case import Case
from ..domain.plain_text import one_line
from ..domain.text import list_sep, pick, with_note
from ..services.order_fill import FIELD_ZH
from ..services.register import Register

ORDER_EVENTS = ("enriched", "order_mismatch")


def order_events(register: Register, case_id: int, after_id: int = 0) -> list[Any]:
    """The case's fill and mismatch events written after event `after_id`, oldest first."""
    return [e for e in register.cases.timeline(case_id)
            if e.type in ORDER_EVENTS and e.id > after_id]


def last_event_id(register: Register, case_id: int) -> int:
    """The id of the case's latest timeline event (0: none)."""
    return max((e.id for e in register.cases.timeline(case_id)), default=0)


def order_event_line(event: Any, lang: str) -> str:
    """`filled from order NO: FIELDS` or `not filled from order NO: it names another buyer
    NICK (FIELDS); check the order number` (从订单 NO 补全：… in Chinese)."""
    data = event.data
    no = data.get("order_no", "")
    names = data.get("fields", [])
    fields = pick(lang, "、".join(FIELD_ZH.get(n, n) for n in names), ", ".join(names))
    if event.type == "enriched":
        return pick(lang, f"从订单 {no} 补全：{fields}", f"filled from order {no}: {fields}")
    buyer = one_line(data.get("order_buyer") or "")
    return pick(lang, f"未从订单 {no} 补全：订单的买家{f' {buyer} ' if buyer else ''}"
                      f"与本案件不同（{fields}），请核对订单号",
                f"not filled from order {no}: it names another buyer"
                f"{' ' + buyer if buyer else ''} ({fields}); check the order number")


def same_order_note(order_no: str, others: list[Case], lang: str) -> str:
    """The note that the order already had open cases (often the same request twice)."""
    listed = list_sep(lang).join(with_note(c.case_no, c.status.label(lang), lang)
                                 for c in others)
    return pick(lang, f"注意：订单 {order_no} 已有未结案件：{listed}",
                f"note: order {order_no} already had open case(s): {listed}")


def order_event_json(event: Any) -> dict[str, Any]:
    """`{"type": "enriched"|"order_mismatch", "order_no", "fields", "order_buyer"}`."""
    data = event.data
    return {"type": event.type, "order_no": data.get("order_no", ""),
            "fields": list(data.get("fields", [])),
            "order_buyer": data.get("order_buyer") if event.type == "order_mismatch" else None}
