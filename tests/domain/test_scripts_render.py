"""Placeholder rendering and the values a case provides."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from shopdesk.domain.case import Case
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.scripts import (
    ALIASES,
    PLACEHOLDERS,
    canonical_key,
    find_placeholders,
    render,
    values_from_case,
)


def test_canonical_list_has_aliases_and_case_fields():
    keys = {p.key for p in PLACEHOLDERS}
    assert {"buyer", "order_no", "item", "amount", "refund_amount", "carrier", "waybill", "shop",
            "agent", "deadline", "compensation", "return_address"} <= keys
    assert ALIASES["买家"] == "buyer" and ALIASES["buyer"] == "buyer"
    assert ALIASES["退货地址"] == "return_address"
    by_key = {p.key: p for p in PLACEHOLDERS}
    assert by_key["order_no"].case_field == "order_no"
    assert by_key["amount"].case_field == "amount_paid"
    for extra_only in ("carrier", "waybill", "return_address", "compensation", "deadline"):
        assert by_key[extra_only].case_field is None
    for p in PLACEHOLDERS:
        if p.case_field:
            assert hasattr(Case(platform=Platform.TAOBAO, order_no="x", kind=CaseKind.EXCHANGE),
                           p.case_field)
    assert len({p.zh for p in PLACEHOLDERS}) == len(PLACEHOLDERS)


def test_render_complete():
    r = render("亲，订单{订单号}的{商品}已发出。", {"订单号": "A123", "商品": "保温杯"})
    assert r.text == "亲，订单A123的保温杯已发出。"
    assert r.missing == [] and r.complete


def test_render_accepts_either_alias_for_either_text():
    values = {"order_no": "A123", "商品": "保温杯"}
    assert render("订单{订单号}：{商品}", values).text == "订单A123：保温杯"
    assert render("Order {order_no}: {item}", values).text == "Order A123: 保温杯"


def test_render_reports_every_missing_placeholder_once_in_order():
    r = render("{买家}您好，{订单号}，{运单号}，再说一次{订单号}", {"buyer": "小李"})
    assert r.missing == ["订单号", "运单号"]
    assert not r.complete
    assert r.text == "小李您好，{订单号}，{运单号}，再说一次{订单号}"


def test_empty_values_count_as_missing():
    assert render("{item}", {"item": ""}).missing == ["item"]
    assert render("{item}", {"item": None}).missing == ["item"]


def test_values_are_not_expanded_again():
    assert render("{商品}", {"商品": "{订单号}", "订单号": "X"}).text == "{订单号}"


def test_unknown_names_can_be_filled_or_reported():
    assert render("{优惠码}", {"优惠码": "ABC"}).text == "ABC"
    assert render("{优惠码}", {}).missing == ["优惠码"]


def test_escaped_braces():
    r = render("{{订单号}} = {订单号}", {"订单号": "A1"})
    assert r.text == "{订单号} = A1" and r.complete


def test_money_and_times_formatted():
    r = render("{补偿金额} {截止时间}", {"compensation": Decimal("1234.5"),
                                     "deadline": datetime(2026, 11, 23, 18, 0)})
    assert r.text == "¥1,234.50 2026-11-23 18:00"


_names = st.sampled_from(sorted(ALIASES))
_plain = st.text(alphabet=st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)),
                 max_size=8)


@given(st.lists(st.tuples(_plain, _names), max_size=6), _plain,
       st.dictionaries(st.sampled_from(sorted({p.key for p in PLACEHOLDERS})),
                       st.text(alphabet="abc123元", min_size=1, max_size=5)))
def test_render_never_leaves_braces_when_complete(parts, tail, given_values):
    text = "".join(a + "{" + n + "}" for a, n in parts) + tail
    needed = {canonical_key(n) for n in find_placeholders(text)}
    values = {k: given_values.get(k, "v") for k in needed}
    r = render(text, values)
    assert r.missing == []
    assert "{" not in r.text and "}" not in r.text
    partial = {k: v for k, v in values.items() if k not in given_values}
    r2 = render(text, partial)
    expected_missing = {k for k in needed if k in given_values}
    assert {canonical_key(n) for n in r2.missing} == expected_missing


def _case(**kw) -> Case:
    base = dict(platform=Platform.JD, order_no="JD20261123", kind=CaseKind.RETURN_REFUND,
                shop="小熊家居", buyer_nick="jd_小李", item_title="保温杯 500ml", sku="白色",
                amount_paid=Decimal("89.9"), amount_claimed=Decimal("50"), assignee="小王",
                refund_no="R778")
    base.update(kw)
    return Case(**base)


def test_values_from_case():
    v = values_from_case(_case())
    assert v["order_no"] == "JD20261123"
    assert v["buyer"] == "jd_小李"
    assert v["item"] == "保温杯 500ml"
    assert v["amount"] == "¥89.90"
    assert v["refund_amount"] == "¥50.00"
    assert v["shop"] == "小熊家居" and v["agent"] == "小王" and v["refund_no"] == "R778"
    assert v["platform"] == "京东"
    assert values_from_case(_case(), lang="en")["platform"] == "JD"
    assert "carrier" not in v and "deadline" not in v


def test_settled_amount_wins_over_claimed():
    v = values_from_case(_case(amount_settled=Decimal("30")))
    assert v["refund_amount"] == "¥30.00"


def test_empty_case_fields_give_no_value():
    v = values_from_case(_case(buyer_nick="", amount_paid=None, amount_claimed=None))
    assert "buyer" not in v and "amount" not in v and "refund_amount" not in v


def test_extra_fills_and_overrides_with_either_name():
    extra = {"快递公司": "顺丰", "waybill": "SF123", "补偿金额": Decimal("10"),
             "截止时间": datetime(2026, 11, 24, 10, 0, tzinfo=UTC), "商品": "保温杯（白）"}
    v = values_from_case(_case(), extra)
    assert v["carrier"] == "顺丰" and v["waybill"] == "SF123"
    assert v["compensation"] == "¥10.00"
    assert v["deadline"] == "2026-11-24 10:00"
    assert v["item"] == "保温杯（白）"
    r = render("{快递公司}{运单号}，补偿{补偿金额}，{截止时间}前，{退货地址}", v)
    assert r.text.startswith("顺丰SF123，补偿¥10.00，2026-11-24 10:00前")
    assert r.missing == ["退货地址"]
