"""Small parts the dispute summary's sections share: times, column widths, headings."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable

from ..domain.clock import local
from .layout import para
from .summary_labels import Labels

DASH = "—"
HEADING_ROOM = 35 * mm
TIME_SAMPLE = "0000-00-00 00:00"  # what _when prints
CELL_PADDING = 6  # layout.table(): 3 pt left and right
NAME_ROOM = 9 * mm  # a two- or three-character staff name before a time ("小王 2026-…")


def when(at: datetime | None, tz: str) -> str:
    return local(at, tz).strftime("%Y-%m-%d %H:%M") if at else ""


def time_width(st: dict[str, ParagraphStyle]) -> float:
    """A column width that keeps "2026-11-23 12:10" on one line in the cell font.

    TrueType CJK fonts draw digits wider than the built-in STSong-Light: a fixed 25 mm
    broke every timeline row into a date line and a time line (and the case onto an
    extra page)."""
    cell = st["cell"]
    digit = max("0123456789", key=lambda d: stringWidth(d, cell.fontName, cell.fontSize))
    sample = TIME_SAMPLE.replace("0", digit)
    return max(25 * mm, stringWidth(sample, cell.fontName, cell.fontSize) + CELL_PADDING + 1)


def state_width(labels: Labels, st: dict[str, ParagraphStyle]) -> float:
    """The evidence file-state column: its longest word ("Unreadable") on one line."""
    cell = st["state_alert"]
    words = [w for key in ("missing", "unreadable", "file_ok") for w in labels[key].split()]
    widest = max(stringWidth(w, cell.fontName, cell.fontSize) for w in words)
    return max(17 * mm, widest + CELL_PADDING + 1)


def heading(text: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A section heading, on a new page when too little room is left for it and a few
    lines under it (keepWithNext would push a long table whole to the next page)."""
    return [CondPageBreak(HEADING_ROOM), para(text, st["h2"])]
