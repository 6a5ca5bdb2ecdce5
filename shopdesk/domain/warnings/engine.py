"""Evaluating the early-warning rules on cases (pure: facts in, warnings out).

The service loads, for the cases just written, their facts and those of the cases that
share a buyer or a product with them (`Neighbourhood`); `evaluate` then decides per case
which rules fire, each with a reason in both languages.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from ..enums import CaseKind, CaseStatus, Cause
from ..text import Text
from .rules import RuleKey, WarningRules


@dataclass(frozen=True)
class CaseFacts:
    """What the warning rules look at for one case."""

    case_id: int
    platform: str
    buyer_nick: str
    product: str  # the SKU, or the item title when there is no SKU
    cause: Cause | None
    kind: CaseKind
    status: CaseStatus
    created_at: datetime
    closed_at: datetime | None = None  # when it was resolved/closed (last update)
    amount_paid: Decimal | None = None
    amount_claimed: Decimal | None = None
    text: str = ""  # description and notes
    platform_intervention: bool = False

    @property
    def is_open(self) -> bool:
        return self.status.is_open

    @property
    def buyer_key(self) -> tuple[str, str] | None:
        return (self.platform, self.buyer_nick) if self.buyer_nick else None


@dataclass(frozen=True)
class Raised:
    """One rule firing on one case."""

    rule: RuleKey
    reason: Text


def product_key(sku: str, item_title: str) -> str:
    """The product a case is about: its SKU, or its item title without one."""
    return sku.strip() or item_title.strip()


class Neighbourhood:
    """Cases indexed by buyer and by product, each list sorted by creation time."""

    def __init__(self, facts: Iterable[CaseFacts]) -> None:
        self.by_id: dict[int, CaseFacts] = {}
        buyers: dict[tuple[str, str], list[CaseFacts]] = defaultdict(list)
        products: dict[str, list[CaseFacts]] = defaultdict(list)
        for f in facts:
            self.by_id[f.case_id] = f
        for f in self.by_id.values():
            if f.buyer_key:
                buyers[f.buyer_key].append(f)
            if f.product:
                products[f.product].append(f)
        self.buyers = {k: _sorted(v) for k, v in buyers.items()}
        self.products = {k: _sorted(v) for k, v in products.items()}

    def buyer_cases(self, facts: CaseFacts) -> Sequence[CaseFacts]:
        return self.buyers.get(facts.buyer_key, ()) if facts.buyer_key else ()

    def product_cases(self, facts: CaseFacts) -> Sequence[CaseFacts]:
        return self.products.get(facts.product, ()) if facts.product else ()


def _sorted(items: list[CaseFacts]) -> list[CaseFacts]:
    return sorted(items, key=lambda f: (f.created_at, f.case_id))


def _in_window(items: Sequence[CaseFacts], at: datetime, span: timedelta) -> list[CaseFacts]:
    """Cases created within `span` before or after `at` (a sorted list, so bisect)."""
    times = [f.created_at for f in items]
    return list(items[bisect_left(times, at - span):bisect_right(times, at + span)])


def _densest(items: Sequence[CaseFacts], subject: CaseFacts, span: timedelta,
             key) -> int:
    """The most distinct `key(case)` values in any window of length `span` that holds
    the subject's creation time (the rule says "N within D days")."""
    near = _in_window(items, subject.created_at, span)
    best = 0
    for start in near:
        if start.created_at > subject.created_at:
            break
        end = start.created_at + span
        if end < subject.created_at:
            continue
        best = max(best, len({key(f) for f in near if start.created_at <= f.created_at <= end}))
    return best


def _found(text: str, words: Sequence[str]) -> list[str]:
    return [w for w in words if w in text]


_NUMERAL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
            "九": 9, "十": 10}
_DEMAND = re.compile(r"(?:赔偿?|索赔|补偿|要求?赔)\s*(?:我|给我)?\s*"
                     r"(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*(万|千|百)?\s*(?:元|块)?")
_UNIT = {"万": 10000, "千": 1000, "百": 100, None: 1}


def demanded_amounts(text: str) -> list[Decimal]:
    """Money a buyer demands in the text: 赔偿一万, 赔3000元, 要求赔5千 -> yuan."""
    out = []
    for number, unit in _DEMAND.findall(text):
        value = Decimal(_NUMERAL[number]) if number in _NUMERAL else Decimal(number)
        out.append(value * _UNIT[unit or None])
    return out


def _too_much(claim: Decimal, paid: Decimal | None, rules: WarningRules) -> bool:
    if paid is None or paid <= 0:
        return claim >= rules.claim_over
    return claim >= paid * rules.claim_ratio or claim >= paid + rules.claim_over


def _yuan(value: Decimal) -> str:
    return f"¥{value:,.2f}".replace(".00", "")


