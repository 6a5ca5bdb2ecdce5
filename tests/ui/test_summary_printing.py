"""Printing a summary PDF on a QPrinter: the pages, order and copies the print dialog chose."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from reportlab.pdfgen import canvas

from shopdesk.ui.pdf_printing import pages_to_print, print_pdf


def _pdf(path, pages: int):
    c = canvas.Canvas(str(path))
    for n in range(pages):
        c.drawString(100, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    return path


def _file_printer(tmp_path, name="out.pdf") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / name))
    printer.setResolution(40)  # quick
    return printer


def _ranges(*parts: int | tuple[int, int]) -> QPageRanges:
    ranges = QPageRanges()
    for part in parts:
        if isinstance(part, tuple):
            ranges.addRange(*part)
        else:
            ranges.addPage(part)
    return ranges


def test_pages_typed_as_a_list_print_only_those(qapp, tmp_path):
    # "1,3-4" in the print dialog: fromPage()/toPage() say 1 and 4, page 2 was printed too.
    printer = _file_printer(tmp_path)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(_ranges(1, (3, 4)))
    assert print_pdf(_pdf(tmp_path / "in.pdf", 5), printer) == 3
    assert len(PdfReader(str(tmp_path / "out.pdf")).pages) == 3


def test_all_pages_by_default(qapp, tmp_path):
    printer = _file_printer(tmp_path)
    assert print_pdf(_pdf(tmp_path / "in.pdf", 3), printer) == 3


@pytest.mark.parametrize("collate, expected", [(True, [0, 1, 2, 0, 1, 2]),
                                               (False, [0, 0, 1, 1, 2, 2])])
def test_copies_the_printer_cannot_make_itself(qapp, tmp_path, collate, expected):
    printer = _file_printer(tmp_path)  # printing to a file makes no copies of its own
    assert not printer.supportsMultipleCopies()
    printer.setCopyCount(2)
    printer.setCollateCopies(collate)
    assert pages_to_print(printer, 3) == expected


def test_last_page_first_and_a_range_beyond_the_document(qapp, tmp_path):
    printer = _file_printer(tmp_path)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(_ranges((2, 9)))
    assert pages_to_print(printer, 4) == [3, 2, 1]
    printer.setPageRanges(_ranges((7, 9)))
    assert pages_to_print(printer, 4) == []
    assert print_pdf(_pdf(tmp_path / "in.pdf", 4), printer) == 0
