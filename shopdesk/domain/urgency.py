"""Which open case needs the next shift first, and why (pure rules, no storage).

The hand-off sheet ranks every open case into one tier, most urgent first:

0. a major complaint (重大投诉: marked by a person, with an owner) comes before all;
1. a promise to the buyer is overdue (a broken promise turns a complaint into a platform
   complaint);
2. the stage's deadline has passed (the platform's own, else a deadline rule's, else the
   due time set by hand: services/deadlines.py; the earlier of it and the case's due time);
3. a promise falls due during the next shift;
4. the platform's deadline falls during the next shift;
5. warned / escalated: a live early warning (the same stored warnings the case list shows:
   safety, media threat, repeat buyer, open too long ...) or marked urgent;
6. waiting on us (new, in progress);
7. waiting on the buyer or the platform.

Within a tier: the earliest relevant time first, then waiting-on-us before waiting on
others, then more warnings, higher priority, older case. Every case keeps all its reasons
(not only the one that chose its tier), each with a bilingual text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import SHOP_TZ_DEFAULT, local
from .enums import CaseStatus, Priority
from .labels import LabelledEnum
from .text import Bilingual, is_english

_FAR = datetime.max.replace(year=9000)


class Tier(LabelledEnum):
    """Urgency tiers in rank order (the first is the most urgent)."""

    MAJOR_COMPLAINT = ("major_complaint", "重大投诉", "Major complaint")
    PROMISE_OVERDUE = ("promise_overdue", "承诺已逾期", "Promise overdue")
    DEADLINE_PASSED = ("deadline_passed", "平台时限已过", "Platform deadline passed")
    PROMISE_DUE = ("promise_due", "承诺下一班到期", "Promise due next shift")
    DEADLINE_DUE = ("deadline_due", "平台时限下一班到期", "Platform deadline next shift")
    WARNED = ("warned", "预警/升级", "Warning / escalated")
    WAITING_ON_US = ("waiting_on_us", "等我方处理", "Waiting on us")
    WAITING_ON_OTHERS = ("waiting_on_others", "等买家/平台", "Waiting on buyer/platform")

    @property
    def order(self) -> int:
        return _TIER_ORDER[self]


_TIER_ORDER = {tier: i for i, tier in enumerate(Tier)}


@dataclass(frozen=True)
class Flag:
    """Why a case is warned or escalated: a live early warning (its rule key, label and
    reason) or "marked_urgent"."""

    code: str
    zh: str
    en: str


MARKED_URGENT = Flag("marked_urgent", "已标记为紧急", "Marked urgent")


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
    warnings: tuple[Flag, ...] = ()  # live early warnings (and marked urgent)
    major_owner: str = ""  # a major complaint's owner ('' when not major)
    # `due_at` is the shop's own due time, not the platform's deadline (worded apart).
    due_is_own: bool = False


@dataclass(frozen=True)
class Reason(Bilingual):
    """One reason a case is where it is in the ranking."""

    code: str
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.message(lang)


@dataclass(frozen=True)
class Ranked:
    """A ranked open case: its tier, every reason, and whether the ball is in our court."""

    case_id: int
    tier: Tier
    reasons: tuple[Reason, ...]
    waiting_on_us: bool


_OURS = frozenset((CaseStatus.NEW, CaseStatus.IN_PROGRESS))


def waiting_on_us(status: CaseStatus) -> bool:
    """New and in-progress cases wait on the shop; the other open ones on buyer/platform."""
    return status in _OURS


_PRIORITY_WEIGHT = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2, Priority.LOW: 3}


def format_span(span: timedelta, lang: str = "zh") -> str:
    """A rounded-down duration: '2小时15分' / '2 h 15 min', '3天4小时' / '3 d 4 h',
    '2小时' / '2 h', '5分钟' / '5 min'."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    en = is_english(lang)
    if days:
        if not hours:
            return f"{days} d" if en else f"{days}天"
        return f"{days} d {hours} h" if en else f"{days}天{hours}小时"
    if hours:
        if not mins:
            return f"{hours} h" if en else f"{hours}小时"
        return f"{hours} h {mins} min" if en else f"{hours}小时{mins}分"
    return f"{mins} min" if en else f"{mins}分钟"


# Under a minute late: format_span would say "0 min".
_JUST = timedelta(minutes=1)


def _hm(at: datetime, tz: str) -> str:
    return local(at, tz).strftime("%m-%d %H:%M")


# (rank of the tier, tier): moments carry the rank as a plain int, which sorts fast.
_RANKED_TIERS = {tier: (i, tier) for i, tier in enumerate(Tier)}
_MAJOR_C, _P_OVERDUE, _D_PASSED, _P_DUE, _D_DUE, _WARNED, _OURS_T, _OTHERS_T = (
    _RANKED_TIERS[t] for t in Tier)

Moment = tuple[int, datetime, Tier, "OpenPromise | None"]


