"""How a time reads in a message to a buyer: when someone is next at work, from the call
policy's windows ({上班时间} in the after-hours reply, so the buyer is told the shop's own
hours, not a fixed "9 tomorrow"), and a deadline ({截止时间}) relative to today."""

from __future__ import annotations

from datetime import datetime, timedelta

from .call_policy.model import CallPolicy
from .text import is_english

WEEKDAY_ZH = "一二三四五六日"
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def next_opening(policy: CallPolicy, now_local: datetime) -> datetime | None:
    """The next window start after `now_local` (shop wall-clock time) within a week; None
    when the policy has no window at all."""
    for offset in range(8):
        day = (now_local + timedelta(days=offset)).date()
        for window in sorted(policy.windows[day.weekday()], key=lambda w: w.start):
            start = datetime.combine(day, window.start, tzinfo=now_local.tzinfo)
            if start > now_local:
                return start
    return None


def opening_text(at: datetime, now_local: datetime, lang: str = "zh") -> str:
    """'明天上午10点' / 'tomorrow at 10:00'; a later day by its weekday."""
    days = (at.date() - now_local.date()).days
    hhmm = at.strftime("%H:%M")
    if is_english(lang):
        when = {0: "today", 1: "tomorrow"}.get(days, WEEKDAY_EN[at.weekday()])
        return f"{when} at {hhmm}"
    when = {0: "今天", 1: "明天"}.get(days, f"周{WEEKDAY_ZH[at.weekday()]}")
    part = "上午" if at.hour < 12 else "下午" if at.hour < 18 else "晚上"
    clock = f"{at.hour if at.hour <= 12 else at.hour - 12}点" + (
        f"{at.minute}分" if at.minute else "")
    return f"{when}{part}{clock}"


def deadline_text(due_local: datetime, now_local: datetime, lang: str = "zh") -> str:
    """'今天18:00' / '明天18:00' / '12月7日 18:00' ('today 18:00' / 'tomorrow 18:00' /
    '7 Dec 18:00'): a deadline as a buyer reads it today. Both times in the shop's zone.
    Scripts never write 今天 or 明天 in front of {截止时间}: the value says which day."""
    days = (due_local.date() - now_local.date()).days
    hhmm = due_local.strftime("%H:%M")
    if is_english(lang):
        when = {0: "today", 1: "tomorrow"}.get(days)
        return f"{when} {hhmm}" if when else f"{due_local.day} {due_local:%b} {hhmm}"
    when = {0: "今天", 1: "明天"}.get(days)
    return f"{when}{hhmm}" if when else f"{due_local.month}月{due_local.day}日 {hhmm}"
