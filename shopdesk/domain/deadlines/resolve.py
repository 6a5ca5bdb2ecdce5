"""Which deadline a case's stage has, and where it comes from.

The platform's own deadline always wins: an import's 超时时间 (and 举证超时 at the evidence
stage) sets it exactly, as long as the case is still at the stage the platform gave it.
A rule fills in where the platform gave none. A due time the user typed is kept and shown
beside it; it is the deadline only when there is neither.

Times: a rule in hours is elapsed time (added in UTC); a rule in days is calendar days
on the shop's wall clock (so "3 days" from 10:00 ends at 10:00 even across a DST change).
Pauses (the platform stops its clocks) push the end out by the paused time they overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from ..enums import CaseKind, Platform
from ..money import format_yuan
from ..platform_state import INTERVENTION_STAGES, PlatformStage
from ..text import Text
from .rules import DeadlineRule, Pause, RuleSet


class DeadlineSource(StrEnum):
    PLATFORM = "platform"
    RULE = "rule"
    MANUAL = "manual"


SOURCE_TEXT = {
    DeadlineSource.PLATFORM: Text("平台时限", "Platform deadline"),
    DeadlineSource.RULE: Text("按规则推算", "From the rules"),
    DeadlineSource.MANUAL: Text("手动设置", "Set by hand"),
}


@dataclass(frozen=True)
class DeadlineFacts:
    """What decides one case's deadline."""

    platform: Platform
    kind: CaseKind
    stage: PlatformStage | None
    stage_since: datetime | None
    applied_at: datetime | None = None
    return_shipped_at: datetime | None = None
    # The platform's deadlines as imported, and the stage the import put the case at.
    platform_stage: PlatformStage | None = None
    platform_deadline: datetime | None = None
    platform_evidence_deadline: datetime | None = None
    due_at: datetime | None = None  # the case's due time (the platform's or the user's)
    amount: Decimal | None = None  # what the platform would refund
    # A bad review's reply window as the review records it (services/reviews.py): the
    # window counts from the review (and a 追评), not from the case. `review_known` with no
    # due time: every reply is posted, nothing is due.
    review_known: bool = False
    review_reply_due: datetime | None = None
    # The stage's clock started when the case was first seen at a later stage than its
    # request's first (an export of a return already delivered): the stage began
    # earlier, at a time nobody knows, so a deadline counted from it is an estimate.
    start_unknown: bool = False


@dataclass(frozen=True)
class Deadline:
    """A stage's deadline. `due_at` None: the stage has none (or the case is finished)."""

    stage: PlatformStage | None
    due_at: datetime | None
    source: DeadlineSource | None
    rule: DeadlineRule | None = None
    on_timeout: Text | None = None
    manual_due_at: datetime | None = None  # the user's own due time, shown beside
    start_unknown: bool = False  # counted from when the stage was first seen (see facts)

    @property
    def estimate(self) -> bool:
        return self.source is DeadlineSource.RULE and self.rule is not None \
            and (self.rule.estimate or self.start_unknown)

    def left(self, now: datetime) -> timedelta | None:
        return None if self.due_at is None else self.due_at - now


def _local_midnight_after(at: datetime, zone: ZoneInfo) -> datetime:
    day = at.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def add_length(start: datetime, rule: DeadlineRule, tz: str,
               pauses: Sequence[Pause] = ()) -> datetime:
    """`start` plus the rule's length (hours elapsed; days on the shop's wall clock),
    from the next local midnight when the rule says so, pushed out by paused days."""
    zone = ZoneInfo(tz)
    if rule.from_midnight:
        start = _local_midnight_after(start, zone)
    if rule.days:
        wall = start.astimezone(zone).replace(tzinfo=None) + timedelta(days=rule.days)
        # fold=0 keeps an ambiguous wall time at its first occurrence; a wall time that
        # does not exist (spring forward) comes out shifted by zoneinfo's normal rules.
        end = wall.replace(tzinfo=zone).astimezone(UTC)
    else:
        end = start.astimezone(UTC) + timedelta(hours=rule.hours)
    return _pushed(start.astimezone(UTC), end, pauses, zone)


