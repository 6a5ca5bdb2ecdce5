"""Which open case needs the next shift first, and why (pure rules, no storage).

The hand-off sheet ranks every open case into one tier, most urgent first:

1. a promise to the buyer is overdue (a broken promise turns a complaint into a platform
   complaint);
2. the platform's deadline (case.due_at) has passed;
3. a promise falls due during the next shift;
4. the platform's deadline falls during the next shift;
5. escalated / major complaint (domain.md: safety, a buyer with reach, threats of 12315 /
   platform / press, the same buyer again and again, unresolved 10+ days, platform
   intervention, or marked urgent);
6. waiting on us (new, in progress);
7. waiting on the buyer or the platform.

Within a tier: the earliest relevant time first, then waiting-on-us before waiting on
others, then more major-complaint signals, higher priority, older case. Every case keeps
all its reasons (not only the one that chose its tier), each with a bilingual text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import SHOP_TZ_DEFAULT, local
from .enums import CaseKind, CaseStatus, Priority
from .labels import LabelledEnum

LONG_UNRESOLVED = timedelta(days=10)
REPEAT_BUYER_CASES = 3
_FAR = datetime.max.replace(year=9000)


class Tier(LabelledEnum):
    """Urgency tiers in rank order (the first is the most urgent)."""

    PROMISE_OVERDUE = ("promise_overdue", "承诺已逾期", "Promise overdue")
    DEADLINE_PASSED = ("deadline_passed", "平台时限已过", "Platform deadline passed")
    PROMISE_DUE = ("promise_due", "承诺下一班到期", "Promise due next shift")
    DEADLINE_DUE = ("deadline_due", "平台时限下一班到期", "Platform deadline next shift")
    MAJOR = ("major", "升级/重大投诉", "Escalated / major complaint")
    WAITING_ON_US = ("waiting_on_us", "等我方处理", "Waiting on us")
    WAITING_ON_OTHERS = ("waiting_on_others", "等买家/平台", "Waiting on buyer/platform")

    @property
    def order(self) -> int:
        return _TIER_ORDER[self]


_TIER_ORDER = {tier: i for i, tier in enumerate(Tier)}


class MajorSignal(LabelledEnum):
    """Why a case counts as escalated / a (potential) major complaint (domain.md)."""

    MARKED_URGENT = ("marked_urgent", "已标记为紧急", "Marked urgent")
    PLATFORM_INVOLVED = ("platform_involved", "平台介入/纠纷", "Platform involved")
    SAFETY = ("safety", "涉及人身安全或健康", "Safety or health harm claimed")
    REACH = ("reach", "买家提到媒体/律师/博主", "Buyer mentions media, lawyer or influencer")
    THREAT = ("threat", "扬言投诉12315/平台/曝光", "Threatens 12315, the platform or the press")
    REPEAT_BUYER = ("repeat_buyer", "同一买家多次售后", "Same buyer, repeated cases")
    LONG_UNRESOLVED = ("long_unresolved", "超过10天未解决", "Unresolved for 10+ days")


# Words in the description or notes that point at a major complaint (domain.md triggers).
KEYWORDS: dict[MajorSignal, tuple[str, ...]] = {
    MajorSignal.SAFETY: ("受伤", "烫伤", "割伤", "划伤", "起火", "着火", "自燃", "爆炸", "漏电",
                         "触电", "过敏", "中毒", "住院", "就医", "医院"),
    MajorSignal.REACH: ("媒体", "记者", "律师", "起诉", "法院", "博主", "网红", "大V", "版主"),
    MajorSignal.THREAT: ("12315", "消协", "消费者协会", "工商", "市场监管", "曝光", "投诉到平台",
                         "平台投诉", "报警", "举报"),
}


@dataclass(frozen=True)
class MajorFacts:
    """What the major-complaint rules look at for one case."""

    kind: CaseKind
    priority: Priority
    created_at: datetime
    text: str = ""  # description and notes
    platform_intervention: bool = False  # an imported 客服介入 status, for one
    buyer_case_count: int = 1  # live cases of the same buyer (this one included)


def major_signals(facts: MajorFacts, now: datetime) -> tuple[MajorSignal, ...]:
    """The major-complaint signals that apply, in MajorSignal order."""
    found: set[MajorSignal] = set()
    if facts.priority == Priority.URGENT:
        found.add(MajorSignal.MARKED_URGENT)
    if facts.kind == CaseKind.PLATFORM_DISPUTE or facts.platform_intervention:
        found.add(MajorSignal.PLATFORM_INVOLVED)
    for signal, words in KEYWORDS.items():
        if any(w in facts.text for w in words):
            found.add(signal)
    if facts.buyer_case_count >= REPEAT_BUYER_CASES:
        found.add(MajorSignal.REPEAT_BUYER)
    if now - facts.created_at >= LONG_UNRESOLVED:
        found.add(MajorSignal.LONG_UNRESOLVED)
    return tuple(s for s in MajorSignal if s in found)


@dataclass(frozen=True)
class OpenPromise:
    """An open promise on the case, as the ranking needs it."""

    due_at: datetime
    zh: str  # "回电：确认补发时间"
    en: str


@dataclass(frozen=True)
class UrgencyInput:
    """One open case, reduced to what decides its urgency."""

    case_id: int
    status: CaseStatus
    priority: Priority
    created_at: datetime
    due_at: datetime | None = None
    promises: tuple[OpenPromise, ...] = ()
    major: tuple[MajorSignal, ...] = ()


@dataclass(frozen=True)
class Reason:
    """One reason a case is where it is in the ranking."""

    code: str
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


@dataclass(frozen=True)
class Ranked:
    """A ranked open case: its tier, every reason, and whether the ball is in our court."""

    case_id: int
    tier: Tier
    reasons: tuple[Reason, ...]
    waiting_on_us: bool


def waiting_on_us(status: CaseStatus) -> bool:
    """New and in-progress cases wait on the shop; the other open ones on buyer/platform."""
    return status in (CaseStatus.NEW, CaseStatus.IN_PROGRESS)


_PRIORITY_WEIGHT = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2, Priority.LOW: 3}


def format_span(span: timedelta, lang: str = "zh") -> str:
    """A rounded-down duration: '2小时15分' / '2 h 15 min', '3天4小时' / '3 d 4 h',
    '2小时' / '2 h', '5分钟' / '5 min'."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    en = lang.startswith("en")
    if days:
        if not hours:
            return f"{days} d" if en else f"{days}天"
        return f"{days} d {hours} h" if en else f"{days}天{hours}小时"
    if hours:
        if not mins:
            return f"{hours} h" if en else f"{hours}小时"
        return f"{hours} h {mins} min" if en else f"{hours}小时{mins}分"
    return f"{mins} min" if en else f"{mins}分钟"


