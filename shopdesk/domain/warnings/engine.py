"""Evaluating the early-warning rules on cases (pure: facts in, warnings out).

The service loads, for the cases just written, their facts and those of the cases that
share a buyer or a product with them (`Neighbourhood`); `evaluate` then decides per case
which rules fire, each with a reason in both languages.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from ..enums import OPEN_STATUSES, CaseKind, CaseStatus, Cause
from ..text import Text
from .rules import RuleKey, WarningRules

# A set, not CaseStatus.is_open: an enum property costs microseconds, and the rules ask
# for every case of an import and of its neighbourhood.
_OPEN = frozenset(OPEN_STATUSES)


@dataclass
class CaseFacts:
    """What the warning rules look at for one case (never changed once built).

    Not frozen: a frozen dataclass sets each field through object.__setattr__, which
    made building one cost three times more, and an import builds one per row and per
    neighbour."""

    case_id: int
    platform: str
    buyer_nick: str
    product: str  # the SKU, or the item title when there is no SKU
    cause: Cause | None
    kind: CaseKind
    status: CaseStatus
    created_at: datetime
    closed_at: datetime | None = None  # when it was resolved or closed (resolved_at)
    amount_paid: Decimal | None = None
    amount_claimed: Decimal | None = None
    text: str = ""  # description and notes
    platform_intervention: bool = False

    @property
    def is_open(self) -> bool:
        return self.status in _OPEN

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


@dataclass(frozen=True)
class ClosedSince:
    """How many cases of one product + cause were resolved or closed by a time, for times
    from `since` on: `before` of them by `since`, then one per entry of `times` (sorted,
    later than `since`). The storage counts the old ones in SQL instead of loading them."""

    since: datetime
    before: int
    times: tuple[datetime, ...] = ()

    def by(self, at: datetime) -> int:
        return self.before + bisect_right(self.times, at) if at >= self.since else 0


class Neighbourhood:
    """Cases indexed by buyer, by product and by product + cause, each list sorted by
    creation time, with window counts computed once per group: an import writes thousands
    of cases with the same creation time and product.

    The facts may be only the cases near the judged ones in time (what a rule's window can
    reach); then `closed` (per product + cause) and `first_seen` (per product) carry what
    the rules read over all time, counted by the storage."""

    def __init__(self, facts: Iterable[CaseFacts], *,
                 closed: Mapping[tuple[str, Cause | None], ClosedSince] | None = None,
                 first_seen: Mapping[str, datetime] | None = None) -> None:
        self.by_id: dict[int, CaseFacts] = {}
        buyers: dict[tuple[str, str], list[CaseFacts]] = defaultdict(list)
        products: dict[str, list[CaseFacts]] = defaultdict(list)
        faults: dict[tuple[str, Cause | None], list[CaseFacts]] = defaultdict(list)
        for f in facts:
            self.by_id[f.case_id] = f
        for f in self.by_id.values():
            if f.buyer_key:
                buyers[f.buyer_key].append(f)
            if f.product:
                products[f.product].append(f)
                faults[(f.product, f.cause)].append(f)
        # Each group is sorted when a rule first reads it (most are never read).
        self._lists: dict[str, dict] = {"buyer": buyers, "product": products, "fault": faults}
        self._groups: dict[tuple[str, object], _Group] = {}
        self.closed = closed
        self.first = first_seen

    def _group(self, kind: str, key: object) -> _Group | None:
        group = self._groups.get((kind, key))
        if group is None:
            items = self._lists[kind].get(key)
            if not items:
                return None
            group = self._groups[(kind, key)] = _Group(items)
        return group

    def buyer_cases(self, facts: CaseFacts) -> Sequence[CaseFacts]:
        group = self.buyer_group(facts)
        return group.items if group else ()

    def product_cases(self, facts: CaseFacts) -> Sequence[CaseFacts]:
        group = self._group("product", facts.product) if facts.product else None
        return group.items if group else ()

    def fault_group(self, facts: CaseFacts) -> _Group | None:
        return self._group("fault", (facts.product, facts.cause)) if facts.product else None

    def buyer_group(self, facts: CaseFacts) -> _Group | None:
        return self._group("buyer", facts.buyer_key) if facts.buyer_key else None

    def closed_before(self, facts: CaseFacts) -> int:
        """Cases of the same product and cause resolved or closed by its creation."""
        if self.closed is not None:
            counted = self.closed.get((facts.product, facts.cause))
            return counted.by(facts.created_at) if counted else 0
        group = self.fault_group(facts)
        return group.closed_by(facts.created_at) if group else 0

    def first_seen(self, facts: CaseFacts) -> datetime:
        """When the case's product first appeared in the register."""
        if self.first is not None and facts.product in self.first:
            return min(self.first[facts.product], facts.created_at)
        cases = self.product_cases(facts)
        return cases[0].created_at if cases else facts.created_at


