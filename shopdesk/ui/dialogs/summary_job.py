"""The slow part of a printing, off the UI thread: lay out the PDF and (when printing)
paint its pages on the printer. The data was gathered on the UI thread before; this job
touches no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtPrintSupport import QPrinter

from ...reports.summary_data import DisputeSummary
from ...reports.summary_pdf import render_file
from ..pdf_printing import print_pdf


@dataclass(frozen=True)
class JobOutcome:
    """What the job produced: the PDF's pages and the pages sent to the printer."""

    pages: int
    printed: int


class JobSignals(QObject):
    progress = Signal(int, int)  # done, total (both phases: layout, then printing)
    done = Signal(object)  # JobOutcome
    failed = Signal(object)  # the exception


class SummaryJob(QRunnable):
    """Render `summaries` to `path`; then print it on `printer` when one is given."""

    def __init__(self, summaries: Sequence[DisputeSummary], path: Path, lang: str,
                 printer: QPrinter | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps it until it reports
        self.summaries = list(summaries)
        self.path = path
        self.lang = lang
        self.printer = printer
        self.signals = JobSignals()

    def run(self) -> None:
        try:
            pages = render_file(self.summaries, self.path, lang=self.lang,
                                progress=self.signals.progress.emit)
            printed = 0
            if self.printer is not None:
                printed = print_pdf(self.path, self.printer,
                                    progress=self.signals.progress.emit)
        except Exception as exc:  # reported in the dialog; nothing half-written is kept
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(JobOutcome(pages, printed))
