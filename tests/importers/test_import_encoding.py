"""Encoding detection: GBK / GB18030 / UTF-8 with or without BOM, damaged files."""

from __future__ import annotations

import pytest

from shopdesk.importers.encoding import decode_bytes

TEXT = "退款编号,订单编号,买家退款原因\r\n1,2,七天无理由退换货 ￥12\r\n"


@pytest.mark.parametrize(("encoding", "reported"), [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16"),
])
def test_round_trip(encoding, reported):
    text, used = decode_bytes(TEXT.encode(encoding))
    assert text == TEXT
    assert used == reported


def test_bom_is_not_part_of_the_text():
    text, _ = decode_bytes(TEXT.encode("utf-8-sig"))
    assert not text.startswith("\ufeff")


def test_gb18030_only_characters():
    sample = "¥ 𠀀 € 退款"  # not in GBK, but in GB18030
    assert decode_bytes(sample.encode("gb18030"))[0] == sample


def test_one_damaged_byte_in_a_gbk_file_keeps_the_rest():
    data = (TEXT * 20).encode("gbk")
    damaged = data[:50] + b"\xff" + data[50:]
    text, used = decode_bytes(damaged)
    assert used == "gb18030"
    assert text.count("七天无理由退换货") >= 19


def test_one_damaged_byte_in_a_utf8_file_keeps_the_rest():
    data = (TEXT * 20).encode("utf-8")
    damaged = data[:50] + b"\xff" + data[50:]
    text, used = decode_bytes(damaged)
    assert used == "utf-8"
    assert text.count("七天无理由退换货") >= 19


def test_ascii_is_utf8():
    assert decode_bytes(b"a,b\r\n1,2") == ("a,b\r\n1,2", "utf-8")