def _moments(item: UrgencyInput, now: datetime, horizon_end: datetime) -> list[Moment]:
    """Every (tier rank, relevant time, tier, promise or None) that applies to the case.
    No text yet: only the cases the sheet lists get their reasons written."""
    found: list[Moment] = []
    if item.major_owner:
        found.append((_MAJOR_C[0], item.created_at, _MAJOR_C[1], None))
    for p in item.promises:
        if p.due_at <= now:
            found.append((_P_OVERDUE[0], p.due_at, _P_OVERDUE[1], p))
        elif p.due_at < horizon_end:
            found.append((_P_DUE[0], p.due_at, _P_DUE[1], p))
    due = item.due_at
    if due is not None:
        if due <= now:
            found.append((_D_PASSED[0], due, _D_PASSED[1], None))
        elif due < horizon_end:
            found.append((_D_DUE[0], due, _D_DUE[1], None))
    if item.warnings:
        found.append((_WARNED[0], item.created_at, _WARNED[1], None))
    rank, tier = _OURS_T if item.status in _OURS else _OTHERS_T
    found.append((rank, due or _FAR.replace(tzinfo=now.tzinfo), tier, None))
    return found


def _rank_and_time(moment: Moment) -> tuple[int, datetime]:
    return moment[0], moment[1]


def _deciding(found: list[Moment]) -> Moment:
    """The most urgent moment (lowest tier rank, then earliest); a loop, not a sort, as
    this runs for every open case."""
    best = found[0]
    for m in found[1:]:
        if m[0] < best[0] or (m[0] == best[0] and m[1] < best[1]):
            best = m
    return best


def _reason(tier: Tier, when: datetime, promise: OpenPromise | None, item: UrgencyInput,
            now: datetime, tz: str) -> Reason:
    """The bilingual text of one moment found by _moments."""
    if promise is not None:
        at = _hm(promise.due_at, tz)
        if tier is Tier.PROMISE_OVERDUE:
            late = now - promise.due_at
            if late < _JUST:  # "已逾期0分钟" read as if nothing were late
                return Reason(tier.value, f"承诺刚刚逾期：{promise.zh}（应于 {at}）",
                              f"Promise just overdue: {promise.en} (due {at})")
            return Reason(tier.value, f"承诺已逾期{format_span(late)}：{promise.zh}（应于 {at}）",
                          f"Promise overdue by {format_span(late, 'en')}: {promise.en} "
                          f"(due {at})")
        return Reason(tier.value, f"承诺 {at} 到期：{promise.zh}",
                      f"Promise due {at}: {promise.en}")
    zh, en = ("截止时间", "Due time") if item.due_is_own else ("平台时限", "Platform deadline")
    if tier is Tier.DEADLINE_PASSED:
        late, at = now - when, _hm(when, tz)
        if late < _JUST:
            return Reason(tier.value, f"{zh}刚刚已过（{at}）", f"{en} just passed ({at})")
        return Reason(tier.value, f"{zh}已过{format_span(late)}（{at}）",
                      f"{en} passed {format_span(late, 'en')} ago ({at})")
    if tier is Tier.DEADLINE_DUE:
        left, at = when - now, _hm(when, tz)
        return Reason(tier.value, f"{zh} {at}，剩{format_span(left)}",
                      f"{en} {at}, {format_span(left, 'en')} left")
    if tier is Tier.MAJOR_COMPLAINT:
        return Reason(tier.value, f"重大投诉（负责人：{item.major_owner}）",
                      f"Major complaint (owner: {item.major_owner})")
    if tier is Tier.WARNED:
        zh = "；".join(f.zh for f in item.warnings)
        en = "; ".join(f.en for f in item.warnings)
        return Reason(tier.value, f"预警：{zh}", f"Warning: {en}")
    status = item.status
    return Reason(tier.value, f"{tier.zh}（{status.zh}）", f"{tier.en} ({status.en})")


def rank_open_cases(items: Sequence[UrgencyInput], now: datetime, horizon_end: datetime,
                    tz: str = SHOP_TZ_DEFAULT, *, explain: int | None = None) -> list[Ranked]:
    """Rank open cases, most urgent first. `horizon_end` is when the next shift ends.

    Every ranked case lists all its reasons, the deciding one first; with `explain`, only
    the first `explain` cases do (the rest carry their tier and no reasons), which is what
    a sheet listing the top 200 of 35,000 open cases needs."""
    keyed: list[tuple[tuple[float, ...], UrgencyInput, Tier]] = []
    for item in items:
        rank, when, tier, _p = _deciding(_moments(item, now, horizon_end))
        # Times as POSIX seconds: floats compare much faster than aware datetimes.
        key = (rank, when.timestamp(), 0 if item.status in _OURS else 1, -len(item.warnings),
               _PRIORITY_WEIGHT[item.priority], item.created_at.timestamp(), item.case_id)
        keyed.append((key, item, tier))
    keyed.sort(key=_first)
    out = []
    for i, (_key, item, tier) in enumerate(keyed):
        reasons: tuple[Reason, ...] = ()
        if explain is None or i < explain:
            # Reasons in tier order: the one that chose the tier comes first.
            found = sorted(_moments(item, now, horizon_end), key=_rank_and_time)
            reasons = tuple(_reason(t, w, p, item, now, tz) for _r, w, t, p in found)
        out.append(Ranked(item.case_id, tier, reasons, item.status in _OURS))
    return out


def _first(pair: tuple) -> object:
    return pair[0]
