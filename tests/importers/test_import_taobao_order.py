"""Taobao/Tmall order export -> OrderRecord (for looking up and enriching cases)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.enums import Platform
from shopdesk.importers import RecordType, parse_bytes, parse_file

from .helpers import DATA, config, csv_bytes, xlsx_bytes

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def result():
    return parse_file(DATA / "taobao_order_utf8bom.csv", config())


def test_detected_as_orders_not_cases(result):
    assert result.ok, result.file_error
    assert result.preset == "taobao_order"
    assert result.record_type is RecordType.ORDER
    assert result.records == []
    assert [o.row_number for o in result.orders] == [2, 3]
    assert result.total_rows == 3


def test_order_fields(result):
    order = result.orders[0]
    assert order.platform is Platform.TAOBAO
    assert order.order_no == "3126112300000000001"
    assert order.buyer_nick == "tb_buyer_a"
    assert order.buyer_name == "张三"
    assert order.buyer_phone == "13812345678"  # leading apostrophe removed
    assert order.buyer_address == "浙江省 杭州市 西湖区 文三路 100号 3幢 201"  # "收货地址 "
    assert order.item_title == "纯棉短袖T恤 白色 L"
    assert order.amount_paid == Decimal("128.00")
    assert order.order_status == "交易成功"
    assert order.buyer_message == "请发中通"
    assert order.note == "老客户"
    assert order.waybill_no == "75312345678901"  # ="..." stripped; header "物流单号 "
    assert order.courier == "中通快递"
    assert order.shop == "小林的店"
    assert order.created_at == datetime(2026, 11, 20, 9, 58, 12, tzinfo=SH)
    assert order.paid_at == datetime(2026, 11, 20, 10, 0, tzinfo=SH)
    assert order.raw["联系手机"] == "'13812345678"


def test_masked_phone_is_kept_apart(result):
    order = result.orders[1]
    assert order.buyer_phone == ""
    assert order.buyer_phone_masked == "138****5678"
    assert order.paid_at == datetime(2026, 11, 21, 8, 5, tzinfo=SH)


def test_bad_phone_is_a_row_error(result):
    (error,) = result.errors
    assert (error.row_number, error.column, error.field) == (4, "联系手机", "buyer_phone")
    assert error.message("en").startswith("Row 4, column “联系手机”")


def test_falls_back_to_landline_column():
    header = ["订单编号", "订单状态", "联系电话", "收货人姓名", "买家实际支付金额"]
    rows = [header, ["3126112300000000009", "交易成功", "0571-88886666", "周九", "9.90"]]
    result = parse_bytes(csv_bytes(rows), config())
    assert result.preset == "taobao_order"
    assert result.orders[0].buyer_phone == "057188886666"


def test_order_xlsx_and_duplicate_orders():
    header = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "收货人姓名", "联系手机",
              "订单创建时间", "宝贝标题", "物流单号"]
    row = ["3126112300000000001", "tb", 10, "交易成功", "张三", "13812345678",
           datetime(2026, 11, 20, 9, 0), "杯子", "YT1"]
    data = xlsx_bytes([header, row, row, ["3.1E+18", "tb", 1, "交易成功", "", "", None, "", ""]])
    result = parse_bytes(data, config())
    assert result.preset == "taobao_order"
    assert [o.row_number for o in result.orders] == [2]
    assert result.orders[0].created_at == datetime(2026, 11, 20, 9, 0, tzinfo=SH)
    assert [(e.row_number, e.column) for e in result.errors] == [(3, "订单编号"), (4, "订单编号")]
    assert "重复" in result.errors[0].zh
    assert "scientific notation" in result.errors[1].en


def test_order_title_longer_than_a_case_allows_is_kept_whole():
    header = ["订单编号", "订单状态", "宝贝标题", "收货人姓名"]
    title = "，".join(["很长的宝贝标题"] * 40)
    result = parse_bytes(csv_bytes([header, ["3126112300000000001", "交易成功", title, "张"]]),
                         config())
    assert result.orders[0].item_title == title
