"""Print the dispute summary of one or several cases: edit each case's facts statement,
choose masked or full contact details, then print, save a PDF or open it.

The PDF is always written by SummaryService (the CLI's path too); printing renders its
pages to the printer (ui/pdf_printing.py). Edited statements are saved for reprints when
the summary is printed, saved or opened.

The slow part (laying out the PDF, painting it on the printer) runs as a task off the UI
thread; the data is gathered and written to the register on the UI thread before and after.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Platform
from ...domain.errors import NotFoundError, ValidationError
from ...domain.text import is_english, normalize_lang, pick
from ...reports.summary_data import DisputeSummary
from ...services.register import Register
from ...services.summary import SummaryResult
from ..save_location import remember_folder, suggested_path
from ..tasks import Progress, Task, Tasks

OPEN_FOLDER = "ShopDesk-summaries"


@dataclass(frozen=True)
class Outcome:
    """What a writing produced: the PDF's pages and the pages sent to the printer."""

    pages: int
    printed: int


def _render_work(summaries: Sequence[DisputeSummary], path: Path, lang: str,
                 printer: QPrinter | None, thumbnails: Path | None = None):
    """Lay out `summaries` to `path`, then print it on `printer` when one is given. Touches
    no database (the summaries were gathered before). `thumbnails` is the folder of the
    thumbnails made when the pictures were added."""
    def work(progress: Progress, _cancelled: object) -> Outcome:
        # reportlab and pypdfium2 load on the first print, not at start (about 1 s, 50 MB).
        from ...reports.summary_pdf import render_file
        from ...reports.thumbnails import ThumbnailCache, ThumbnailFolder
        from ..pdf_printing import print_pdf

        thumbs = ThumbnailCache(folder=ThumbnailFolder(thumbnails)) if thumbnails else None
        pages = render_file(summaries, path, lang=lang, progress=progress, thumbnails=thumbs)
        printed = print_pdf(path, printer, progress=progress) if printer is not None else 0
        return Outcome(pages, printed)
    return work


def summary_file_name(case_nos: list[str], lang: str) -> str:
    """争议摘要-SD-20261203-0001.pdf (dispute-summary-… in English): the seller's language."""
    base = case_nos[0] if len(case_nos) == 1 else f"{case_nos[0]}-{len(case_nos)}"
    return (pick(lang, "争议摘要", "dispute-summary") + "-"
            + re.sub(r"[^A-Za-z0-9_-]", "_", base) + ".pdf")



def suggested_doc_lang(platforms: Sequence[Platform], ui_lang: str) -> str:
    """The document language to start with: English when every case is an AliExpress
    one (the platform's staff read English), else the window's language."""
    if platforms and all(p is Platform.ALIEXPRESS for p in platforms):
        return "en"
    return normalize_lang(ui_lang)


def _breakable(path: str) -> str:
    """A path that word wrap may break after each folder (a zero-width space after every
    separator): a long one wraps inside the label instead of widening the dialog."""
    return path.replace("/", "/\u200b").replace("\\", "\\\u200b")