def _pushed(start: datetime, end: datetime, pauses: Sequence[Pause],
            zone: ZoneInfo) -> datetime:
    """End moved out by the paused time of each pause the running clock meets (in date
    order, so a pause reached only because of an earlier one counts too). Overlapping
    pauses (a holiday and the platform's own notice) count their common days once."""
    spans: list[list[datetime]] = []
    for pause in sorted(pauses, key=lambda p: p.start):
        p_from = datetime.combine(pause.start, time(0), tzinfo=zone).astimezone(UTC)
        p_to = datetime.combine(pause.end + timedelta(days=1), time(0),
                                tzinfo=zone).astimezone(UTC)
        if spans and p_from <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], p_to)
        else:
            spans.append([p_from, p_to])
    for p_from, p_to in spans:
        if p_from < end and p_to > start:
            end += p_to - max(start, p_from)
    return end


def _anchor(facts: DeadlineFacts, rule: DeadlineRule) -> datetime | None:
    if rule.anchor.value == "applied":
        return facts.applied_at or facts.stage_since
    if rule.anchor.value == "return_shipped":
        return facts.return_shipped_at or facts.stage_since
    return facts.stage_since


def on_timeout_text(rule: DeadlineRule, amount: Decimal | None) -> Text:
    """The rule's 'what happens at zero', with the amount filled in ('¥59.00')."""
    money = format_yuan(amount) if amount is not None else ""
    text = rule.on_timeout
    zh = text.zh.replace("{amount}", money).replace("  ", " ").strip()
    en = (text.en or text.zh).replace("{amount}", money).replace("  ", " ").strip()
    return Text(zh, en)


def resolve(facts: DeadlineFacts, rules: RuleSet, tz: str, *,
            with_text: bool = True) -> Deadline:
    """The deadline of the case's current stage (see the module docstring).
    `with_text=False`: no `on_timeout` text (storing deadlines reads only the time, its
    source and whether it is an estimate; filling in the amount was an eighth of it)."""
    stage = facts.stage
    manual = facts.due_at if facts.due_at is not None and \
        facts.due_at != facts.platform_deadline else None
    if stage is not None and stage.finished:
        return Deadline(stage, None, None, manual_due_at=manual)
    rule = rules.find(facts.platform, stage, facts.kind) if stage is not None else None
    timeout = on_timeout_text(rule, facts.amount) if rule is not None and with_text else None
    at_platform_stage = stage is not None and stage == facts.platform_stage
    platform_due = None
    if at_platform_stage:
        # 举证超时: while the platform intervenes, its evidence deadline is the one to meet.
        if stage in INTERVENTION_STAGES and facts.platform_evidence_deadline:
            platform_due = facts.platform_evidence_deadline
        else:
            platform_due = facts.platform_deadline
    if platform_due is not None:
        return Deadline(stage, platform_due, DeadlineSource.PLATFORM, rule, timeout, manual)
    if stage is PlatformStage.REVIEW_REPLY and facts.review_known:
        if facts.review_reply_due is not None:
            return Deadline(stage, facts.review_reply_due, DeadlineSource.RULE, rule, timeout,
                            manual)
        return Deadline(stage, manual, DeadlineSource.MANUAL if manual else None, None, None,
                        manual)
    if rule is not None:
        start = _anchor(facts, rule)
        if start is not None:
            pauses = [p for p in rules.pauses_of(facts.platform) if p.applies(stage)]
            due = add_length(start, rule, tz, pauses)
            guessed = facts.start_unknown and start == facts.stage_since
            return Deadline(stage, due, DeadlineSource.RULE, rule, timeout, manual,
                            start_unknown=guessed)
    if manual is not None:
        return Deadline(stage, manual, DeadlineSource.MANUAL, None, None, manual)
    return Deadline(stage, None, None)
