"""Bilingual texts for blocking reasons and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..text import Bilingual
from ..zone_names import zone_suffix
from .model import CapCounting, ReasonCode
from .rules import DayKind, RuleContext
from .search import CandidateDays, earliest

_WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Reason(Bilingual):
    """One rule that blocks the call, with when it stops blocking (None: not by waiting)."""

    code: ReasonCode
    zh: str
    en: str
    until: datetime | None = None

    @property
    def overridable(self) -> bool:
        return self.code.overridable


@dataclass(frozen=True)
class Notice(Bilingual):
    """A warning in a decision, or a problem with an override request."""

    code: str
    zh: str
    en: str


def duration_zh(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours}小时{mins}分钟"
    return f"{hours}小时" if hours else f"{mins}分钟"


def duration_en(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours} h {mins} min"
    return f"{hours} h" if hours else f"{mins} min"


class ReasonWriter:
    """Builds the Reason for a code at an instant, naming times in the buyer's zone."""

    def __init__(self, ctx: RuleContext, days: CandidateDays) -> None:
        self._ctx = ctx
        self._days = days

    def stamp(self, value: datetime | None, lang: str = "zh") -> str:
        """A time in the buyer's zone: "2026-02-24 10:00" in the shop's own zone, else with
        the zone as a person names it, "2026-02-24 10:00（东京时间）" / "… (Tokyo time)"."""
        if value is None:
            return "—"
        local = value.astimezone(self._ctx.tz)
        fmt = "%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M"
        return local.strftime(fmt) + zone_suffix(self._ctx.tz_name,
                                                  self._ctx.policy.shop_tz, lang)

    def day_stamp(self, value: datetime | None, lang: str = "zh") -> str:
        """The buyer's local date of `value`, "2026-10-09" (with the zone as in `stamp`):
        a day rule ends at midnight, when quiet hours still hold, so no time is named."""
        if value is None:
            return "—"
        local = value.astimezone(self._ctx.tz)
        return local.date().isoformat() + zone_suffix(self._ctx.tz_name,
                                                      self._ctx.policy.shop_tz, lang)

    def _until(self, code: ReasonCode, t: datetime, horizon_days: int) -> datetime | None:
        return earliest(self._ctx, self._days, t, self._ctx.rule_ok(code),
                        timedelta(days=horizon_days))

    def reason(self, code: ReasonCode, t: datetime) -> Reason:
        build = getattr(self, f"_{code.value}")
        return build(t)

    def _do_not_call(self, t: datetime) -> Reason:
        at = self._ctx.dnc_at
        if at is not None:
            return Reason(ReasonCode.DO_NOT_CALL,
                          f"买家已于{self.stamp(at)}要求不要再来电，不可拨打（不可越权）",
                          f"The buyer asked not to be called ({self.stamp(at, 'en')}); "
                          "never call again, no override")
        return Reason(ReasonCode.DO_NOT_CALL, "买家在勿扰名单中，不可拨打（不可越权）",
                      "The buyer is on the do-not-call list; no override")

    def _case_finished(self, t: datetime) -> Reason:
        return Reason(ReasonCode.CASE_FINISHED,
                      "这张售后单已解决或已关闭，不需要再打电话；确需来电请写明原因",
                      "This case is resolved or closed: no call is needed; a call still "
                      "needs a written reason")

    def _quiet_hours(self, t: datetime) -> Reason:
        p = self._ctx.policy
        span = f"{p.quiet_start:%H:%M}–{p.quiet_end:%H:%M}"
        until = self._until(ReasonCode.QUIET_HOURS, t, 3)
        return Reason(ReasonCode.QUIET_HOURS,
                      f"买家当地时间处于静默时段（{span}），任何情况都不能拨打；"
                      f"静默结束：{self.stamp(until)}",
                      f"Quiet hours in the buyer's local time ({span}): no calls, no override; "
                      f"they end {self.stamp(until, 'en')}", until)

    def _cap_case(self, t: datetime) -> Reason:
        n, cap = self._ctx.case_count, self._ctx.policy.max_attempts_per_case
        return Reason(ReasonCode.CAP_CASE,
                      f"本单已呼叫{n}次，达到上限{cap}次，不可再拨打（不可越权）",
                      f"{n} attempts on this case reach its limit of {cap}; no override")

    def _outside_window(self, t: datetime) -> Reason:
        ctx = self._ctx
        local = t.astimezone(ctx.tz)
        wd = local.weekday()
        today = ctx.policy.windows[wd]
        spans = "、".join(w.text() for w in today)
        spans_en = ", ".join(w.text() for w in today)
        margin = ctx.policy.end_margin
        until = self._until(ReasonCode.OUTSIDE_WINDOW, t, 8) if ctx.has_windows else None
        if today:
            zh_rule = f"{_WEEKDAY_ZH[wd]}可呼叫时段 {spans}"
            en_rule = f"{_WEEKDAY_EN[wd]} calling window {spans_en}"
            if margin:
                zh_rule += f"（结束前{duration_zh(margin)}不再拨打）"
                en_rule += f" (no new calls in the last {duration_en(margin)})"
        else:
            zh_rule = f"{_WEEKDAY_ZH[wd]}不可呼叫"
            en_rule = f"no calling window on {_WEEKDAY_EN[wd]}"
        return Reason(ReasonCode.OUTSIDE_WINDOW,
                      f"不在可呼叫时段：买家当地时间 {self.stamp(t)}，{zh_rule}；"
                      f"下次开放：{self.stamp(until)}",
                      f"Outside the calling window: buyer's local time {self.stamp(t, 'en')}, "
                      f"{en_rule}; the window next opens {self.stamp(until, 'en')}", until)

    def _holiday(self, t: datetime) -> Reason:
        ctx = self._ctx
        day: date = t.astimezone(ctx.tz).date()
        status = ctx.day_status(day)
        zh_kind, en_kind = {
            DayKind.BLACKOUT: ("店铺设定的停呼日", "a blackout date set by the shop"),
            DayKind.STATUTORY: ("法定节假日", "a statutory holiday"),
            DayKind.REST_DAY: ("休息日", "a rest day"),
            DayKind.WEEKEND_FALLBACK: (
                f"周末（缺少{status.missing_year}年节假日数据，暂按周末处理）",
                f"a weekend (no holiday data for {status.missing_year}; weekends stand in)"),
        }.get(status.kind, ("休息日", "a rest day"))
        until = self._until(ReasonCode.HOLIDAY, t, 400)
        return Reason(ReasonCode.HOLIDAY,
                      f"买家当地日期 {day.isoformat()} 是{zh_kind}，不打扰买家；"
                      f"可呼叫日从 {self.day_stamp(until)} 起",
                      f"The buyer's local date {day.isoformat()} is {en_kind}; "
                      f"calling days resume on {self.day_stamp(until, 'en')}", until)

    def _cap_24h(self, t: datetime) -> Reason:
        ctx = self._ctx
        n, cap = ctx.count_in_period(t), ctx.policy.max_attempts_per_day
        until = self._until(ReasonCode.CAP_24H, t, 3)
        if ctx.policy.day_counting is CapCounting.CALENDAR_DAY:
            zh = f"买家当地今天已呼叫{n}次（所有售后单合计，上限{cap}次）"
            en = f"{n} attempts today in the buyer's local day (all cases, limit {cap})"
        else:
            zh = f"24小时内已呼叫{n}次（所有售后单合计，上限{cap}次）"
            en = f"{n} attempts in the last 24 hours (all cases, limit {cap})"
        return Reason(ReasonCode.CAP_24H, f"{zh}；恢复时间：{self.stamp(until)}",
                      f"{en}; a call frees up {self.stamp(until, 'en')}", until)

    def _cap_span(self, t: datetime) -> Reason:
        ctx = self._ctx
        n, cap, days = ctx.count_in_span(t), ctx.policy.max_attempts_per_span, \
            ctx.policy.cap_span_days
        until = self._until(ReasonCode.CAP_SPAN, t, days + 3)
        return Reason(ReasonCode.CAP_SPAN,
                      f"{days}天内已呼叫{n}次（所有售后单合计，上限{cap}次），连续多天反复来电"
                      f"也算骚扰；恢复时间：{self.stamp(until)}",
                      f"{n} attempts in the last {days} days (all cases, limit {cap}); "
                      f"calling on day after day is harassment too; a call frees up "
                      f"{self.stamp(until, 'en')}", until)

    def _min_gap(self, t: datetime) -> Reason:
        ctx = self._ctx
        last, gap = ctx.times[-1], ctx.policy.min_gap
        until = last + gap
        return Reason(ReasonCode.MIN_GAP,
                      f"两次呼叫至少间隔{duration_zh(gap)}（上次 {self.stamp(last)}）；"
                      f"{self.stamp(until)} 后可再拨",
                      f"Attempts must be {duration_en(gap)} apart (last {self.stamp(last, 'en')}); "
                      f"wait until {self.stamp(until, 'en')}", until)

    def _cooldown(self, t: datetime) -> Reason:
        ctx = self._ctx
        talk, cool = ctx.talk_times[-1], ctx.policy.cooldown_after_talk
        until = talk + cool
        return Reason(ReasonCode.COOLDOWN,
                      f"与买家通话后需冷静{duration_zh(cool)}（通话于 {self.stamp(talk)}）；"
                      f"{self.stamp(until)} 后可再拨",
                      f"Cool-down of {duration_en(cool)} after talking to the buyer "
                      f"({self.stamp(talk, 'en')}); wait until {self.stamp(until, 'en')}", until)

    def _checklist_missing(self, t: datetime) -> Reason:
        checklist = self._ctx.case.checklist
        if checklist is None:
            return Reason(ReasonCode.CHECKLIST_MISSING,
                          "拨打前请完成通话准备：目标、2–3个备选方案、承受底线、可给予的最大权限",
                          "Complete the pre-call checklist first: goal, 2–3 fallback offers, "
                          "bottom line, the most you may grant")
        problems = checklist.problems()
        return Reason(ReasonCode.CHECKLIST_MISSING,
                      "通话前准备未完成：" + "；".join(p.zh for p in problems),
                      "Pre-call checklist incomplete: " + "; ".join(p.en for p in problems))

    def _chat_first_missing(self, t: datetime) -> Reason:
        return Reason(ReasonCode.CHAT_FIRST_MISSING,
                      "请先在聊天中联系买家并记录，电话是最后手段",
                      "Message the buyer in chat first and log it: the phone is the last resort")


def holiday_data_warning(year: int) -> Notice:
    return Notice("holiday_data_missing",
                  f"缺少{year}年的节假日数据，暂只避开周末；请更新节假日数据",
                  f"No holiday data for {year}: only weekends are avoided; "
                  "update the holiday data")


def no_slot_warning(days: int) -> Notice:
    return Notice("no_slot_in_horizon",
                  f"未来{days}天内找不到可呼叫的时间，请检查呼叫规则",
                  f"No allowed time in the next {days} days; check the call policy")
