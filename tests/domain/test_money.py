from decimal import Decimal

import pytest

from shopdesk.domain.money import MoneyError, format_yuan, from_fen, parse_yuan, to_fen


@pytest.mark.parametrize("text,expected", [
    ("12", "12.00"), ("12.3", "12.30"), ("¥1,234.50", "1234.50"), ("￥ 8.8", "8.80"),
    ("99元", "99.00"), ("0", "0.00"),
])
def test_parse_yuan_accepts_what_sellers_type(text, expected):
    assert parse_yuan(text) == Decimal(expected)


@pytest.mark.parametrize("text,reason", [
    ("-1", "negative"), ("1.234", "more than two"), ("abc", "not a number"), ("", "empty"),
    ("nan", "not a number"), ("1e12", "too large"), ("1e30", "too large"),
    ("-1e30", "negative"), ("1e-30", "more than two"),
])
def test_parse_yuan_refuses_bad_amounts(text, reason):
    with pytest.raises(MoneyError, match=reason):
        parse_yuan(text)


def test_fen_round_trip_is_exact():
    for text in ("0.01", "0.10", "19.99", "123456.78"):
        value = parse_yuan(text)
        assert from_fen(to_fen(value)) == value
    assert to_fen(Decimal("0.29")) == 29  # the classic float trap
    assert to_fen(None) is None and from_fen(None) is None


def test_format_yuan():
    assert format_yuan(Decimal("1234.5")) == "¥1,234.50"
    assert format_yuan(None) == ""


@pytest.mark.parametrize("text,reason", [
    ("1,2,3", "not a number"), ("1_000", "not a number"), ("٣٤", "not a number"),
    ("１２", "not a number"), ("1 2 3", "not a number"), ("12,34", "not a number"),
    ("1E+999999999999", "too large"), ("-1E+999999999999", "negative"),
    ("1E-999999999999", "more than two"),
])
def test_parse_yuan_refuses_what_only_python_would_read(text, reason):
    # Decimal() alone reads '1_000' as 1000, '٣٤' as 34 and overflows on 1E+999999999999.
    with pytest.raises(MoneyError, match=reason):
        parse_yuan(text)


@pytest.mark.parametrize("text,expected", [
    ("1,234", "1234.00"), ("12,345,678.9", "12345678.90"), ("1，234", "1234.00"),
    ("12.300", "12.30"), ("¥ 1,234 元", "1234.00"), ("-0", "0.00"),
])
def test_parse_yuan_still_reads_thousands_separators(text, expected):
    assert parse_yuan(text) == Decimal(expected)
