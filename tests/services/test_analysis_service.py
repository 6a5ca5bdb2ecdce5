"""Pareto over the register (periods, previous period, grouping) and plans measured."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from decimal import Decimal

from shopdesk.cli import run
from shopdesk.domain.analysis import Dimension
from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.workflow import Transition

from ..conftest import T0


def add(register, at, *, cause="item_defective", address="", sku="SKU-1", n=1):
    for _ in range(n):
        draft = draft_from_fields({"platform": "taobao", "order_no": "T100001",
                                   "kind": "refund_only", "cause": cause, "sku": sku,
                                   "buyer_address": address, "amount_paid": "100"})
        case = register.cases.open_case(draft, "小王", at=at)
    return case


def test_pareto_counts_cases_created_in_the_period_with_the_previous_one(register):
    analysis = register.analysis
    start, end = analysis.month(2026, 11)
    add(register, start + timedelta(days=2), n=3)
    add(register, start + timedelta(days=3), cause="slow_delivery")
    # October, by 23 Oct: November is running on the clock (23 Nov), so it is compared
    # with 1-23 October.
    add(register, start - timedelta(days=10), n=2)
    add(register, start - timedelta(days=3))  # 29 Oct: after the same days
    add(register, end + timedelta(hours=1))  # December: outside
    result = analysis.pareto(Dimension.CAUSE, start, end)
    assert [(r.key, r.label, r.count, r.previous) for r in result.rows] == [
        ("item_defective", "宝贝有问题", 3, 2), ("slow_delivery", "送货慢", 1, 0)]
    assert result.rows[1].cumulative == 1.0


def test_pareto_by_cause_group_and_province(register):
    start, end = register.analysis.month(2026, 11)
    at = start + timedelta(days=1)
    add(register, at, address="浙江省杭州市1号", n=2)
    add(register, at, cause="slow_delivery", address="杭州市滨江区")
    add(register, at, cause="changed_mind", address="广东省广州市")
    groups = register.analysis.pareto(Dimension.CAUSE_GROUP, start, end)
    assert {r.key: r.count for r in groups.rows} == {"seller": 2, "courier": 1, "buyer": 1}
    provinces = register.analysis.pareto(Dimension.PROVINCE, start, end)
    assert [(r.key, r.count) for r in provinces.rows] == [("浙江", 3), ("广东", 1)]


def test_pareto_amount_is_what_was_refunded(register):
    start, end = register.analysis.month(2026, 11)
    case = add(register, start + timedelta(days=1))
    register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    register.cases.change_status(case.id, Transition(
        CaseStatus.RESOLVED, outcome=Outcome.PARTIAL_REFUND, amount=Decimal("30")), "小王")
    [row] = register.analysis.pareto(Dimension.CAUSE, start, end).rows
    assert row.amount == Decimal("30")
    assert row.avg_resolve_hours is not None


def test_plan_is_measured_in_the_period_after_its_baseline(register, clock):
    start, end = register.analysis.month(2026, 10)
    add(register, start + timedelta(days=5), n=10)
    plan = register.analysis.add_plan(dimension="cause", category="item_defective",
                                      root_cause="漏检", plan="发货前抽检", actor="小王",
                                      target_pct=30, baseline=(start, end))
    assert plan.result.baseline == 10 and plan.result.finished is False
    add(register, end + timedelta(days=3), n=6)
    clock.set(end + (end - start) + timedelta(days=1))
    [plan] = register.analysis.plans()
    assert (plan.result.measured, plan.result.met) == (6, True)
    assert plan.result.text()[0] == "目标下降 30%，实际下降 40%"


def cli(tmp_path, clock, *argv, lang="zh"):
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, env={"SHOPDESK_HOME": str(tmp_path / "h"),
                                             "SHOPDESK_LANG": lang}, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_pareto_json(tmp_path, clock):
    cli(tmp_path, clock, "staff", "add", "小王")
    for cause in ("item_defective", "item_defective", "slow_delivery"):
        cli(tmp_path, clock, "--as", "小王", "cases", "add", "--platform", "jd", "--order",
            "J123456", "--kind", "refund_only", "--cause", cause)
    day = T0.date().isoformat()
    code, out, err = cli(tmp_path, clock, "analysis", "pareto", "--by", "cause", "--from", day,
                         "--to", day, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["schema"], data["by"], data["from"], data["to"], data["total"]) == (
        1, "cause", day, day, 3)
    assert [(r["key"], r["count"], r["share"], r["cumulative"]) for r in data["rows"]] == [
        ("item_defective", 2, 0.6667, 0.6667), ("slow_delivery", 1, 0.3333, 1.0)]
    code, _, err = cli(tmp_path, clock, "analysis", "pareto", "--by", "colour", lang="en")
    assert code == 1 and err.startswith("shopdesk: --by: unknown dimension: colour")
    code, _, err = cli(tmp_path, clock, "analysis", "pareto", "--by", "kind", "--from", "11/1")
    assert code == 1 and "--from" in err


def test_cli_plans_add_list_update(tmp_path, clock):
    cli(tmp_path, clock, "staff", "add", "小王")
    code, out, err = cli(tmp_path, clock, "--as", "小王", "plans", "add", "--category",
                         "slow_delivery", "--cause", "快递网点爆仓", "--plan", "换快递",
                         "--target", "50", "--owner", "仓库", "--due",
                         (date(2026, 12, 31)).isoformat())
    assert (code, out) == (0, "已添加改进计划 #1：送货慢（slow_delivery）\n"), err
    assert cli(tmp_path, clock, "--as", "小王", "plans", "update", "1", "--status",
               "doing")[0] == 0
    [plan] = json.loads(cli(tmp_path, clock, "plans", "list", "--json")[1])["plans"]
    assert (plan["status"], plan["owner"], plan["due"], plan["target_pct"]) == (
        "doing", "仓库", "2026-12-31", 50)
    assert plan["result"].startswith("统计中")
    code, _, err = cli(tmp_path, clock, "--as", "小王", "plans", "add", "--category",
                       "slow_delivery", "--cause", "c", "--plan", "p", "--target", "150",
                       lang="en")
    assert code == 1 and err.startswith("shopdesk: --target:")
    # A typo would be measured forever as "baseline 0": refused, naming the choices.
    code, _, err = cli(tmp_path, clock, "--as", "小王", "plans", "add", "--category",
                       "slow_devlivery", "--cause", "c", "--plan", "p")
    assert code == 1 and "--category" in err and "slow_devlivery" in err
    assert "slow_delivery" in err
    # The label a seller reads elsewhere is taken and stored as the key.
    code, out, err = cli(tmp_path, clock, "--as", "小王", "plans", "add", "--category",
                         "送货慢", "--cause", "c", "--plan", "p")
    assert (code, out) == (0, "已添加改进计划 #2：送货慢（slow_delivery）\n"), err
    code, out, _ = cli(tmp_path, clock, "plans", "list")
    assert "#2  送货慢  p" in out


def test_cli_plans_update_the_root_cause_and_status_in_the_windows_words(tmp_path, clock):
    cli(tmp_path, clock, "staff", "add", "小王")
    cli(tmp_path, clock, "--as", "小王", "plans", "add", "--category", "slow_delivery",
        "--cause", "快递网点爆仓", "--plan", "换快递")
    code, _, err = cli(tmp_path, clock, "--as", "小王", "plans", "update", "1", "--cause",
                       "仓库打包慢", "--status", "In progress", lang="en")
    assert code == 0, err
    [plan] = json.loads(cli(tmp_path, clock, "plans", "list", "--json")[1])["plans"]
    assert (plan["root_cause"], plan["status"]) == ("仓库打包慢", "doing")
    # The list says the status as the window does, not its key.
    assert "[In progress]" in cli(tmp_path, clock, "plans", "list", lang="en")[1]
    assert "[进行中]" in cli(tmp_path, clock, "plans", "list")[1]
    code, _, err = cli(tmp_path, clock, "--as", "小王", "plans", "update", "1", "--plan", " ",
                       lang="en")
    assert code == 1 and "--plan" in err and "short-term action" in err
