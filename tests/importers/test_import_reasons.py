"""The reason map: platform reason text -> Cause, from resources/importers/reason_map.toml."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import Cause
from shopdesk.importers import MappingError, ReasonMap

from .helpers import config


@pytest.mark.parametrize(("reason", "cause"), [
    # The examples from the issue.
    ("七天无理由退换货", Cause.CHANGED_MIND),
    ("质量问题", Cause.ITEM_DEFECTIVE),
    ("与商品描述不符", Cause.NOT_AS_DESCRIBED),
    ("描述不符", Cause.NOT_AS_DESCRIBED),
    ("少件/漏发", Cause.MISSING_WRONG_ITEM),
    ("发错货", Cause.MISSING_WRONG_ITEM),
    ("未按约定时间发货", Cause.LATE_SHIPMENT),
    ("快递一直未送达", Cause.SLOW_DELIVERY),
    ("物流停滞", Cause.SLOW_DELIVERY),
    ("包装/商品破损/污渍", Cause.TRANSIT_DAMAGE),
    ("商品破损/已碎", Cause.TRANSIT_DAMAGE),
    ("假冒品牌", Cause.SUSPECTED_COUNTERFEIT),
    ("拍错了", Cause.ORDERED_WRONG),
    ("多拍/拍错/不想要", Cause.ORDERED_WRONG),
    ("不想要了", Cause.CHANGED_MIND),
    # Real variants, matched by the contains rules.
    ("大小/尺寸与商品描述不符", Cause.NOT_AS_DESCRIBED),
    ("颜色/图案/款式等与商品描述不符", Cause.NOT_AS_DESCRIBED),
    ("收到商品少件（含少配件）", Cause.MISSING_WRONG_ITEM),
    ("卖家发错货", Cause.MISSING_WRONG_ITEM),
    ("快递发错省份", Cause.WRONG_PROVINCE),
    ("快递/物流一直未送到", Cause.SLOW_DELIVERY),
    ("快递/物流无跟踪记录", Cause.LATE_SHIPMENT),
    ("商品信息拍错（规格/尺码/颜色等）", Cause.ORDERED_WRONG),
    ("不喜欢/效果不好", Cause.EXPECTATIONS),
    ("商品变质/发霉/有异物", Cause.ITEM_DEFECTIVE),
    ("空包裹", Cause.MISSING_WRONG_ITEM),
    ("包裹丢失", Cause.PARCEL_LOST),
    ("快递员态度差", Cause.COURIER_ATTITUDE),
    ("7天无理由退货（拆封后不支持）", Cause.CHANGED_MIND),
    ("不会使用", Cause.MISUSE),
    (" 七天无理由退换货\t", Cause.CHANGED_MIND),  # stray whitespace
    # Unmapped or deliberately unclear.
    ("协商一致退款", Cause.UNCLEAR),
    ("退运费", Cause.UNCLEAR),
    ("其他", Cause.UNCLEAR),
    ("something else", Cause.UNCLEAR),
])
def test_shipped_reason_map(reason, cause):
    assert config().reasons.cause_for(reason) is cause


@pytest.mark.parametrize("reason", ["", "  ", None])
def test_no_reason_no_cause(reason):
    assert config().reasons.cause_for(reason) is None


def test_exact_beats_contains_and_rule_order_matters():
    reasons = ReasonMap.from_dict({
        "exact": {"发错省份了": "wrong_province"},
        "contains": [{"cause": "missing_wrong_item", "patterns": ["发错"]},
                     {"cause": "wrong_province", "pattern": "省份"}],
    })
    assert reasons.cause_for("发错省份了") is Cause.WRONG_PROVINCE
    assert reasons.cause_for("商家发错省份") is Cause.MISSING_WRONG_ITEM
    assert reasons.cause_for("省份不对") is Cause.WRONG_PROVINCE


@pytest.mark.parametrize("bad", [
    {"exact": {"x": "no_such_cause"}},
    {"contains": [{"patterns": ["x"]}]},
    {"contains": [{"cause": "unclear", "patterns": "x"}]},
    {"exact": ["x"]},
])
def test_malformed_reason_map(bad):
    with pytest.raises(MappingError):
        ReasonMap.from_dict(bad)
