"""A table that breaks pages between its rows, and inside a row only when the row is tall.

reportlab's `splitInRow` lets a note longer than a page continue on the next one, but it
also splits ordinary rows: a table broken between rows leaves a gap at the foot of the
page, reportlab then fits the rest into that gap by splitting its first row, and the page
ends with a second header over two lines of a note whose time, author and type stay
behind. `LongRowTable` splits inside a row only when that row is tall (a long note).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table

TALL_ROW = 80 * mm  # ~ a third of an A4 page's text: moving it whole would waste too much


class LongRowTable(Table):
    """Table whose page breaks fall between rows; a row taller than TALL_ROW that does
    not fit in the room left is split where it stands (header repeated as usual)."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self._calc(availWidth, availHeight)
        used = 0.0
        crossing = 0.0  # the height of the first row that does not fit
        for height in self._rowHeights:
            if used + height > availHeight:
                crossing = height
                break
            used += height
        if crossing > TALL_ROW:
            parts = self._splitRows(availHeight, doInRowSplit=True)
            if parts:
                return parts
        return self._splitRows(availHeight, doInRowSplit=False)


class WholeRowsTable(LongRowTable):
    """Table that never leaves fewer than MIN_ROWS of its rows (after the header) on
    either side of a page break: a heading with its header row alone at the foot of a
    page, or the platform table's last row alone on the next page, read as a table
    that ends there or starts from nothing. Too few rows to split that way: the table
    moves on whole. A row taller than TALL_ROW that does not fit is split in place, as
    LongRowTable does (a long list of case numbers)."""

    MIN_ROWS = 2

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self._calc(availWidth, availHeight)
        heights = list(self._rowHeights)
        used = 0.0
        for height in heights:
            if used + height > availHeight:
                if height > TALL_ROW:
                    return super().split(availWidth, availHeight)
                break
            used += height
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        body = len(heights) - head
        fit, used = 0, 0.0
        for height in heights:
            if used + height > availHeight:
                break
            used += height
            fit += 1
        first = fit - head  # body rows that fit here
        if first >= body:
            return self._splitRows(availHeight, doInRowSplit=False)
        keep = min(first, body - self.MIN_ROWS)  # leave at least MIN_ROWS for the next page
        if keep < self.MIN_ROWS:
            return []
        return self._splitRows(sum(heights[:head + keep]) + 0.01, doInRowSplit=False)
