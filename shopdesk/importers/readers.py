"""CSV / XLSX bytes -> tables of cells with the row numbers a spreadsheet shows.

A file may hold several candidate tables (a CSV read with different delimiters, or
several worksheets); the parser picks the one whose header it recognises.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .cells import Cell
from .encoding import decode_bytes
from .errors import FileError

Row = tuple[int, list[Cell]]  # (spreadsheet row number, cells)

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and other Office 97 files)
_DELIMITERS = (",", "\t", ";")
_SAMPLE_LINES = 50
_BINARY_SAMPLE = 65536
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The first byte that is not blank (found without copying a large file, as strip() would).
_FILLED = re.compile(rb"[^ \t\r\n\x00\xef\xbb\xbf\xff\xfe]")
_SPACE = re.compile(r"\s*")
_HEAD = 32  # characters enough to tell a web page from a table


@dataclass
class Table:
    """One candidate table; `rows()` gives a fresh iterator every call."""

    name: str
    rows: Callable[[], Iterator[Row]]
    estimated_rows: int


@dataclass
class Source:
    """What was found in the file."""

    kind: str  # "csv" or "xlsx"
    tables: list[Table]
    encoding: str | None = None
    close: Callable[[], None] = field(default=lambda: None)


def open_source(data: bytes) -> Source:
    """Sniff the content (not the file name) and open it; raises FileError."""
    if not _FILLED.search(data):
        raise FileError("empty", "文件是空的", "The file is empty")
    if data.startswith(_ZIP):
        return _open_xlsx(data)
    if data.startswith(_OLE2):
        raise FileError(
            "old_xls",
            "这是旧版 Excel（.xls）文件，暂不支持。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。",
            "This is an old Excel (.xls) file, which is not supported. Save it as .xlsx or "
            "CSV in Excel and import that.")
    return _open_csv(data)


def _open_csv(data: bytes) -> Source:
    text, encoding = decode_bytes(data)
    sample = text[:_BINARY_SAMPLE]
    if len(_CONTROL.findall(sample)) * 50 > len(sample):  # over 2% control characters
        raise FileError("binary", "这不是 CSV 或 Excel 表格文件（含有二进制内容）",
                        "This is not a CSV or Excel file (it contains binary data)")
    text = text.replace("\x00", "")  # a stray NUL never means anything in a CSV
    # Only the start, lower-cased (not a copy of the whole text in lower case).
    start = _SPACE.match(text).end()  # type: ignore[union-attr]
    head = text[start:start + _HEAD].lower()
    if head.startswith(("<!doctype html", "<html", "<table", "<?xml")):
        raise FileError(
            "html",
            "这是网页（HTML/XML）文件而不是表格。请用 Excel 打开后另存为 .xlsx 或 CSV 再导入。",
            "This is a web page (HTML/XML), not a table. Open it in Excel, save it as .xlsx "
            "or CSV and import that.")
    if start == len(text):
        raise FileError("empty", "文件是空的", "The file is empty")
    sample = "\n".join(text[:_BINARY_SAMPLE].splitlines()[:_SAMPLE_LINES])
    delimiters = [d for d in _DELIMITERS if d == "," or d in sample]
    estimate = text.count("\n") + 1
    tables = [Table(name=_delimiter_name(d), rows=_csv_rows_factory(text, d),
                    estimated_rows=estimate) for d in delimiters]
    return Source(kind="csv", tables=tables, encoding=encoding)


def _delimiter_name(delimiter: str) -> str:
    return {",": "comma", "\t": "tab", ";": "semicolon"}[delimiter]


def _csv_rows_factory(text: str, delimiter: str) -> Callable[[], Iterator[Row]]:
    def rows() -> Iterator[Row]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        number = 0
        try:
            for cells in reader:  # a new list per row: the caller may keep it
                number += 1
                yield number, cells
        except csv.Error as exc:
            raise FileError(
                "malformed_csv",
                f"CSV 格式错误（第{number + 1}行附近）：{exc}。可能是引号不成对。",
                f"Malformed CSV near row {number + 1}: {exc}. Perhaps an unmatched quote.",
            ) from None

    return rows


def _open_xlsx(data: bytes) -> Source:
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise _bad_xlsx() from None
    tables = []
    try:
        for sheet in workbook.worksheets:
            estimate = sheet.max_row or 0
            # Dimensions written by some tools are wrong; read every row there is.
            sheet.reset_dimensions()
            tables.append(Table(name=sheet.title, rows=_sheet_rows_factory(sheet),
                                estimated_rows=estimate))
    except Exception:
        workbook.close()
        raise _bad_xlsx() from None
    if not tables:
        workbook.close()
        raise FileError("empty", "工作簿里没有工作表", "The workbook has no worksheets")
    return Source(kind="xlsx", tables=tables, close=workbook.close)


def _sheet_rows_factory(sheet) -> Callable[[], Iterator[Row]]:  # type: ignore[no-untyped-def]
    def rows() -> Iterator[Row]:
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(values)
        except FileError:
            raise
        except Exception:
            raise _bad_xlsx() from None

    return rows


def _bad_xlsx() -> FileError:
    return FileError(
        "bad_xlsx",
        "无法读取这个 Excel 文件：它不是有效的 .xlsx 工作簿，或者已经损坏。",
        "Cannot read this Excel file: it is not a valid .xlsx workbook, or it is damaged.")
