"""Import a platform export: preview the counts and the bad rows, then import.

Reading, previewing and importing run on the window's writer thread (ui/tasks.py), on
the writer's own connection: the case list, reading through the UI's connection, sees
the imported rows only once the import has committed, never rows a cancelled or failed
import rolled back. The worker only calls services; widgets are touched on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.text import clause_sep, pick
from ...importers import ColumnMapping, MappingError, ParseResult
from ...services.import_report import previous_note
from ...services.imports import ImportReport, ImportService, write_skipped_rows
from ...services.register import Register
from ..i18n import ui_language
from ..save_location import remember_open_folder, suggested_open_folder
from ..tasks import Task, Tasks
from .column_mapping_dialog import ColumnMappingDialog
from .help_dialog import EXPORTS_SECTION, HelpDialog
from .import_preview import PreviewPanel

_NEEDS_MAPPING = {"no_header", "missing_columns"}


def import_service(register: Register) -> ImportService:
    """The import service on `register` (the dialog's and the writer's connection each)."""
    return register.imports


class ImportDialog(QDialog):
    """Preview, then import one platform export file.

    Signals: preview_ready(ImportReport) after each preview, import_finished(ImportReport)
    after an import was applied (or refused by the service).
    """

    preview_ready = Signal(object)
    import_finished = Signal(object)

    def __init__(
        self,
        register: Register,
        operator: str,
        tasks: Tasks,
        parent: QWidget | None = None,
        path: str | Path | None = None,
        *,
        imports: Callable[[Register], ImportService] | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.operator = operator
        self.lang = ui_language(register)
        self.tasks = tasks
        # Presets and saved mappings are read here; the file's rows go through the writer.
        self._imports = imports or import_service
        self.service = self._imports(register)
        self.path: Path | None = None
        self.parsed: ParseResult | None = None
        self.report: ImportReport | None = None
        self._seen_previous: Any = None  # what the preview found imported before
        self.imported = False
        self._mapping: ColumnMapping | None = None
        self._task: Task | None = None
        self.setModal(True)
        self.setWindowTitle(self.tr("Import platform export"))
        self._build()
        self._update_buttons()
        if path is not None:
            self.set_path(path)

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        # Where the file comes from: each platform's export menu, in the user guide.
        link = self.tr("How to export it from the platform?")
        self.help_link = QLabel(f'<a href="help:exports">{link}</a>')
        self.help_link.setObjectName("import_help_link")
        self.help_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                               | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.help_link.linkActivated.connect(lambda _link: self.show_export_help())
        self.help: HelpDialog | None = None
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.help_link)
        top.addWidget(self.choose_button)

        self.preset = QComboBox()
        self._fill_presets()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.detected = QLabel()
        self.mapping_button = QPushButton(self.tr("Column mapping…"))
        self.mapping_button.clicked.connect(self.edit_mapping)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("File type:")))
        kind_row.addWidget(self.preset)
        kind_row.addWidget(self.detected, 1)
        kind_row.addWidget(self.mapping_button)

        self.panel = PreviewPanel(self.lang)

        self.skip_bad = QCheckBox(self.tr("Import the valid rows (skip rows with errors)"))
        self.skip_bad.toggled.connect(self._show_status)
        finished_row = self._build_finished_choice()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.phase = QLabel()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.phase)
        progress_row.addWidget(self.progress, 1)

        self.save_skipped_button = QPushButton(self.tr("Save skipped rows…"))
        self.save_skipped_button.clicked.connect(self.save_skipped)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_work)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_skipped_button)
        buttons.addStretch(1)
        for button in (self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(kind_row)
        layout.addWidget(self.panel, 1)
        layout.addLayout(finished_row)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.status)
        layout.addLayout(progress_row)
        layout.addLayout(buttons)
        self.import_button.setDefault(True)
        self.resize(820, 600)

    def _build_finished_choice(self) -> QHBoxLayout:
        """What a first import brings in of the refunds already finished on the platform:
        all (default), none (只导入未完结的), or those finished since a day."""
        self.only_open = QCheckBox(self.tr("Only unfinished refunds"))
        self.only_open.setToolTip(self.tr(
            "Refunds already finished on the platform open no case. Cases already in the "
            "register are still updated."))
        self.finished_since_box = QCheckBox(self.tr("Finished refunds only since"))
        self.finished_since = QDateEdit(QDate.currentDate().addDays(-30))
        self.finished_since.setCalendarPopup(True)
        self.finished_since.setDisplayFormat("yyyy-MM-dd")
        self.finished_since.setEnabled(False)
        self.only_open.toggled.connect(self._finished_choice_changed)
        self.finished_since_box.toggled.connect(self._finished_choice_changed)
        self.finished_since.dateChanged.connect(self._finished_choice_changed)
        row = QHBoxLayout()
        row.addWidget(self.only_open)
        row.addSpacing(16)
        row.addWidget(self.finished_since_box)
        row.addWidget(self.finished_since)
        row.addStretch(1)
        return row

    def _finished_choice_changed(self) -> None:
        sender = self.sender()
        # The two choices exclude each other: the last one ticked wins.
        if sender is self.only_open and self.only_open.isChecked():
            self.finished_since_box.setChecked(False)
        elif sender is self.finished_since_box and self.finished_since_box.isChecked():
            self.only_open.setChecked(False)
        self.finished_since.setEnabled(self.finished_since_box.isChecked()
                                       and self._task is None)
        if self.path is not None and not self.imported and self._task is None:
            self.preview()  # the counts depend on it

    def finished_choice(self) -> dict[str, Any]:
        """The only_open / finished_since arguments for the service."""
        since = None
        if self.finished_since_box.isChecked():
            since = self.finished_since.date().toPython()
        return {"only_open": self.only_open.isChecked(), "finished_since": since}
    def show_export_help(self) -> HelpDialog:
        """The user guide at its section on the platforms' export menus."""
        if self.help is None:
            self.help = HelpDialog(self.lang, self)
        self.help.show()
        self.help.raise_()
        self.help.show_section(EXPORTS_SECTION)
        return self.help

    def _fill_presets(self) -> None:
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItem(self.tr("Detect automatically"), "auto")
        for p in self.service.config.presets:
            self.preset.addItem(p.label(self.lang), f"preset:{p.key}")
        for name in self.service.profiles.names():
            self.preset.addItem(self.tr("Profile: %1").replace("%1", name), f"profile:{name}")
        if self._mapping is not None and not self._mapping.name:
            self.preset.addItem(self.tr("Custom mapping"), "mapping")
        self.preset.blockSignals(False)

    # --- choosing ------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a platform export"),
            suggested_open_folder(),
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            remember_open_folder(path)
            self.set_path(path)

    def set_path(self, path: str | Path) -> None:
        """Preview `path` with the chosen file type."""
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        self.imported = False
        self.report = None  # the previous file's (its kind greyed the refund choices)
        self.preview()

    def _preset_changed(self) -> None:
        choice = self.preset.currentData()
        if choice != "mapping":
            self._mapping = None
        if choice and str(choice).startswith("profile:"):
            try:
                self._mapping = self.service.profiles.load(str(choice).split(":", 1)[1])
            except MappingError as exc:  # a hand-damaged profile
                self._set_status(pick(self.lang, exc.zh, exc.en), "#b00020")
                return
            except NotFoundError:  # deleted meanwhile
                self._fill_presets()
                return
        if self.path is not None:
            self.preview()

    def edit_mapping(self) -> None:
        """Map the file's columns by hand (for files no preset recognises)."""
        headers = self.parsed.headers if self.parsed is not None else []
        dialog = ColumnMappingDialog(
            headers,
            self.service.profiles,
            lang=self.lang,
            presets=self.service.config.presets,
            initial=self._mapping,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.mapping() is None:
            return
        self._mapping = dialog.mapping()
        self._fill_presets()
        wanted = f"profile:{self._mapping.name}" if self._mapping.name else "mapping"
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(max(self.preset.findData(wanted), 0))
        self.preset.blockSignals(False)
        if self.path is not None:
            self.preview()

    # --- work ----------------------------------------------------------------------
    def _choice(self) -> tuple[str | None, ColumnMapping | None]:
        choice = str(self.preset.currentData() or "auto")
        if choice.startswith("preset:"):
            return choice.split(":", 1)[1], None
        return None, self._mapping

    def preview(self) -> None:
        """Read the file and count what an import would do (on the worker)."""
        assert self.path is not None
        path, (preset, mapping) = self.path, self._choice()
        imports, finished = self._imports, self.finished_choice()

        def work(register: Register, progress: Any,
                 cancelled: Any) -> tuple[ParseResult, ImportReport]:
            service = imports(register)
            parsed = service.read(
                path, preset=preset, mapping=mapping, progress=progress, cancelled=cancelled
            )
            return parsed, service.preview(parsed, path.name, cancelled=cancelled, **finished)

        self._start(self.tasks.write(work, "import_preview"), self._previewed,
                    self.tr("Reading the file…"))

    def start_import(self) -> None:
        """Apply the previewed file in one transaction (on the worker)."""
        if self.parsed is None or self.path is None or not self._can_import():
            return
        parsed, name, skip = self.parsed, self.path.name, self.skip_bad.isChecked()
        imports, operator, finished = self._imports, self.operator, self.finished_choice()

        def work(register: Register, progress: Any, cancelled: Any) -> ImportReport:
            return imports(register).apply(
                parsed, name, operator, skip_bad_rows=skip, progress=progress,
                cancelled=cancelled, **finished,
            )

        self._start(self.tasks.write(work, "import"), self._finished, self.tr("Importing…"))

    def save_skipped(self) -> None:
        """Write the rows that were (or would be) skipped, with the reason, to a CSV."""
        if self.report is None or self.parsed is None or self.path is None:
            return
        suggested = str(self.path.with_name(self.path.stem + "_未导入的行.csv"))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save skipped rows"), suggested, "CSV (*.csv)"
        )
        if target:
            self.write_skipped(Path(target))

    def write_skipped(self, target: Path) -> None:
        assert self.report is not None and self.parsed is not None and self.path is not None
        source, parsed, errors, lang = self.path, self.parsed, self.report.errors, self.lang

        def work(progress: Any, cancelled: Any) -> int:
            return write_skipped_rows(source, parsed, errors, target, lang)

        def saved(count: object) -> None:
            self._set_status(
                self.tr("Saved %1 row(s) to %2")
                .replace("%1", str(count))
                .replace("%2", str(target)),
                "#1b7f3b",
            )

        # A file, not the register: no need to queue behind the writer.
        self._start(self.tasks.run(work, "import_skipped_rows"), saved, self.tr("Saving…"))

    def _start(self, task: Task, on_done: Callable[[Any], None], phase: str) -> None:
        task.progress.connect(self._on_progress)
        task.succeeded.connect(self._on_done)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        self._task, self._on_task_done = task, on_done
        self.phase.setText(phase)
        self.progress.setRange(0, 0)  # busy until the first report
        self._set_busy(True)

    def cancel_work(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.phase.setText(self.tr("Cancelling…"))

    def is_busy(self) -> bool:
        return self._task is not None

    # --- results (UI thread) -------------------------------------------------------
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _on_done(self, result: object) -> None:
        on_done = self._on_task_done
        self._end_task()
        on_done(result)

    def _on_failed(self, exc: object) -> None:
        self._end_task()
        if isinstance(exc, ValidationError):
            text = exc.errors[0].message(self.lang)
        elif isinstance(exc, ShopDeskError):
            text = exc.message(self.lang)
        else:
            text = str(exc) or repr(exc)
        self._set_status(
            self.tr("Failed; the register was not changed: %1").replace("%1", text), "#b00020"
        )

    def _on_cancelled(self) -> None:
        self._end_task()
        self._set_status(self.tr("Cancelled; the register was not changed."), "#b00020")

    def _end_task(self) -> None:
        self._task = None
        self._set_busy(False)

    def _previewed(self, result: Any) -> None:
        self.parsed, self.report = result
        report = self.report
        assert report is not None
        if self.parsed is not None and self.parsed.preset and self.preset.currentData() == "auto":
            found = next(p for p in self.service.config.presets if p.key == self.parsed.preset)
            self.detected.setText(self.tr("Recognised: %1").replace("%1", found.label(self.lang)))
        else:
            self.detected.setText("")
        self._show_report(report)
        self.preview_ready.emit(report)

    def _finished(self, report: Any) -> None:
        # The preview's latest import of the file, to tell one made since (a colleague's).
        self._seen_previous = self.report.previous_latest if self.report is not None else None
        self.report = report
        self.imported = bool(report.imported)
        self._show_report(report)
        self.import_finished.emit(report)

    def _show_report(self, report: ImportReport) -> None:
        self.panel.show_report(report)
        self.mapping_button.setVisible(
            report.file_error is None or report.file_error.code in _NEEDS_MAPPING
        )
        self._show_status()

    def _show_status(self) -> None:
        report = self.report
        if report is None:
            self._set_status("", "")
        elif report.file_error is not None:
            text = report.file_error.message(self.lang)
            if report.file_error.code in _NEEDS_MAPPING:
                text += self.tr(" Use “Column mapping…” to tell which column is which.")
            self._set_status(text, "#b00020")
        elif self.imported:
            text = report.message(self.lang)
            if report.skipped:
                text += self.tr(". Save the skipped rows to fix them and import again.")
            self._set_status(text, "#1b7f3b")
        elif report.errors and not self.skip_bad.isChecked():
            self._set_status(
                self.tr(
                    "%1 row(s) have errors. Tick “Import the valid rows” to skip them, or fix the file and choose it again."  # noqa: E501 (one literal for lupdate)
                ).replace("%1", str(report.skipped)),
                "#b00020",
            )
        elif not report.changes_register:
            text = self.tr("Nothing new in this file.")
            withheld = report.fill_clauses(self.lang)  # cases whose buyer is not the order's
            if withheld:
                text = self._sentence(text, clause_sep(self.lang).join(withheld))
            self._set_status(text, "#666666")
        else:
            text = (self.tr("Ready: %1 new, %2 updated.")
                    .replace("%1", str(report.created))
                    .replace("%2", str(report.updated)))
            platform = report.state_clauses(self.lang) + report.fill_clauses(self.lang)
            if platform:
                text = self._sentence(text, clause_sep(self.lang).join(platform))
            self._set_status(text, "")
        if report is not None and report.previous is not None and not self.imported:
            note = report.previous_note(self.register.shop_tz, self.lang)
            self.status.setText(self._sentence(self.status.text(), note))
        elif report is not None and self.imported and report.previous_latest is not None \
                and report.previous_latest != self._seen_previous:
            # Imported since the preview (a colleague, the same file): name that one.
            note = previous_note(report.previous_latest, self.register.shop_tz, self.lang,
                                 report.file)
            self.status.setText(self._sentence(self.status.text(), note))
        self._update_buttons()

    def _sentence(self, text: str, more: str) -> str:
        """`more` as a sentence after `text`: capitalised and closed, after a space in
        English, none in Chinese."""
        end = pick(self.lang, "。", ".")
        if not text.endswith(end):
            text += end
        return text + pick(self.lang, "", " ") + more[:1].upper() + more[1:] + end

    def _set_status(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};" if colour else "")

    # --- state ---------------------------------------------------------------------
    def _can_import(self) -> bool:
        r = self.report
        return (
            r is not None
            and not self.imported
            and r.file_error is None
            and r.changes_register
            and (not r.errors or self.skip_bad.isChecked())
        )

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.phase.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._task is None
        for widget in (self.choose_button, self.preset, self.mapping_button, self.skip_bad):
            widget.setEnabled(idle and not self.imported)
        # Which finished refunds to bring in means nothing to an order export.
        orders = self.report is not None and self.report.record_type == "order"
        for widget in (self.only_open, self.finished_since_box):
            widget.setEnabled(idle and not self.imported and not orders)
        self.finished_since.setEnabled(idle and not self.imported and not orders
                                       and self.finished_since_box.isChecked())
        self.choose_button.setEnabled(idle)
        self.import_button.setEnabled(idle and self._can_import())
        self.import_button.setText(self.tr("Imported") if self.imported else self.tr("Import"))
        self.close_button.setEnabled(idle)
        self.save_skipped_button.setEnabled(
            idle
            and self.report is not None
            and bool(self.report.errors)
            and self.report.file_error is None
        )
        if not self.cancel_button.isVisible() and idle:
            self.cancel_button.setVisible(False)

    # --- closing -------------------------------------------------------------------
    def reject(self) -> None:
        if self.is_busy():  # Esc while working: stop the work, keep the dialog
            self.cancel_work()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_busy():
            self.cancel_work()
            event.ignore()
            return
        super().closeEvent(event)
