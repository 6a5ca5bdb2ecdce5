"""Promises made to a buyer (承诺): what, by when, by whom, and whether it was kept.

A broken promise is how a small complaint becomes a platform complaint, so a promise
is an explicit record: it stays OPEN until someone marks it kept, broken (with a
reason) or no longer needed (with a reason: the buyer withdrew, the case ended another
way; neither kept nor broken, and no longer owed). Plain Python: the rules here are
shared by the service, the UI and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from .errors import FieldError
from .labels import LabelledEnum
from .text import colon, pick

MAX_TEXT = 500
MAX_REASON = 500
# A due time this far before "now" is a typo (or a date picked on the wrong day).
PAST_SLACK = timedelta(minutes=5)


class PromiseKind(LabelledEnum):
    """The usual promises; OTHER needs free text to say what was promised."""

    REPLY = ("reply", "回复买家", "Reply to the buyer")
    CALL_BACK = ("call_back", "回电", "Call back")
    RESHIP = ("reship", "补发/重发", "Reship")
    REFUND = ("refund", "退款", "Refund")
    SEND_TRACKING = ("send_tracking", "提供单号", "Send tracking number")
    CHECK_WAREHOUSE = ("check_warehouse", "核实仓库", "Check with the warehouse")
    OTHER = ("other", "其他", "Other")


class PromiseState(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    # No longer needed (不再需要): the buyer withdrew, or the case ended so the promise
    # no longer applies. Saying "kept" or "broken" would be untrue, and leaving it open
    # keeps it overdue in the banner for ever. Counted apart from kept and broken.
    CANCELLED = "cancelled"


STATE_LABELS = {
    PromiseState.OPEN: ("待兑现", "Open"),
    PromiseState.KEPT: ("已兑现", "Kept"),
    PromiseState.BROKEN: ("未兑现", "Broken"),
    PromiseState.CANCELLED: ("不再需要", "No longer needed"),
}


def state_label(state: PromiseState, lang: str = "zh") -> str:
    """'待兑现' / 'Open' and so on."""
    return pick(lang, *STATE_LABELS[state])


@dataclass(frozen=True)
class Promise:
    """One promise on one case. Times are aware UTC datetimes."""

    id: int
    case_id: int
    kind: PromiseKind
    text: str  # free text; may be "" when the template says it all
    due_at: datetime
    made_by: str
    made_at: datetime
    state: PromiseState = PromiseState.OPEN
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    # Why it was broken, or why it is no longer needed (CANCELLED): the same column, as
    # both are "why this was closed without being kept" (m0030 says why).
    broken_reason: str | None = None

    @property
    def is_open(self) -> bool:
        return self.state == PromiseState.OPEN

    def is_overdue(self, now: datetime) -> bool:
        """Still open at or after its due time (due at 15:00 is overdue at 15:00)."""
        return self.is_open and self.due_at <= now

    def was_late(self) -> bool:
        """Kept or broken after the due time (a promise no longer needed is never late:
        nothing was owed any more)."""
        return (self.state != PromiseState.CANCELLED and self.resolved_at is not None
                and self.resolved_at > self.due_at)

    def describe(self, lang: str = "zh") -> str:
        """Kind label plus the free text: '回电：确认补发时间' / 'Call back: ...'."""
        label = self.kind.label(lang)
        text = self.text.strip()
        if not text:
            return label
        if self.kind == PromiseKind.OTHER:
            return text  # "其他：..." says nothing the text does not
        return f"{label}{colon(lang)}{text}"


def validate_new_promise(kind: PromiseKind | None, text: str, due_at: datetime | None,
                         now: datetime) -> list[FieldError]:
    """Problems with a promise about to be made (empty list: fine)."""
    errors: list[FieldError] = []
    if kind is None:
        errors.append(FieldError("kind", "请选择承诺类型", "Choose what was promised"))
    text = (text or "").strip()
    if kind == PromiseKind.OTHER and not text:
        errors.append(FieldError("text", "“其他”承诺需写明承诺内容",
                                 "Say what was promised (kind 'other' needs a text)"))
    if len(text) > MAX_TEXT:
        errors.append(FieldError("text", f"承诺内容不能超过 {MAX_TEXT} 字",
                                 f"The promise text is longer than {MAX_TEXT} characters"))
    if due_at is None:
        errors.append(FieldError("due_at", "请填写承诺的到期时间",
                                 "The promise needs a due time"))
    elif due_at.tzinfo is None or due_at.utcoffset() is None:
        errors.append(FieldError("due_at", "到期时间缺少时区", "The due time has no time zone"))
    elif due_at < now - PAST_SLACK:
        errors.append(FieldError("due_at", "到期时间已经过去，请检查日期",
                                 "The due time is in the past; check the date"))
    return errors


_DONE = {
    PromiseState.KEPT: ("已兑现", "kept"),
    PromiseState.BROKEN: ("已标记为未兑现", "broken"),
    PromiseState.CANCELLED: ("已标记为不再需要", "marked no longer needed"),
}
_ACTIONS = {
    "keep": ("标记为已兑现", "marked kept"),
    "break": ("标记为未兑现", "marked broken"),
    "cancel": ("标记为不再需要", "marked no longer needed"),
}


def check_resolvable(promise: Promise, action: str) -> list[FieldError]:
    """Only an OPEN promise can be kept, broken or cancelled; `action` is 'keep', 'break'
    or 'cancel'."""
    if promise.is_open:
        return []
    done_zh, done_en = _DONE[promise.state]
    verb_zh, verb_en = _ACTIONS[action]
    return [FieldError("state", f"承诺 #{promise.id} {done_zh}，只有待兑现的承诺才能{verb_zh}",
                       f"Promise #{promise.id} is already {done_en}; only an open promise "
                       f"can be {verb_en}")]


def parse_kind(text: str) -> PromiseKind:
    """A key, Chinese or English label -> PromiseKind (ValueError when unknown)."""
    return PromiseKind.parse(text)  # type: ignore[return-value]


# --- quick picks for the due time ------------------------------------------------


class QuickDue(StrEnum):
    """The due times people say most: "within the hour", "by 6 pm", "tomorrow noon"."""

    IN_ONE_HOUR = "in_one_hour"
    TODAY_18 = "today_18"
    TOMORROW_12 = "tomorrow_12"


def quick_due(pick: QuickDue, now: datetime, tz: str) -> datetime | None:
    """The due time for `pick` from `now`, to the minute; None when it has already passed
    (18:00 today, asked at 19:00)."""
    zone = ZoneInfo(tz)
    here = now.astimezone(zone)
    if pick == QuickDue.IN_ONE_HOUR:
        return (here + timedelta(hours=1)).replace(second=0, microsecond=0)
    if pick == QuickDue.TODAY_18:
        at = datetime.combine(here.date(), time(18, 0), tzinfo=zone)
        return at if at > here else None
    if pick == QuickDue.TOMORROW_12:
        return datetime.combine(here.date() + timedelta(days=1), time(12, 0), tzinfo=zone)
    raise ValueError(pick)
