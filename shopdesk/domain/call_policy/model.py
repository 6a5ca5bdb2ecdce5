"""The records the call policy works on: outcomes, attempts, buyer, case, policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..clock import SHOP_TZ_DEFAULT, ensure_aware
from ..errors import FieldError, ValidationError
from ..labels import LabelledEnum

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Longer than this a cap or gap is a typo, and it would push expiries past the search horizon.
MAX_SPAN = timedelta(days=366)


class CallOutcome(LabelledEnum):
    NO_ANSWER = ("no_answer", "未接听", "No answer")
    REJECTED = ("rejected", "拒接", "Rejected")
    CONNECTED = ("connected", "已接通", "Connected (talked)")
    ASKED_NOT_TO_CALL = ("asked_not_to_call", "要求勿再来电", "Asked not to be called")

    @property
    def is_conversation(self) -> bool:
        """The buyer was actually talked to, which starts the cool-down."""
        return self in (CallOutcome.CONNECTED, CallOutcome.ASKED_NOT_TO_CALL)

    @property
    def makes_do_not_call(self) -> bool:
        """After this outcome the buyer must never be called again."""
        return self is CallOutcome.ASKED_NOT_TO_CALL


class ReasonCode(LabelledEnum):
    """Why a call is blocked right now."""

    DO_NOT_CALL = ("do_not_call", "买家拒绝来电", "Do not call")
    QUIET_HOURS = ("quiet_hours", "静默时段", "Quiet hours")
    CAP_CASE = ("cap_case", "本单呼叫次数已满", "Case attempts used up")
    OUTSIDE_WINDOW = ("outside_window", "不在可呼叫时段", "Outside the calling window")
    HOLIDAY = ("holiday", "节假日/休息日", "Holiday or rest day")
    CAP_24H = ("cap_24h", "当日呼叫次数已满", "Daily attempts used up")
    CAP_SPAN = ("cap_span", "多日内呼叫次数已满", "Attempts over several days used up")
    MIN_GAP = ("min_gap", "距上次呼叫太近", "Too soon after the last attempt")
    COOLDOWN = ("cooldown", "通话后冷静期", "Cool-down after a conversation")
    CHECKLIST_MISSING = ("checklist_missing", "未完成通话前准备", "Pre-call checklist incomplete")
    CHAT_FIRST_MISSING = ("chat_first_missing", "未先在聊天中沟通", "No chat message logged first")
    CASE_FINISHED = ("case_finished", "售后单已结束，无需来电", "Case finished: no call needed")

    @property
    def overridable(self) -> bool:
        """Soft rules a person may override with a written reason; hard ones never."""
        return self not in HARD_CODES


HARD_CODES = frozenset({ReasonCode.QUIET_HOURS, ReasonCode.DO_NOT_CALL, ReasonCode.CAP_CASE})


class HolidayMode(LabelledEnum):
    AVOID_STATUTORY = ("avoid_statutory", "避开法定节假日", "Avoid statutory holidays")
    AVOID_REST_DAYS = ("avoid_rest_days", "避开所有休息日", "Avoid all rest days")
    IGNORE = ("ignore", "不考虑节假日", "Ignore holidays")


class CapCounting(LabelledEnum):
    ROLLING = ("rolling", "滚动24小时", "Rolling 24 hours")
    CALENDAR_DAY = ("calendar_day", "自然日（买家当地）", "Calendar day (buyer's local)")


@dataclass(frozen=True)
class CallAttempt:
    """One dialled call, answered or not, as the storage layer hands it in."""

    at: datetime
    case_id: int
    outcome: CallOutcome
    overridden: bool = False

    def __post_init__(self) -> None:
        ensure_aware(self.at)


@dataclass(frozen=True)
class BuyerCallProfile:
    """What the policy needs to know about the buyer; `tz` None means the shop's zone."""

    key: str = ""
    tz: str | None = None
    do_not_call: bool = False


@dataclass(frozen=True)
class PreCallChecklist:
    """What the caller prepares before dialling (see domain.md, the phone-call policy)."""

    goal: str = ""
    fallback_offers: tuple[str, ...] = ()
    bottom_line: str = ""
    max_grant: str = ""

    def problems(self) -> list[FieldError]:
        """Every missing item; an empty list means the checklist is complete."""
        errors: list[FieldError] = []
        if not self.goal.strip():
            errors.append(FieldError("goal", "未填写通话目标", "Goal of the call is missing"))
        offers = [o for o in self.fallback_offers if o.strip()]
        if len(offers) < 2:
            errors.append(FieldError("fallback_offers", "至少准备2个备选方案",
                                     "Prepare at least 2 fallback offers"))
        elif len(offers) > 3:
            errors.append(FieldError("fallback_offers", "备选方案最多3个，请精简",
                                     "At most 3 fallback offers; keep it focused"))
        if not self.bottom_line.strip():
            errors.append(FieldError("bottom_line", "未填写承受底线", "Bottom line is missing"))
        if not self.max_grant.strip():
            errors.append(FieldError("max_grant", "未填写可给予的最大权限",
                                     "The most you may grant is missing"))
        return errors

    @property
    def is_complete(self) -> bool:
        return not self.problems()