class SummaryDialog(QDialog):
    """The dispute summary of `case_ids` (in that order). Emits written(path)."""

    written = Signal(str)  # saved or opened: the PDF's path
    printed = Signal(int)  # pages sent to the printer
    failed = Signal(str)  # why not

    def __init__(self, register: Register, case_ids: list[int], operator: str, tasks: Tasks,
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.register = register
        self.tasks = tasks
        self.service = register.summary
        self.operator = operator
        self.lang = lang
        cases = register.cases.fetch(case_ids)
        self.case_ids = [i for i in dict.fromkeys(case_ids) if i in cases]
        self.case_nos = [cases[i].case_no for i in self.case_ids]
        self._labels = {i: f"{cases[i].case_no}  {cases[i].buyer_nick}" for i in self.case_ids}
        self._trashed = {i for i in self.case_ids if cases[i].deleted_at is not None}
        self._suggested_lang = suggested_doc_lang([cases[i].platform for i in self.case_ids],
                                                  lang)
        self._facts: dict[int, str] = {}  # edits not yet saved, by case id
        self._current: int | None = None
        self.last_result: SummaryResult | None = None
        self._task: Task | None = None
        self._task_path = Path()
        self._printer: QPrinter | None = None
        self.setObjectName("summary_dialog")
        title = self.tr("Dispute summary")
        if len(self.case_nos) == 1:
            title += f" — {self.case_nos[0]}"
        else:
            title += " — " + self.tr("%1 cases").replace("%1", str(len(self.case_nos)))
        self.setWindowTitle(title)
        self._build()
        self.cases.setCurrentRow(0)
        self.resize(860 if len(self.case_ids) > 1 else 640, 520)

    # --- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.cases = QListWidget()
        self.cases.setObjectName("summary_cases")
        for case_id in self.case_ids:
            item = QListWidgetItem(self._labels[case_id])
            item.setData(Qt.ItemDataRole.UserRole, case_id)
            self.cases.addItem(item)
        self.cases.currentRowChanged.connect(self._show_row)

        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_edit = QPlainTextEdit()
        self.facts_edit.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.facts_edit.setObjectName("summary_facts")
        self.reset_button = QPushButton(self.tr("Reset to the case's data"))
        self.reset_button.setToolTip(self.tr("Replace the statement with one composed from "
                                             "the case (description, amounts, calls, "
                                             "promises, evidence, outcome)"))
        self.reset_button.clicked.connect(self.reset_facts)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.facts_label)
        editor_layout.addWidget(self.facts_edit, 1)
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        editor_layout.addLayout(reset_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.cases)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 600])
        self.cases.setVisible(len(self.case_ids) > 1)

        self.full_contact = QCheckBox(self.tr("Print full phone numbers, names and addresses "
                                              "(recorded in the audit trail)"))
        self.full_contact.setObjectName("summary_full_contact")
        # Most summaries go to the platform: what the shop notes about itself stays home.
        self.for_platform = QCheckBox(self.tr(
            "For the platform (appeal): leave out the shop's own warnings, approvals, "
            "handling steps and assessments"))
        self.for_platform.setObjectName("summary_for_platform")
        self.for_platform.setChecked(True)
        self.language = QComboBox()
        self.language.setObjectName("summary_language")
        self.language.addItem(self.tr("Chinese document"), "zh")
        self.language.addItem(self.tr("English document"), "en")
        # The window's language, or English for AliExpress (its staff read English); what
        # the user then chooses here stays for as long as the dialog is open.
        self.language.setCurrentIndex(self.language.findData(self._suggested_lang))
        if self._suggested_lang == "en" and not is_english(self.lang):
            self.language.setToolTip(self.tr("English suggested: AliExpress's staff read "
                                             "English"))
        self._shown_lang = self._suggested_lang
        self.language.currentIndexChanged.connect(self._language_changed)
        options = QHBoxLayout()
        options.addWidget(self.full_contact, 1)
        options.addWidget(self.language)

        self.status = QLabel()
        self.status.setObjectName("summary_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("summary_print")
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setObjectName("summary_save")
        self.open_button = QPushButton(self.tr("&Open PDF"))
        self.open_button.setObjectName("summary_open")
        self.open_button.setToolTip(self.tr("Write the PDF to a temporary folder and open it "
                                            "in the PDF viewer"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.print_summary)
        self.save_button.clicked.connect(self.save_pdf)
        self.open_button.clicked.connect(self.open_pdf)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        # The message gets a line of its own above the buttons: a long saved path wraps
        # there instead of squeezing or pushing the buttons.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.open_button,
                       self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.for_platform)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # --- the facts of each case ----------------------------------------------------------
    def _stash(self) -> None:
        if self._current is not None:
            self._facts[self._current] = self.facts_edit.toPlainText()

    def _show_row(self, row: int) -> None:
        self._stash()
        if row < 0:
            return
        case_id = self.case_ids[row]
        self._current = case_id
        text = self._facts.get(case_id)
        if text is None:
            text = self.service.facts(case_id, lang=self.doc_lang())
        self.facts_edit.setPlainText(text)
        saved = self.service.saved_facts(case_id)
        note = self.tr("Statement of facts for %1 — edit it before printing; it is kept for "
                       "the next printing.").replace("%1", self.case_nos[row])
        if case_id in self._trashed:
            note = self.tr("Statement of facts for %1 — the case is in the trash: an edit "
                           "prints, but is not kept.").replace("%1", self.case_nos[row])
        elif saved is not None:
            note += " " + self.tr("(edited by %1)").replace("%1", saved.updated_by)
        self.facts_label.setText(note)

    def current_case_id(self) -> int | None:
        return self._current

    def facts_for(self, case_id: int) -> str:
        """The statement as it would print now (edited in the dialog or stored)."""
        self._stash()
        text = self._facts.get(case_id)
        return text if text is not None else self.service.facts(case_id, lang=self.doc_lang())

    def reset_facts(self) -> None:
        if self._current is not None:
            self.facts_edit.setPlainText(
                self.service.default_facts(self._current, lang=self.doc_lang()))

    def _language_changed(self, _index: int) -> None:
        """Statements nobody edited follow the document's language."""
        old, new = self._shown_lang, self.doc_lang()
        self._shown_lang = new
        self._stash()
        for case_id in self.case_ids:
            text = self._facts.get(case_id)
            if text is None:
                continue
            if text.strip() == self.service.default_facts(case_id, lang=old).strip():
                del self._facts[case_id]
        if self._current is not None:
            current, self._current = self._current, None
            self._show_row(self.case_ids.index(current))

    def doc_lang(self) -> str:
        return str(self.language.currentData() or "zh")

    # --- writing -------------------------------------------------------------------------
    def busy(self) -> bool:
        """A PDF is being laid out or printed."""
        return self._task is not None

    def _start(self, kind: str, path: Path, printer: QPrinter | None = None) -> bool:
        """Gather the cases (saving edited statements) here, then lay out the PDF and
        print it in a task. False after telling the user why nothing started."""
        if self.busy():
            return False
        if not self.operator:
            self._warn(self.tr("Choose the operator (who is working now) first — the summary "
                               "names who printed it."))
            return False
        self._stash()
        try:
            summaries = self.service.prepare(
                self.case_ids, actor=self.operator, full_contact=self.full_contact.isChecked(),
                facts=dict(self._facts), lang=self.doc_lang(),
                for_platform=self.for_platform.isChecked())
        except ValidationError as exc:
            self._warn("\n".join(e.message(self.lang) for e in exc.errors))
            return False
        except NotFoundError as exc:
            self._warn(self.tr("The summary could not be written: %1").replace("%1", str(exc)))
            return False
        self._facts.clear()  # saved now: re-read from the register from here on
        from ...reports.fonts import cjk_font  # reportlab: loaded on the first print

        cjk_font()  # register the font here, not on the worker
        task = self.tasks.run(_render_work(summaries, path, self.doc_lang(), printer,
                                           self.register.evidence.thumbnails.root),
                              "summary_pdf")
        task.progress.connect(self._progress)
        task.succeeded.connect(lambda outcome: self._finished(kind, summaries, outcome))
        task.failed.connect(lambda exc: self._failed(kind, exc))
        self._task, self._task_path = task, path
        for button in self._write_buttons():
            button.setEnabled(False)
        self.status.setText(self.tr("Preparing the PDF…"))
        return True

    def _write_buttons(self) -> tuple[QPushButton, ...]:
        return (self.print_button, self.save_button, self.open_button)

    def _progress(self, done: int, total: int) -> None:
        self.status.setText(self.tr("Working… %1 of %2").replace("%1", str(done))
                            .replace("%2", str(total)))

    def _end_task(self) -> None:
        self._task = None
        for button in self._write_buttons():
            button.setEnabled(True)

    def _finished(self, kind: str, summaries: list[DisputeSummary],
                  outcome: Outcome) -> None:
        path = self._task_path
        self._end_task()
        # The temporary copy's name would read as a saved file: say it went to a printer.
        where = _printer_label(self._printer) if kind == "print" and self._printer else None
        self._printer = None
        self.service.record_written(summaries, path, actor=self.operator, where=where)
        self.last_result = SummaryResult(path, outcome.pages,
                                         tuple(s.case.case_no for s in summaries),
                                         any(s.full_contact for s in summaries))
        if kind == "print":
            _remove_print_copy(path)
            self.status.setText(self.tr("Sent %1 pages to the printer").replace(
                "%1", str(outcome.printed)))
            self.printed.emit(outcome.printed)
            return
        if kind == "open":
            if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.status.setText(self.tr("Opened %1").replace("%1", _breakable(str(path))))
            else:
                self._warn(self.tr("No PDF viewer could open %1").replace("%1", str(path)))
        else:
            self.status.setText(self.tr("Saved %1 (%2 pages)").replace(
                "%1", _breakable(str(path))).replace("%2", str(outcome.pages)))
        self.written.emit(str(path))

    def _failed(self, kind: str, exc: BaseException) -> None:
        path = self._task_path
        self._end_task()
        self._printer = None
        if kind == "print":
            _remove_print_copy(path)
            message = self.tr("Printing failed: %1")
        else:
            message = self.tr("The summary could not be written: %1")
        text = message.replace("%1", str(exc))
        from ...reports.summary_pdf import PdfInUseError  # loaded: a PDF was being made

        if isinstance(exc, PdfInUseError):
            text = self.tr("%1 is open in another program (a PDF viewer?) or read-only. "
                           "Close it there, or save under another name.").replace(
                "%1", str(exc.path))
        self._warn(text)
        self.failed.emit(text)

    def _warn(self, text: str) -> None:
        self.status.setText(text)
        QMessageBox.warning(self, self.windowTitle(), text)

    def save_pdf(self) -> bool:
        """Ask where, then write the PDF there (written(path) when done)."""
        start = suggested_path(self._file_name())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save dispute summary"),
                                                    start, self.tr("PDF (*.pdf)"))
        if not path:
            return False
        remember_folder(path)
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self._start("save", Path(path))

    def open_pdf(self) -> bool:
        """Write to a temporary folder and open it in the system's PDF viewer."""
        if self.busy():
            return False
        return self._start("open", _open_copy_path(_open_folder(), self._file_name()))

    def _file_name(self) -> str:
        return summary_file_name(self.case_nos, self.lang)

    def print_summary(self) -> bool:
        """The system print dialog, then the pages to the printer (printed(n) when done)."""
        if self.busy():
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._file_name())
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                          QPageLayout.Orientation.Portrait,
                                          printer.pageLayout().margins()))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print dispute summary"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._printer = printer  # alive until the job is done with it
        path = Path(tempfile.mkdtemp(prefix="shopdesk-print-")) / self._file_name()
        if not self._start("print", path, printer):
            _remove_print_copy(path)
            return False
        return True

    def done(self, result: int) -> None:
        """Closing waits for a running task (seconds at most): it holds the file."""
        if self._task is not None:
            self._task.wait()
        super().done(result)


