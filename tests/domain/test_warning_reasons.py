"""How a warning's reason reads (pure domain)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.domain.enums import CaseKind, CaseStatus, Cause
from shopdesk.domain.warnings import (
    CaseFacts,
    Neighbourhood,
    RuleKey,
    WarningRules,
    evaluate,
)
from shopdesk.domain.warnings.engine import recurring_reason

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _case(case_id: int, cause: Cause, status: CaseStatus, age_days: int) -> CaseFacts:
    at = NOW - timedelta(days=age_days)
    return CaseFacts(case_id=case_id, platform="taobao", buyer_nick=f"买家{case_id}",
                     product="SKU-1", cause=cause, kind=CaseKind.REFUND_ONLY, status=status,
                     created_at=at, closed_at=None if status.is_open else at)


@pytest.mark.parametrize("cause", list(Cause))
def test_the_recurring_fault_reason_reads_naturally_for_every_cause(cause):
    """The label stands alone: "宝贝有问题" used to become "宝贝有问题问题"."""
    rules = WarningRules(recurring_causes=frozenset(Cause))
    old = [_case(1, cause, CaseStatus.RESOLVED, 40), _case(3, cause, CaseStatus.CLOSED, 30)]
    again = _case(2, cause, CaseStatus.NEW, 1)
    [raised] = [r for r in evaluate(again, Neighbourhood([*old, again]), rules, NOW)
                if r.rule is RuleKey.RECURRING_FAULT]
    zh = raised.reason.zh
    assert zh == f"「SKU-1」{cause.zh}，第3次出现（此前已解决2单）"
    assert "问题问题" not in zh and zh.count(cause.zh) == 1
    assert raised.reason.en == f"{cause.en} on SKU-1: 3 times (2 resolved before)"


def test_a_label_ending_in_wenti_is_not_doubled():
    assert recurring_reason("杯子", Cause.ITEM_DEFECTIVE, 2).zh == \
        "「杯子」宝贝有问题，第3次出现（此前已解决2单）"
    assert recurring_reason("杯子", Cause.MISUSE, 3).zh == \
        "「杯子」操作问题，第4次出现（此前已解决3单）"


def test_a_counted_reasons_trigger_is_its_product_and_cause_not_its_counts():
    from shopdesk.domain.warnings import trigger_of

    old = "「杯子」运输破损，解决后再次出现（此前1单）"  # the wording before JUDGE_VERSION 3
    assert trigger_of(old) == trigger_of(recurring_reason("杯子", Cause.TRANSIT_DAMAGE, 4).zh)
    assert trigger_of("7天内3位买家同一商品「SKU-12」运输破损") == \
        trigger_of("7天内5位买家同一商品「SKU-12」运输破损")
    assert trigger_of("7天内3位买家同一商品「SKU-12」运输破损") != \
        trigger_of("7天内3位买家同一商品「SKU-13」运输破损")
    assert trigger_of("7天内3位买家同一商品「SKU-12」运输破损") != \
        trigger_of("7天内3位买家同一商品「SKU-12」宝贝有问题")
    assert trigger_of("该买家30天内3单售后") == trigger_of("该买家30天内4单售后")
