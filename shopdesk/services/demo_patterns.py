"""Patterns in the demo register so a first look at warnings and analysis shows something
real: a leaking item that clusters, a courier problem in the last weeks, one malicious
buyer (also put on the malicious-buyer list). Rewrites some generated cases, never adds
any: the demo keeps the number of cases asked for."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from ..domain.case import Case
from ..domain.enums import CaseKind, Cause, Platform

LEAK_ITEM = ("真空保温杯 500ml 不锈钢", "CUP-THERMO-500", Decimal("79.00"))
LEAK_TEXTS = ("杯盖漏水，包里的东西都湿了。", "保温杯盖子拧紧了还是漏水。",
              "倒热水时漏水把手烫伤了，要求赔偿。", "刚收到就漏水，要求换货。",
              "杯子漏水，已经是第二个了。")
MALICIOUS_NICK = "专业测评小能手"
MALICIOUS_REASON = "多个店铺职业差评，以差评要挟索赔"
MALICIOUS_TEXTS = ("说收到的是假货，不赔偿一万就去12315投诉。", "要求三倍赔偿，否则给差评。",
                   "声称商品有问题，拒绝提供照片，要求全额退款不退货。")
COURIER_TEXT = "快递在中转站滞留多天，买家催促。"


def apply_demo_patterns(items: list, now: datetime, seed: int | None = None) -> None:
    """Rewrite some of the (case, day, events) items in place."""
    rng = random.Random(seed)
    cases: list[Case] = [case for case, _day, _events in items]
    recent = [c for c in cases if c.created_at and now - c.created_at <= timedelta(days=6)]
    for case, text in zip(recent[-5:], LEAK_TEXTS, strict=False):
        case.item_title, case.sku, case.amount_paid = LEAK_ITEM
        case.amount_claimed = case.amount_paid
        case.cause, case.description = Cause.ITEM_DEFECTIVE, text
        case.kind = CaseKind.RETURN_REFUND
    month = [c for c in cases if c.created_at and timedelta(days=6) < now - c.created_at
             <= timedelta(days=30)]
    courier = month[::3]
    for case in courier:
        case.cause = rng.choice((Cause.SLOW_DELIVERY, Cause.PARCEL_LOST))
        case.description = COURIER_TEXT
    # By identity: `c not in courier` compared every field of every case (quadratic; a
    # 100k demo spent most of its time here).
    taken = {id(c) for c in courier}
    older = [c for c in cases if c.created_at and timedelta(days=6) < now - c.created_at
             <= timedelta(days=25) and id(c) not in taken]
    for case, text in zip(older[-3:], MALICIOUS_TEXTS, strict=False):
        case.platform = Platform.TAOBAO
        case.buyer_nick = MALICIOUS_NICK
        case.cause, case.description = Cause.MALICIOUS_REVIEWER, text