def _printer_label(printer: QPrinter) -> str:
    """Where a printing went, for the audit trail (not translated: audit values are data)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return f"printer: PDF file {Path(printer.outputFileName()).name}"
    return f"printer: {printer.printerName() or '?'}"


def _open_folder() -> Path:
    """The user's own folder for PDFs opened in the viewer. /tmp is shared on Linux and
    the copy may hold full contact details: the folder is the user's alone (0700), and a
    folder of that name someone else made is not used."""
    try:
        user = re.sub(r"[^A-Za-z0-9_-]", "_", getpass.getuser())
    except (OSError, KeyError, ImportError):
        user = "user"
    folder = Path(tempfile.gettempdir()) / f"{OPEN_FOLDER}-{user}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix":
            if folder.is_symlink() or folder.stat().st_uid != os.getuid():
                raise PermissionError(f"{folder} is not ours")
            folder.chmod(0o700)  # made looser by hand or by an older version: tighten
    except OSError:
        return Path(tempfile.mkdtemp(prefix=OPEN_FOLDER + "-"))
    return folder


def _open_copy_path(folder: Path, name: str) -> Path:
    """`name` in `folder`, or name-2.pdf, name-3.pdf... when the earlier copy cannot be
    removed: on Windows the viewer still showing it locks it, and writing over it failed
    the second Open of the same case. Copies no viewer holds are removed on the way."""
    stem = Path(name).stem
    for n in range(1, 100):
        candidate = folder / (name if n == 1 else f"{stem}-{n}.pdf")
        try:
            candidate.unlink(missing_ok=True)
        except OSError:
            continue  # locked by a viewer: leave it, take the next name
        return candidate
    return Path(tempfile.mkdtemp(prefix=OPEN_FOLDER + "-")) / name


def _remove_print_copy(path: Path) -> None:
    """The PDF made for the printer may hold full contact details: not left behind."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
        path.parent.rmdir()
