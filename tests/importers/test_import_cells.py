"""Cell cleaning: order numbers, money, dates as real exports write them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from shopdesk.importers.cells import (
    clean_text,
    is_blank,
    parse_datetime,
    parse_identifier,
    parse_money,
)
from shopdesk.importers.errors import CellError

SH = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(("raw", "expected"), [
    ("  hello\t", "hello"),
    ('="3126112300000000001"', "3126112300000000001"),
    ('="3126112300000000001"\t', "3126112300000000001"),
    ('"quoted"', "quoted"),
    ('""double""', "double"),
    ("\ufeff\u200bmark", "mark"),
    ("\u3000全角空格\u3000", "全角空格"),
    (None, ""),
    (12.0, "12"),
    (12.5, "12.5"),
    (True, "是"),
])
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("raw", ["", "  ", "\t", "-", "--", "null", "NULL", "无", '""', None])
def test_blank_cells(raw):
    assert is_blank(raw)


@pytest.mark.parametrize("raw", ["0", "a", "0.00", " x "])
def test_not_blank_cells(raw):
    assert not is_blank(raw)


@pytest.mark.parametrize(("raw", "expected"), [
    ('="3126112300000000001"', "3126112300000000001"),
    ("3126112300000000001\t", "3126112300000000001"),
    ("'3126112300000000001", "3126112300000000001"),
    ("３１２６１１２３", "31261123"),  # full-width digits
    ("261123-512345678901234", "261123-512345678901234"),
    (3126112300000000001, "3126112300000000001"),  # an exact int from a program
    (305123456789.0, "305123456789"),  # a float Excel holds exactly
    # The usual forms (plain digits, Taobao's ="digits") and their near misses, which
    # still take the full cleaning.
    ("3126112300000000001", "3126112300000000001"),
    ('="  3126112300000000001 "', "3126112300000000001"),
    ('="３１２６１１２３"', "31261123"),
    ('=""', ""),
    (" 2026112022001100000000\t", "2026112022001100000000"),  # stripped digits
    ("\u3000312611\u3000", "312611"),
    ("\u200b312611\t", "312611"),  # an invisible mark: the full cleaning removes it
    ("３１２６\t", "3126"),
    ("\t\t", ""),
])
def test_identifier_cleaned(raw, expected):
    assert parse_identifier(raw) == expected


@pytest.mark.parametrize("raw", ["3.12345E+18", "3.12345e+18", "3E+18", "  3.1E18\t",
                                 '="3.12345E+18"', 3.12345e18, 1e15])
def test_identifier_in_scientific_notation_is_refused(raw):
    with pytest.raises(CellError) as info:
        parse_identifier(raw, "订单号", "Order number")
    assert "科学计数法" in info.value.zh
    assert "scientific notation" in info.value.en
    assert "cannot be recovered" in info.value.en


@pytest.mark.parametrize(("raw", "expected"), [
    ("128.00", Decimal("128.00")),
    ("¥1,234.5", Decimal("1234.50")),
    ("￥59.90", Decimal("59.90")),
    ("1，299.00", Decimal("1299.00")),
    ("12.30元", Decimal("12.30")),
    ("  45\t", Decimal("45.00")),
    ('="45.00"', Decimal("45.00")),
    ("０.５", Decimal("0.50")),
    (12, Decimal("12.00")),
    (12.3, Decimal("12.30")),
    (0.1 + 0.2, Decimal("0.30")),  # float noise from a spreadsheet sum
    ("", None),
    ("-", None),
    (None, None),
])
def test_money(raw, expected):
    assert parse_money(raw) == expected


@pytest.mark.parametrize(("raw", "fragment"), [
    ("-5.00", "negative"),
    ("12.345", "two decimals"),
    ("abc", "Not a valid amount"),
    ("1.2.3", "Not a valid amount"),
    ("999999999", "too large"),
    ("1e30", "too large"),
    (Decimal("1E+26"), "too large"),
    (True, "Not a valid amount"),
])
def test_bad_money(raw, fragment):
    with pytest.raises(CellError) as info:
        parse_money(raw)
    assert fragment in info.value.en


@pytest.mark.parametrize(("raw", "expected"), [
    ("2026-11-23 10:00:00", datetime(2026, 11, 23, 10, 0, 0)),
    ("2026/11/23 10:00", datetime(2026, 11, 23, 10, 0)),
    ("2026/1/5 9:05", datetime(2026, 1, 5, 9, 5)),
    ("2026-11-23", datetime(2026, 11, 23)),
    ("2026年11月23日 10:00", datetime(2026, 11, 23, 10, 0)),
    ("2026年11月23日10时30分", datetime(2026, 11, 23, 10, 30)),
    ("2026年11月23日", datetime(2026, 11, 23)),
    ("2026.11.23 10:00:05", datetime(2026, 11, 23, 10, 0, 5)),
    ("2026-11-23T10:00:00", datetime(2026, 11, 23, 10, 0)),
    ("2026-11-23 10:00:00.500", datetime(2026, 11, 23, 10, 0, 0, 500000)),
    ("2026-11-23 10：00", datetime(2026, 11, 23, 10, 0)),  # full-width colon
    ("20261123", datetime(2026, 11, 23)),
    ("2026-11-23 10:00:00\t", datetime(2026, 11, 23, 10, 0)),
    ('="2026-11-23 10:00:00"', datetime(2026, 11, 23, 10, 0)),
    ("46349.4166666667", datetime(2026, 11, 23, 10, 0)),  # Excel serial as text
    (46349, datetime(2026, 11, 23)),
    (46349.75, datetime(2026, 11, 23, 18, 0)),
    (datetime(2026, 11, 23, 10, 0), datetime(2026, 11, 23, 10, 0)),
    (date(2026, 11, 23), datetime(2026, 11, 23)),
])
def test_naive_times_are_read_in_shanghai(raw, expected):
    value = parse_datetime(raw, SH)
    assert value == expected.replace(tzinfo=SH)
    assert value.utcoffset() == timedelta(hours=8)


def test_times_with_an_offset_keep_it():
    value = parse_datetime("2026-11-23T02:00:00+00:00", SH)
    assert value == datetime(2026, 11, 23, 10, 0, tzinfo=SH)
    assert value.utcoffset() == timedelta(0)
    aware = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert parse_datetime(aware, SH) is aware


def test_other_zone():
    tokyo = timezone(timedelta(hours=9))
    assert parse_datetime("2026-11-23 10:00", tokyo).utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize("raw", ["", "-", "null", "0000-00-00 00:00:00", None])
def test_empty_dates(raw):
    assert parse_datetime(raw, SH) is None


@pytest.mark.parametrize("raw", ["明天", "2026-02-30", "2026-13-01", "2026-11-23 25:00",
                                 "23/11/2026", "12", "1e300", "inf", 5.0, True])
def test_bad_dates(raw):
    with pytest.raises(CellError) as info:
        parse_datetime(raw, SH)
    assert "Not a valid date" in info.value.en
    assert "2026-11-23" in info.value.zh  # the message shows a usable format
