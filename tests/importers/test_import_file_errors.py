"""Files that cannot be imported at all: a FileError, never an exception."""

from __future__ import annotations

import io
import zipfile

import pytest

from shopdesk.importers import FileError, parse_bytes, parse_file

from .helpers import TAOBAO_REFUND_HEADER, config, csv_bytes, taobao_refund_row, xlsx_bytes


def _error(data: bytes) -> FileError:
    result = parse_bytes(data, config())
    assert result.file_error is not None
    assert not result.ok
    assert result.records == [] and result.orders == [] and result.errors == []
    assert result.file_error.code != "internal", result.file_error.en
    return result.file_error


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_file(data):
    error = _error(data)
    assert error.code == "empty"
    assert error.zh == "文件是空的"


def test_old_xls():
    error = _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert error.code == "old_xls"
    assert ".xlsx" in error.en and ".xls" in error.zh


def test_html_disguised_as_xls():
    error = _error("<html><body><table><tr><td>订单编号</td></tr></table></body></html>"
                   .encode())
    assert error.code == "html"


def test_binary_file():
    error = _error(bytes(range(256)) * 4)
    assert error.code == "binary"


def test_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    error = _error(buffer.getvalue())
    assert error.code == "bad_xlsx"


def test_truncated_workbook():
    data = xlsx_bytes([TAOBAO_REFUND_HEADER, taobao_refund_row(1)])
    error = _error(data[: len(data) // 2])
    assert error.code == "bad_xlsx"


def test_no_recognisable_header_names_the_way_out():
    data = csv_bytes([["名字", "年龄", "城市"], ["张三", "30", "杭州"]])
    result = parse_bytes(data, config())
    assert result.file_error.code == "no_header"
    assert "自定义列映射" in result.file_error.zh
    assert "custom column mapping" in result.file_error.en
    # The UI can offer a mapping dialog with the headers found.
    assert result.headers == ["名字", "年龄", "城市"]


def test_header_too_far_down_is_not_searched_forever():
    filler = [[f"说明 {i}", ""] for i in range(40)]
    data = csv_bytes([*filler, TAOBAO_REFUND_HEADER, taobao_refund_row(1)])
    assert _error(data).code == "no_header"


def test_header_only_file_is_fine_and_empty():
    result = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER]), config())
    assert result.ok
    assert result.total_rows == 0 and result.records == []


def test_missing_kind_column_is_reported_as_missing():
    header = [h for h in TAOBAO_REFUND_HEADER if h != "是否需要退货"]
    row = [c for h, c in zip(TAOBAO_REFUND_HEADER, taobao_refund_row(1), strict=True)
           if h != "是否需要退货"]
    error = _error(csv_bytes([header, row]))
    assert error.code == "missing_columns"
    assert "售后类型" in error.zh and "Case kind" in error.en


def test_unmatched_quote_swallowing_the_file():
    body = csv_bytes([TAOBAO_REFUND_HEADER, taobao_refund_row(1)]).decode()
    data = (body + '1,"' + "x" * 140_000 + "\r\n").encode()
    error = _error(data)
    assert error.code == "malformed_csv"
    assert "row 3" in error.en


def test_missing_file(tmp_path):
    # Named, and the reason in the user's words (it said "No such file or directory").
    result = parse_file(tmp_path / "nope.csv", config())
    assert result.file_error.code == "unreadable"
    assert result.file_error.message("zh") == f"无法打开文件 {tmp_path / 'nope.csv'}：文件不存在"
    assert result.file_error.message("en").endswith("nope.csv: there is no such file")


def test_directory(tmp_path):
    result = parse_file(tmp_path, config())
    assert result.file_error.code == "unreadable"
    assert result.file_error.message("zh").endswith("：这是一个文件夹，不是文件")


def test_a_folder_refused_as_windows_refuses_it(tmp_path, monkeypatch):
    """Windows opens a folder with "permission denied" (errno 13), not IsADirectoryError:
    the seller is told it is a folder, not sent to look for Excel holding a lock."""
    from pathlib import Path

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = parse_file(tmp_path, config())
    assert result.file_error.message("en").endswith(": it is a folder, not a file")
    locked = parse_file(tmp_path / "locked.csv", config())  # a file: still the lock hint
    assert "Excel" in locked.file_error.message("en")


def test_bad_arguments_are_programming_errors():
    with pytest.raises(KeyError):
        parse_bytes(b"a,b", config(), preset="no_such_preset")
    from shopdesk.importers import ColumnMapping

    with pytest.raises(ValueError):
        parse_bytes(b"a,b", config(), preset="taobao_refund",
                    mapping=ColumnMapping(columns={"order_no": "订单号"}))


def test_a_stray_nul_does_not_make_a_csv_binary():
    row = taobao_refund_row(1, **{"买家退款说明": "说\x00明"})
    result = parse_bytes(csv_bytes([TAOBAO_REFUND_HEADER, row]), config())
    assert result.ok, result.file_error
    assert result.records[0].description == "说明"
