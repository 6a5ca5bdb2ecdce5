"""Property tests: whatever the file holds, the parser returns records or errors."""

from __future__ import annotations

import csv
import io
import os
from datetime import UTC, datetime

from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from shopdesk.domain.case import validate_draft
from shopdesk.importers import ColumnMapping, ParseResult, parse_bytes
from shopdesk.importers.cells import parse_datetime, parse_identifier, parse_money
from shopdesk.importers.errors import CellError

from .helpers import TAOBAO_REFUND_HEADER, config, csv_bytes, taobao_refund_row, xlsx_bytes

# SHOPDESK_FUZZ_EXAMPLES=3000 pytest ... for a deeper local run; CI keeps it modest.
EXAMPLES = int(os.environ.get("SHOPDESK_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ALLOWED_FILE_ERRORS = {"empty", "binary", "html", "old_xls", "bad_xlsx", "no_header",
                       "missing_columns", "malformed_csv"}

text_chars = st.characters(blacklist_categories=("Cs",))
messy_cells = st.one_of(
    st.sampled_from([
        "", " ", "\t", "-", "null", "是", "否", "也许", "仅退款", "退货退款", "换货",
        "2026-11-23 10:00:00", "2026/11/23 10:00", "2026年11月23日 10:00", "2026-11-23",
        "2026-02-30", "46349.5", "明天", "0000-00-00 00:00:00",
        '="3126112300000000001"', "3126112300000000001\t", "3.12345E+18", "'13812345678",
        "138****5678", "12345", "¥1,234.50", "￥59.90", "1,299.00", "-5", "12.345",
        "128.00", "0", "质量问题", "七天无理由退换货", "乱七八糟的原因", '"引号"', "a,b",
        "多\n行", "长" * 250,
    ]),
    st.text(text_chars, max_size=30),
    st.from_regex(r"[0-9]{3,22}", fullmatch=True),
    st.decimals(min_value=-1000, max_value=10**9, allow_nan=True, places=3).map(str),
)


def check_invariants(result: ParseResult) -> None:
    if result.file_error is not None:
        assert result.file_error.code in ALLOWED_FILE_ERRORS, result.file_error.en
        assert result.file_error.zh and result.file_error.en
        assert not (result.records or result.orders or result.errors)
        return
    made = [r.row_number for r in result.records] + [o.row_number for o in result.orders]
    assert len(made) == len(set(made))
    assert not set(made) & set(result.error_rows)
    # Every non-blank data row becomes a record or at least one error.
    assert result.total_rows == len(made) + len(result.error_rows)
    assert all(n > result.header_row for n in made + result.error_rows)
    for error in result.errors:
        assert error.column == "" or error.column in result.headers
        assert error.zh and error.en
        assert f"第{error.row_number}行" in error.message("zh")
        assert f"Row {error.row_number}" in error.message("en")
    for record in result.records:
        assert validate_draft(record.to_draft()) == []
        for moment in (record.due_at, record.applied_at, record.paid_at, record.finished_at):
            assert moment is None or moment.utcoffset() is not None


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data):
    check_invariants(parse_bytes(data, config()))


@SETTINGS
@given(st.binary(max_size=600))
def test_random_bytes_behind_a_zip_signature_never_raise(data):
    check_invariants(parse_bytes(b"PK\x03\x04" + data, config()))


@SETTINGS
@given(st.text(text_chars, max_size=400), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_random_text_never_raises(text, encoding):
    check_invariants(parse_bytes(text.encode(encoding), config()))


@st.composite
def csv_exports(draw):
    headers = draw(st.lists(st.sampled_from(TAOBAO_REFUND_HEADER), min_size=0, max_size=20,
                            unique=True))
    headers += draw(st.lists(st.text(text_chars, max_size=8), max_size=3))
    headers = draw(st.permutations(headers))
    width = max(len(headers), 1)
    rows = draw(st.lists(st.lists(messy_cells, min_size=0, max_size=width + 2), max_size=12))
    before = draw(st.lists(st.sampled_from(["淘宝退款导出", "", ",,,"]), max_size=3))
    after = draw(st.lists(st.sampled_from(["", ",,,,", " "]), max_size=3))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\r\n", "\n"])),
                        delimiter=draw(st.sampled_from([",", ",", "\t", ";"])))
    writer.writerow(headers)
    writer.writerows(rows)
    text = "".join(line + "\r\n" for line in before) + out.getvalue()
    text += "".join(line + "\r\n" for line in after)
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])))


@SETTINGS
@given(csv_exports())
def test_random_csv_shapes_give_records_or_errors(data):
    check_invariants(parse_bytes(data, config()))


@SETTINGS
@given(csv_exports())
def test_random_csv_shapes_with_a_custom_mapping(data):
    mapping = ColumnMapping.from_dict({
        "platform": "other",
        "columns": {"order_no": "订单编号", "kind": "是否需要退货", "due_at": "超时时间",
                    "amount_paid": "买家实际支付金额", "amount_claimed": "买家退款金额",
                    "buyer_phone": "宝贝标题"},
        "values": {"kind": {"是": "return_refund"}},
        "defaults": {"kind": "refund_only"},
    })
    check_invariants(parse_bytes(data, config(), mapping=mapping))


printable_cells = messy_cells.filter(
    lambda v: not any(ord(c) < 32 and c not in "\t\r\n" for c in v))


@st.composite
def nearly_valid_exports(draw):
    """Good Taobao rows with a few cells replaced by messy values: most rows survive."""
    rows = [TAOBAO_REFUND_HEADER]
    for i in range(draw(st.integers(min_value=1, max_value=8))):
        row = taobao_refund_row(draw(st.integers(min_value=1, max_value=5)) + i * 10)
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            row[draw(st.integers(0, len(row) - 1))] = draw(printable_cells)
        rows.append(row[: draw(st.integers(min_value=2, max_value=len(row)))])
    return csv_bytes(rows, "gb18030")


@SETTINGS
@given(nearly_valid_exports())
def test_nearly_valid_exports_give_records_or_errors(data):
    result = parse_bytes(data, config())
    assert result.ok, result.file_error
    check_invariants(result)


def test_the_nearly_valid_strategy_reaches_records_and_errors_together():
    # Guards against a strategy that only ever yields errors (or only records), which
    # would make the property above vacuous.
    def both(data: bytes) -> bool:
        result = parse_bytes(data, config())
        return bool(result.records) and bool(result.errors)

    found = find(nearly_valid_exports(), both,
                 settings=settings(max_examples=150, deadline=None, database=None))
    assert both(found)


xlsx_cells = st.one_of(
    messy_cells,
    st.none(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1)),
    st.booleans(),
)


@settings(max_examples=max(EXAMPLES // 4, 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(xlsx_cells, max_size=22), max_size=8))
def test_random_xlsx_rows_give_records_or_errors(rows):
    rows = [[c.replace("\x00", "") if isinstance(c, str) else c for c in row] for row in rows]
    try:
        data = xlsx_bytes([TAOBAO_REFUND_HEADER, *rows])
    except Exception:  # openpyxl refuses some strings (control characters): not our concern
        return
    check_invariants(parse_bytes(data, config()))


@SETTINGS
@given(st.one_of(messy_cells, xlsx_cells))
def test_cell_parsers_raise_only_cell_errors(value):
    for parse in (parse_identifier, parse_money, lambda v: parse_datetime(v, UTC)):
        try:
            parse(value)
        except CellError as exc:
            assert exc.zh and exc.en
