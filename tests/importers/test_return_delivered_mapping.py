"""Each platform's wording for a delivered return (and PDD's 退货物流状态 column) maps to
the return_delivered stage; a return on its way stays at return_to_check."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import CaseKind
from shopdesk.domain.platform_state import PlatformStage, PlatformStateMap, return_delivered

from .helpers import config

P = PlatformStage
K = CaseKind.RETURN_REFUND


def states(preset: str) -> PlatformStateMap:
    return PlatformStateMap.from_tables(config().preset(preset).values)


@pytest.mark.parametrize(("preset", "wording"), [
    ("jd_aftersale", "已收货，待处理"),  # JD 10007: the item is back, the seller checks it
    ("pinduoduo_aftersale", "退货已签收，待商家处理"),
    ("pinduoduo_aftersale", "退货已签收"),
    ("douyin_aftersale", "退货已签收"),
    ("kuaishou_aftersale", "退货已签收"),
])
def test_delivered_wording_maps_to_return_delivered(preset, wording):
    state = states(preset).resolve(wording, kind=K)
    assert state.stage is P.RETURN_DELIVERED and state.status.value == "in_progress"


@pytest.mark.parametrize(("preset", "wording"), [
    ("taobao_refund", "买家已经退货，等待卖家确认收货"),
    ("pinduoduo_aftersale", "待商家收货"),
    ("douyin_aftersale", "待商家收货"),
    ("kuaishou_aftersale", "商品回寄信息待卖家确认"),
])
def test_the_return_tracking_state_moves_a_return_on_its_way_to_delivered(preset, wording):
    table = states(preset)
    assert table.resolve(wording, kind=K).stage is P.RETURN_TO_CHECK
    assert table.resolve(wording, kind=K, return_logistics="运输中").stage is P.RETURN_TO_CHECK
    assert table.resolve(wording, kind=K, return_logistics="签收").stage is P.RETURN_DELIVERED
    # Only a return on its way moves: a refund asked for is not a delivered return.
    asked = next(w for w, s in table.stages.items() if s is P.AWAITING_SELLER)
    assert table.resolve(asked, kind=K, return_logistics="签收").stage is P.AWAITING_SELLER


@pytest.mark.parametrize(("text", "delivered"), [
    ("签收", True), ("已签收", True), ("快件已签收，签收人：本人", True), ("已妥投", True),
    ("", False), ("运输中", False), ("未签收", False), ("拒签", False),
    ("买家拒收", False), ("派送中，待签收", False), ("已揽收", False),
])
def test_return_delivered_reads_the_tracking_state(text, delivered):
    assert return_delivered(text) is delivered


def test_pdd_preset_reads_the_return_tracking_column():
    assert "退货物流状态" in config().preset("pinduoduo_aftersale").columns["return_logistics"]


def test_review_reply_is_a_stage_a_state_table_may_name():
    table = PlatformStateMap.from_tables({"platform_status": {"待解释": "review_reply"}})
    state = table.resolve("待解释", kind=CaseKind.BAD_REVIEW)
    assert state.stage is P.REVIEW_REPLY and not state.finished
