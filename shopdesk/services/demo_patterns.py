"""Patterns in the demo register so a first look at warnings and analysis shows something
real: a leaking item that clusters (a bad batch from three weeks ago), a seasonal courier
problem (two weeks of slow and lost parcels after a big promotion, worst in remote
provinces), one malicious buyer (also put on the malicious-buyer list), a packing fix
that worked (fewer missing items in the last 30 days than before: the demo's improvement
plan measures it), and one major complaint: a child scalded by the leaking cup, the buyer
threatening 12315 (demo.py marks it major with its owner and the owner's approval).
Rewrites some generated cases, never adds any: the demo keeps the number of cases asked
for, and every pattern scales with it."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from ..domain.case import Case
from ..domain.enums import CaseKind, Cause, Platform

LEAK_ITEM = ("真空保温杯 500ml 不锈钢", "CUP-THERMO-500", Decimal("79.00"))
LEAK_TEXTS = ("杯盖漏水，包里的东西都湿了。", "保温杯盖子拧紧了还是漏水。",
              "倒热水时漏水把手烫伤了，要求赔偿。", "刚收到就漏水，要求换货。",
              "杯子漏水，已经是第二个了。")
LEAK_SHARE = 0.12  # of the cases since the bad batch arrived
LEAK_SINCE_DAYS = 21
MALICIOUS_NICK = "专业测评小能手"
MALICIOUS_REASON = "多个店铺职业差评，以差评要挟索赔"
MALICIOUS_TEXTS = ("说收到的是假货，不赔偿一万就去12315投诉。", "要求三倍赔偿，否则给差评。",
                   "声称商品有问题，拒绝提供照片，要求全额退款不退货。")
COURIER_TEXT = "快递在中转站滞留多天，买家催促。"
# The promotion's courier backlog: these days before "now", a third of the cases.
COURIER_PEAK_DAYS = (8, 22)
COURIER_SHARE = 0.35
REMOTE = ("新疆维吾尔自治区乌鲁木齐市天山区", "甘肃省兰州市城关区", "西藏自治区拉萨市城关区",
          "内蒙古自治区呼和浩特市新城区")
# The packing check (the demo plan): missing items fell in the last 30 days.
PACKING_FIXED_SHARE = 0.6
# The major complaint (重大投诉): the newest open case of the leaking cup becomes this one.
MAJOR_TEXT = ("倒热水时杯盖漏水，孩子的手被烫伤起泡，已去医院处理。买家要求赔偿医药费，"
              "说不处理就打12315投诉，还要发到网上曝光。")
MAJOR_OWNER = "阿珍"  # the supervisor of the demo's staff
MAJOR_NOTE = "儿童烫伤并扬言投诉12315：主管亲自跟进，先安抚、核实就诊单据"
MAJOR_APPROVAL = Decimal("300.00")  # above the default staff limit (¥200)
MAJOR_APPROVAL_NOTE = "同意先行赔付医药费300元，保留就诊单据和聊天记录"
DEMO_PLAN = {"category": "missing_wrong_item", "sub_type": "配件漏装",
             "root_cause": "打包时没有核对配件清单", "plan": "打包台贴配件清单，发货前逐项勾选",
             "plan_long": "称重复核：重量不符的包裹不发", "difficulty": "低", "owner": "仓库",
             "target_pct": 30}


class DemoPatterns:
    """The patterns of one demo, planned from its cases' creation times (oldest first) and
    applied to its cases chunk by chunk as they are made: a big demo never holds all its
    cases at once. Which cases leak, which the courier backlog hits and which belong to
    the malicious buyer is decided up front; `finish` then names the major complaint."""

    def __init__(self, created: Sequence[datetime], now: datetime,
                 seed: int | None = None) -> None:
        rng = random.Random(seed)
        self.now = now
        # The bad batch: leaks cluster on one item since it arrived, a few every day.
        recent = [i for i, at in enumerate(created)
                  if now - at <= timedelta(days=LEAK_SINCE_DAYS)]
        leaking = sorted(rng.sample(recent, min(len(recent),
                                                max(5, int(len(recent) * LEAK_SHARE)))))
        self._leaking = {i: LEAK_TEXTS[k % len(LEAK_TEXTS)] for k, i in enumerate(leaking)}
        # The promotion's courier backlog, worst far from the warehouse.
        first, last = (timedelta(days=d) for d in COURIER_PEAK_DAYS)
        self._courier = {i for i, at in enumerate(created)
                         if i not in self._leaking and first < now - at <= last
                         and rng.random() < COURIER_SHARE}
        # One malicious buyer, three cases in the weeks before.
        older = [i for i, at in enumerate(created)
                 if i not in self._leaking and i not in self._courier
                 and timedelta(days=6) < now - at <= timedelta(days=25)]
        self._malicious = dict(zip(older[-3:], MALICIOUS_TEXTS, strict=False))
        self._rng = rng  # the draws made while applying (causes, addresses, packing)
        self._open_leaking: Case | None = None
        self._open: Case | None = None

    def apply(self, items: Sequence[tuple[Case, Any, Any]], start: int) -> None:
        """Rewrite the (case, day, events) items in place; `start`: the first one's place
        among all the demo's cases."""
        rng, month = self._rng, timedelta(days=30)
        for i, (case, _day, _events) in enumerate(items, start):
            text = self._leaking.get(i)
            if text is not None:
                case.item_title, case.sku, case.amount_paid = LEAK_ITEM
                case.amount_claimed = case.amount_paid
                case.cause, case.description = Cause.ITEM_DEFECTIVE, text
                case.kind = CaseKind.RETURN_REFUND
            elif i in self._courier:
                case.cause = rng.choice((Cause.SLOW_DELIVERY, Cause.SLOW_DELIVERY,
                                         Cause.PARCEL_LOST))
                case.description = COURIER_TEXT
                if case.buyer_address and rng.random() < 0.7:
                    case.buyer_address = rng.choice(REMOTE) + f"{rng.randint(1, 300)}号"
            # The packing check worked: most missing-item cases of the last 30 days never
            # happened (they become buyers' changes of mind).
            elif (case.cause == Cause.MISSING_WRONG_ITEM and _age(case, self.now) <= month
                  and rng.random() < PACKING_FIXED_SHARE):
                case.cause = Cause.ORDERED_WRONG
                case.description = "买家拍错了尺码，想换大一号。"
            text = self._malicious.get(i)
            if text is not None:
                case.platform = Platform.TAOBAO
                case.buyer_nick = MALICIOUS_NICK
                case.cause, case.description = Cause.MALICIOUS_REVIEWER, text
            if case.status.is_open:  # oldest first: the last one seen is the newest
                self._open = case
                if i in self._leaking:
                    self._open_leaking = case

    def finish(self) -> Case | None:
        """The newest open leaking case (else the newest open case, now of the leaking
        cup), rewritten as the scald; None when no case is open."""
        case = self._open_leaking or self._open
        if case is None:
            return None
        case.item_title, case.sku, case.amount_paid = LEAK_ITEM
        case.amount_claimed = case.amount_paid
        case.cause, case.description = Cause.ITEM_DEFECTIVE, MAJOR_TEXT
        return case


def _age(case: Case, now: datetime) -> timedelta:
    return now - case.created_at if case.created_at else timedelta.max
