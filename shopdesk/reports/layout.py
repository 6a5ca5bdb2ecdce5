"""The house style for ShopDesk's A4 documents: styles, tables and numbered pages."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from .fonts import PdfFont

MARGIN = 16 * mm
FOOTER_GAP = 8 * mm
GRID = colors.HexColor("#B0B7C3")
HEADER_FILL = colors.HexColor("#E8ECF2")
MUTED = colors.HexColor("#5B6472")
ALERT = colors.HexColor("#B3261E")

PageLabel = Callable[[int, int], str]


def zh_page_label(page: int, total: int) -> str:
    return f"第 {page} 页 / 共 {total} 页"


def en_page_label(page: int, total: int) -> str:
    return f"Page {page} of {total}"


# Chinese punctuation that may not begin a line. reportlab's CJK wrap keeps its Japanese list
# (、。」 …) off a line's start but not the full-width comma, semicolon, colon, ? and !, nor
# closing quotes: "，申请金额 ¥259.00。" began a line of a dispute summary.
_CHINESE_CANNOT_START = "，；：？！》”’"


def chinese_line_rules() -> None:
    """Teach reportlab's CJK line breaking the Chinese punctuation that cannot start a line
    (idempotent; called before any paragraph is built, never at import)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    # Both copies: a one-font paragraph breaks in textsplit, a mixed one in paragraph.
    for module in (textsplit, paragraph):
        missing = "".join(c for c in _CHINESE_CANNOT_START if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def styles(font: PdfFont) -> dict[str, ParagraphStyle]:
    """Paragraph styles in the given font. CJK word wrap lets Chinese break between characters."""
    chinese_line_rules()
    base = ParagraphStyle("body", fontName=font.name, fontSize=9.5, leading=13.5,
                          wordWrap="CJK")

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "title": derive("title", fontName=font.bold_name, fontSize=16, leading=21,
                        spaceAfter=4),
        "h2": derive("h2", fontName=font.bold_name, fontSize=12, leading=16, spaceBefore=8,
                     spaceAfter=4, textColor=colors.HexColor("#1F3A5F")),
        "body": base,
        "small": derive("small", fontSize=8, leading=10.5, textColor=MUTED),
        "cell": derive("cell", fontSize=8.5, leading=11.5),
        "cell_bold": derive("cell_bold", fontName=font.bold_name, fontSize=8.5, leading=11.5),
        "alert": derive("alert", textColor=ALERT),
        "toc": derive("toc", fontSize=10, leading=15),
    }


def has_wide(text: str) -> bool:
    """Whether `text` has a Chinese (wide or full-width) character."""
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def latin_style(style: ParagraphStyle) -> ParagraphStyle:
    """`style` wrapping as Latin text does: at spaces, a word split only when it alone is
    wider than the line (reportlab's CJK wrap looks back for a space only half a line,
    and printed "In progr / ess" and "authori / ties" in English tables)."""
    if style.wordWrap != "CJK":
        return style
    latin = style.__dict__.get("_shopdesk_latin")  # made once per style, kept on it
    if latin is None:
        latin = ParagraphStyle(f"{style.name}-latin", parent=style, wordWrap=None,
                               splitLongWords=1)
        style.__dict__["_shopdesk_latin"] = latin
    return latin


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text: markup characters escaped, line breaks kept. Text with
    Chinese in it wraps by the Chinese rules (between characters, no line starting with
    ，；：…); text without wraps between words (English is never split mid-word unless one
    word is wider than the line)."""
    plain = "" if text is None else str(text)
    safe = escape(plain).replace("\n", "<br/>")
    return Paragraph(safe, style if has_wide(plain) else latin_style(style))


def table(rows: Sequence[Sequence[object]], col_widths: Sequence[float], *,
          style: ParagraphStyle, header_style: ParagraphStyle | None = None,
          header: bool = True, zebra: bool = False, cls: type[Table] = Table) -> Table:
    """A bordered table; cells that are not flowables become wrapped paragraphs.
    `cls`: a Table subclass with its own page breaking (e.g. long_rows.LongRowTable)."""
    def cell(value: object, st: ParagraphStyle) -> object:
        return value if isinstance(value, Flowable) else para(value, st)

    data = [[cell(v, header_style if (header and r == 0 and header_style) else style)
             for v in row] for r, row in enumerate(rows)]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    if zebra:
        for r in range(2 if header else 1, len(data), 2):
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F6F8FA")))
    t = cls(data, colWidths=list(col_widths), repeatRows=1 if header else 0)
    t.setStyle(TableStyle(commands))
    return t


class SectionMark(Flowable):
    """Invisible marker: the footer of this page and the next ones names `text` (e.g. a case)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.shopdesk_section = self.text  # type: ignore[attr-defined]


class NumberedCanvas(rl_canvas.Canvas):
    """Draws the footer after the last page, so every page can say 'x of y'."""

    def __init__(self, *args: Any, footer_left: str = "", font_name: str = "Helvetica",
                 page_label: PageLabel = zh_page_label, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.shopdesk_section = ""
        self._footer_left = footer_left
        self._font_name = font_name
        self._page_label = page_label

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _height = self._pagesize
        y = MARGIN - FOOTER_GAP
        self.saveState()
        self.setFont(self._font_name, 7.5)
        self.setFillColor(MUTED)
        self.setStrokeColor(GRID)
        self.setLineWidth(0.4)
        self.line(MARGIN, y + 10, width - MARGIN, y + 10)
        left = self._footer_left
        if self.shopdesk_section:
            left = f"{left}  |  {self.shopdesk_section}" if left else self.shopdesk_section
        self.drawString(MARGIN, y, left)
        self.drawRightString(width - MARGIN, y, self._page_label(self._pageNumber, total))
        self.restoreState()


class A4Document(BaseDocTemplate):
    """A4 portrait, one frame, numbered footer. Build with `build_numbered`."""

    def __init__(self, out: str | BinaryIO, *, title: str, author: str, font: PdfFont,
                 footer_left: str = "", page_label: PageLabel = zh_page_label,
                 subject: str = "") -> None:
        super().__init__(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=title, author=author,
                         subject=subject, creator="ShopDesk")
        frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._canvasmaker = functools.partial(NumberedCanvas, footer_left=footer_left,
                                              font_name=font.name, page_label=page_label)

    @property
    def content_width(self) -> float:
        return A4[0] - 2 * MARGIN

    def build_numbered(self, story: list[Flowable]) -> None:
        """Lay out `story`; use multiBuild when the story holds a table of contents."""
        if any(getattr(f, "_shopdesk_needs_multibuild", False) for f in story):
            self.multiBuild(story, canvasmaker=self._canvasmaker)
        else:
            self.build(story, canvasmaker=self._canvasmaker)


class ShrinkToFit(KeepInFrame):
    """Content drawn smaller (down to `floor` of its size) when that lets it fit the room
    left on the page; with less room than that it moves to the next page at full size. The
    first row of photos fills the foot of a page instead of leaving it blank."""

    def __init__(self, content: list[Flowable], floor: float = 0.6) -> None:
        super().__init__(0, 0, content, mode="shrink")
        self.floor = floor

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        natural = sum(f.wrapOn(self.canv, availWidth, availHeight)[1] + f.getSpaceBefore()
                      + f.getSpaceAfter() for f in self._content)
        if availHeight < natural * self.floor:
            return availWidth, natural  # too little room: the frame moves it on
        return super().wrap(availWidth, availHeight)
