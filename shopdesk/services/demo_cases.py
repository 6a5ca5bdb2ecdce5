"""The demo's cases themselves: seeded draws of realistic after-sales cases with their
timelines (services/demo.py writes them into a register, through services/demo_rows.py)."""

from __future__ import annotations

import json
import random
from bisect import bisect
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.case import Case
from ..domain.enums import (
    CaseKind,
    CaseStatus,
    Cause,
    CustomerType,
    Outcome,
    Platform,
    Priority,
)

STAFF = ("小王", "小李", "阿珍")
SHOPS = {
    Platform.TAOBAO: ("暖暖家居旗舰店", "小鹿数码专营店"),
    Platform.JD: ("暖暖家居京东自营店",),
    Platform.PINDUODUO: ("好物优选拼多多店",),
    Platform.DOUYIN: ("暖暖家居抖音小店",),
    Platform.ALIEXPRESS: ("WarmHome Official Store",),
}
PLATFORM_WEIGHTS = {Platform.TAOBAO: 45, Platform.PINDUODUO: 20, Platform.JD: 15,
                    Platform.DOUYIN: 15, Platform.ALIEXPRESS: 5}
ITEMS = (
    ("纯棉四件套 1.8m床 北欧简约风", "BED-4P-180", 259),
    ("记忆棉枕头 护颈椎 单只装", "PIL-MEM-01", 89),
    ("无线蓝牙耳机 降噪 长续航", "EAR-BT-NC2", 199),
    ("Type-C 快充数据线 1米 两条装", "CBL-TC-2P", 29.9),
    ("保温杯 316不锈钢 500ml", "CUP-316-500", 69),
    ("儿童羽绒服 加厚 连帽", "KID-DOWN-120", 329),
    ("女士羊毛围巾 秋冬 格子", "SCF-WOOL-GR", 139),
    ("陶瓷餐具套装 10件 釉下彩", "DSH-10-BLU", 188),
    ("智能体脂秤 蓝牙 家用", "SCL-BT-01", 99),
    ("空气炸锅 4.5L 大容量", "AFR-45L", 399),
    ("防滑地垫 厨房 吸水", "MAT-KIT-60", 39.9),
    ("手机支架 桌面 可折叠", "STD-FOLD", 19.9),
    ("男士运动鞋 透气 跑步鞋 42码", "SHO-RUN-42", 269),
    ("化妆镜 带灯 三折", "MIR-LED-3", 79),
    ("收纳箱 折叠 大号 三个装", "BOX-FLD-L3", 59),
    ("电动牙刷 声波 成人款", "TBR-SON-A", 159),
)
NICK_PARTS_A = ("快乐的", "爱吃", "小", "阿", "tb_", "jd_", "追风", "晴天", "安静的", "努力的")
NICK_PARTS_B = ("小蜜蜂", "鱼丸", "猫咪", "老王", "橘子", "大白", "星星", "柠檬", "豆豆", "熊猫")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "婷", "杰", "丽", "强", "霞")
CITIES = ("浙江省杭州市西湖区", "广东省深圳市南山区", "江苏省南京市鼓楼区", "四川省成都市武侯区",
          "北京市朝阳区", "上海市浦东新区", "湖北省武汉市洪山区", "山东省青岛市市南区")

KIND_WEIGHTS = {CaseKind.REFUND_ONLY: 30, CaseKind.RETURN_REFUND: 25, CaseKind.EXCHANGE: 10,
                CaseKind.RESHIP_REPAIR: 8, CaseKind.BAD_REVIEW: 14, CaseKind.COMPLAINT: 8,
                CaseKind.PLATFORM_DISPUTE: 5}
