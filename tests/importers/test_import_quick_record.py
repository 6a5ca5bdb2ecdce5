"""A row's record straight from its values (refunds._quick_record) is the record the full
path makes of the row's draft: the same records and row errors, field by field, for the
shipped presets' files and for rows that stress every check the quick path repeats."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from decimal import Decimal

import pytest

from shopdesk.importers import ColumnMapping, ParseResult, parse_bytes, refunds

from .helpers import DATA, TAOBAO_REFUND_HEADER, config, csv_bytes, taobao_refund_row

HEADER = ["单号", "售后单号", "类型", "原因", "金额", "退款", "截止", "手机", "昵称", "店铺",
          "备注", "标题", "规格"]
MAPPING = {
    "name": "自定义", "record_type": "refund", "platform": "kuaishou",
    "columns": {"order_no": "单号", "refund_no": "售后单号", "kind": "类型",
                "platform_reason": "原因", "amount_paid": "金额", "amount_claimed": "退款",
                "due_at": "截止", "buyer_phone": "手机", "buyer_nick": "昵称", "shop": "店铺",
                "description": "备注", "item_title": "标题", "sku": "规格"},
    "values": {"kind": {"退": "refund_only", "退货": "return_refund"}},
    "defaults": {"kind": "refund_only"},
}
# Cells that pass, fail or sit on the edge of each check the quick path makes.
CELLS = {
    "单号": ["KS2026112301", "ab", "a b", "x" * 64, "x" * 65, "A-1_2", "", "3.12611E+18"],
    "售后单号": ["", "R-1", "bad no!", "r" * 64, "r" * 65],
    "类型": ["退货", "退", "", "换货", "瞬移", "仅退款"],
    "原因": ["质量问题", "", "不想要了", "奇怪的原因"],
    "金额": ["88.00", "88", "1.505", "-1", "", "￥20.5", "abc"],
    "退款": ["5", "88.00", "100", "", "0"],
    "截止": ["2026/11/25 18:00", "", "明天", "2026-11-25"],
    "手机": ["", "138 1234 5678", "12", "138****5678", "+86 138 1234 5678", "021-12345678"],
    "昵称": ["小王", "", "n" * 64, "n" * 65, " 有空格 "],
    "店铺": ["", "快手小店", "s" * 65],
    "备注": ["", "坏了", "d" * 5001],
    "标题": ["宝贝", "t" * 200, "t" * 201],
    "规格": ["", "SKU-1", "k" * 65],
}


def _both(data: bytes, **kw: object) -> tuple[ParseResult, ParseResult]:
    quick = parse_bytes(data, config(), **kw)  # type: ignore[arg-type]
    real = refunds._quick_record
    try:
        refunds._quick_record = lambda *a, **k: None  # type: ignore[assignment]
        full = parse_bytes(data, config(), **kw)  # type: ignore[arg-type]
    finally:
        refunds._quick_record = real  # type: ignore[assignment]
    return quick, full


def _same(quick: ParseResult, full: ParseResult) -> None:
    assert quick.ok and full.ok, (quick.file_error, full.file_error)
    assert quick.errors == full.errors
    assert len(quick.records) == len(full.records)
    for a, b in zip(quick.records, full.records, strict=True):
        for f in dataclass_fields(a):
            va, vb = getattr(a, f.name), getattr(b, f.name)
            assert va == vb and type(va) is type(vb), (a.row_number, f.name, va, vb)
            if isinstance(va, Decimal):
                assert str(va) == str(vb), (a.row_number, f.name)
        assert a.raw == b.raw


@pytest.mark.parametrize("name", ["taobao_refund_gbk.csv", "douyin_aftersale_utf8.csv",
                                  "jd_aftersale_utf8bom.csv", "kuaishou_aftersale_gbk.csv",
                                  "pinduoduo_aftersale_gbk.csv"])
def test_the_shipped_presets_files_read_alike(name):
    quick, full = _both((DATA / name).read_bytes())
    assert quick.records, "the file has records"
    _same(quick, full)


def test_a_taobao_export_with_odd_rows_reads_alike():
    rows = [taobao_refund_row(i) for i in range(40)]
    rows += [taobao_refund_row(100, 买家退款金额="200.00"),  # more than paid
             taobao_refund_row(101, 宝贝标题="t" * 201),
             taobao_refund_row(102, 订单编号="3.12611E+18"),
             taobao_refund_row(103, 买家退款原因="奇怪的原因"),
             taobao_refund_row(104, 退款编号=""),
             taobao_refund_row(105, 买家实际支付金额="", 买家退款金额=""),
             taobao_refund_row(106, 超时时间="")]
    quick, full = _both(csv_bytes([TAOBAO_REFUND_HEADER, *rows], "gbk"))
    assert len(quick.records) > 40 and quick.errors
    _same(quick, full)


def test_every_cell_of_a_custom_mapping_reads_alike():
    """Each cell value of CELLS with the others at their first (valid) choice, then every
    pair of values of the checked columns."""
    base = {h: v[0] for h, v in CELLS.items()}
    combos = [dict(base)]
    for header, values in CELLS.items():
        combos += [{**base, header: value} for value in values[1:]]
    for a, b in (("金额", "退款"), ("单号", "售后单号"), ("类型", "原因"), ("手机", "昵称")):
        combos += [{**base, a: va, b: vb} for va in CELLS[a] for vb in CELLS[b]]
    # A distinct refund number per row (a repeat is refused before any conversion).
    rows = [[f"R{i}" if h == "售后单号" and c["售后单号"] == "R-1" else c[h] for h in HEADER]
            for i, c in enumerate(combos)]
    quick, full = _both(csv_bytes([HEADER, *rows], "gbk"),
                        mapping=ColumnMapping.from_dict(MAPPING))
    assert quick.records and quick.errors
    _same(quick, full)


def _rows_of(data: bytes, mapping: ColumnMapping | None = None) -> tuple[ParseResult,
                                                                          list[list]]:
    from shopdesk.importers.readers import open_source

    parsed = parse_bytes(data, config(), mapping=mapping)
    source = open_source(data)
    try:
        rows = [cells for number, cells in source.tables[0].rows()
                if number > (parsed.header_row or 0)]
    finally:
        source.close()
    return parsed, rows


@pytest.mark.parametrize("custom", [False, True])
def test_a_row_read_in_one_pass_reads_as_cell_by_cell(custom):
    """BoundMapping.read's pass over a full row (the cached cells first, the others
    after) gives the values and errors of its cell-by-cell loop (a short row's path)."""
    from zoneinfo import ZoneInfo

    from shopdesk.importers.rows import BoundMapping

    if custom:
        base = {h: v[0] for h, v in CELLS.items()}
        rows = [[c if h != header else value for h, c in base.items()]
                for header, values in CELLS.items() for value in values] * 2
        data = csv_bytes([HEADER, *rows], "gbk")
        parsed, cells = _rows_of(data, ColumnMapping.from_dict(MAPPING))
    else:
        rows = [taobao_refund_row(i) for i in range(60)]
        rows += [taobao_refund_row(i, 订单编号="3.12611E+18", 超时时间="明天")
                 for i in range(60, 63)]
        parsed, cells = _rows_of(csv_bytes([TAOBAO_REFUND_HEADER, *rows], "gbk"))
    assert parsed.mapping is not None
    one_pass = BoundMapping.bind(parsed.mapping, parsed.headers, ZoneInfo("Asia/Shanghai"))
    by_cell = BoundMapping.bind(parsed.mapping, parsed.headers, ZoneInfo("Asia/Shanghai"))
    by_cell._columns()
    by_cell._last_pos = 10**9  # every row "short": the loop
    failed = 0
    for number, row in enumerate(cells):
        got, want = one_pass.read(number, row), by_cell.read(number, row)
        assert got == want, number
        failed += bool(want[1])
    assert failed  # the rows include cells that fail
