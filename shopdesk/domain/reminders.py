"""Reminders outside the window: what is due, when to say it, and how to say it once.

Plain rules, no storage: a `Reminder` is something with a due time on a case (a platform
deadline, a promise to a buyer, a new early warning, the evening refund cut-off). The
settings say how many minutes before its due time each kind is announced and when the
shop wants silence (quiet hours, which may cross midnight). A reminder whose time falls
in quiet hours waits for them to end, unless what it is about is due before they end: that
one is said in the last minute before they begin. `ready` picks what should be announced
now and not yet was; `group` turns them into ONE notification per poll, so a busy morning
is one message, not forty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from typing import Any

from .clock import ensure_aware, local
from .errors import FieldError, ValidationError
from .labels import LabelledEnum
from .text import Text, colon, list_sep, pick


class ReminderKind(LabelledEnum):
    """What a reminder is about; the order is the order a grouped message lists them."""

    DEADLINE = ("deadline", "平台期限", "Platform deadline")
    PROMISE = ("promise", "承诺", "Promise")
    WARNING = ("warning", "预警", "Warning")
    REFUND_CUTOFF = ("refund_cutoff", "今日待退款", "Refunds due today")


@dataclass(frozen=True)
class Reminder:
    """One thing to remind about. `key` identifies it across polls and restarts: a
    reminder is announced once per key (a promise moved to another time gets a new key,
    so the new time is announced again)."""

    kind: ReminderKind
    key: str
    case_id: int | None  # None for a reminder about many cases (the refund cut-off)
    case_no: str
    due_at: datetime  # aware; UTC in storage, shown in the shop's zone
    text: Text  # what it is, e.g. "回电：确认补发时间" / "Call back: ..."

    def __post_init__(self) -> None:
        ensure_aware(self.due_at)

    def overdue(self, now: datetime) -> bool:
        """Past its due time. A warning has none (`due_at` is when it was raised): never
        overdue, or every new warning would read 已过期 / OVERDUE."""
        return self.kind is not ReminderKind.WARNING and self.due_at <= now


# Minutes before the due time each kind is announced (settings; warnings have no due
# time of their own: they are announced when raised).
DEFAULT_LEAD_MINUTES: Mapping[ReminderKind, int] = {
    ReminderKind.DEADLINE: 120,
    ReminderKind.PROMISE: 30,
    ReminderKind.WARNING: 0,
    ReminderKind.REFUND_CUTOFF: 0,
}
MAX_LEAD_MINUTES = 7 * 24 * 60
# Quiet from midnight to 08:00 by default: the refund cut-off (23:00, "clear before
# 24:00") must still be heard, and sellers work late.
DEFAULT_QUIET = (time(0, 0), time(8, 0))
DEFAULT_REFUND_CUTOFF = time(23, 0)
# How long before quiet hours begin a reminder brought forward out of them is said: the
# window polls every minute, so one poll always falls in the last minute.
BEFORE_QUIET = timedelta(minutes=1)


@dataclass(frozen=True)
class ReminderSettings:
    """The shop's reminder choices (kept in the register's settings as JSON)."""

    lead_minutes: Mapping[ReminderKind, int] = field(
        default_factory=lambda: dict(DEFAULT_LEAD_MINUTES))
    quiet_enabled: bool = True
    quiet_start: time = DEFAULT_QUIET[0]
    quiet_end: time = DEFAULT_QUIET[1]
    refund_cutoff: time = DEFAULT_REFUND_CUTOFF

    def lead(self, kind: ReminderKind) -> timedelta:
        return timedelta(minutes=self.lead_minutes.get(kind, DEFAULT_LEAD_MINUTES[kind]))

    def longest_lead(self) -> timedelta:
        return max(self.lead(k) for k in ReminderKind)

    def is_quiet(self, now: datetime, tz: str) -> bool:
        """True inside quiet hours, in the shop's zone."""
        return self.quiet_enabled and in_quiet_hours(
            local(now, tz).time(), self.quiet_start, self.quiet_end)

    def quiet_span(self, at: datetime, tz: str) -> tuple[datetime, datetime] | None:
        """The quiet hours `at` falls in, as (start, end) in UTC; None outside them."""
        if not self.is_quiet(at, tz):
            return None
        here = local(at, tz)
        day = here.date()
        crosses_midnight = self.quiet_start > self.quiet_end
        if crosses_midnight and here.time() < self.quiet_end:
            day -= timedelta(days=1)  # the small hours of quiet hours begun the evening before
        end_day = day + timedelta(days=1) if crosses_midnight else day
        start = datetime.combine(day, self.quiet_start, tzinfo=here.tzinfo)
        end = datetime.combine(end_day, self.quiet_end, tzinfo=here.tzinfo)
        return start.astimezone(UTC), end.astimezone(UTC)

    def with_changes(self, **changes: Any) -> ReminderSettings:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {"lead_minutes": {k.value: int(self.lead(k).total_seconds() // 60)
                                 for k in ReminderKind},
                "quiet_enabled": self.quiet_enabled,
                "quiet_start": _hhmm(self.quiet_start), "quiet_end": _hhmm(self.quiet_end),
                "refund_cutoff": _hhmm(self.refund_cutoff)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ReminderSettings:
        """Settings from their JSON; missing or unreadable values fall back to the
        defaults (a hand-edited setting never stops the reminders)."""
        data = data or {}
        leads = dict(DEFAULT_LEAD_MINUTES)
        for key, value in dict(data.get("lead_minutes") or {}).items():
            try:
                kind = ReminderKind(key)
                minutes = int(value)
            except (ValueError, TypeError):
                continue
            if 0 <= minutes <= MAX_LEAD_MINUTES:
                leads[kind] = minutes
        return cls(lead_minutes=leads,
                   quiet_enabled=bool(data.get("quiet_enabled", True)),
                   quiet_start=_time_or(data.get("quiet_start"), DEFAULT_QUIET[0]),
                   quiet_end=_time_or(data.get("quiet_end"), DEFAULT_QUIET[1]),
                   refund_cutoff=_time_or(data.get("refund_cutoff"), DEFAULT_REFUND_CUTOFF))


def validate_settings(settings: ReminderSettings) -> list[FieldError]:
    """Problems with settings about to be saved (empty: fine)."""
    errors: list[FieldError] = []
    for kind, minutes in settings.lead_minutes.items():
        if not 0 <= int(minutes) <= MAX_LEAD_MINUTES:
            errors.append(FieldError(
                f"lead_{kind.value}",
                f"{kind.label('zh')}的提前提醒分钟数须在 0 到 {MAX_LEAD_MINUTES} 之间",
                f"Minutes before for {kind.label('en')} must be 0 to {MAX_LEAD_MINUTES}"))
    if settings.quiet_enabled and settings.quiet_start == settings.quiet_end:
        errors.append(FieldError("quiet_end", "免打扰的开始和结束时间不能相同",
                                 "Quiet hours must start and end at different times"))
    return errors


def check_settings(settings: ReminderSettings) -> ReminderSettings:
    errors = validate_settings(settings)
    if errors:
        raise ValidationError(errors)
    return settings


def in_quiet_hours(at: time, start: time, end: time) -> bool:
    """`at` within [start, end); a window whose start is after its end crosses midnight
    (22:00–07:00 is quiet at 23:30 and at 06:59, not at 07:00)."""
    if start == end:
        return False
    if start < end:
        return start <= at < end
    return at >= start or at < end


def parse_hhmm(text: str, field_name: str) -> time:
    """'23:00' -> time(23, 0); a FieldError (ValidationError) names the field otherwise."""
    try:
        hours, minutes = str(text).strip().split(":")
        return time(int(hours), int(minutes))
    except (ValueError, TypeError):
        raise ValidationError([FieldError(field_name, f"时间格式应为 HH:MM（如 23:00）：{text}",
                                          f"Time must be HH:MM (e.g. 23:00): {text}")]) from None


def _time_or(value: object, default: time) -> time:
    try:
        return parse_hhmm(str(value), "time") if value is not None else default
    except ValidationError:
        return default


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def announce_at(reminder: Reminder, settings: ReminderSettings,
                tz: str | None = None) -> datetime:
    """When the reminder is to be announced: N minutes (per kind) before it is due. With
    the shop's zone `tz`: a time inside quiet hours for something due before they end
    moves to the last minute before they begin (held back to their end, a JD refund due
    at 05:00 would be announced at 08:00, after the platform refunded it). A warning
    has no due time of its own (`due_at` is when it was raised): it waits."""
    at = reminder.due_at - settings.lead(reminder.kind)
    if tz is None or reminder.kind is ReminderKind.WARNING:
        return at
    quiet = settings.quiet_span(at, tz)
    if quiet is not None and reminder.due_at < quiet[1]:
        return quiet[0] - BEFORE_QUIET
    return at


def ready(reminders: Iterable[Reminder], now: datetime, settings: ReminderSettings,
          announced: set[str] | frozenset[str], tz: str | None = None) -> list[Reminder]:
    """The reminders to announce now: their time (`announce_at`, in the shop's zone `tz`)
    has come and their key was not announced before. Whether it is quiet now is the
    caller's (`is_quiet`): what is held back then is announced, grouped, when they end."""
    out = [r for r in reminders
           if r.key not in announced and announce_at(r, settings, tz) <= now]
    return sorted(out, key=lambda r: (_ORDER[r.kind], r.due_at, r.case_no))


_ORDER = {k: i for i, k in enumerate(ReminderKind)}


@dataclass(frozen=True)
class Notification:
    """One desktop message. `case_id` is set when it is about one case (a click opens
    it); otherwise `kinds` says which list a click should show."""

    title: Text
    body: Text
    reminders: tuple[Reminder, ...]
    case_id: int | None
    kinds: tuple[ReminderKind, ...]

    def message(self, lang: str) -> tuple[str, str]:
        return self.title.get(lang), self.body.get(lang)


# How many case numbers a grouped message names before "…" (a tray balloon is small).
GROUP_NAMES = 3


def group(reminders: Sequence[Reminder], now: datetime, tz: str) -> Notification | None:
    """All of a poll's reminders as one notification (None when there are none).

    One reminder: its own text and the case. More: a count per kind
    ("5 个期限即将到期，2 个承诺已逾期") and the first case numbers.
    """
    if not reminders:
        return None
    kinds = tuple(k for k in ReminderKind if any(r.kind == k for r in reminders))
    if len(reminders) == 1:
        r = reminders[0]
        return Notification(title=_single_title(r, now),
                            body=_single_body(r, now, tz), reminders=(r,),
                            case_id=r.case_id, kinds=kinds)
    counts = Counter(_phrase_key(r, now) for r in reminders
                     if r.kind != ReminderKind.REFUND_CUTOFF)
    zh_parts = [_count_phrase(key, n, "zh") for key, n in _ordered(counts)]
    en_parts = [_count_phrase(key, n, "en") for key, n in _ordered(counts)]
    # The cut-off reminder already says how many refunds are left: its own words.
    for r in reminders:
        if r.kind == ReminderKind.REFUND_CUTOFF:
            zh_parts.append(r.text.zh)
            en_parts.append(r.text.en)
    nos = list(dict.fromkeys(r.case_no for r in reminders if r.case_no))
    shown = nos[:GROUP_NAMES]
    more = len(nos) - len(shown)
    title = Text("，".join(zh_parts), "; ".join(en_parts))
    zh_body = list_sep("zh").join(shown) + (f" 等 {len(nos)} 个案件" if more else "")
    en_body = list_sep("en").join(shown) + (f" and {more} more" if more else "")
    # Several reminders about one case (two warnings raised together) still open it.
    ids = {r.case_id for r in reminders}
    one_case = next(iter(ids)) if len(ids) == 1 else None
    return Notification(title=title, body=Text(zh_body or title.zh, en_body or title.en),
                        reminders=tuple(reminders), case_id=one_case, kinds=kinds)


def _phrase_key(r: Reminder, now: datetime) -> tuple[ReminderKind, bool]:
    return r.kind, r.overdue(now) and r.kind in (ReminderKind.DEADLINE, ReminderKind.PROMISE)


def _ordered(counts: Counter) -> list[tuple[tuple[ReminderKind, bool], int]]:
    return sorted(counts.items(), key=lambda kv: (_ORDER[kv[0][0]], not kv[0][1]))


_PHRASES = {
    (ReminderKind.DEADLINE, False): ("{n} 个期限即将到期", "{n} deadline(s) due soon"),
    (ReminderKind.DEADLINE, True): ("{n} 个期限已超时", "{n} deadline(s) passed"),
    (ReminderKind.PROMISE, False): ("{n} 个承诺即将到期", "{n} promise(s) due soon"),
    (ReminderKind.PROMISE, True): ("{n} 个承诺已逾期", "{n} promise(s) overdue"),
    (ReminderKind.WARNING, False): ("{n} 条新预警", "{n} new warning(s)"),
    (ReminderKind.REFUND_CUTOFF, False): ("今日待退款提醒", "Refunds due today"),
}


def _count_phrase(key: tuple[ReminderKind, bool], n: int, lang: str) -> str:
    zh, en = _PHRASES.get(key, _PHRASES[(key[0], False)])
    return pick(lang, zh, en).format(n=n)


def _single_title(r: Reminder, now: datetime) -> Text:
    zh, en = _PHRASES.get(_phrase_key(r, now), _PHRASES[(r.kind, False)])
    if r.kind == ReminderKind.REFUND_CUTOFF:
        return Text(zh, en)
    # "1 个承诺已逾期" reads oddly for one: name the case instead.
    state = {(ReminderKind.DEADLINE, False): ("期限即将到期", "Deadline due soon"),
             (ReminderKind.DEADLINE, True): ("期限已超时", "Deadline passed"),
             (ReminderKind.PROMISE, False): ("承诺即将到期", "Promise due soon"),
             (ReminderKind.PROMISE, True): ("承诺已逾期", "Promise overdue"),
             (ReminderKind.WARNING, False): ("新预警", "New warning")}[_phrase_key(r, now)]
    return Text(f"{r.case_no} {state[0]}", f"{r.case_no}: {state[1]}")


def _single_body(r: Reminder, now: datetime, tz: str) -> Text:
    if r.kind in (ReminderKind.WARNING, ReminderKind.REFUND_CUTOFF):
        return r.text  # a warning's reason; the cut-off's count (its time is the title's)
    due = local(r.due_at, tz).strftime("%m-%d %H:%M")
    return Text(f"{r.text.zh}{colon('zh')}{due} 到期", f"{r.text.en}{colon('en')}due {due}")