class _Group:
    """Cases of one buyer / product / fault, sorted by creation time."""

    def __init__(self, items: list[CaseFacts]) -> None:
        self.items = sorted(items, key=lambda f: (f.created_at, f.case_id))
        self.times = [f.created_at for f in self.items]
        self.closed = sorted(f.closed_at for f in self.items
                             if not f.is_open and f.closed_at is not None)
        self._starts: dict[tuple[timedelta, str], list[int]] = {}
        self._densest: dict[tuple[datetime, timedelta, str], int] = {}

    def window(self, at: datetime, span: timedelta) -> list[CaseFacts]:
        """Cases created within `span` before or after `at`."""
        return self.items[bisect_left(self.times, at - span):bisect_right(self.times, at + span)]

    def closed_by(self, at: datetime) -> int:
        """How many were resolved or closed at or before `at`."""
        return bisect_right(self.closed, at)

    def densest(self, at: datetime, span: timedelta, by: str) -> int:
        """The most distinct cases ("case") or buyers ("buyer") in any window of length
        `span` that holds `at` (the rules say "N within D days"): the best of the windows
        that start at a case created within `span` before `at`."""
        memo = (at, span, by)
        best = self._densest.get(memo)
        if best is None:  # an import judges thousands of cases created at the same time
            starts = self._starts.get((span, by))
            if starts is None:
                starts = self._starts[(span, by)] = _distinct_from(self.items, self.times,
                                                                   span, by)
            lo, hi = bisect_left(self.times, at - span), bisect_right(self.times, at)
            best = self._densest[memo] = max(starts[lo:hi], default=0)
        return best


def _distinct_from(items: list[CaseFacts], times: list[datetime], span: timedelta,
                   by: str) -> list[int]:
    """Per case (sorted by time): distinct keys ("case": the case, "buyer": its buyer)
    among it and the cases after it created within `span` of it (one sliding pass over
    the group)."""
    if by == "case":
        keys: list[object] = [f.case_id for f in items]
    else:
        keys = [f.buyer_key or ("", str(f.case_id)) for f in items]
    out, counts, right, n = [], defaultdict(int), 0, len(items)
    for i, start in enumerate(times):
        end = start + span
        while right < n and times[right] <= end:
            counts[keys[right]] += 1
            right += 1
        out.append(len(counts))
        key = keys[i]
        counts[key] -= 1
        if not counts[key]:
            del counts[key]
    return out


def _found(text: str, words: Sequence[str]) -> list[str]:
    if not text.strip():
        return []
    # One pass first: most texts name none of the words (an import judges 50,000).
    listed = _any_of(tuple(words))
    if listed is None or not listed.search(text):
        return []
    tokens = _tokens(text)
    return [w for w in words if listed.names(w, text, tokens)]


_LATIN = re.compile(r"[A-Za-z]")
_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> frozenset[str]:
    """The text's Latin words and numbers, lower case (what a whole word is matched in)."""
    return frozenset(_TOKEN.findall(text.lower())) if _LATIN.search(text) else frozenset()


