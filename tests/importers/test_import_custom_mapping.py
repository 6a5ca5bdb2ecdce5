"""Custom column mappings for any other file, saved and loaded as plain dicts."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.importers import ColumnMapping, MappingError, RecordType, parse_bytes

from .helpers import config, csv_bytes, xlsx_bytes

SH = ZoneInfo("Asia/Shanghai")

HEADER = ["单号", "类型", "原因", "金额", "退款", "截止", "手机", "备注"]


def _mapping(**changes) -> ColumnMapping:
    data = {
        "name": "快手小店",
        "record_type": "refund",
        "platform": "kuaishou",
        "columns": {"order_no": "单号", "kind": "类型", "platform_reason": "原因",
                    "amount_paid": "金额", "amount_claimed": "退款", "due_at": "截止",
                    "buyer_phone": "手机", "description": "备注"},
        "values": {"kind": {"退": "refund_only", "退货": "return_refund"}},
        "defaults": {"kind": "refund_only"},
    }
    data.update(changes)
    return ColumnMapping.from_dict(data)


def test_round_trip_through_json():
    mapping = _mapping()
    again = ColumnMapping.from_dict(json.loads(json.dumps(mapping.to_dict())))
    assert again == mapping
    assert again.to_dict()["version"] == 1
    assert again.platform is Platform.KUAISHOU and again.record_type is RecordType.REFUND


def test_parse_with_custom_mapping():
    rows = [["快手售后导出"], HEADER,
            ["KS2026112301", "退货", "质量问题", "￥88.00", "88", "2026/11/25 18:00",
             "138 1234 5678", "坏了"],
            ["KS2026112302", "", "不想要了", "20", "5", "", "", ""],  # kind from the default
            ["KS2026112303", "换货", "", "20", "5", "", "", ""],  # a kind label works too
            ["KS2026112304", "瞬移", "", "20", "5", "", "12", ""]]
    result = parse_bytes(csv_bytes(rows, "gbk"), config(), mapping=_mapping())
    assert result.ok, result.file_error
    assert result.preset is None and result.platform is Platform.KUAISHOU
    assert result.header_row == 2
    first, second, third = result.records
    assert first.kind is CaseKind.RETURN_REFUND
    assert first.cause is Cause.ITEM_DEFECTIVE
    assert first.amount_paid == Decimal("88.00")
    assert first.buyer_phone == "13812345678"
    assert first.due_at == datetime(2026, 11, 25, 18, 0, tzinfo=SH)
    assert second.kind is CaseKind.REFUND_ONLY and second.cause is Cause.CHANGED_MIND
    assert third.kind is CaseKind.EXCHANGE and third.cause is None
    errors = {(e.row_number, e.column, e.field) for e in result.errors}
    assert errors == {(6, "类型", "kind"), (6, "手机", "buyer_phone")}


def test_custom_mapping_on_xlsx():
    rows = [HEADER, ["K1", "退", "", 10, 10, datetime(2026, 11, 25), "", ""]]
    result = parse_bytes(xlsx_bytes(rows), config(), mapping=_mapping())
    assert result.errors[0].column == "单号"  # "K1" is too short for an order number
    rows = [HEADER, ["KS1001", "退", "", 10, 10, datetime(2026, 11, 25), "", ""]]
    (record,) = parse_bytes(xlsx_bytes(rows), config(), mapping=_mapping()).records
    assert record.due_at == datetime(2026, 11, 25, tzinfo=SH)


def test_mapped_headers_the_file_lacks_are_listed():
    rows = [["单号", "类型"], ["KS2026112301", "退"]]
    result = parse_bytes(csv_bytes(rows), config(), mapping=_mapping())
    assert result.ok
    assert set(result.missing_columns) == {"原因", "金额", "退款", "截止", "手机", "备注"}
    assert len(result.records) == 1


def test_missing_order_column_is_a_file_error():
    rows = [["编号", "类型"], ["KS2026112301", "退"]]
    result = parse_bytes(csv_bytes(rows), config(), mapping=_mapping())
    assert result.file_error.code == "no_header"
    assert "单号" in result.file_error.zh


def test_no_kind_column_and_no_default_is_a_file_error():
    mapping = _mapping(defaults={}, columns={"order_no": "单号"})
    result = parse_bytes(csv_bytes([["单号"], ["KS2026112301"]]), config(), mapping=mapping)
    assert result.file_error.code == "missing_columns"


def test_order_mapping():
    mapping = ColumnMapping(record_type=RecordType.ORDER, platform=Platform.OTHER,
                            columns={"order_no": "订单", "buyer_name": "姓名",
                                     "buyer_phone": "电话", "waybill_no": "运单"})
    rows = [["订单", "姓名", "电话", "运单"], ["A2026001", "张三", "13812345678", "SF123"]]
    result = parse_bytes(csv_bytes(rows), config(), mapping=mapping)
    (order,) = result.orders
    assert (order.order_no, order.buyer_name, order.buyer_phone, order.waybill_no) == (
        "A2026001", "张三", "13812345678", "SF123")
    assert result.records == []


def test_bad_default_is_a_row_error_not_a_crash():
    mapping = _mapping(defaults={"kind": "refund_only", "amount_paid": "lots"})
    rows = [HEADER[:2], ["KS2026112301", "退"]]
    (error,) = parse_bytes(csv_bytes(rows), config(), mapping=mapping).errors
    assert error.field == "amount_paid"


@pytest.mark.parametrize("bad", [
    {"columns": {"teleport": "x"}},
    {"columns": {"order_no": ""}},
    {"columns": {"order_no": 5}},
    {"platform": "mars"},
    {"record_type": "invoice"},
    {"version": 2},
    {"values": {"kind": {"x": "teleport"}}},
    {"defaults": {"kind": "teleport"}},
    {"values": "nope"},
])
def test_malformed_mappings_are_refused(bad):
    with pytest.raises(MappingError) as info:
        _mapping(**bad)
    assert info.value.zh and info.value.en


def test_from_dict_needs_a_dict():
    with pytest.raises(MappingError):
        ColumnMapping.from_dict(["order_no"])  # type: ignore[arg-type]


def test_resolved_preset_mapping_can_be_saved_and_reused():
    from .helpers import TAOBAO_REFUND_HEADER, taobao_refund_row

    data = csv_bytes([TAOBAO_REFUND_HEADER, taobao_refund_row(1)])
    first = parse_bytes(data, config())
    saved = ColumnMapping.from_dict(json.loads(json.dumps(first.mapping.to_dict())))
    again = parse_bytes(data, config(), mapping=saved)
    assert [vars(r) for r in again.records] == [vars(r) for r in first.records]
