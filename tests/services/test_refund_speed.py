"""Refund speed (退款时效) per platform and staff member, and satisfaction after resolution."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.enums import CaseKind, Outcome, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.followups import FollowupResult

from ..conftest import T0
from .followup_support import open_kind, resolve


def _refunded(register, clock, hours, *, platform=Platform.TAOBAO, assignee=""):
    clock.set(T0)
    case = open_kind(register, CaseKind.REFUND_ONLY, platform=platform, assignee=assignee)
    clock.set(T0 + timedelta(hours=hours))
    resolve(register, case.id, Outcome.FULL_REFUND, Decimal("59"))
    return case


def test_median_and_p90_per_platform(register, clock):
    for hours in (1, 2, 3, 4, 10):
        _refunded(register, clock, hours)
    _refunded(register, clock, 30, platform=Platform.JD)
    start, end = T0 - timedelta(days=1), T0 + timedelta(days=2)
    result = register.analysis.refund_speed("platform", start, end)
    by_key = {r.key: r for r in result.rows}
    assert by_key["taobao"].count == 5 and by_key["taobao"].median_hours == 3
    # p90 of 1,2,3,4,10 interpolates between 4 and 10: 4 + 0.6 * 6
    assert by_key["taobao"].p90_hours == pytest.approx(7.6)
    assert by_key["jd"].median_hours == 30 and by_key["jd"].label == "京东"
    assert [r.key for r in result.rows] == ["jd", "taobao"]  # slowest first
    assert result.overall.count == 6 and result.overall.median_hours == 3.5


def test_per_staff_and_not_refunded_cases_left_out(register, clock):
    _refunded(register, clock, 5, assignee="小王")
    _refunded(register, clock, 8)
    other = open_kind(register, CaseKind.EXCHANGE)
    resolve(register, other.id, Outcome.EXCHANGED)
    result = register.analysis.refund_speed("staff", T0 - timedelta(days=1),
                                            T0 + timedelta(days=1), "en")
    assert {(r.label, r.count, r.median_hours) for r in result.rows} == {
        ("小王", 1, 5), ("(nobody)", 1, 8)}


def test_the_platform_request_time_wins_over_the_logging_time(register, clock):
    case = _refunded(register, clock, 5)
    register.db.execute("UPDATE cases SET applied_at = ? WHERE id = ?",
                        ["2026-11-22T02:00:00+00:00", case.id])  # asked a day earlier
    result = register.analysis.refund_speed("platform", T0 - timedelta(days=1),
                                            T0 + timedelta(days=1))
    assert result.overall.median_hours == 29


def test_a_refund_dated_before_its_request_counts_as_zero(register, clock):
    case = _refunded(register, clock, 5)
    register.db.execute("UPDATE cases SET applied_at = ? WHERE id = ?",
                        ["2026-11-23T09:00:00+00:00", case.id])  # "asked" after the refund
    result = register.analysis.refund_speed("platform", T0 - timedelta(days=1),
                                            T0 + timedelta(days=1))
    assert result.overall.median_hours == 0


def test_empty_period(register, clock):
    _refunded(register, clock, 5)
    result = register.analysis.refund_speed("platform", T0 + timedelta(days=5),
                                            T0 + timedelta(days=6))
    assert result.rows == [] and result.overall.count == 0
    assert result.overall.median_hours is None and result.overall.p90_hours is None


def test_unknown_grouping_is_refused(register):
    with pytest.raises(ValidationError) as refused:
        register.analysis.refund_speed("sku", T0, T0 + timedelta(days=1))
    assert refused.value.errors[0].field == "by"


def test_follow_up_results_feed_satisfaction(register, clock):
    ids = []
    for _ in range(3):
        case = open_kind(register, CaseKind.EXCHANGE)
        resolve(register, case.id, Outcome.EXCHANGED)
        ids.append(register.followups.for_case(case.id)[0].id)
    clock.advance(days=7)
    register.followups.done(ids[0], FollowupResult.SATISFIED, "小王")
    register.followups.done(ids[1], FollowupResult.SATISFIED, "小王")
    register.followups.done(ids[2], FollowupResult.NO_REPLY, "小王")
    s = register.analysis.satisfaction(T0, T0 + timedelta(days=8))
    assert (s.satisfied, s.problem_again, s.no_reply, s.total) == (2, 0, 1, 3)
    assert s.share(s.satisfied) == pytest.approx(2 / 3)
    empty = register.analysis.satisfaction(T0, T0 + timedelta(days=1))
    assert empty.total == 0 and empty.share(0) is None