@dataclass(frozen=True)
class CaseCallContext:
    """The case the call is about, and how far its preparation got."""

    case_id: int
    chat_logged: bool = False
    checklist: PreCallChecklist | None = None
    # Resolved or closed: no call is needed; one that still happens needs a reason.
    finished: bool = False


@dataclass(frozen=True)
class TimeWindow:
    """A half-open span of wall-clock time within one day: start <= t < end."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("window times are wall-clock times without a zone")
        if not self.start < self.end:
            raise ValueError(f"window start {self.start} must be before its end {self.end}")

    def text(self) -> str:
        return f"{_hhmm(self.start)}–{_hhmm(self.end)}"


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def every_day(*windows: TimeWindow) -> tuple[tuple[TimeWindow, ...], ...]:
    """The same windows on all seven weekdays (Monday first)."""
    return tuple(tuple(windows) for _ in WEEKDAYS)


@dataclass(frozen=True)
class CallPolicy:
    """Every setting of the phone-call policy; defaults are the "Taobao safe" preset."""

    name: str = "taobao_safe"
    label_zh: str = "淘宝安全"
    label_en: str = "Taobao safe"
    shop_tz: str = SHOP_TZ_DEFAULT
    # Monday first; an empty tuple means no calls on that weekday.
    windows: tuple[tuple[TimeWindow, ...], ...] = every_day(TimeWindow(time(10), time(18)))
    end_margin: timedelta = timedelta(minutes=10)
    quiet_start: time = time(21)
    quiet_end: time = time(8)
    holiday_mode: HolidayMode = HolidayMode.AVOID_STATUTORY
    blackout_dates: frozenset[date] = field(default=frozenset())
    max_attempts_per_day: int = 2
    day_counting: CapCounting = CapCounting.ROLLING
    max_attempts_per_case: int = 3
    # Per buyer across all their cases within any `cap_span_days` days (rolling): repeated
    # calls over several days are harassment too (Taobao-safe: 5 in 7; Reg F: 7 in 7).
    max_attempts_per_span: int = 5
    cap_span_days: int = 7
    min_gap: timedelta = timedelta(hours=2)
    cooldown_after_talk: timedelta = timedelta(hours=24)
    require_chat_first: bool = False
    require_checklist: bool = False

    def __post_init__(self) -> None:
        errors = validate_policy(self)
        if errors:
            raise ValidationError(errors)

    def in_quiet_hours(self, wall: time) -> bool:
        """Quiet hours may wrap midnight (21:00–08:00); half-open like the windows."""
        start, end = self.quiet_start, self.quiet_end
        if start < end:
            return start <= wall < end
        return wall >= start or wall < end


def validate_policy(policy: CallPolicy) -> list[FieldError]:
    """Every inconsistency in a policy, each naming the dataclass field at fault."""
    errors: list[FieldError] = []

    def err(name: str, zh: str, en: str) -> None:
        errors.append(FieldError(name, zh, en))

    try:
        ZoneInfo(policy.shop_tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        err("shop_tz", f"未知时区：{policy.shop_tz}", f"Unknown time zone: {policy.shop_tz}")
    if len(policy.windows) != 7 or not all(
            isinstance(day, tuple) and all(isinstance(w, TimeWindow) for w in day)
            for day in policy.windows):
        err("windows", "需要按周一到周日给出7组时段", "Give seven sets of windows, Monday first")
    if not timedelta(0) <= policy.end_margin < timedelta(hours=24):
        err("end_margin", "结束前停止拨打的分钟数须在0到24小时之间",
            "End margin must be between 0 and 24 hours")
    if policy.quiet_start == policy.quiet_end:
        err("quiet_start", "静默时段的开始与结束不能相同",
            "Quiet hours need different start and end")
    for name in ("quiet_start", "quiet_end"):
        if getattr(policy, name).tzinfo is not None:
            err(name, "静默时段为当地时间，不带时区",
                "Quiet hours are wall-clock times without a zone")
    span = policy.cap_span_days
    if isinstance(span, bool) or not isinstance(span, int) or not 1 <= span <= MAX_SPAN.days:
        err("cap_span_days", "多日上限的天数须在1到366之间",
            "The multi-day cap's span must be 1 to 366 days")
    for name in ("max_attempts_per_day", "max_attempts_per_case", "max_attempts_per_span"):
        value = getattr(policy, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            err(name, "次数上限至少为1", "A cap must be a whole number of at least 1")
    for name in ("min_gap", "cooldown_after_talk"):
        value = getattr(policy, name)
        if not timedelta(0) <= value <= MAX_SPAN:
            err(name, "时长须在0到366天之间", "Duration must be between 0 and 366 days")
    if not isinstance(policy.holiday_mode, HolidayMode):
        err("holiday_mode", "未知的节假日模式", "Unknown holiday mode")
    if not isinstance(policy.day_counting, CapCounting):
        err("day_counting", "未知的计数方式", "Unknown counting mode")
    if any(isinstance(d, datetime) or not isinstance(d, date) for d in policy.blackout_dates):
        err("blackout_dates", "停呼日期须为日期（不含时间）", "Blackout dates must be plain dates")
    return errors
