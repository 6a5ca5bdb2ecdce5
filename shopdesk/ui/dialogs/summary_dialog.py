"""Print the dispute summary of one or several cases: edit each case's facts statement,
choose masked or full contact details, then print, save a PDF or open it.

The PDF is always written by SummaryService (the CLI's path too); printing renders its
pages to the printer (ui/pdf_printing.py). Edited statements are saved for reprints when
the summary is printed, saved or opened.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
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

from ...domain.errors import NotFoundError, ValidationError
from ...services.dispute_summary import SummaryResult, SummaryService
from ...services.register import Register
from ..pdf_printing import print_pdf

OPEN_FOLDER = "ShopDesk-summaries"


def _file_name(case_nos: list[str]) -> str:
    base = case_nos[0] if len(case_nos) == 1 else f"{case_nos[0]}-{len(case_nos)}"
    return "dispute-summary-" + re.sub(r"[^A-Za-z0-9_-]", "_", base) + ".pdf"


class SummaryDialog(QDialog):
    """The dispute summary of `case_ids` (in that order). Emits written(path)."""

    written = Signal(str)

    def __init__(self, register: Register, case_ids: list[int], operator: str,
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.register = register
        self.service = SummaryService.for_register(register)
        self.operator = operator
        self.lang = lang
        cases = register.cases.fetch(case_ids)
        self.case_ids = [i for i in dict.fromkeys(case_ids) if i in cases]
        self.case_nos = [cases[i].case_no for i in self.case_ids]
        self._labels = {i: f"{cases[i].case_no}  {cases[i].buyer_nick}" for i in self.case_ids}
        self._facts: dict[int, str] = {}  # edits not yet saved, by case id
        self._current: int | None = None
        self.last_result: SummaryResult | None = None
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
        self.language = QComboBox()
        self.language.setObjectName("summary_language")
        self.language.addItem(self.tr("Chinese document"), "zh")
        self.language.addItem(self.tr("English document"), "en")
        self._shown_lang = "zh"
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.print_button, self.save_button, self.open_button,
                       self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(options)
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
        if saved is not None:
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
    def write(self, path: Path) -> SummaryResult | None:
        """Write the PDF to `path` (saving edited statements); None after telling why not."""
        if not self.operator:
            self._warn(self.tr("Choose the operator (who is working now) first — the summary "
                               "names who printed it."))
            return None
        self._stash()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.service.write_pdf(
                self.case_ids, path, actor=self.operator,
                full_contact=self.full_contact.isChecked(), facts=dict(self._facts),
                lang=self.doc_lang())
        except ValidationError as exc:
            QApplication.restoreOverrideCursor()
            self._warn("\n".join(e.message(self.lang) for e in exc.errors))
            return None
        except (NotFoundError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            self._warn(self.tr("The summary could not be written: %1").replace("%1", str(exc)))
            return None
        QApplication.restoreOverrideCursor()
        self._facts.clear()  # saved now: re-read from the register from here on
        self.last_result = result
        self.written.emit(str(result.path))
        return result

    def _warn(self, text: str) -> None:
        self.status.setText(text)
        QMessageBox.warning(self, self.windowTitle(), text)

    def save_pdf(self) -> SummaryResult | None:
        """Ask where, then write the PDF there."""
        start = str(Path.home() / _file_name(self.case_nos))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save dispute summary"),
                                                    start, self.tr("PDF (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        result = self.write(Path(path))
        if result is not None:
            self.status.setText(self.tr("Saved %1 (%2 pages)").replace(
                "%1", str(result.path)).replace("%2", str(result.pages)))
        return result

    def open_pdf(self) -> SummaryResult | None:
        """Write to a temporary folder and open it in the system's PDF viewer."""
        folder = Path(tempfile.gettempdir()) / OPEN_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        result = self.write(folder / _file_name(self.case_nos))
        if result is None:
            return None
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path))):
            self.status.setText(self.tr("Opened %1").replace("%1", str(result.path)))
        else:
            self._warn(self.tr("No PDF viewer could open %1").replace("%1", str(result.path)))
        return result

    def print_summary(self) -> int:
        """The system print dialog, then the pages to the printer; returns pages printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_file_name(self.case_nos))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                          QPageLayout.Orientation.Portrait,
                                          printer.pageLayout().margins()))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print dispute summary"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        folder = Path(tempfile.mkdtemp(prefix="shopdesk-print-"))
        path = folder / _file_name(self.case_nos)
        result = self.write(path)
        if result is None:
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pdf(result.path, printer)
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            self._warn(self.tr("Printing failed: %1").replace("%1", str(exc)))
            return 0
        finally:
            path.unlink(missing_ok=True)  # a printed copy may hold full contact details
            folder.rmdir()
        QApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Sent %1 pages to the printer").replace("%1", str(printed)))
        return printed
