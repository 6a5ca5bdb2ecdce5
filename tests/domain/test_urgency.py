"""Urgency ranking for the hand-off sheet: tiers (a major complaint first), order within a
tier, reasons (the stored warnings arrive as flags)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shopdesk.domain.enums import CaseStatus, Priority
from shopdesk.domain.urgency import (
    MARKED_URGENT,
    Flag,
    OpenPromise,
    Tier,
    UrgencyInput,
    format_span,
    rank_open_cases,
    waiting_on_us,
)

SAFETY = Flag("safety", "人身安全/健康（提到：割伤）", "Safety or health (mentions: 割伤)")
THREAT = Flag("media_threat", "扬言投诉/曝光（提到：12315）",
              "Threatens authorities or press (mentions: 12315)")

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # 18:00 in Shanghai
HORIZON = NOW + timedelta(hours=8)
OLD = NOW - timedelta(days=2)


def item(case_id: int, status: CaseStatus = CaseStatus.IN_PROGRESS, *,
         priority: Priority = Priority.NORMAL, due: datetime | None = None,
         promises: tuple[OpenPromise, ...] = (), warnings: tuple[Flag, ...] = (),
         created: datetime = OLD, owner: str = "") -> UrgencyInput:
    return UrgencyInput(case_id=case_id, status=status, priority=priority, created_at=created,
                        due_at=due, promises=promises, warnings=warnings, major_owner=owner)


def promise(due: datetime, text: str = "回电") -> OpenPromise:
    return OpenPromise(due, text, "Call back")


def test_every_tier_in_rank_order():
    items = [
        item(8, CaseStatus.WAITING_BUYER),
        item(7, CaseStatus.NEW),
        item(6, warnings=(THREAT,)),
        item(5, CaseStatus.WAITING_BUYER, owner="老板"),
        item(4, due=NOW + timedelta(hours=3)),
        item(3, promises=(promise(NOW + timedelta(hours=2)),)),
        item(2, due=NOW - timedelta(hours=1)),
        item(1, CaseStatus.WAITING_PLATFORM, promises=(promise(NOW - timedelta(minutes=5)),)),
    ]
    ranked = rank_open_cases(items, NOW, HORIZON, "Asia/Shanghai")
    assert [r.case_id for r in ranked] == [5, 1, 2, 3, 4, 6, 7, 8]
    assert [r.tier for r in ranked] == list(Tier)
    # Waiting on someone else does not lower an overdue promise; the flag still says so.
    assert ranked[1].waiting_on_us is False and ranked[6].waiting_on_us is True
    assert ranked[0].reasons[0].zh == "重大投诉（负责人：老板）"


def test_a_major_complaint_comes_before_an_overdue_promise():
    items = [item(1, promises=(promise(NOW - timedelta(hours=5)),)),
             item(2, CaseStatus.WAITING_BUYER, owner="老板", created=NOW)]
    ranked = rank_open_cases(items, NOW, HORIZON)
    assert [(r.case_id, r.tier) for r in ranked] == [(2, Tier.MAJOR_COMPLAINT),
                                                     (1, Tier.PROMISE_OVERDUE)]
    assert ranked[0].reasons[0].en == "Major complaint (owner: 老板)"


def test_boundaries_due_now_is_overdue_and_horizon_end_is_outside_the_next_shift():
    items = [item(1, promises=(promise(NOW),)), item(2, promises=(promise(HORIZON),)),
             item(3, due=NOW), item(4, due=HORIZON)]
    tiers = {r.case_id: r.tier for r in rank_open_cases(items, NOW, HORIZON)}
    assert tiers == {1: Tier.PROMISE_OVERDUE, 2: Tier.WAITING_ON_US,
                     3: Tier.DEADLINE_PASSED, 4: Tier.WAITING_ON_US}


def test_within_a_tier_longest_overdue_first_then_waiting_on_us_then_priority():
    late = promise(NOW - timedelta(hours=3))
    later = promise(NOW - timedelta(hours=1))
    items = [
        item(1, CaseStatus.WAITING_BUYER, promises=(later,)),
        item(2, CaseStatus.IN_PROGRESS, promises=(later,)),
        item(3, CaseStatus.NEW, promises=(late,)),
        item(4, CaseStatus.IN_PROGRESS, promises=(later,), priority=Priority.HIGH),
    ]
    assert [r.case_id for r in rank_open_cases(items, NOW, HORIZON)] == [3, 4, 2, 1]
    # Plain waiting cases: the earlier platform deadline (beyond the next shift) first,
    # no deadline last; more warnings first among the warned.
    items = [item(1), item(2, due=NOW + timedelta(days=3)), item(3, due=NOW + timedelta(days=2))]
    assert [r.case_id for r in rank_open_cases(items, NOW, HORIZON)] == [3, 2, 1]
    items = [item(1, warnings=(SAFETY,)), item(2, warnings=(SAFETY, THREAT))]
    assert [r.case_id for r in rank_open_cases(items, NOW, HORIZON)] == [2, 1]


def test_reasons_list_everything_with_the_deciding_one_first_in_both_languages():
    [r] = rank_open_cases([item(
        1, CaseStatus.WAITING_PLATFORM, due=NOW - timedelta(hours=26),
        promises=(promise(NOW - timedelta(hours=2, minutes=15), "回电：确认补发时间"),
                  promise(NOW + timedelta(hours=1), "退款")),
        warnings=(THREAT, MARKED_URGENT))], NOW, HORIZON, "Asia/Shanghai")
    codes = [x.code for x in r.reasons]
    assert codes == ["promise_overdue", "deadline_passed", "promise_due", "warned",
                     "waiting_on_others"]
    texts = [x.zh for x in r.reasons]
    assert texts[0] == "承诺已逾期2小时15分：回电：确认补发时间（应于 11-23 15:45）"
    assert texts[1] == "平台时限已过1天2小时（11-22 16:00）"
    assert texts[2] == "承诺 11-23 19:00 到期：退款"
    assert texts[3] == "预警：扬言投诉/曝光（提到：12315）；已标记为紧急"
    assert r.reasons[3].en == ("Warning: Threatens authorities or press (mentions: 12315); "
                               "Marked urgent")
    assert texts[4] == "等买家/平台（等待平台）"
    assert r.reasons[0].text("en").startswith("Promise overdue by 2 h 15 min: Call back")
    assert r.reasons[4].text("en") == "Waiting on buyer/platform (Waiting for platform)"


def test_waiting_on_us_is_new_and_in_progress():
    assert waiting_on_us(CaseStatus.NEW) and waiting_on_us(CaseStatus.IN_PROGRESS)
    assert not waiting_on_us(CaseStatus.WAITING_BUYER)
    assert not waiting_on_us(CaseStatus.WAITING_PLATFORM)


def test_format_span():
    assert format_span(timedelta(minutes=5)) == "5分钟"
    assert format_span(timedelta(hours=2)) == "2小时"
    assert format_span(timedelta(hours=2, minutes=15, seconds=59)) == "2小时15分"
    assert format_span(timedelta(days=3, hours=4), "en") == "3 d 4 h"
    assert format_span(timedelta(days=1), "en") == "1 d"
    assert format_span(timedelta(seconds=-30)) == "0分钟"


def test_explain_writes_reasons_for_the_first_cases_only_and_keeps_the_order():
    items = [item(i, due=NOW - timedelta(hours=i)) for i in range(1, 6)]
    full = rank_open_cases(items, NOW, HORIZON)
    short = rank_open_cases(items, NOW, HORIZON, explain=2)
    assert [r.case_id for r in short] == [r.case_id for r in full] == [5, 4, 3, 2, 1]
    assert [r.tier for r in short] == [r.tier for r in full]
    assert short[:2] == full[:2] and all(r.reasons for r in full)
    assert [r.reasons for r in short[2:]] == [(), (), ()]


def test_a_moment_just_passed_is_not_late_by_zero_minutes():
    # The hand-off sheet said 承诺已逾期0分钟 for a promise that had just fallen due.
    [r] = rank_open_cases([item(
        1, CaseStatus.WAITING_PLATFORM, due=NOW - timedelta(seconds=20),
        promises=(promise(NOW - timedelta(seconds=30), "回电"),))], NOW, HORIZON,
        "Asia/Shanghai")
    texts = [(x.zh, x.en) for x in r.reasons]
    assert texts[0] == ("承诺刚刚逾期：回电（应于 11-23 17:59）",
                        "Promise just overdue: Call back (due 11-23 17:59)")
    assert texts[1][0].startswith("平台时限刚刚已过（") and "0分钟" not in texts[1][0]


def test_the_shops_own_due_time_is_not_called_the_platforms_deadline():
    # Final walkthrough: the hand-off said 平台时限已过 at the case's own 截止时间 while the
    # platform's stage deadline was days away.
    from dataclasses import replace

    late = replace(item(1, due=NOW - timedelta(hours=1, minutes=1)), due_is_own=True)
    soon = replace(item(2, due=NOW + timedelta(hours=2)), due_is_own=True)
    reasons = {r.case_id: r.reasons[0] for r in rank_open_cases([late, soon], NOW, HORIZON,
                                                                 "Asia/Shanghai")}
    assert reasons[1].zh.startswith("截止时间已过1小时1分") and "平台" not in reasons[1].zh
    assert reasons[1].en.startswith("Due time passed 1 h 1 min ago")
    assert reasons[2].zh.startswith("截止时间 ") and reasons[2].en.startswith("Due time ")
