"""What a stored order fills on a case: its empty buyer, contact, item and SKU fields.

One rule for every way a case meets its order: a refund export's new case, an order
export filling the cases opened before it, a case opened by hand after its order export
was imported. A value the user typed is never replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..domain.case import MAX_TEXT

if TYPE_CHECKING:
    from ..storage.orders import StoredOrder

# Case fields an order fills only while they are empty.
ORDER_FILLABLE = ("buyer_nick", "buyer_name", "buyer_phone", "buyer_address", "item_title",
                  "sku")
# Their names on the timeline ("从订单补全：…"; the window's English comes from the names).
FIELD_ZH = {"buyer_nick": "买家昵称", "buyer_name": "买家姓名", "buyer_phone": "买家电话",
            "buyer_address": "收货地址", "item_title": "商品标题", "sku": "商品编码"}


def fit(name: str, value: str) -> str:
    """`value` cut to the case field's length limit."""
    limit = MAX_TEXT.get(name)
    return value[:limit] if limit else value


def fill_from_order(case: Any, order: StoredOrder) -> dict[str, str]:
    """The empty contact / item fields of `case` (a Case or a CaseDraft) that `order` can
    fill, name -> value (typed values win)."""
    out = {}
    for name in ORDER_FILLABLE:
        new = fit(name, getattr(order, name) or "")
        if new and not getattr(case, name):
            out[name] = new
    return out


def fill_event(order_no: str, fields: Iterable[str]) -> tuple[str, dict[str, Any]]:
    """The `enriched` timeline event's text (stored in Chinese, as every event text) and
    data (what the window, the hand-off sheet and the summary render) for a fill."""
    names = list(fields)
    return ("从订单补全：" + "、".join(FIELD_ZH[n] for n in names),
            {"order_no": order_no, "fields": sorted(names)})
