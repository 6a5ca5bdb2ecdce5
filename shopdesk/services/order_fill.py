"""What a stored order fills on a case: its empty buyer, contact, item and SKU fields.

One rule for every way a case meets its order: a refund export's new case, an order
export filling the cases opened before it, a case opened by hand after its order export
was imported. A value the user typed is never replaced.

Nor is a case filled from an order whose buyer is not the one on the case (`mismatch`):
a mistyped order number would otherwise give the case a stranger's phone and address, and
the shop would call the wrong person. A refund export's new case is not checked: its buyer
and its order number come from the platform together.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.case import MAX_TEXT

if TYPE_CHECKING:
    from ..importers import RefundRecord
    from ..storage.orders import StoredOrder

# Case fields an order fills only while they are empty.
ORDER_FILLABLE = ("buyer_nick", "buyer_name", "buyer_phone", "buyer_address", "item_title",
                  "sku")
# What says who the buyer is: typed on a case, it must agree with the order's.
IDENTITY = ("buyer_nick", "buyer_phone")
# Their names on the timeline ("从订单补全：…"; the window's English comes from the names).
FIELD_ZH = {"buyer_nick": "买家昵称", "buyer_name": "买家姓名", "buyer_phone": "买家电话",
            "buyer_address": "收货地址", "item_title": "商品标题", "sku": "商品编码"}


def fit(name: str, value: str) -> str:
    """`value` cut to the case field's length limit."""
    limit = MAX_TEXT.get(name)
    return value[:limit] if limit else value


@dataclass(frozen=True)
class OrderMismatch:
    """A case whose typed buyer is not its order's: nothing is filled from that order."""

    order_no: str
    fields: tuple[str, ...]  # of IDENTITY: the case's fields that disagree
    order_buyer: str  # the order's buyer nickname ("" when it has none)

    def event(self) -> tuple[str, dict[str, Any]]:
        """The `order_mismatch` timeline event's text (Chinese) and data."""
        who = f"买家是 {self.order_buyer}，" if self.order_buyer else ""
        names = "、".join(FIELD_ZH[n] for n in self.fields)
        return (f"订单 {self.order_no} 的{who}与本案件填写的{names}不同：没有从订单补全，"
                "请核对订单号",
                {"order_no": self.order_no, "fields": list(self.fields),
                 "order_buyer": self.order_buyer})

    def refund_event(self, refund_no: str) -> tuple[str, dict[str, Any]]:
        """The event on a case typed by hand that a refund export's row named by order
        number but did not merge into: the row's buyer is not the case's."""
        who = f"买家是 {self.order_buyer}，" if self.order_buyer else ""
        names = "、".join(FIELD_ZH[n] for n in self.fields)
        what = f"售后单 {refund_no}（订单 {self.order_no}）" if refund_no else \
            f"订单 {self.order_no} 的售后"
        return (f"{what}的{who}与本案件填写的{names}不同：没有合并到本案件，已另建案件，"
                "请核对订单号",
                {"order_no": self.order_no, "fields": list(self.fields),
                 "order_buyer": self.order_buyer, "refund_no": refund_no, "unmerged": True})


def _phone_key(phone: str) -> str:
    """The digits (and mask stars) of a phone, without a +86 / 86 before a mainland
    mobile."""
    key = re.sub(r"[^0-9*]", "", phone)
    return key[2:] if len(key) == 13 and key.startswith("861") else key


def _same(name: str, mine: str, theirs: str) -> bool:
    """Do a typed value and the order's name the same buyer? A masked value (138****5678,
    t**3) agrees with any value it could be; nicknames compare ignoring case."""
    mine, theirs = (v.replace("＊", "*") for v in (mine, theirs))
    if name == "buyer_phone":
        mine, theirs = _phone_key(mine), _phone_key(theirs)
    else:
        mine, theirs = mine.strip().casefold(), theirs.strip().casefold()
    if "*" in mine and "*" in theirs:
        return True  # both masked: cannot tell
    if "*" in mine or "*" in theirs:
        masked, full = (mine, theirs) if "*" in mine else (theirs, mine)
        pattern = ".*".join(re.escape(part) for part in re.split(r"\*+", masked))
        return re.fullmatch(pattern, full, re.DOTALL) is not None
    return mine == theirs


def mismatch(case: Any, order: StoredOrder | RefundRecord, *, ignore: Collection[str] = ()
             ) -> OrderMismatch | None:
    """The buyer typed on `case` (a Case or a CaseDraft) is not `order`'s (a stored order
    or a refund export's row: both name the buyer of an order number). The nickname
    decides where both have one: the order's phone is the recipient's, often not the
    number the buyer gives (a gift, a family member), so the phone decides only without
    nicknames to compare. `ignore`: fields not typed by the user."""
    for name in IDENTITY:
        mine = "" if name in ignore else getattr(case, name) or ""
        theirs = getattr(order, name) or ""
        if mine and theirs:
            if _same(name, mine, theirs):
                return None
            return OrderMismatch(order.order_no, (name,), order.buyer_nick or "")
    return None


def fill_from_order(case: Any, order: StoredOrder, *, ignore: Collection[str] = (),
                    check_buyer: bool = True) -> dict[str, str]:
    """The empty contact / item fields of `case` (a Case or a CaseDraft) that `order` can
    fill, name -> value (typed values win); none when the case's buyer is not the
    order's (see `mismatch`; `ignore`: fields not typed by the user; `check_buyer=False`:
    what would be filled if it were)."""
    if check_buyer and mismatch(case, order, ignore=ignore) is not None:
        return {}
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
