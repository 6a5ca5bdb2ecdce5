"""Reminders: when each is announced, quiet hours across midnight, no repeats, grouping."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from shopdesk.domain.errors import ValidationError
from shopdesk.domain.reminders import (
    Reminder,
    ReminderKind,
    ReminderSettings,
    check_settings,
    group,
    in_quiet_hours,
    ready,
)
from shopdesk.domain.text import Text

TZ = "Asia/Shanghai"
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def rem(kind=ReminderKind.PROMISE, minutes=0, key=None, case_no="SD-20261123-0001",
        case_id=1, text="回电"):
    due = NOW + timedelta(minutes=minutes)
    return Reminder(kind=kind, key=key or f"{kind.value}:{case_no}:{minutes}",
                    case_id=case_id, case_no=case_no, due_at=due, text=Text(text, "Call"))


def test_announced_n_minutes_before_due_per_kind():
    settings = ReminderSettings(lead_minutes={ReminderKind.PROMISE: 30,
                                              ReminderKind.DEADLINE: 120})
    soon_promise = rem(minutes=29)
    later_promise = rem(minutes=31)
    deadline = rem(ReminderKind.DEADLINE, minutes=119)
    out = ready([soon_promise, later_promise, deadline], NOW, settings, set())
    assert out == [deadline, soon_promise]  # deadlines first, then promises


def test_no_repeat_once_announced():
    r = rem(minutes=-5)
    assert ready([r], NOW, ReminderSettings(), {r.key}) == []
    moved = rem(minutes=20, key="promise:1:moved")  # a new due time is a new key
    assert ready([r, moved], NOW, ReminderSettings(), {r.key}) == [moved]


@pytest.mark.parametrize(("at", "quiet"), [
    (time(21, 59), False), (time(22, 0), True), (time(23, 59), True), (time(0, 0), True),
    (time(6, 59), True), (time(7, 0), False), (time(12, 0), False)])
def test_quiet_hours_across_midnight(at, quiet):
    assert in_quiet_hours(at, time(22, 0), time(7, 0)) is quiet


def test_quiet_hours_in_the_shop_zone():
    settings = ReminderSettings(quiet_start=time(22, 0), quiet_end=time(7, 0))
    # 15:30 UTC is 23:30 in Shanghai: quiet there, though it is afternoon in UTC.
    assert settings.is_quiet(datetime(2026, 11, 23, 15, 30, tzinfo=UTC), TZ)
    assert not settings.is_quiet(datetime(2026, 11, 23, 23, 0, tzinfo=UTC), TZ)  # 07:00
    assert not settings.with_changes(quiet_enabled=False).is_quiet(
        datetime(2026, 11, 23, 15, 30, tzinfo=UTC), TZ)


def test_a_busy_morning_is_one_notification():
    reminders = [rem(ReminderKind.DEADLINE, minutes=30 + i, case_no=f"SD-20261123-00{i:02d}",
                     case_id=i) for i in range(5)]
    reminders += [rem(minutes=-10 - i, case_no=f"SD-20261122-00{i:02d}", case_id=10 + i)
                  for i in range(2)]
    note = group(reminders, NOW, TZ)
    title, body = note.message("zh")
    assert title == "5 个期限即将到期，2 个承诺已逾期"
    assert body.startswith("SD-20261123-0000、SD-20261123-0001、SD-20261123-0002")
    assert body.endswith("等 7 个案件")
    assert note.case_id is None  # a click shows the list, not one case
    assert note.kinds == (ReminderKind.DEADLINE, ReminderKind.PROMISE)
    assert note.message("en")[0] == "5 deadline(s) due soon; 2 promise(s) overdue"


def test_one_reminder_names_its_case_and_opens_it():
    note = group([rem(minutes=20, case_id=7)], NOW, TZ)
    assert note.case_id == 7
    title, body = note.message("zh")
    assert title == "SD-20261123-0001 承诺即将到期"
    assert body == "回电：11-23 10:20 到期"


def test_refund_cutoff_speaks_in_its_own_words_in_a_group():
    cutoff = Reminder(kind=ReminderKind.REFUND_CUTOFF, key="refund_cutoff:2026-11-23",
                      case_id=None, case_no="", due_at=NOW,
                      text=Text("还有 3 笔待退款，请在 24:00 前处理", "3 refund(s)"))
    note = group([rem(ReminderKind.WARNING, minutes=-1), cutoff], NOW, TZ)
    assert note.message("zh")[0] == "1 条新预警，还有 3 笔待退款，请在 24:00 前处理"
    assert group([], NOW, TZ) is None


def test_settings_round_trip_and_bad_values_fall_back():
    s = ReminderSettings(lead_minutes={ReminderKind.PROMISE: 15}, quiet_start=time(23, 0),
                         quiet_end=time(6, 30), refund_cutoff=time(22, 30))
    back = ReminderSettings.from_json(s.to_json())
    assert back.lead(ReminderKind.PROMISE) == timedelta(minutes=15)
    assert (back.quiet_start, back.quiet_end, back.refund_cutoff) == (
        time(23, 0), time(6, 30), time(22, 30))
    odd = ReminderSettings.from_json({"lead_minutes": {"promise": "x", "nope": 3},
                                      "quiet_start": "25:99"})
    assert odd.lead(ReminderKind.PROMISE) == timedelta(minutes=30)
    assert odd.quiet_start == time(0, 0)
    with pytest.raises(ValidationError) as err:
        check_settings(ReminderSettings(quiet_start=time(8, 0), quiet_end=time(8, 0)))
    assert err.value.errors[0].field == "quiet_end"


def test_a_warning_is_announced_when_raised_and_never_overdue():
    warning = rem(kind=ReminderKind.WARNING, minutes=-30)
    assert not warning.overdue(NOW)  # raised half an hour ago: not 已过期
    assert rem(minutes=-30).overdue(NOW) and not rem(minutes=30).overdue(NOW)

