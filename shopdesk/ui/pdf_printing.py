"""Printing a PDF we wrote through Qt's printer: pdfium renders each page, QPainter paints it.

QtPdf lives in the 200 MB PySide6-Addons; pypdfium2 is a small wheel. Pages are rendered
at the printer's resolution, capped (an A4 page at 1200 dpi would be half a gigabyte of
pixels), and drawn over the whole sheet: the PDF carries its own margins.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def page_count(pdf: Path) -> int:
    """How many pages the PDF at `pdf` has."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def render_page(pdf: Path, index: int, dpi: float) -> QImage:
    """Page `index` (0-based) of `pdf` as an RGB image at `dpi`."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return _render(doc, index, dpi)
    finally:
        doc.close()


def _render(doc: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    page = doc[index]
    try:
        bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)  # BGRx = QImage RGB32
        try:
            return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                          QImage.Format.Format_RGB32).copy()  # copy: the buffer is freed
        finally:
            bitmap.close()
    finally:
        page.close()


def pages_to_print(printer: QPrinter, total: int) -> list[int]:
    """The 0-based pages of a `total`-page document, in the order the printer gets them.

    What the print dialog asked for, which Qt leaves to the application: the pages typed
    ("1,3-4" is three pages, not one to four), last page first, and the copies when the
    printer cannot make them itself (collated: 1 2 3 1 2 3; else 1 1 2 2 3 3).
    """
    numbers = list(range(1, total + 1))
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges().toRangeList()
        if ranges:
            chosen = {n for r in ranges for n in range(r.from_, r.to + 1)}
        elif printer.fromPage() > 0:
            chosen = set(range(printer.fromPage(), (printer.toPage() or total) + 1))
        else:
            chosen = set(numbers)
        numbers = [n for n in numbers if n in chosen]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        numbers.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        numbers = numbers * copies
    else:
        numbers = [n for n in numbers for _copy in range(copies)]
    return [n - 1 for n in numbers]


def print_pdf(pdf: Path, printer: QPrinter, *, max_dpi: int = MAX_DPI,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Send the pages of `pdf` (those chosen in the print dialog, see pages_to_print) to
    `printer`.

    Returns the number of pages printed; `progress(done, total)` after each page. Raises
    OSError when the printer cannot start. Qt allows this on a worker thread as long as
    nothing else paints on the printer meanwhile.
    """
    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = pages_to_print(printer, len(doc))
        if not pages:
            return 0
        printer.setFullPage(True)  # our PDF has its own margins: paint the whole sheet
        dpi = min(printer.resolution(), max_dpi)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(f"the printer {printer.printerName() or ''} could not start")
        try:
            image, shown = QImage(), -1
            for done, n in enumerate(pages, start=1):
                if done > 1:
                    printer.newPage()
                if n != shown:  # uncollated copies repeat a page: render it once
                    image, shown = _render(doc, n, dpi), n
                sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
                scale = min(sheet.width() / image.width(), sheet.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                target = QRectF(sheet.x() + (sheet.width() - w) / 2,
                                sheet.y() + (sheet.height() - h) / 2, w, h)
                painter.drawImage(target, image)
                if progress is not None:
                    progress(done, len(pages))
        finally:
            painter.end()
        return len(pages)
    finally:
        doc.close()