class _Words:
    """Finding a list of words in a text. Chinese words (and numbers such as 12315) are
    found anywhere, as Chinese has no spaces between words. A word with Latin letters is
    found as a whole word or phrase in any case and spacing ("burn" not in "heartburn",
    "sue" not in "issue"): single words by a set lookup of the text's words, phrases by a
    pattern tried only when the text holds each of their words (one alternation of
    ninety English words with word boundaries cost 30 µs a text; an import judges 50,000)."""

    def __init__(self, words: tuple[str, ...]) -> None:
        plain = [w for w in words if w and not _LATIN.search(w)]
        self.plain = re.compile("|".join(re.escape(w) for w in plain)) if plain else None
        singles, phrases = set(), {}
        for w in words:
            if not w or not _LATIN.search(w):
                continue
            if _TOKEN.fullmatch(w.lower()):
                singles.add(w.lower())
            else:
                phrases[w] = _whole(w)
        self.singles = frozenset(singles)
        self.phrases = phrases
        # Phrases by their first word (None: not a plain word, "A&E": always tried).
        self.firsts = {w: (first.lower() if _TOKEN.fullmatch(first.lower()) else None)
                       for w in phrases for first in [w.split()[0]]}
        self.by_first: dict[str | None, list[str]] = defaultdict(list)
        for w, first in self.firsts.items():
            self.by_first[first].append(w)
        self.first_words = frozenset(f for f in self.by_first if f is not None)
        # The words of a phrase, all of which the text must hold before it is tried.
        self.parts = {w: frozenset(p.lower() for p in w.split() if _TOKEN.fullmatch(p.lower()))
                      for w in phrases}

    def search(self, text: str) -> bool:
        if self.plain is not None and self.plain.search(text):
            return True
        if not (self.singles or self.phrases):
            return False
        tokens = _tokens(text)
        if not tokens:
            return False
        if not self.singles.isdisjoint(tokens):
            return True
        tried = [w for f in (self.first_words & tokens) for w in self.by_first[f]
                 if self.parts[w] <= tokens]
        return any(self.phrases[w].search(text) for w in [*tried, *self.by_first.get(None, ())])

    def names(self, word: str, text: str, tokens: frozenset[str]) -> bool:
        """Whether `text` (its `tokens`) holds `word`, one of the list's words."""
        if not _LATIN.search(word):
            return word in text
        if word.lower() in self.singles:
            return word.lower() in tokens
        return self._phrase(word, text, tokens)

    def _phrase(self, word: str, text: str, tokens: frozenset[str]) -> bool:
        return self.parts[word] <= tokens and self.phrases[word].search(text) is not None


def _whole(word: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in word.split())
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _any_of(words: tuple[str, ...]) -> _Words | None:
    return _Words(words) if any(words) else None


_NUMERAL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
            "九": 9, "十": 10}
_DEMAND = re.compile(r"(?:赔偿?|索赔|补偿|要求?赔)\s*(?:我|给我)?\s*"
                     r"(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*(万|千|百)?\s*(?:元|块)?")
_UNIT = {"万": 10000, "千": 1000, "百": 100, None: 1}


def demanded_amounts(text: str) -> list[Decimal]:
    """Money a buyer demands in the text: 赔偿一万, 赔3000元, 要求赔5千 -> yuan."""
    out: list[Decimal] = []
    if "赔" not in text and "补偿" not in text:
        return out  # every way of demanding names one of these (see _DEMAND)
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
             *, blacklist_reason: str | None = None,
             only: Collection[RuleKey] | None = None) -> list[Raised]:
    """The rules that fire on `subject`, in RuleKey order (of `only`, when given: a
    neighbour of a written case is judged on the rules that read other cases). Nothing
    fires on a resolved or closed case: a warning is there to act before a complaint
    turns major."""
    if subject.status not in _OPEN:
        return []
    if only is not None:
        rules = _narrowed(rules, frozenset(only))
    return _plan(rules).judge(subject, around, now, blacklist_reason)


def evaluate_all(subjects: Iterable[CaseFacts], around: Neighbourhood, rules: WarningRules,
                 now: datetime, blacklist: Mapping[int, str] | None = None
                 ) -> dict[int, list[Raised]]:
    """`evaluate` for many cases: case id -> what fires. The rules are prepared once and
    a group's reason is shared by its cases (an import judges thousands in one group)."""
    hits = blacklist or {}
    plan = _plan(rules)
    judge = plan.judge
    shared: dict[tuple, Raised] = {}
    return {s.case_id: judge(s, around, now, hits.get(s.case_id), shared)
            if s.status in _OPEN else [] for s in subjects}


