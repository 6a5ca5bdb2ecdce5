"""Taobao/Tmall refund exports: GBK CSV, UTF-8 BOM CSV, XLSX, and their mess."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.case import validate_draft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.importers import ImportCancelled, RecordType, parse_bytes, parse_file

from .helpers import (
    DATA,
    TAOBAO_REFUND_HEADER,
    config,
    csv_bytes,
    taobao_refund_row,
    xlsx_bytes,
)

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def gbk_result():
    return parse_file(DATA / "taobao_refund_gbk.csv", config())


def test_gbk_fixture_is_really_gbk():
    data = (DATA / "taobao_refund_gbk.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "退款编号" in data.decode("gbk")


def test_gbk_file_detected_and_read(gbk_result):
    r = gbk_result
    assert r.ok, r.file_error
    assert r.preset == "taobao_refund"
    assert r.platform is Platform.TAOBAO
    assert r.record_type is RecordType.REFUND
    assert r.encoding == "gb18030"
    assert r.header_row == 2  # a title line comes first
    assert r.total_rows == 7  # blank and comma-only trailing rows are not rows
    assert [rec.row_number for rec in r.records] == [3, 4, 9]
    assert r.error_rows == [5, 6, 7, 8]


def test_first_record_in_full(gbk_result):
    rec = gbk_result.records[0]
    assert rec.refund_no == "158000000000000001"  # ="..." wrapper stripped
    assert rec.order_no == "3126112300000000001"
    assert rec.kind is CaseKind.RETURN_REFUND  # 是否需要退货 = 是
    assert rec.platform is Platform.TAOBAO
    assert rec.item_title == "纯棉短袖T恤 白色 L"  # header "宝贝标题 " had a trailing space
    assert rec.sku == "TS-WHITE-L"
    assert rec.amount_paid == Decimal("128.00")
    assert rec.amount_claimed == Decimal("128.00")
    assert rec.platform_reason == "质量问题"
    assert rec.cause is Cause.ITEM_DEFECTIVE
    assert rec.description == "洗了一次就掉色"
    assert rec.platform_status == "买家已经申请退款，等待卖家同意"
    assert rec.intervention_status == "未介入"
    assert rec.due_at == datetime(2026, 11, 25, 9, 30, tzinfo=SH)  # header "超时时间\t"
    assert rec.due_at.utcoffset() == timedelta(hours=8)
    assert rec.applied_at == datetime(2026, 11, 23, 9, 30, tzinfo=SH)
    assert rec.paid_at == datetime(2026, 11, 20, 10, 0, tzinfo=SH)
    assert rec.finished_at is None
    assert rec.extra["goods_status"] == "买家已收到货"
    assert rec.extra["refund_mode"] == "手工退款"
    assert rec.extra["refund_scope"] == "全部退款"
    assert rec.extra["alipay_no"] == "2026112022001100000001"
    assert rec.raw["订单编号"] == '="3126112300000000001"'  # raw keeps the file's text


def test_second_record_with_tabs_yuan_sign_and_other_date_formats(gbk_result):
    rec = gbk_result.records[1]
    assert rec.refund_no == "158000000000000002"
    assert rec.order_no == "3126112300000000002"
    assert rec.item_title == "保温杯 500ml"
    assert rec.kind is CaseKind.REFUND_ONLY  # 是否需要退货 = 否
    assert rec.amount_claimed == Decimal("59.90")  # ￥59.90
    assert rec.cause is Cause.CHANGED_MIND  # 七天无理由退换货
    assert rec.applied_at == datetime(2026, 11, 22, 23, 10, tzinfo=SH)  # 2026/11/22 23:10
    assert rec.due_at == datetime(2026, 11, 24, 23, 10, tzinfo=SH)  # 2026年11月24日 23:10
    assert rec.finished_at == datetime(2026, 11, 23, 8, 0, tzinfo=SH)


def test_unmapped_reason_is_unclear_but_kept(gbk_result):
    rec = gbk_result.records[2]
    assert rec.amount_paid == Decimal("1299.00")  # "1,299.00"
    assert rec.platform_reason == "说不清楚的原因"
    assert rec.cause is Cause.UNCLEAR


def test_every_record_obeys_the_case_rules(gbk_result):
    for rec in gbk_result.records:
        assert validate_draft(rec.to_draft()) == []


def _errors_by_row(result):
    return {e.row_number: e for e in result.errors}


def test_scientific_notation_refused_with_row_and_column(gbk_result):
    error = _errors_by_row(gbk_result)[5]
    assert error.column == "订单编号"
    assert error.field == "order_no"
    assert error.value == "3.12611E+18"
    assert error.message("zh").startswith("第5行「订单编号」：")
    assert "科学计数法" in error.message("zh")
    assert error.message("en").startswith("Row 5, column “订单编号”: ")
    assert "scientific notation" in error.message("en")


def test_domain_rule_error_points_at_the_right_column(gbk_result):
    error = _errors_by_row(gbk_result)[6]
    assert (error.column, error.field) == ("买家退款金额", "amount_claimed")
    assert error.zh == "申请金额 ¥1,300.00 不能超过实付金额 ¥30.00"
    assert error.en == "Amount claimed ¥1,300.00 cannot exceed amount paid ¥30.00"


def test_bad_deadline_error(gbk_result):
    error = _errors_by_row(gbk_result)[7]
    assert (error.column, error.field, error.value) == ("超时时间", "due_at", "明天")


def test_unknown_return_flag_lists_what_is_allowed(gbk_result):
    error = _errors_by_row(gbk_result)[8]
    assert (error.column, error.field) == ("是否需要退货", "kind")
    assert "也许" in error.zh and "是" in error.zh and "否" in error.zh


def test_utf8_bom_file():
    rows = [TAOBAO_REFUND_HEADER] + [taobao_refund_row(i) for i in range(1, 6)]
    result = parse_bytes(csv_bytes(rows, "utf-8-sig"), config())
    assert result.ok and result.encoding == "utf-8-sig"
    assert result.header_row == 1
    assert result.headers[0] == "退款编号"  # no BOM glued to the first header
    assert len(result.records) == 5 and result.errors == []
    assert [r.row_number for r in result.records] == [2, 3, 4, 5, 6]
    assert result.records[0].refund_no == "158000000000000001"
    assert result.records[0].extra["alipay_no"] == "2026112022001100000001"  # tab stripped


def test_utf8_without_bom_and_gbk_give_the_same_records():
    rows = [TAOBAO_REFUND_HEADER] + [taobao_refund_row(i) for i in range(1, 4)]
    a = parse_bytes(csv_bytes(rows, "utf-8"), config()).records
    b = parse_bytes(csv_bytes(rows, "gbk"), config()).records
    assert len(a) == 3
    assert [vars(r) for r in a] == [vars(r) for r in b]


def _plain(row):
    """Cells as Excel itself stores them: no ="..." formulas, no trailing tabs."""
    return [c[2:-1] if isinstance(c, str) and c.startswith('="') else
            c.strip() if isinstance(c, str) else c for c in row]


def test_xlsx_with_typed_cells():
    header = TAOBAO_REFUND_HEADER
    row1 = _plain(taobao_refund_row(1))
    row1[header.index("订单编号")] = 305123456789  # a number Excel holds exactly
    row1[header.index("超时时间")] = datetime(2026, 11, 25, 9, 30)  # a datetime cell
    row1[header.index("买家实际支付金额")] = 128
    row1[header.index("买家退款金额")] = 64.5
    row1[header.index("退款的申请时间")] = 46349.4166666667  # a bare Excel serial
    row2 = _plain(taobao_refund_row(2))
    row2[header.index("订单编号")] = 3126112300000000002  # Excel keeps 15 digits of this
    row3 = _plain(taobao_refund_row(3))
    row3[header.index("订单编号")] = "3126112300000000003"
    data = xlsx_bytes([["淘宝退款导出"], [], header, row1, row2, row3, [], [None, None]],
                      title="退款")
    result = parse_bytes(data, config())
    assert result.ok, result.file_error
    assert result.file_kind == "xlsx"
    assert result.table == "退款"
    assert result.header_row == 3
    assert [r.row_number for r in result.records] == [4, 6]
    rec = result.records[0]
    assert rec.order_no == "305123456789"
    assert rec.refund_no == "158000000000000001"
    assert rec.due_at == datetime(2026, 11, 25, 9, 30, tzinfo=SH)
    assert rec.applied_at == datetime(2026, 11, 23, 10, 0, tzinfo=SH)
    assert rec.amount_paid == Decimal("128.00")
    assert rec.amount_claimed == Decimal("64.50")
    (error,) = result.errors
    assert (error.row_number, error.column) == (5, "订单编号")
    assert "scientific notation" in error.en


def test_xlsx_picks_the_sheet_with_the_export():
    from io import BytesIO

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["这是说明页"])
    sheet = workbook.create_sheet("数据")
    sheet.append(TAOBAO_REFUND_HEADER)
    sheet.append(_plain(taobao_refund_row(1)))
    out = BytesIO()
    workbook.save(out)
    result = parse_bytes(out.getvalue(), config())
    assert result.table == "数据"
    assert len(result.records) == 1


def test_tab_separated_export():
    text = "\r\n".join("\t".join(str(c).strip() for c in row) for row in
                       [TAOBAO_REFUND_HEADER, taobao_refund_row(1), taobao_refund_row(2)])
    result = parse_bytes(text.encode("utf-16"), config())
    assert result.ok and result.table == "tab"
    assert len(result.records) == 2


def test_header_with_spaces_tabs_and_full_width_brackets():
    header = [h + " \t" for h in TAOBAO_REFUND_HEADER]
    header[0] = " 退款编号"
    result = parse_bytes(csv_bytes([header, taobao_refund_row(1)]), config())
    assert result.preset == "taobao_refund"
    assert len(result.records) == 1
    assert result.records[0].due_at is not None


def test_quotes_wrapped_around_values():
    row = taobao_refund_row(1, **{"宝贝标题": '"有引号的标题"', "买家退款金额": '"12.00"'})
    result = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, row]), config())
    assert result.records[0].item_title == "有引号的标题"
    assert result.records[0].amount_claimed == Decimal("12.00")


def test_short_rows_and_extra_cells():
    short = taobao_refund_row(1)[:12]  # ends after 超时时间
    long = [*taobao_refund_row(2), "多余", "单元格"]
    result = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, short, long]), config())
    assert [r.row_number for r in result.records] == [2, 3]
    assert result.records[0].platform_reason == "" and result.records[0].cause is None


def test_several_errors_in_one_row_are_all_reported():
    row = taobao_refund_row(1, **{"订单编号": "3.1E+18", "买家退款金额": "-3",
                                  "超时时间": "下周", "是否需要退货": ""})
    result = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, row]), config())
    assert result.records == []
    assert {(e.column, e.field) for e in result.errors} == {
        ("订单编号", "order_no"), ("买家退款金额", "amount_claimed"),
        ("超时时间", "due_at"), ("是否需要退货", "kind")}
    assert all(e.row_number == 2 for e in result.errors)


def test_too_long_title_follows_the_case_rule():
    row = taobao_refund_row(1, **{"宝贝标题": "长" * 201})
    (error,) = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, row]), config()).errors
    assert (error.column, error.field) == ("宝贝标题", "item_title")
    assert "200" in error.zh


def test_bad_order_number_characters():
    row = taobao_refund_row(1, **{"订单编号": "订单#1"})
    (error,) = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, row]), config()).errors
    assert (error.column, error.field, error.value) == ("订单编号", "order_no", "订单#1")


def test_missing_order_number():
    row = taobao_refund_row(1, **{"订单编号": ""})
    (error,) = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, row]), config()).errors
    assert (error.column, error.en) == ("订单编号", "Order number is required")


def test_duplicate_refund_number_is_flagged_on_the_later_row():
    rows = [TAOBAO_REFUND_HEADER, taobao_refund_row(1), taobao_refund_row(2),
            taobao_refund_row(1)]
    result = parse_bytes(csv_bytes(rows), config())
    assert [r.row_number for r in result.records] == [2, 3]
    (error,) = result.errors
    assert (error.row_number, error.column) == (4, "退款编号")
    assert "第2行" in error.zh


def test_repeated_header_rows_are_skipped():
    rows = [TAOBAO_REFUND_HEADER, taobao_refund_row(1), TAOBAO_REFUND_HEADER,
            taobao_refund_row(2)]
    result = parse_bytes(csv_bytes(rows), config())
    assert result.total_rows == 2 and len(result.records) == 2 and result.errors == []


def test_forced_preset_and_other_zone():
    rows = [TAOBAO_REFUND_HEADER, taobao_refund_row(1)]
    result = parse_bytes(csv_bytes(rows), config(), preset="taobao_refund", tz="Asia/Tokyo")
    assert result.preset == "taobao_refund"
    assert result.records[0].due_at.utcoffset() == timedelta(hours=9)


def test_forcing_a_preset_that_does_not_fit_fails_cleanly():
    rows = [TAOBAO_REFUND_HEADER, taobao_refund_row(1)]
    result = parse_bytes(csv_bytes(rows), config(), preset="jd_aftersale")
    assert result.file_error.code == "no_header"


def test_progress_is_reported_and_ends_complete():
    rows = [TAOBAO_REFUND_HEADER] + [taobao_refund_row(i) for i in range(1, 1001)]
    calls = []
    result = parse_bytes(csv_bytes(rows), config(),
                         progress=lambda done, total: calls.append((done, total)))
    assert len(result.records) == 1000
    assert len(calls) >= 4
    assert calls[-1] == (1000, 1000)
    assert all(0 <= d <= t for d, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_cancel_before_start_and_midway():
    rows = [TAOBAO_REFUND_HEADER] + [taobao_refund_row(i) for i in range(1, 1001)]
    data = csv_bytes(rows)
    with pytest.raises(ImportCancelled):
        parse_bytes(data, config(), cancelled=lambda: True)
    asked = []

    def cancel_on_third_check():
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(ImportCancelled):
        parse_bytes(data, config(), cancelled=cancel_on_third_check)
    assert len(asked) == 3


@pytest.mark.parametrize("label", ["合计", "总计：", "Total", "小计"])
def test_a_totals_row_under_the_table_is_left_out(label):
    totals = [""] * len(TAOBAO_REFUND_HEADER)
    totals[0] = label
    totals[TAOBAO_REFUND_HEADER.index("买家实际支付金额")] = "256.00"
    totals[TAOBAO_REFUND_HEADER.index("买家退款金额")] = "129.00"
    result = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, taobao_refund_row(1),
                                    taobao_refund_row(2), totals]), config())
    assert result.errors == [] and [r.row_number for r in result.records] == [2, 3]
    assert result.total_rows == 2


def test_a_row_that_starts_with_total_but_names_an_order_is_read():
    # 合计 in the first column with an order number is data, not the sums: its errors count.
    row = taobao_refund_row(1, 退款编号="合计")
    result = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, row]), config())
    assert result.total_rows == 1