CAUSES_BY_KIND = {
    CaseKind.REFUND_ONLY: (Cause.LATE_SHIPMENT, Cause.PARCEL_LOST, Cause.CHANGED_MIND,
                           Cause.ITEM_DEFECTIVE, Cause.SLOW_DELIVERY, Cause.ORDERED_WRONG),
    CaseKind.RETURN_REFUND: (Cause.ITEM_DEFECTIVE, Cause.NOT_AS_DESCRIBED, Cause.CHANGED_MIND,
                             Cause.EXPECTATIONS, Cause.ORDERED_WRONG, Cause.TRANSIT_DAMAGE),
    CaseKind.EXCHANGE: (Cause.ORDERED_WRONG, Cause.ITEM_DEFECTIVE, Cause.MISSING_WRONG_ITEM),
    CaseKind.RESHIP_REPAIR: (Cause.MISSING_WRONG_ITEM, Cause.ITEM_DEFECTIVE,
                             Cause.TRANSIT_DAMAGE, Cause.MISUSE),
    CaseKind.BAD_REVIEW: (Cause.NOT_AS_DESCRIBED, Cause.EXPECTATIONS, Cause.COURIER_ATTITUDE,
                          Cause.SLOW_DELIVERY, Cause.MALICIOUS_REVIEWER, Cause.ITEM_DEFECTIVE),
    CaseKind.COMPLAINT: (Cause.LATE_SHIPMENT, Cause.SUSPECTED_COUNTERFEIT, Cause.COURIER_ATTITUDE,
                         Cause.WRONG_PROVINCE, Cause.UNCLEAR),
    CaseKind.PLATFORM_DISPUTE: (Cause.NOT_AS_DESCRIBED, Cause.SUSPECTED_COUNTERFEIT,
                                Cause.PARCEL_LOST, Cause.ITEM_DEFECTIVE),
}
DESCRIPTIONS = {
    Cause.ITEM_DEFECTIVE: "买家反馈收到后{item}有质量问题，已要求拍照。",
    Cause.NOT_AS_DESCRIBED: "买家说颜色和详情页不一样，觉得色差大。",
    Cause.LATE_SHIPMENT: "缺货导致超过承诺时间未发货，买家申请仅退款。",
    Cause.MISSING_WRONG_ITEM: "包裹里少了一件配件，买家要求补发。",
    Cause.COURIER_ATTITUDE: "快递员不送货上门，买家对物流服务不满意。",
    Cause.SLOW_DELIVERY: "物流五天没有更新，买家着急催促。",
    Cause.WRONG_PROVINCE: "快递分拣错误被发到外省，需要联系快递公司追回。",
    Cause.PARCEL_LOST: "快递显示已签收但买家没有收到，疑似丢件。",
    Cause.TRANSIT_DAMAGE: "外包装破损，商品压坏，买家已拍照。",
    Cause.CHANGED_MIND: "买家表示不想要了，七天无理由退货。",
    Cause.EXPECTATIONS: "买家觉得实物没有想象中好，和期望有差距。",
    Cause.ORDERED_WRONG: "买家拍错了尺码，想换大一号。",
    Cause.MISUSE: "买家使用方法不对，需要指导操作。",
    Cause.SUSPECTED_COUNTERFEIT: "买家怀疑不是正品，要求提供授权证明。",
    Cause.MALICIOUS_REVIEWER: "该买家多家店铺留差评，疑似职业差评师。",
    Cause.UNCLEAR: "买家投诉，原因还在核实中。",
}
NOTES = ("已联系买家，等待回复照片。", "买家已寄回，运单号已登记。", "仓库确认收到退货，质检中。",
         "和买家协商部分退款，买家同意。", "已补发配件，运单号已告知买家。",
         "买家情绪较大，已安抚，明天再跟进。", "已提交平台举证材料。", "买家表示会修改评价。",
         "物流已催件，快递公司答复明天派送。", "已向主管申请补偿权限。")


# Open demo cases: most are due in the coming days (a first look is not a wall of red), a few
# already overdue so the overdue marking shows too.
OVERDUE_OPEN_SHARE = 0.1
OPEN_DUE_AHEAD_HOURS = (3, 120)


