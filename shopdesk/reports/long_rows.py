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
