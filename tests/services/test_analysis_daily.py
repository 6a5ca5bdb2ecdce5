"""The analysis day totals (m0021) always equal a recount from the cases, whichever way
the cases were written, and a Pareto read from them equals one grouped from the cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.analysis import Dimension
from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.workflow import Transition
from shopdesk.services.demo import generate_demo
from shopdesk.services.demo_removal import remove_demo
from shopdesk.storage.analysis import daily_recount, daily_totals, whole_days
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import run, write_refunds


def in_step(register) -> bool:
    stored, recount = daily_totals(register.db), daily_recount(register.db)
    assert stored == recount
    return bool(stored)


def add(register, at, **fields):
    values = {"platform": "taobao", "order_no": "T100001", "kind": "refund_only",
              "cause": "item_defective", "sku": "SKU-1", "amount_paid": "100",
              "buyer_address": "浙江省杭州市1号", **fields}
    return register.cases.open_case(draft_from_fields(values), "小王", at=at)


def resolve(register, case_id, amount="30"):
    register.cases.change_status(case_id, Transition(CaseStatus.IN_PROGRESS), "小王")
    return register.cases.change_status(case_id, Transition(
        CaseStatus.RESOLVED, outcome=Outcome.PARTIAL_REFUND, amount=Decimal(amount)), "小王")


def test_every_case_write_keeps_the_day_totals_in_step(register, clock):
    start = clock.now() - timedelta(days=3)
    first = add(register, start)
    second = add(register, start + timedelta(hours=5), cause="slow_delivery", sku="")
    assert in_step(register)
    resolve(register, first.id)  # status, outcome, money, time to resolve
    assert in_step(register)
    case = register.cases.get(second.id)
    register.cases.update(second.id, draft_from_fields({
        "platform": "jd", "order_no": case.order_no, "kind": "exchange", "cause": "misuse",
        "sku": "SKU-9", "amount_paid": "100", "buyer_address": "广东省广州市"}), "小王")
    assert in_step(register)
    register.cases.add_note(first.id, "买家已确认", "小王")  # touches nothing summed
    assert in_step(register)
    register.cases.delete([first.id], "小王")
    assert in_step(register)
    register.cases.restore([first.id], "小王")  # the undo of a delete
    assert in_step(register)
    register.cases.delete([first.id, second.id], "小王")
    register.cases.empty_trash("小王")
    assert not in_step(register)  # nothing live is left, nothing is summed


def test_imports_and_the_demo_keep_the_day_totals_in_step(register, tmp_path):
    run(register.imports, write_refunds(tmp_path, [taobao_refund_row(i) for i in range(6)]))
    assert in_step(register)
    # A later export changes the platform's facts of the same refunds.
    run(register.imports, write_refunds(
        tmp_path, [taobao_refund_row(i, 退款状态="退款成功") for i in range(6)], "later.csv"))
    assert in_step(register)
    generate_demo(register, 80, seed=5)
    assert in_step(register)
    remove_demo(register, "小王")
    assert in_step(register)


def test_a_write_that_fails_leaves_the_day_totals_as_they_were(register, clock):
    add(register, clock.now() - timedelta(days=1))
    before = daily_totals(register.db)
    with pytest.raises(RuntimeError), register.db.atomic():
        add(register, clock.now())
        raise RuntimeError("the write fails after the case")
    assert daily_totals(register.db) == before
    assert in_step(register)


@pytest.mark.parametrize("by", list(Dimension))
def test_pareto_from_day_totals_equals_the_one_grouped_from_cases(register, clock, by):
    analysis = register.analysis
    now = clock.now()
    for i in range(12):
        case = add(register, now - timedelta(days=i * 3, hours=i),
                   cause=("item_defective", "slow_delivery", "changed_mind")[i % 3],
                   sku=("SKU-1", "", "SKU-2")[i % 3], item_title=f"宝贝{i % 2}",
                   buyer_address=("浙江省杭州市", "广东省广州市", "")[i % 3])
        if i % 2:
            resolve(register, case.id, amount=str(10 + i))
    # Shop-time days: neither end is a UTC midnight, so both edges are read from the cases.
    start, end = analysis.day_start(now.date() - timedelta(days=40)), now + timedelta(days=1)
    first, last = whole_days(start, end)
    assert first < last
    fast = analysis.pareto(by, start, end)
    slow = analysis.pareto(by, start, end, where="1 = 1")  # a filter: grouped from cases
    assert fast == slow and fast.total == 12


def test_whole_days_are_the_utc_days_inside_the_period():
    at = datetime(2026, 11, 1, 16, tzinfo=UTC)  # 00:00 in Shanghai
    assert whole_days(at, at + timedelta(days=2)) == ("2026-11-02", "2026-11-03")
    midnight = datetime(2026, 11, 1, tzinfo=UTC)
    assert whole_days(midnight, midnight + timedelta(days=1)) == ("2026-11-01", "2026-11-02")
    assert whole_days(at, at + timedelta(hours=20))[0] >= whole_days(
        at, at + timedelta(hours=20))[1]
