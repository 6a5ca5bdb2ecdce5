"""What can go wrong while reading a platform export, in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.text import is_english


@dataclass(frozen=True)
class RowError:
    """One problem in one row, located the way the user sees it in a spreadsheet.

    `row_number` is the spreadsheet row (the header is row 1, or wherever it is);
    `column` is the header text of the offending column ("" when the problem is not
    tied to one column, e.g. a required column that the file lacks).
    """

    row_number: int
    column: str
    field: str
    zh: str
    en: str
    value: str = ""

    def message(self, lang: str = "zh") -> str:
        """The full message, naming the row and the column."""
        if is_english(lang):
            where = f"Row {self.row_number}"
            if self.column:
                where += f", column “{self.column}”"
            return f"{where}: {self.en}"
        where = f"第{self.row_number}行"
        if self.column:
            where += f"「{self.column}」"
        return f"{where}：{self.zh}"

    def __str__(self) -> str:
        return self.message("en")


class FileError(ShopDeskError):
    """The file as a whole cannot be imported (not a table, no header, empty ...).

    The public parse functions never raise it: they return it in
    `ParseResult.file_error`. `code` is a stable key for callers and tests.
    """

    def __init__(self, code: str, zh: str, en: str) -> None:
        self.code = code
        super().__init__(zh, en)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, FileError)
                and (self.code, self.zh, self.en) == (other.code, other.zh, other.en))

    def __hash__(self) -> int:
        return hash((self.code, self.zh, self.en))


class ImportCancelled(Exception):
    """The caller's `cancelled()` callback asked to stop; nothing was produced."""


class CellError(ShopDeskError, ValueError):
    """One cell that cannot be turned into the value its field needs."""