class _Plan:
    """What `evaluate` reads of one set of rules, worked out once: which rules are on,
    the spans as timedeltas, one pattern over all the words, and the reasons that do not
    depend on the case."""

    def __init__(self, rules: WarningRules) -> None:
        on = rules.on
        self.rules = rules
        self.safety = on(RuleKey.SAFETY)
        self.media = on(RuleKey.MEDIA_THREAT)
        self.excessive = on(RuleKey.EXCESSIVE_CLAIM)
        self.repeat = on(RuleKey.REPEAT_BUYER)
        self.group = on(RuleKey.GROUP_COMPLAINT)
        self.recurring = on(RuleKey.RECURRING_FAULT)
        self.long_open = on(RuleKey.LONG_OPEN)
        self.platform = on(RuleKey.PLATFORM_INVOLVED)
        self.cause_unknown = on(RuleKey.CAUSE_UNKNOWN)
        self.new_product = on(RuleKey.NEW_PRODUCT)
        self.blacklisted = on(RuleKey.BLACKLISTED)
        self.safety_words = rules.words(RuleKey.SAFETY)
        self.media_words = rules.words(RuleKey.MEDIA_THREAT)
        self.demand_words = rules.words(RuleKey.EXCESSIVE_CLAIM)
        listed = [*(self.safety_words if self.safety else ()),
                  *(self.media_words if self.media else ()),
                  *(self.demand_words if self.excessive else ())]
        # A text without any word of the three lists names none of any one list.
        self.words = _any_of(tuple(listed))
        self.repeat_span = timedelta(days=rules.repeat_days)
        self.group_span = timedelta(days=rules.group_days)
        self.long_open_age = timedelta(days=rules.long_open_days)
        self.cause_unknown_age = timedelta(hours=rules.cause_unknown_hours)
        self.new_product_span = timedelta(days=rules.new_product_days)
        self.long_open_raised = Raised(RuleKey.LONG_OPEN, Text(
            f"超过{rules.long_open_days}天未解决", f"open more than {rules.long_open_days} days"))
        self.platform_raised = Raised(RuleKey.PLATFORM_INVOLVED,
                                      Text("平台已介入/纠纷", "the platform stepped in"))
        self.cause_unknown_raised = Raised(RuleKey.CAUSE_UNKNOWN, Text(
            f"{rules.cause_unknown_hours}小时后原因仍不明",
            f"cause still unknown after {rules.cause_unknown_hours} hours"))
        self.new_product_raised = Raised(RuleKey.NEW_PRODUCT, Text(
            f"新商品（{rules.new_product_days}天内首次出现）",
            f"new item (first seen within {rules.new_product_days} days)"))

    def judge(self, subject: CaseFacts, around: Neighbourhood, now: datetime,
              blacklist_reason: str | None, shared: dict[tuple, Raised] | None = None
              ) -> list[Raised]:
        """`evaluate` of an open case. `shared`: reasons of groups already judged (one
        `Raised` per group and count, not one per case)."""
        rules = self.rules
        out: list[Raised] = []
        text = subject.text
        named = self.words is not None and self.words.search(text)
        if named and self.safety and (hit := _found(text, self.safety_words)):
            out.append(Raised(RuleKey.SAFETY, Text(f"提到：{'、'.join(hit)}",
                                                   f"mentions: {', '.join(hit)}")))
        if named and self.media and (hit := _found(text, self.media_words)):
            out.append(Raised(RuleKey.MEDIA_THREAT, Text(f"提到：{'、'.join(hit)}",
                                                         f"mentions: {', '.join(hit)}")))
        if self.excessive and (raised := _excessive(subject, rules, named,
                                                    self.demand_words)) is not None:
            out.append(raised)
        if self.repeat and (buyers := around.buyer_group(subject)) is not None:
            n = buyers.densest(subject.created_at, self.repeat_span, "case")
            if n >= rules.repeat_cases:
                out.append(Raised(RuleKey.REPEAT_BUYER, Text(
                    f"该买家{rules.repeat_days}天内{n}单售后",
                    f"{n} cases from this buyer within {rules.repeat_days} days")))
        cause = subject.cause
        if (self.group and cause in rules.group_causes
                and (fault := around.fault_group(subject)) is not None):
            n = fault.densest(subject.created_at, self.group_span, "buyer")
            if n >= rules.group_buyers:
                key = (subject.product, cause, n)
                raised = shared.get(key) if shared is not None else None
                if raised is None:
                    assert cause is not None
                    raised = Raised(RuleKey.GROUP_COMPLAINT, Text(
                        f"{rules.group_days}天内{n}位买家{group_marker(subject.product, cause)}",
                        f"{n} buyers within {rules.group_days} days: {subject.product}, "
                        f"{cause.en}"))
                    if shared is not None:
                        shared[key] = raised
                out.append(raised)
        if self.recurring and subject.product and cause in rules.recurring_causes:
            earlier = around.closed_before(subject)  # the subject is open: not counted
            if earlier and earlier + 1 >= rules.recurring_times:
                assert cause is not None
                out.append(Raised(RuleKey.RECURRING_FAULT, recurring_reason(
                    subject.product, cause, earlier)))
        age = now - subject.created_at
        if self.long_open and age >= self.long_open_age:
            out.append(self.long_open_raised)
        if self.platform and (subject.kind == CaseKind.PLATFORM_DISPUTE
                              or subject.platform_intervention):
            out.append(self.platform_raised)
        if self.cause_unknown and not _known(cause) and age >= self.cause_unknown_age:
            out.append(self.cause_unknown_raised)
        if self.new_product and subject.product:
            first = around.first_seen(subject)
            span = self.new_product_span
            if subject.created_at - first <= span and now - first <= span:
                out.append(self.new_product_raised)
        if self.blacklisted and blacklist_reason is not None:
            out.append(Raised(RuleKey.BLACKLISTED, Text(
                f"在恶意买家名单中：{blacklist_reason}",
                f"on the malicious-buyer list: {blacklist_reason}")))
        return out


