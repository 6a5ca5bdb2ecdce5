"""The Pareto maths, provinces from addresses, and plan results (pure domain)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from shopdesk.domain.analysis import Dimension, Group, PlanResult, pareto, province_of

START = datetime(2026, 11, 1, tzinfo=UTC)
END = datetime(2026, 12, 1, tzinfo=UTC)


def test_rows_by_count_with_share_and_cumulative():
    result = pareto(Dimension.CAUSE, START, END, [
        Group("slow_delivery", 20, Decimal("10")), Group("item_defective", 50, Decimal("300")),
        Group("changed_mind", 30), Group("misuse", 0)])
    assert [r.key for r in result.rows] == ["item_defective", "changed_mind", "slow_delivery",
                                            "misuse"]
    assert result.total == 100
    assert [r.share for r in result.rows] == [0.5, 0.3, 0.2, 0.0]
    assert [r.cumulative for r in result.rows] == [0.5, 0.8, 1.0, 1.0]
    assert result.rows[0].amount == Decimal("300")


def test_the_vital_few_reach_the_80_percent_line():
    result = pareto(Dimension.CAUSE, START, END,
                    [Group("a", 50), Group("b", 30), Group("c", 15), Group("d", 5)])
    assert [r.key for r in result.vital_few()] == ["a", "b"]


def test_ties_are_ordered_by_key_and_equal_keys_merge():
    result = pareto(Dimension.PROVINCE, START, END,
                    [Group("浙江", 2), Group("广东", 3), Group("浙江", 1)])
    assert [(r.key, r.count) for r in result.rows] == [("广东", 3), ("浙江", 3)]


def test_previous_period_and_average_time_to_resolve():
    result = pareto(Dimension.CAUSE, START, END,
                    [Group("a", 4, resolve_hours_total=30.0, resolved=2), Group("b", 1)],
                    previous=[Group("a", 6), Group("c", 2)])
    a, b = result.rows
    assert (a.previous, a.change, a.avg_resolve_hours) == (6, -2, 15.0)
    assert (b.previous, b.change, b.avg_resolve_hours) == (0, 1, None)


def test_an_empty_period_has_no_rows():
    result = pareto(Dimension.CAUSE, START, END, [])
    assert result.rows == () and result.total == 0


@pytest.mark.parametrize("address, province", [
    ("浙江省杭州市西湖区文三路1号", "浙江"), ("杭州市滨江区", "浙江"), ("内蒙古呼和浩特", "内蒙古"),
    ("黑龙江省哈尔滨市", "黑龙江"), ("上海市浦东新区", "上海"), ("某某路1号", ""), ("", "")])
def test_province_of_address(address, province):
    assert province_of(address) == province


def test_plan_result_met_and_missed():
    met = PlanResult(baseline=50, measured=29, target_pct=30)
    assert met.reduction_pct == 42 and met.met is True
    assert met.text() == ("目标下降 30%，实际下降 42%", "target down 30%, actually down 42%")
    missed = PlanResult(baseline=50, measured=40, target_pct=30)
    assert missed.met is False and missed.text()[0].endswith("未达标")
    rose = PlanResult(baseline=10, measured=12, target_pct=None)
    assert rose.met is None and rose.text()[0] == "实际上升 20%"


def test_plan_result_while_measuring_and_without_baseline():
    running = PlanResult(baseline=50, measured=3, target_pct=30, finished=False)
    assert running.met is None and running.text()[0].startswith("统计中")
    assert PlanResult(0, 5, 30).met is None
