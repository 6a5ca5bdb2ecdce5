"""The complaint analysis after the speed-up: the same tables as the straightforward
grouping (address parsed per query), drill-downs that list exactly the cases a row counts,
and plans that need attention."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.analysis import Dimension, Group, pareto, province_of
from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import to_utc_iso
from shopdesk.domain.enums import CaseKind, CaseStatus, Cause, Outcome, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.money import from_fen
from shopdesk.domain.workflow import Transition

ADDRESSES = ("浙江省杭州市西湖区1号", "杭州市滨江区", "广东省深圳市南山区", "北京市朝阳区",
             "新疆乌鲁木齐市", "成都市武侯区", "某地", "")
SKUS = ("CUP-1", "CUP-1", "BED-2", "")
STAFF = ("小王", "小李")


def fill(register, clock, n=60, seed=7):
    """Cases of every cause, kind, platform, province, staff and outcome over two months."""
    rng = random.Random(seed)
    start, end = register.analysis.month(2026, 11)
    for name in STAFF:
        if not register.staff.store.by_name(name):
            register.staff.add(name, actor=name)
    for i in range(n):
        at = start - timedelta(days=30) + timedelta(hours=rng.randint(0, 59 * 24))
        draft = draft_from_fields({
            "platform": rng.choice(list(Platform)).value, "order_no": f"T{100000 + i}",
            "kind": rng.choice(list(CaseKind)).value,
            "cause": rng.choice([*list(Cause), None]) and rng.choice(list(Cause)).value,
            "sku": rng.choice(SKUS), "item_title": rng.choice(("保温杯", "四件套")),
            "buyer_address": rng.choice(ADDRESSES), "amount_paid": "100",
            "assignee": rng.choice(STAFF)})
        case = register.cases.open_case(draft, "小王", at=at)
        if rng.random() < 0.5:
            clock.set(at + timedelta(hours=rng.randint(1, 80)))
            register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
            register.cases.change_status(case.id, Transition(
                CaseStatus.RESOLVED, outcome=Outcome.PARTIAL_REFUND,
                amount=Decimal(rng.randint(1, 90))), "小王")
        if rng.random() < 0.05:
            register.cases.delete([case.id], "小王")
    return start, end


def reference(register, by, start, end):
    """The Pareto table as it was computed before the province column and the covering
    index: grouped by the raw key, the province parsed from the address afterwards."""
    key = {Dimension.CAUSE: "coalesce(cause, '')", Dimension.CAUSE_GROUP: "coalesce(cause, '')",
           Dimension.KIND: "kind", Dimension.PLATFORM: "platform",
           Dimension.SKU: "CASE WHEN sku != '' THEN sku ELSE item_title END",
           Dimension.PROVINCE: "buyer_address", Dimension.STAFF: "assignee",
           Dimension.OUTCOME: "coalesce(outcome, '')"}[by]

    def groups(a, b):
        rows = register.db.execute(
            f"SELECT {key}, count(*), coalesce(sum(amount_settled_fen), 0) FROM cases "
            "WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ? GROUP BY 1",
            [to_utc_iso(a), to_utc_iso(b)]).fetchall()  # stored in UTC: compare in UTC
        out = []
        for k, n, fen in rows:
            k = k or ""
            if by is Dimension.PROVINCE:
                k = province_of(k)
            if by is Dimension.CAUSE_GROUP:
                k = Cause(k).side.value if k else "other"
            out.append(Group(k, n, from_fen(fen) or Decimal(0)))
        return out

    return pareto(by, start, end, groups(start, end),
                  groups(*register.analysis.previous_bounds(start, end)))


@pytest.mark.parametrize("by", list(Dimension))
def test_pareto_is_unchanged_by_the_optimisation(register, clock, by):
    start, end = fill(register, clock)
    got = register.analysis.pareto(by, start, end)
    want = reference(register, by, start, end)
    assert [(r.key, r.count, r.share, r.cumulative, r.amount, r.previous) for r in got.rows] \
        == [(r.key, r.count, r.share, r.cumulative, r.amount, r.previous) for r in want.rows]
    assert got.total > 0


@pytest.mark.parametrize("by", list(Dimension))
def test_a_drill_down_lists_exactly_the_cases_its_row_counts(register, clock, by):
    start, end = fill(register, clock)
    result = register.analysis.pareto(by, start, end)
    listed = set()
    for row in result.rows:
        group = register.analysis.drill_down(by, row.key, start, end)
        ids = register.cases.query_ids(CaseQuery(group=group))
        assert len(ids) == row.count, row.key
        assert not listed & set(ids)  # a case is in one row only
        listed |= set(ids)
    in_period = register.db.execute(
        "SELECT count(*) FROM cases WHERE deleted_at IS NULL AND created_at >= ? "
        "AND created_at < ?", [start.isoformat(), end.isoformat()]).fetchone()[0]
    assert len(listed) == in_period == result.total


def test_drill_down_label_names_the_dimension_and_group(register):
    start, end = register.analysis.month(2026, 11)
    group = register.analysis.drill_down(Dimension.CAUSE, "item_defective", start, end)
    assert group.label == "原因：宝贝有问题"
    assert register.analysis.drill_down(Dimension.CAUSE, "", start, end, "en").label == \
"Cause: (none)"


def test_province_is_stored_when_a_case_is_written_and_edited(register):
    case = register.cases.open_case(draft_from_fields({
        "platform": "taobao", "order_no": "T100001", "kind": "refund_only",
        "buyer_address": "深圳市南山区科技园"}), "小王")
    row = register.db.execute("SELECT province FROM cases WHERE id = ?", [case.id]).fetchone()
    assert row[0] == "广东"
    register.cases.update(case.id, draft_from_fields({
        "platform": "taobao", "order_no": "T100001", "kind": "refund_only",
        "buyer_address": "四川省成都市"}), "小王")
    row = register.db.execute("SELECT province FROM cases WHERE id = ?", [case.id]).fetchone()
    assert row[0] == "四川"


def test_plan_update_refuses_an_empty_plan_or_a_bad_target(register):
    plan = register.analysis.add_plan(dimension="cause", category="item_defective",
                                      root_cause="漏检", plan="抽检", actor="小王")
    with pytest.raises(ValidationError) as err:
        register.analysis.update_plan(plan.id, "小王", plan="  ", target_pct=120)
    assert {e.field for e in err.value.errors} == {"plan", "target"}
    changed = register.analysis.update_plan(plan.id, "小王", sub_type=" 杯盖 ", target_pct=30,
                                            due_date=date(2026, 12, 1), owner="仓库")
    assert (changed.sub_type, changed.target_pct, changed.owner) == ("杯盖", 30, "仓库")


def test_plan_alerts_are_plans_due_and_plans_that_missed_their_target(register, clock):
    analysis = register.analysis
    start, end = analysis.month(2026, 9)
    for _ in range(4):
        register.cases.open_case(draft_from_fields({
            "platform": "taobao", "order_no": "T100001", "kind": "refund_only",
            "cause": "slow_delivery"}), "小王", at=start + timedelta(days=3))
    register.cases.open_case(draft_from_fields({
        "platform": "taobao", "order_no": "T100001", "kind": "refund_only",
        "cause": "slow_delivery"}), "小王", at=end + timedelta(days=3))
    today = date(2026, 11, 23)  # the test clock's day
    due = analysis.add_plan(dimension="cause", category="item_defective", root_cause="a",
                            plan="b", actor="小王", due_date=today, baseline=(start, end))
    missed = analysis.add_plan(dimension="cause", category="slow_delivery", root_cause="a",
                               plan="b", actor="小王", target_pct=90, baseline=(start, end))
    analysis.add_plan(dimension="cause", category="changed_mind", root_cause="a", plan="b",
                      actor="小王", due_date=today + timedelta(days=1))
    alerts = analysis.plan_alerts()
    assert [p.id for p in alerts.due] == [due.id]
    assert [p.id for p in alerts.missed] == [missed.id]
    assert alerts.count == 2
    analysis.update_plan(due.id, "小王", status="done")
    analysis.update_plan(missed.id, "小王", status="dropped")
    assert analysis.plan_alerts().count == 0