# Precomputed draws: the generator runs a million times for a big demo, so weights,
# prices and the status events' JSON are worked out once here.
_PLATFORMS = tuple(PLATFORM_WEIGHTS)
_PLATFORM_CUM = tuple(accumulate(PLATFORM_WEIGHTS.values()))
_KINDS = tuple(KIND_WEIGHTS)
_KIND_CUM = tuple(accumulate(KIND_WEIGHTS.values()))
_PRIORITIES = tuple(Priority)
_PRIORITY_CUM = tuple(accumulate((10, 60, 22, 8)))
_CUSTOMER_TYPES = tuple(CustomerType)
_REFUND_KINDS = (CaseKind.REFUND_ONLY, CaseKind.RETURN_REFUND)
_OUTCOMES = {
    CaseKind.REFUND_ONLY: (Outcome.FULL_REFUND, Outcome.PARTIAL_REFUND, Outcome.BUYER_WITHDREW),
    CaseKind.RETURN_REFUND: (Outcome.FULL_REFUND, Outcome.CLAIM_REJECTED),
    CaseKind.EXCHANGE: (Outcome.EXCHANGED,),
    CaseKind.RESHIP_REPAIR: (Outcome.RESHIPPED,),
    CaseKind.BAD_REVIEW: (Outcome.REVIEW_REVISED, Outcome.COMPENSATED),
    CaseKind.COMPLAINT: (Outcome.COMPENSATED, Outcome.BUYER_WITHDREW),
    CaseKind.PLATFORM_DISPUTE: (Outcome.PLATFORM_FOR_BUYER, Outcome.PLATFORM_FOR_SELLER),
}
_PRICES = {(price, qty): (Decimal(str(price)) * qty).quantize(Decimal("0.01"))
           for _title, _sku, price in ITEMS for qty in (1, 2)}
_QTYS = (1, 1, 1, 2)
_DUE_HOURS = tuple(timedelta(hours=h) for h in (24, 48, 72, 120))
# A demo of more than BUSY_CASES cases reaches further back than 90 days, at the same daily
# volume near now: a million cases are a shop's years, not a quarter at eleven thousand a
# day (and, as in a real register, most of them are long settled).
DEMO_DAYS = 90
BUSY_CASES = 100_000
_TEN_HOURS = timedelta(hours=10)
# A big demo's cases older than DEMO_DAYS went straight through (in progress, resolved,
# closed): a timeline of 3 status steps instead of 5, where a million cases' detours were
# millions of events nobody reads back. Each step takes as long as the steps it stands
# for (the first three), so resolution times look the same as the recent cases'.
_STRAIGHT_PATH = ((CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CLOSED), (3, 1, 1))
_ONE_GAP_EACH = (1, 1, 1, 1, 1)
# Cases made, written and let go at a time by a big demo (memory: a million cases with
# their timelines at once took gigabytes).
CHUNK_CASES = 20_000


def _nick(rng: random.Random) -> str:
    return rng.choice(NICK_PARTS_A) + rng.choice(NICK_PARTS_B) + str(int(rng.random() * 999) + 1)


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{int(rng.random() * 10**9):09d}"


def _order_no(rng: random.Random, platform: Platform) -> str:
    r = rng.random
    if platform == Platform.JD:
        return str(10**11 + int(r() * 9 * 10**11))
    if platform == Platform.PINDUODUO:
        return f"{240000 + int(r() * 21232)}-{10**14 + int(r() * 9 * 10**14)}"
    if platform == Platform.ALIEXPRESS:
        return str(8 * 10**15 + int(r() * 10**15))
    return str(10**18 + int(r() * 3 * 10**18))


@lru_cache(maxsize=256)
def _description(cause: Cause, title: str) -> str:
    """One string per cause and item, shared by their cases (a million cases, a hundred
    texts)."""
    return DESCRIPTIONS[cause].format(item=title[:8])


@lru_cache(maxsize=4096)
def _status_data(old: CaseStatus, new: CaseStatus, outcome: str | None,
                 amount: str | None) -> str:
    """A status event's data as the event store writes it (sorted keys, not escaped)."""
    return json.dumps({"from": old.value, "to": new.value, "outcome": outcome,
                       "amount": amount},
                      ensure_ascii=False, sort_keys=True)