@functools.lru_cache(maxsize=64)
def _plan(rules: WarningRules) -> _Plan:
    return _Plan(rules)


def recurring_reason(product: str, cause: Cause, earlier: int) -> Text:
    """The recurring_fault reason: the case is the (earlier + 1)-th time. The cause's
    label stands alone ("宝贝有问题", "运输破损"): "「X」的…问题" doubled the 问题 of
    labels that already end in it."""
    return Text(f"「{product}」{cause.zh}，第{earlier + 1}次出现（此前已解决{earlier}单）",
                f"{cause.en} on {product}: {earlier + 1} times ({earlier} resolved before)")


_NAMED = re.compile(r"「([^」]*)」([^，,（(]*)")
_COUNT = re.compile(r"\d+")


def trigger_of(reason_zh: str) -> str:
    """What a counted warning (COUNTED_RULES) is about, without its counts: the product
    and cause its reason names (「SKU-1」运输破损, in any wording this code ever gave it),
    else the reason with its numbers blanked. Two reasons of one rule with the same
    trigger are the same group grown or shrunk; another trigger is another group (the
    case's cause or product was corrected), which an acknowledgement of the old one
    does not cover."""
    named = _NAMED.search(reason_zh)
    if named is not None:
        return f"{named.group(1)}\x1f{named.group(2).strip()}"
    return _COUNT.sub("#", reason_zh)


def group_marker(product: str, cause: Cause | None) -> str:
    """The words naming the group in a group_complaint reason (the storage checks whether
    a case still belongs to the group its warning names)."""
    return f"同一商品「{product}」{cause.zh if cause is not None else ''}"


@functools.lru_cache(maxsize=64)
def _narrowed(rules: WarningRules, only: frozenset[RuleKey]) -> WarningRules:
    return rules.with_changes(enabled=rules.enabled & only)


def _known(cause: Cause | None) -> bool:
    return cause is not None and cause != Cause.UNCLEAR


def _excessive(subject: CaseFacts, rules: WarningRules, named: bool,
               words: Sequence[str]) -> Raised | None:
    """The excessive_claim warning, if any. `named`: the text has a word of some list;
    `words`: the demand words (Chinese and English)."""
    claim = subject.amount_claimed
    if claim is not None and subject.amount_paid is not None and _too_much(
            claim, subject.amount_paid, rules):
        return Raised(RuleKey.EXCESSIVE_CLAIM, Text(
            f"申请{_yuan(claim)}，实付{_yuan(subject.amount_paid)}",
            f"claims {_yuan(claim)} on {_yuan(subject.amount_paid)} paid"))
    if named and (hit := _found(subject.text, words)):
        return Raised(RuleKey.EXCESSIVE_CLAIM, Text(f"提出：{'、'.join(hit)}",
                                                    f"demands: {', '.join(hit)}"))
    big = [a for a in demanded_amounts(subject.text) if _too_much(a, subject.amount_paid, rules)]
    if big:
        return Raised(RuleKey.EXCESSIVE_CLAIM, Text(f"要求赔偿{_yuan(max(big))}",
                                                    f"demands {_yuan(max(big))}"))
    return None


def similar(subject: CaseFacts, around: Neighbourhood, days: int) -> list[CaseFacts]:
    """Other cases on the same product with the same cause within `days` (newest first)."""
    group = around.fault_group(subject)
    if group is None:
        return []
    return sorted((f for f in group.window(subject.created_at, timedelta(days=days))
                   if f.case_id != subject.case_id),
                  key=lambda f: f.created_at, reverse=True)
