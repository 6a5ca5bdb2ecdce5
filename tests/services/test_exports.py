"""Exporting the case list: CSV with BOM and .xlsx, masked contacts, no formula injection."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.enums import CaseKind, CaseStatus, Cause, Platform
from shopdesk.services import exports
from shopdesk.services.exports import ExportCancelled, export_cases

EVIL = ["=HYPERLINK(\"http://evil\",\"点我\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
        "\t=1+1", "\r=1+1"]


@pytest.fixture
def cases(register):
    service = register.cases
    service.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3126112300000000001", kind=CaseKind.RETURN_REFUND,
        buyer_nick=EVIL[3], buyer_name="张三丰", buyer_phone="13812345678",
        buyer_address="浙江省杭州市西湖区文三路100号", item_title=EVIL[1], sku=EVIL[2],
        amount_paid=Decimal("128.00"), amount_claimed=Decimal("64.5"),
        cause=Cause.ITEM_DEFECTIVE, description=EVIL[0], shop=EVIL[4],
        due_at=datetime.fromisoformat("2026-11-25T01:30:00+00:00")), "小王")
    service.open_case(CaseDraft(platform=Platform.JD, order_no="305123456789",
                                kind=CaseKind.EXCHANGE, refund_no="0123456", assignee=EVIL[5]),
                      "小王")
    return service


def read_csv(path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def by_header(rows: list[list[object]]) -> list[dict[str, object]]:
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


QUERY = CaseQuery(sort=SortKey.CREATED, descending=False)


def test_csv_neutralises_formulas_and_masks_contacts(cases, tmp_path):
    out = tmp_path / "cases.csv"
    result = export_cases(cases, QUERY, out)
    assert result.count == 2 and not result.full_contact
    first, second = by_header(read_csv(out))
    assert first["问题描述"] == "'" + EVIL[0]
    assert first["商品"] == "'" + EVIL[1] and first["商品编码"] == "'" + EVIL[2]
    assert first["买家昵称"] == "'" + EVIL[3] and first["店铺"] == "'" + EVIL[4]
    assert second["负责人"] == "'" + EVIL[5]
    assert first["买家电话"] == "138****5678" and first["买家姓名"] == "张**"
    assert "文三路" not in first["收货地址"]
    assert first["实付金额"] == "128.00" and first["申请金额"] == "64.50"
    assert first["截止时间"] == "2026-11-25 09:30"  # shop-local time
    assert first["平台"] == "淘宝/天猫" and first["售后类型"] == "退货退款"
    assert first["原因"] == "宝贝有问题" and first["状态"] == "新建"
    # Long numbers and a leading zero stay text in Excel.
    assert first["订单号"] == "3126112300000000001\t" and second["售后单号"] == "0123456\t"


def test_xlsx_neutralises_formulas_and_keeps_numbers_numeric(cases, tmp_path):
    out = tmp_path / "cases.xlsx"
    export_cases(cases, QUERY, out)
    sheet = load_workbook(out).active
    rows = [[c for c in r] for r in sheet.iter_rows()]
    head = [c.value for c in rows[0]]
    first = dict(zip(head, rows[1], strict=True))
    for column, text in (("问题描述", EVIL[0]), ("商品", EVIL[1]), ("商品编码", EVIL[2]),
                         ("买家昵称", EVIL[3]), ("店铺", EVIL[4])):
        assert first[column].value == "'" + text and first[column].data_type == "s"
    assert not any(c.data_type == "f" for r in rows for c in r)
    assert first["实付金额"].value == 128 and first["实付金额"].number_format == "0.00"
    assert first["申请金额"].value == 64.5
    assert first["截止时间"].value == datetime(2026, 11, 25, 9, 30)
    assert first["买家电话"].value == "138****5678"
    assert first["订单号"].value == "3126112300000000001"


def test_month_end_columns_request_resolution_province_and_major(cases, register,
                                                                 tmp_path, clock):
    from datetime import timedelta

    from shopdesk.domain.workflow import Transition

    first_id, second_id = register.cases.query_ids(QUERY)
    register.staff.add("阿珍", actor="小王")
    register.major.mark(first_id, "阿珍", "小王")
    clock.advance(hours=5)
    register.cases.change_status(second_id, Transition(CaseStatus.CLOSED, note="重复"), "小王")
    out = tmp_path / "cases.xlsx"
    export_cases(cases, QUERY, out)
    rows = [[c.value for c in r] for r in load_workbook(out).active.iter_rows()]
    head = rows[0]
    # Added at the end: the columns before them keep their places.
    assert head[-4:] == ["申请时间", "结案时间", "省份", "重大投诉负责人"]
    first, second = by_header(rows)
    assert first["省份"] == "浙江" and first["重大投诉负责人"] == "阿珍"
    assert first["申请时间"] is not None and first["结案时间"] is None
    assert second["重大投诉负责人"] is None and second["结案时间"] is not None
    assert second["结案时间"] - second["申请时间"] >= timedelta(hours=5)


def test_full_contact_is_shown_and_audited_once(cases, register, tmp_path):
    out = tmp_path / "full.xlsx"
    export_cases(cases, QUERY, out, full_contact=True, actor="小李")
    sheet = load_workbook(out).active
    first = by_header([[c.value for c in r] for r in sheet.iter_rows()])[0]
    assert first["买家电话"] == "13812345678" and first["买家姓名"] == "张三丰"
    assert first["收货地址"] == "浙江省杭州市西湖区文三路100号"
    audit = [a for a in register.cases.audit_log.latest() if a.action == "export_full_contact"]
    assert len(audit) == 1 and audit[0].actor == "小李" and "full.xlsx" in audit[0].new
    export_cases(cases, QUERY, tmp_path / "masked.csv")
    assert len([a for a in register.cases.audit_log.latest()
                if a.action == "export_full_contact"]) == 1


def test_english_headers_and_labels(cases, tmp_path):
    out = tmp_path / "cases.csv"
    export_cases(cases, QUERY.with_changes(statuses=(CaseStatus.NEW,)), out, lang="en")
    first = by_header(read_csv(out))[0]
    assert first["Platform"] == "Taobao/Tmall" and first["Kind"] == "Return & refund"
    assert first["Status"] == "New" and first["Amount paid"] == "128.00"


def test_the_query_filters_and_rows_are_fetched_in_chunks(register, tmp_path, monkeypatch):
    for i in range(7):
        register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no=f"ORD{i:04d}",
                                           kind=CaseKind.COMPLAINT if i % 2 else
                                           CaseKind.REFUND_ONLY), "小王")
    monkeypatch.setattr(exports, "CHUNK", 3)
    fetched: list[int] = []
    real_fetch = register.cases.fetch

    def spy(ids):
        fetched.append(len(ids))
        return real_fetch(ids)

    monkeypatch.setattr(register.cases, "fetch", spy)
    seen = []
    out = tmp_path / "c.csv"
    result = export_cases(register.cases, QUERY.with_changes(kinds=(CaseKind.COMPLAINT,)), out,
                          progress=lambda d, t: seen.append((d, t)))
    assert result.count == 3 and fetched == [3]
    export_cases(register.cases, QUERY, out, progress=lambda d, t: seen.append((d, t)))
    assert fetched == [3, 3, 3, 1] and seen[-1] == (7, 7)
    assert [r[3] for r in read_csv(out)[1:]] == [f"ORD{i:04d}" for i in range(7)]


def test_cancel_leaves_no_file(cases, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("c.xlsx", "c.csv"):
        with pytest.raises(ExportCancelled):
            export_cases(cases, QUERY, folder / name, cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def test_other_extensions_are_refused(cases, tmp_path):
    with pytest.raises(ValueError):
        export_cases(cases, QUERY, tmp_path / "c.txt")