def _outcome_for(rng: random.Random, case: Case) -> tuple[Outcome, Decimal | None]:
    paid = case.amount_paid or Decimal("0")
    outcome = rng.choice(_OUTCOMES[case.kind])
    if outcome in (Outcome.FULL_REFUND, Outcome.PLATFORM_FOR_BUYER):
        return outcome, case.amount_claimed or paid
    if outcome == Outcome.PARTIAL_REFUND:
        return outcome, (paid * Decimal(rng.choice(("0.2", "0.3", "0.5")))).quantize(
            Decimal("0.01"))
    if outcome == Outcome.COMPENSATED:
        return outcome, Decimal(rng.choice((5, 10, 20)))
    return outcome, None


def build_demo_cases(n: int, now: datetime, tz: str, seed: int | None = None) -> list:
    """(case, day, events) triples for `n` cases created over the last 90 days (longer for
    more than BUSY_CASES), oldest first; each event is (at, actor, type, text, data) in
    stored form (UTC ISO time, JSON text). All at once: `demo_chunks` makes them a chunk
    at a time."""
    rng = random.Random(seed)
    times = demo_times(rng, n, now, tz)
    return [item for _start, chunk in demo_chunks(rng, times, now, tz, seed)
            for item in chunk]


def demo_times(rng: random.Random, n: int, now: datetime, tz: str
               ) -> list[tuple[datetime, int]]:
    """When each of `n` demo cases was created (UTC, oldest first), with the age in days it
    was drawn with (older cases got further through the workflow). Drawn before the cases,
    so that they can be made (and written) in order, a chunk at a time."""
    zone = ZoneInfo(tz)
    now = now.astimezone(UTC)  # so every time below is UTC and formats as stored
    span_minutes = DEMO_DAYS * 24 * 60 * max(1.0, n / BUSY_CASES)
    rand, triangular = rng.random, rng.triangular
    times = []
    for _ in range(n):
        # Recent days are busier: most cases are from the last few weeks.
        age = timedelta(minutes=int(triangular(0, span_minutes, 0)))
        created = now - age
        if not 8 <= created.astimezone(zone).hour <= 23:  # nobody works at night
            created += _TEN_HOURS
            if created > now:
                created = now - timedelta(minutes=1 + int(rand() * 600))
        times.append((created, age.days))
    times.sort(key=itemgetter(0))
    return times


def demo_chunks(rng: random.Random, times: Sequence[tuple[datetime, int]], now: datetime,
                tz: str, seed: int | None = None, size: int = CHUNK_CASES
                ) -> Iterator[tuple[int, list]]:
    """(start, items): the demo's (case, day, events) triples for `times` (see
    `demo_times`), `size` at a time; `start` is the first one's place in `times`."""
    zone = ZoneInfo(tz)
    now = now.astimezone(UTC)
    due_rng = random.Random(None if seed is None else f"due-{seed}")
    for start in range(0, len(times), size):
        items = [_demo_case(rng, created, created.astimezone(zone), age_days, now)
                 for created, age_days in times[start:start + size]]
        _spread_open_deadlines([case for case, _day, _events in items], now, due_rng)
        yield start, items