def evaluate(subject: CaseFacts, around: Neighbourhood, rules: WarningRules, now: datetime,
             *, blacklist_reason: str | None = None) -> list[Raised]:
    """The rules that fire on `subject`, in RuleKey order. Nothing fires on a resolved or
    closed case: a warning is there to act before a complaint turns major."""
    out: list[Raised] = []
    if not subject.is_open:
        return out

    def raise_(rule: RuleKey, zh: str, en: str) -> None:
        out.append(Raised(rule, Text(zh, en)))

    text = subject.text
    if rules.on(RuleKey.SAFETY) and (hit := _found(text, rules.safety_words)):
        raise_(RuleKey.SAFETY, f"提到：{'、'.join(hit)}", f"mentions: {', '.join(hit)}")
    if rules.on(RuleKey.MEDIA_THREAT) and (hit := _found(text, rules.media_words)):
        raise_(RuleKey.MEDIA_THREAT, f"提到：{'、'.join(hit)}", f"mentions: {', '.join(hit)}")
    if rules.on(RuleKey.EXCESSIVE_CLAIM):
        _excessive(subject, rules, raise_)
    if rules.on(RuleKey.REPEAT_BUYER) and subject.buyer_key:
        span = timedelta(days=rules.repeat_days)
        n = _densest(around.buyer_cases(subject), subject, span, lambda f: f.case_id)
        if n >= rules.repeat_cases:
            raise_(RuleKey.REPEAT_BUYER, f"该买家{rules.repeat_days}天内{n}单售后",
                   f"{n} cases from this buyer within {rules.repeat_days} days")
    if rules.on(RuleKey.GROUP_COMPLAINT) and subject.product and _known(subject.cause):
        same = [f for f in around.product_cases(subject) if f.cause == subject.cause]
        span = timedelta(days=rules.group_days)
        n = _densest(same, subject, span, lambda f: f.buyer_key or ("", str(f.case_id)))
        if n >= rules.group_buyers:
            cause = subject.cause
            assert cause is not None
            raise_(RuleKey.GROUP_COMPLAINT,
                   f"{rules.group_days}天内{n}位买家同一商品「{subject.product}」{cause.zh}",
                   f"{n} buyers within {rules.group_days} days: {subject.product}, {cause.en}")
    if (rules.on(RuleKey.RECURRING_FAULT) and subject.product
            and subject.cause in rules.recurring_causes):
        earlier = [f for f in around.product_cases(subject)
                   if f.case_id != subject.case_id and f.cause == subject.cause
                   and not f.is_open and f.closed_at is not None
                   and f.closed_at <= subject.created_at]
        if earlier:
            cause = subject.cause
            assert cause is not None
            raise_(RuleKey.RECURRING_FAULT,
                   f"「{subject.product}」的{cause.zh}问题解决后再次出现（此前{len(earlier)}单）",
                   f"{cause.en} on {subject.product} again after {len(earlier)} resolved")
    age = now - subject.created_at
    if rules.on(RuleKey.LONG_OPEN) and subject.is_open and age >= timedelta(
            days=rules.long_open_days):
        raise_(RuleKey.LONG_OPEN, f"超过{rules.long_open_days}天未解决",
               f"open more than {rules.long_open_days} days")
    if rules.on(RuleKey.PLATFORM_INVOLVED) and (
            subject.kind == CaseKind.PLATFORM_DISPUTE or subject.platform_intervention):
        raise_(RuleKey.PLATFORM_INVOLVED, "平台已介入/纠纷", "the platform stepped in")
    if (rules.on(RuleKey.CAUSE_UNKNOWN) and subject.is_open and not _known(subject.cause)
            and age >= timedelta(hours=rules.cause_unknown_hours)):
        raise_(RuleKey.CAUSE_UNKNOWN, f"{rules.cause_unknown_hours}小时后原因仍不明",
               f"cause still unknown after {rules.cause_unknown_hours} hours")
    if rules.on(RuleKey.NEW_PRODUCT) and subject.product:
        cases = around.product_cases(subject)
        first = cases[0].created_at if cases else subject.created_at
        if subject.created_at - first <= timedelta(days=rules.new_product_days) and \
                now - first <= timedelta(days=rules.new_product_days):
            raise_(RuleKey.NEW_PRODUCT, f"新商品（{rules.new_product_days}天内首次出现）",
                   f"new item (first seen within {rules.new_product_days} days)")
    if rules.on(RuleKey.BLACKLISTED) and blacklist_reason is not None:
        raise_(RuleKey.BLACKLISTED, f"在恶意买家名单中：{blacklist_reason}",
               f"on the malicious-buyer list: {blacklist_reason}")
    return out


def _known(cause: Cause | None) -> bool:
    return cause is not None and cause != Cause.UNCLEAR


def _excessive(subject: CaseFacts, rules: WarningRules, raise_) -> None:
    claim = subject.amount_claimed
    if claim is not None and subject.amount_paid is not None and _too_much(
            claim, subject.amount_paid, rules):
        raise_(RuleKey.EXCESSIVE_CLAIM,
               f"申请{_yuan(claim)}，实付{_yuan(subject.amount_paid)}",
               f"claims {_yuan(claim)} on {_yuan(subject.amount_paid)} paid")
        return
    if hit := _found(subject.text, rules.demand_words):
        raise_(RuleKey.EXCESSIVE_CLAIM, f"提出：{'、'.join(hit)}", f"demands: {', '.join(hit)}")
        return
    big = [a for a in demanded_amounts(subject.text) if _too_much(a, subject.amount_paid, rules)]
    if big:
        raise_(RuleKey.EXCESSIVE_CLAIM, f"要求赔偿{_yuan(max(big))}",
               f"demands {_yuan(max(big))}")


def similar(subject: CaseFacts, around: Neighbourhood, days: int) -> list[CaseFacts]:
    """Other cases on the same product with the same cause within `days` (newest first)."""
    if not subject.product:
        return []
    span = timedelta(days=days)
    return sorted((f for f in _in_window(around.product_cases(subject), subject.created_at, span)
                   if f.case_id != subject.case_id and f.cause == subject.cause),
                  key=lambda f: f.created_at, reverse=True)


def evaluate_all(subjects: Iterable[CaseFacts], around: Neighbourhood, rules: WarningRules,
                 now: datetime, blacklist: Mapping[int, str] | None = None
                 ) -> dict[int, list[Raised]]:
    """`evaluate` for many cases: case id -> what fires."""
    hits = blacklist or {}
    return {s.case_id: evaluate(s, around, rules, now, blacklist_reason=hits.get(s.case_id))
            for s in subjects}
