"""A batch's table of contents, laid out in one pass.

reportlab's usual contents (multiBuild) lays the whole document out twice to learn the
page numbers; for a 100-case batch that doubles a multi-second build. Our contents' size
does not depend on the numbers, so instead each page-number cell is a `LatePageNumber`
that only remembers where it sits, `CaseAnchor` remembers which page each case starts
on, and `ContentsCanvas` (the numbered canvas, which already holds every page until the
end to print "page x of y") writes the numbers in when the document is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from .layout import NumberedCanvas, table


class ContentsCanvas(NumberedCanvas):
    """NumberedCanvas that also fills in the contents' page numbers when it saves."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One dict shared by every saved page state (NumberedCanvas copies __dict__).
        self.shopdesk_contents: dict[str, Any] = {"starts": {}, "slots": []}

    def _draw_footer(self, total: int) -> None:
        super()._draw_footer(total)
        starts = self.shopdesk_contents["starts"]
        for page, x, y, key, font, size in self.shopdesk_contents["slots"]:
            if page == self._pageNumber:
                self.saveState()
                self.setFont(font, size)
                self.drawString(x, y, str(starts.get(key, "?")))
                self.restoreState()


def _contents(canv: Any) -> dict[str, Any] | None:
    return getattr(canv, "shopdesk_contents", None)


class CaseAnchor(Flowable):
    """Invisible: where a case's section starts. Adds a PDF bookmark and outline entry."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=True)
        contents = _contents(self.canv)
        if contents is not None:
            contents["starts"][self.key] = self.canv.getPageNumber()


class LatePageNumber(Flowable):
    """A one-line cell whose text (the page `key` starts on) is written at save time."""

    def __init__(self, key: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.key = key
        self.style = style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        contents = _contents(self.canv)
        if contents is None:
            return
        # Baseline where a one-line Paragraph of the same style puts it.
        x, y = self.canv.absolutePosition(0, self.style.leading - self.style.fontSize)
        contents["slots"].append((self.canv.getPageNumber(), x, y, self.key,
                                  self.style.fontName, self.style.fontSize))


def contents_table(header: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]],
                   col_widths: Sequence[float], *, style: ParagraphStyle,
                   header_style: ParagraphStyle, link_column: int = 0) -> Table:
    """The contents: `rows` are (anchor key, cells); a page column is added at the end and
    the `link_column` cell links to the case's bookmark."""
    body: list[list[object]] = [list(header)]
    for key, cells in rows:
        row: list[object] = list(cells)
        row[link_column] = Paragraph(
            f'<a href="#{escape(key)}">{escape(str(cells[link_column]))}</a>', style)
        body.append([*row, LatePageNumber(key, style)])
    return table(body, col_widths, style=style, header_style=header_style, zebra=True)
