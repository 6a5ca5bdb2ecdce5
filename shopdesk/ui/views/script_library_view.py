"""Managing the script library: browse, search, favourites, edit, reset, add, export/import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import CaseKind, Cause
from ...domain.errors import ValidationError
from ...domain.scripts import HandlingStep, ScriptLibraryError
from ...domain.text import pick
from ...services.register import Register
from ...services.scripts import ScriptEntry, ScriptOrigin, ScriptService
from ..dialogs.script_edit_dialog import ScriptEditDialog
from ..i18n import ui_language
from ..save_location import (
    remember_folder,
    remember_open_folder,
    suggested_open_folder,
    suggested_path,
)
from ..widgets.enum_combo import EnumCombo

ID_ROLE = Qt.ItemDataRole.UserRole
BANNER_STYLE = ("background: #fff3cd; color: #5c4400; border: 1px solid #e0c060; "
                "border-radius: 4px; padding: 4px;")
COLUMNS = 5  # ★, title, step, origin, uses


class ScriptLibraryView(QWidget):
    """The library screen. Emits changed() after any write."""

    changed = Signal()

    def __init__(self, register: Register, script_service: ScriptService,
                 operator_provider: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.scripts = script_service
        self.operator_provider = operator_provider
        self.lang = ui_language(register)
        self.edit_dialog: ScriptEditDialog | None = None
        self._build()
        self.reload()

    def _origin_label(self, origin: ScriptOrigin) -> str:
        return {ScriptOrigin.SHIPPED: self.tr("shipped"), ScriptOrigin.EDITED: self.tr("edited"),
                ScriptOrigin.SHOP: self.tr("shop's own")}[origin]

    # --- building ----------------------------------------------------------
    def _build(self) -> None:
        self.kind = EnumCombo(CaseKind, self.lang, empty_label=self.tr("All kinds"))
        self.step = EnumCombo(HandlingStep, self.lang, empty_label=self.tr("All steps"))
        self.cause = EnumCombo(Cause, self.lang, empty_label=self.tr("All causes"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title and text"))
        self.search.setClearButtonEnabled(True)
        self.favourites_only = QCheckBox(self.tr("Favourites"))
        for combo in (self.kind, self.step, self.cause):
            combo.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.favourites_only.toggled.connect(self.reload)
        filters = QHBoxLayout()
        for w in (self.kind, self.step, self.cause):
            filters.addWidget(w)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.favourites_only)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(BANNER_STYLE)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(["★", self.tr("Title"), self.tr("Step"),
                                              self.tr("Source"), self.tr("Uses")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda *_: self.edit_selected())
        self.preview = QPlainTextEdit()
        self.preview.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.preview.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setSizes([400, 160])

        self.favourite_button = QPushButton(self.tr("Favourite"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.reset_button = QPushButton(self.tr("Reset to shipped"))
        self.new_button = QPushButton(self.tr("New script…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.favourite_button.clicked.connect(self.toggle_favourite)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.new_button.clicked.connect(self.new_script)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_scripts)
        self.import_button.clicked.connect(self.import_scripts)
        buttons = QHBoxLayout()
        for b in (self.favourite_button, self.edit_button, self.reset_button, self.new_button,
                  self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problems)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    # --- showing --------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the library with the current filters, keeping the selection."""
        keep = self.selected_id()
        self.entries: list[ScriptEntry] = self.scripts.browse(
            kind=self.kind.current(), step=self.step.current(), cause=self.cause.current(),
            search=self.search.text(), favourites_only=self.favourites_only.isChecked())
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            s = entry.script
            cells = ["★" if entry.favourite else "", s.title.get(self.lang),
                     s.step.label(self.lang), self._origin_label(entry.origin), str(entry.uses)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, s.id)
                if col == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        problems = self.scripts.problems
        skipped = len({(p.source, p.script) for p in problems})  # a row may have many errors
        self.problems.setText(self.tr("%1 stored script(s) could not be read and were skipped.")
                              .replace("%1", str(skipped)))
        self.problems.setToolTip("\n".join(p.message(self.lang) for p in problems))
        self.problems.setVisible(bool(problems))
        ids = self.ids()
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif ids:
            self.table.selectRow(0)
        self._selected()

    def ids(self) -> list[str]:
        return [e.script.id for e in self.entries]

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.model() else []
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(ID_ROLE)

    def select(self, script_id: str) -> None:
        self.table.selectRow(self.ids().index(script_id))

    def _selected(self) -> None:
        script_id = self.selected_id()
        entry = next((e for e in self.entries if e.script.id == script_id), None)
        # The window's language only (the other one is in the edit dialog), with the facts
        # a statement to the platform lets the user tick.
        text = ""
        if entry is not None:
            text = entry.script.text.get(self.lang)
            if entry.script.facts:
                text += "\n\n" + self.tr("Facts to tick for the case:") + "\n" + "\n".join(
                    f"☐ {f.get(self.lang)}" for f in entry.script.facts)
        self.preview.setPlainText(text)
        origin = entry.origin if entry else None
        for b in (self.favourite_button, self.edit_button):
            b.setEnabled(entry is not None)
        self.reset_button.setEnabled(origin is ScriptOrigin.EDITED)
        self.delete_button.setEnabled(origin is ScriptOrigin.SHOP)

    # --- actions ---------------------------------------------------------------
    def _operator(self) -> str | None:
        operator = (self.operator_provider() or "").strip()
        if not operator:
            QMessageBox.warning(self, self.tr("Scripts"), self.tr(
                "Choose the operator (who is working now) first — every change records "
                "who made it. Nothing was changed."))
            return None
        return operator

    def _written(self, script_id: str | None = None) -> None:
        self.reload()
        if script_id in self.ids():
            self.select(script_id)
        self.changed.emit()

    def toggle_favourite(self) -> None:
        script_id = self.selected_id()
        if script_id is not None:
            self.scripts.toggle_favourite(script_id)
            self._written(script_id)

    def _open_editor(self, script_id: str | None) -> None:
        operator = self._operator()
        if operator is None:
            return
        dialog = ScriptEditDialog(self.scripts, operator, self, script_id=script_id,
                                  lang=self.lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._written)
        dialog.finished.connect(lambda *_: setattr(self, "edit_dialog", None))
        self.edit_dialog = dialog
        dialog.open()  # window-modal, non-blocking

    def edit_selected(self) -> None:
        script_id = self.selected_id()
        if script_id is not None:
            self._open_editor(script_id)

    def new_script(self) -> None:
        self._open_editor(None)

    def reset_selected(self) -> None:
        script_id = self.selected_id()
        operator = self._operator()
        if script_id is None or operator is None:
            return
        answer = QMessageBox.question(self, self.tr("Reset script"), self.tr(
            "Drop the shop's changes to this script and use the shipped text again?"))
        if answer == QMessageBox.StandardButton.Yes and self.scripts.reset(script_id, operator):
            self._written(script_id)

    def delete_selected(self) -> None:
        script_id = self.selected_id()
        operator = self._operator()
        if script_id is None or operator is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete script"),
                                      self.tr("Delete the shop's script %1?").replace(
                                          "%1", script_id))
        if answer == QMessageBox.StandardButton.Yes:
            self.scripts.delete_shop_script(script_id, operator)
            self._written()

    def export_scripts(self) -> None:
        name = pick(self.lang, "话术库", "scripts") + ".toml"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export scripts"),
                                              suggested_path(name),
                                              self.tr("Scripts (*.toml *.csv)"))
        if not path:
            return
        remember_folder(path)
        try:
            count = self.scripts.export_file(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export scripts"), str(exc))
            return
        QMessageBox.information(self, self.tr("Export scripts"),
                                self.tr("Exported %1 script(s).").replace("%1", str(count)))

    def import_scripts(self) -> None:
        operator = self._operator()
        if operator is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import scripts"),
                                              suggested_open_folder(),
                                              self.tr("Scripts (*.toml *.csv)"))
        if not path:
            return
        remember_open_folder(path)
        try:
            result = self.scripts.import_file(Path(path), operator)
        except ScriptLibraryError as exc:
            QMessageBox.warning(self, self.tr("Import scripts"), self.tr(
                "Nothing was imported:") + "\n" + "\n".join(e.message(self.lang)
                                                            for e in exc.errors))
            return
        except (OSError, UnicodeDecodeError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Import scripts"), str(exc))
            return
        self._written()
        QMessageBox.information(self, self.tr("Import scripts"), self.tr(
            "Added %1, updated %2, edited shipped %3.").replace("%1", str(result.added))
            .replace("%2", str(result.updated)).replace("%3", str(result.edited_shipped)))