def _hm(at: datetime, tz: str) -> str:
    return local(at, tz).strftime("%m-%d %H:%M")


def _reasons(item: UrgencyInput, now: datetime, horizon_end: datetime,
             tz: str) -> list[tuple[Tier, datetime, Reason]]:
    """Every (tier, relevant time, reason) that applies to the case."""
    found: list[tuple[Tier, datetime, Reason]] = []
    for p in sorted(item.promises, key=lambda p: p.due_at):
        when = _hm(p.due_at, tz)
        if p.due_at <= now:
            late = now - p.due_at
            found.append((Tier.PROMISE_OVERDUE, p.due_at, Reason(
                Tier.PROMISE_OVERDUE.value,
                f"承诺已逾期{format_span(late)}：{p.zh}（应于 {when}）",
                f"Promise overdue by {format_span(late, 'en')}: {p.en} (due {when})")))
        elif p.due_at < horizon_end:
            found.append((Tier.PROMISE_DUE, p.due_at, Reason(
                Tier.PROMISE_DUE.value, f"承诺 {when} 到期：{p.zh}",
                f"Promise due {when}: {p.en}")))
    if item.due_at is not None:
        when = _hm(item.due_at, tz)
        if item.due_at <= now:
            late = now - item.due_at
            found.append((Tier.DEADLINE_PASSED, item.due_at, Reason(
                Tier.DEADLINE_PASSED.value, f"平台时限已过{format_span(late)}（{when}）",
                f"Platform deadline passed {format_span(late, 'en')} ago ({when})")))
        elif item.due_at < horizon_end:
            found.append((Tier.DEADLINE_DUE, item.due_at, Reason(
                Tier.DEADLINE_DUE.value, f"平台时限 {when}，剩{format_span(item.due_at - now)}",
                f"Platform deadline {when}, "
                f"{format_span(item.due_at - now, 'en')} left")))
    if item.major:
        zh = "、".join(s.zh for s in item.major)
        en = ", ".join(s.en for s in item.major)
        found.append((Tier.MAJOR, item.created_at, Reason(
            Tier.MAJOR.value, f"升级/重大投诉：{zh}", f"Escalated / major: {en}")))
    ours = waiting_on_us(item.status)
    tier = Tier.WAITING_ON_US if ours else Tier.WAITING_ON_OTHERS
    status = item.status
    found.append((tier, item.due_at or _FAR.replace(tzinfo=now.tzinfo), Reason(
        tier.value, f"{tier.zh}（{status.zh}）", f"{tier.en} ({status.en})")))
    return found


def rank_open_cases(items: Sequence[UrgencyInput], now: datetime, horizon_end: datetime,
                    tz: str = SHOP_TZ_DEFAULT) -> list[Ranked]:
    """Rank open cases, most urgent first. `horizon_end` is when the next shift ends."""
    keyed: list[tuple[tuple[object, ...], Ranked]] = []
    for item in items:
        found = _reasons(item, now, horizon_end, tz)
        tier, when, _ = min(found, key=lambda f: (f[0].order, f[1]))
        ours = waiting_on_us(item.status)
        key = (tier.order, when, 0 if ours else 1, -len(item.major),
               _PRIORITY_WEIGHT[item.priority], item.created_at, item.case_id)
        # Reasons in tier order: the one that chose the tier comes first.
        reasons = tuple(r for _t, _w, r in sorted(found, key=lambda f: (f[0].order, f[1])))
        keyed.append((key, Ranked(item.case_id, tier, reasons, ours)))
    keyed.sort(key=lambda k: k[0])
    return [r for _k, r in keyed]
