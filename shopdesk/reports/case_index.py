"""A batch's table of contents: one row per case with the page its section starts on.

`CaseAnchor` sits at the top of each case's section; the document reports the page it
lands on (`notify_anchor`) and `CaseIndex` lays out those page numbers on the next pass
(reportlab's multiBuild repeats the build until the numbers stop changing; two passes,
since the contents' size does not depend on the numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.tableofcontents import IndexingFlowable

from .layout import table

NOTIFY_KIND = "ShopDeskCaseStart"


class CaseAnchor(Flowable):
    """Invisible: marks where a case's section starts; adds a PDF bookmark and outline."""

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


def notify_anchor(doc: Any, flowable: Flowable) -> None:
    """Call from a document's afterFlowable: tell the index where a case starts."""
    if isinstance(flowable, CaseAnchor):
        doc.notify(NOTIFY_KIND, (flowable.key, doc.page))


class CaseIndex(IndexingFlowable):
    """The contents table: given cells per case, plus the page of each case's anchor."""

    _shopdesk_needs_multibuild = True  # A4Document.build_numbered then uses multiBuild

    def __init__(self, header: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]],
                 col_widths: Sequence[float], *, style: ParagraphStyle,
                 header_style: ParagraphStyle, link_column: int = 0) -> None:
        super().__init__()
        self.header = list(header)
        self.rows = list(rows)  # (anchor key, cells without the page number)
        self.col_widths = list(col_widths)
        self.style = style
        self.header_style = header_style
        self.link_column = link_column
        self._pages: dict[str, int] = {}
        self._pending: dict[str, int] = {}
        self._table: Any = None

    # --- the multiBuild protocol ------------------------------------------------------
    def notify(self, kind: str, stuff: Any) -> None:
        if kind == NOTIFY_KIND:
            key, page = stuff
            self._pending[key] = page

    def beforeBuild(self) -> None:
        self._pending = {}

    def afterBuild(self) -> None:
        # Keep the previous pass's numbers for isSatisfied to compare.
        self._last, self._pages = self._pages, dict(self._pending)

    def isSatisfied(self) -> bool:
        return getattr(self, "_last", None) == self._pages

    def page_of(self, key: str) -> int | None:
        """The page a case starts on, as laid out by the last finished pass."""
        return self._pages.get(key)

    # --- layout: everything is delegated to a table built on each wrap -----------------
    def _build_table(self) -> Any:
        body: list[list[object]] = [self.header]
        for key, cells in self.rows:
            page = self._pages.get(key)
            # One cell (the case number) links to the case's bookmark.
            row: list[object] = list(cells)
            row[self.link_column] = Paragraph(
                f'<a href="#{escape(key)}">{escape(str(cells[self.link_column]))}</a>',
                self.style)
            body.append([*row, str(page) if page else "…"])
        return table(body, self.col_widths, style=self.style, header_style=self.header_style,
                     zebra=True)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._table = self._build_table()
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._table is None:
            self._table = self._build_table()
        return self._table.splitOn(self.canv, availWidth, availHeight)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self._table.drawOn(canvas, x, y, _sW)
