"""Which changes to the call policy loosen it past the safe preset: the rules that keep the
shop from the platforms' harassment penalty (Taobao: 12 points). Pure, like evaluate()."""

from __future__ import annotations

from datetime import time, timedelta

from .model import CallPolicy
from .reasons import Notice

_DAY_MINUTES = 24 * 60


def _quiet_minutes(policy: CallPolicy) -> frozenset[int]:
    """The minutes of the day the quiet hours cover (they may wrap midnight)."""
    return frozenset(m for m in range(_DAY_MINUTES)
                     if policy.in_quiet_hours(time(m // 60, m % 60)))


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _minutes(value: timedelta) -> int:
    return int(value.total_seconds() // 60)


def _quiet_text(policy: CallPolicy) -> str:
    return f"{_hhmm(policy.quiet_start)}–{_hhmm(policy.quiet_end)}"


def loosenings(new: CallPolicy, current: CallPolicy, safe: CallPolicy) -> list[Notice]:
    """The rules on which `new` allows more calls than both `safe` (the shipped safe
    preset) and `current` (what the shop has now): what a person must confirm knowingly.
    A stricter value, or one looser than the preset that the shop already had, is not
    listed; so a seller may always tighten the policy without being asked."""
    out: list[Notice] = []
    new_quiet = _quiet_minutes(new)
    if (_quiet_minutes(safe) - new_quiet) and (_quiet_minutes(current) - new_quiet):
        out.append(Notice(
            "quiet_hours",
            f"静默时段 {_quiet_text(current)} → {_quiet_text(new)}"
            f"（安全预设：{_quiet_text(safe)}）：原本绝不打电话的时间有一部分可以打了",
            f"quiet hours {_quiet_text(current)} → {_quiet_text(new)} "
            f"(safe preset: {_quiet_text(safe)}): calls become possible at times that were "
            "off limits"))
    caps = (("max_attempts_per_day", "cap_24h", "每位买家 24 小时内最多",
             "calls per buyer in 24 h"),
            ("max_attempts_per_case", "cap_case", "每个案件最多", "calls per case"))
    for name, code, zh, en in caps:
        value, was, limit = getattr(new, name), getattr(current, name), getattr(safe, name)
        if value > limit and value > was:
            out.append(Notice(code, f"{zh} {was} → {value} 次（安全预设：{limit} 次）",
                              f"{en} {was} → {value} (safe preset: {limit})"))

    def span_rate(p: CallPolicy) -> float:
        return p.max_attempts_per_span / p.cap_span_days

    if span_rate(new) > span_rate(safe) and span_rate(new) > span_rate(current):
        out.append(Notice(
            "cap_span",
            f"多日上限 {current.cap_span_days} 天 {current.max_attempts_per_span} 次 → "
            f"{new.cap_span_days} 天 {new.max_attempts_per_span} 次（安全预设："
            f"{safe.cap_span_days} 天 {safe.max_attempts_per_span} 次）",
            f"multi-day cap {current.max_attempts_per_span} in {current.cap_span_days} days → "
            f"{new.max_attempts_per_span} in {new.cap_span_days} days (safe preset: "
            f"{safe.max_attempts_per_span} in {safe.cap_span_days})"))
    spans = (("min_gap", "min_gap", "两次呼叫至少间隔", "minimum gap between calls"),
             ("cooldown_after_talk", "cooldown", "通话后冷静期", "cool-down after a conversation"))
    for name, code, zh, en in spans:
        value, was, limit = (_minutes(getattr(p, name)) for p in (new, current, safe))
        if value < limit and value < was:
            out.append(Notice(code, f"{zh} {was} → {value} 分钟（安全预设：{limit} 分钟）",
                              f"{en} {was} → {value} min (safe preset: {limit} min)"))
    return out