def _demo_case(rng: random.Random, created: datetime, local: datetime, age_days: int,
               now: datetime) -> tuple[Case, date, list[tuple[str, str, str, str, str]]]:
    """One demo case created at `created` (UTC; `local` in the shop's zone), with its
    timeline events."""
    rand = rng.random

    def choice(seq: Sequence[Any]) -> Any:  # rng.choice's exact draw costs twice as much
        return seq[int(rand() * len(seq))]

    # What rng.choices(..., cum_weights=...)[0] draws, without building a list.
    platform = _PLATFORMS[bisect(_PLATFORM_CUM, rand() * _PLATFORM_CUM[-1])]
    kind = _KINDS[bisect(_KIND_CUM, rand() * _KIND_CUM[-1])]
    cause = choice(CAUSES_BY_KIND[kind])
    title, sku, price = choice(ITEMS)
    paid = _PRICES[price, choice(_QTYS)]
    claimed = paid if kind != CaseKind.BAD_REVIEW else None
    if kind == CaseKind.REFUND_ONLY and rand() < 0.3:
        claimed = (paid / 2).quantize(Decimal("0.01"))
    staff = choice(STAFF)
    with_phone = rand() < 0.7
    case = Case(
        platform=platform, shop=choice(SHOPS[platform]),
        order_no=_order_no(rng, platform),
        refund_no=str(10**14 + int(rand() * 9 * 10**14)) if kind in _REFUND_KINDS else "",
        buyer_nick=_nick(rng),
        buyer_name=choice(SURNAMES) + choice(GIVEN) * choice((1, 1, 2))
        if with_phone else "",
        buyer_phone=_phone(rng) if with_phone else "",
        buyer_address=f"{choice(CITIES)}{int(rand() * 300) + 1}号" if with_phone else "",
        item_title=title, sku=sku, amount_paid=paid, amount_claimed=claimed,
        kind=kind, cause=cause, customer_type=choice(_CUSTOMER_TYPES),
        priority=_PRIORITIES[bisect(_PRIORITY_CUM, rand() * _PRIORITY_CUM[-1])],
        description=_description(cause, title),
        assignee=staff, created_by=staff, created_at=created,
    )
    case.due_at = created + choice(_DUE_HOURS)
    events = [(created.isoformat(timespec="seconds"), staff, "created", "", "{}")]
    t = created
    # Older cases got further through the workflow.
    stage = min(5, age_days // 6 + int(rand() * 3))
    status = CaseStatus.NEW
    if stage:
        if age_days > DEMO_DAYS:  # a big demo's long-settled history: see _STRAIGHT_PATH
            path, gaps = _STRAIGHT_PATH
        else:
            path = (CaseStatus.IN_PROGRESS,
                    choice((CaseStatus.WAITING_BUYER, CaseStatus.WAITING_PLATFORM)),
                    CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CLOSED)
            gaps = _ONE_GAP_EACH
        for step, steps_taken in zip(path[:stage], gaps, strict=False):
            minutes = 20 + int(rand() * 1781)
            for _ in range(steps_taken - 1):
                minutes += 20 + int(rand() * 1781)
            t = min(now, t + timedelta(minutes=minutes))
            at = t.isoformat(timespec="seconds")
            if rand() < 0.6:
                events.append((at, staff, "note", choice(NOTES), "{}"))
            outcome = amount = None
            if step == CaseStatus.RESOLVED:
                case.outcome, case.amount_settled = _outcome_for(rng, case)
                outcome = case.outcome.value
                if case.amount_settled is not None:
                    amount = str(case.amount_settled)
            events.append((at, staff, "status", "",
                           _status_data(status, step, outcome, amount)))
            if not step.is_open and case.resolved_at is None:
                case.resolved_at = t  # refund speed counts to the first resolution
            status = step
    case.status = status
    case.updated_at = case.last_activity_at = t
    return case, local.date(), events


def _spread_open_deadlines(cases: Sequence[Case], now: datetime, rng: random.Random) -> None:
    """Open cases mostly due ahead of `now`; their own generator `rng` so the seeded cases
    stay as they were."""
    low, high = OPEN_DUE_AHEAD_HOURS
    for case in cases:
        if not case.status.is_open:
            continue
        if rng.random() < OVERDUE_OPEN_SHARE:
            # Overdue, but never due before the case was opened (a seller would not set
            # that; a walkthrough found 'due 12-03 22:08' on a case created 12-04 22:56).
            case.due_at = max(now - timedelta(hours=rng.randint(1, 30)),
                              min(case.created_at + timedelta(hours=1),
                                  now - timedelta(minutes=1)))
        else:
            case.due_at = now + timedelta(hours=rng.randint(low, high))
            # The platform's clock (a refund is answered within 24-48 h of the buyer's
            # request) counts from the request: the buyer talked to the shop first and
            # applied on the platform only hours ago, so the stage deadline lies ahead too.
            case.applied_at = max(case.created_at,
                                  now - timedelta(minutes=rng.randint(30, 12 * 60)))
