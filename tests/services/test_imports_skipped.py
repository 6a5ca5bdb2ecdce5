"""Rows that were not imported, saved as a CSV to fix and re-import."""

from __future__ import annotations

import csv

from shopdesk.services.imports import write_skipped_rows
from tests.importers.helpers import DATA, TAOBAO_REFUND_HEADER, taobao_refund_row, xlsx_bytes


def test_skipped_rows_keep_their_cells_and_say_why(register, tmp_path):
    service = register.imports
    path = DATA / "taobao_refund_gbk.csv"
    parsed = service.read(path)
    report = service.apply(parsed, path.name, "小王", skip_bad_rows=True)
    out = tmp_path / "skipped.csv"
    assert write_skipped_rows(path, parsed, report.errors, out) == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [*parsed.headers, "错误"]
    body = {r[parsed.headers.index("退款编号")]: r for r in rows[1:]}
    assert len(body) == 4
    bad_amount = body['="158000000000000004"']  # verbatim, so the fixed file re-imports
    assert bad_amount[parsed.headers.index("买家退款金额")] == "1,300.00"
    assert bad_amount[-1] == "「买家退款金额」申请金额 ¥1,300.00 不能超过实付金额 ¥30.00"
    assert "明天" in body['="158000000000000005"'][-1]
    assert "科学计数法" in body["158000000000000003"][-1]


def test_a_fixed_skipped_file_imports(register, tmp_path):
    service = register.imports
    path = DATA / "taobao_refund_gbk.csv"
    parsed = service.read(path)
    report = service.apply(parsed, path.name, "小王", skip_bad_rows=True)
    out = tmp_path / "skipped.csv"
    write_skipped_rows(path, parsed, report.errors, out, lang="en")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][-1] == "Error" and rows[1][-1].startswith("[")
    header = rows[0]
    fixed = [header]
    for r in rows[1:]:
        r = list(r)
        if r[header.index("超时时间")] == "明天":
            r[header.index("超时时间")] = "2026-11-24 14:00:00"
            fixed.append(r)
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(fixed)
    again = service.apply(service.read(out), out.name, "小王")
    assert (again.created, again.skipped, again.imported) == (1, 0, True)


def test_skipped_rows_from_an_xlsx_file(register, tmp_path):
    service = register.imports
    path = tmp_path / "refunds.xlsx"
    # In a workbook the numbers are plain text cells (="..." would be an uncomputed formula).
    plain = {"退款编号": "158000000000000001", "订单编号": "3126112300000000001"}
    rows = [TAOBAO_REFUND_HEADER, taobao_refund_row(1, **plain),
            taobao_refund_row(2, 退款编号="158000000000000002", 订单编号="3126112300000000002",
                              买家退款金额="abc")]
    path.write_bytes(xlsx_bytes(rows))
    parsed = service.read(path)
    report = service.preview(parsed, path.name)
    out = tmp_path / "skipped.csv"
    assert write_skipped_rows(path, parsed, report.errors, out) == 1
    with out.open(encoding="utf-8-sig", newline="") as fh:
        got = list(csv.reader(fh))
    assert got[1][TAOBAO_REFUND_HEADER.index("买家退款金额")] == "abc"
    assert got[1][-1].startswith("「买家退款金额」")
