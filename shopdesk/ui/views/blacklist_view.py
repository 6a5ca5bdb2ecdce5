"""The malicious-buyer list (恶意买家名单) window: the entries, adding one, removing the
selected ones, CSV export and import — all through register.blacklist.

Keyboard: the form's fields take Enter to add, Delete removes the selected rows, Ctrl+E
exports, Ctrl+I imports; the tool window's own Close button, Esc and Ctrl+W close it.
Phones and addresses are shown masked; the list holds personal data (the notice says so).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.blacklist import BlacklistEntry
from ...domain.clock import local
from ...domain.enums import Platform
from ...domain.errors import ShopDeskError, ValidationError
from ...services.register import Register
from ..save_location import remember_folder, suggested_path
from ..widgets.enum_combo import EnumCombo
from ..widgets.field_error import FieldErrorLabel

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole


class BlacklistView(QWidget):
    """Emits changed() after any add, removal or import (open cases may be warned)."""

    changed = Signal()

    def __init__(self, register: Register, operator: Callable[[], str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blacklist_view")
        self.register = register
        self.operator = operator
        self.lang = lang
        notice = QLabel(self.tr("This list holds personal data (nicknames, phone numbers, "
                                "addresses): it is for the shop's own stores only. Phones and "
                                "addresses are shown masked."), self)
        notice.setWordWrap(True)
        notice.setStyleSheet("color: #5c4400;")
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("blacklist_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Platform"), self.tr("Buyer"), self.tr("Phone"), self.tr("Address"),
            self.tr("Reason"), self.tr("Case"), self.tr("Added by"), self.tr("Added")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        self.platform = EnumCombo(Platform, lang, parent=self)
        self.platform.setObjectName("blacklist_platform")
        self.nick = QLineEdit(self)
        self.nick.setObjectName("blacklist_nick")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("blacklist_phone")
        self.address = QLineEdit(self)
        self.address.setObjectName("blacklist_address")
        self.address.setPlaceholderText(self.tr("A part of the address, 4 characters or more"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("blacklist_reason")
        self.reason.setPlaceholderText(self.tr("e.g. asked for money for a good review"))
        self.case_no = QLineEdit(self)
        self.case_no.setObjectName("blacklist_case")
        self.case_no.setPlaceholderText("SD-20261123-0001")
        for edit in (self.nick, self.phone, self.address, self.reason, self.case_no):
            edit.returnPressed.connect(self.add_entry)
        form = QFormLayout()
        form.addRow(self.tr("&Platform"), self.platform)
        row = QHBoxLayout()
        row.addWidget(self.nick, 2)
        row.addWidget(QLabel(self.tr("Phone"), self))
        row.addWidget(self.phone, 1)
        form.addRow(self.tr("&Buyer"), row)
        form.addRow(self.tr("A&ddress"), self.address)
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("Ca&se"), self.case_no)
        for label_row, buddy in ((0, self.platform), (1, self.nick), (2, self.address),
                                 (3, self.reason), (4, self.case_no)):
            item = form.itemAt(label_row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                item.widget().setBuddy(buddy)  # type: ignore[union-attr]

        self.add_button = QPushButton(self.tr("&Add to the list"), self)
        self.add_button.setObjectName("blacklist_add")
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(self.tr("&Remove selected"), self)
        self.remove_button.setObjectName("blacklist_remove")
        self.remove_button.setToolTip(self.tr("Remove the selected entries (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setObjectName("blacklist_export")
        self.export_button.setToolTip(self.tr("Share the list with the shop's other stores "
                                              "(full values; Ctrl+E)"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.import_button = QPushButton(self.tr("&Import CSV…"), self)
        self.import_button.setObjectName("blacklist_import")
        self.import_button.setToolTip(self.tr("Add the entries of a CSV not listed yet "
                                              "(Ctrl+I)"))
        self.import_button.clicked.connect(lambda: self.import_csv())
        self.message = FieldErrorLabel(self)
        for edit in (self.nick, self.phone, self.address, self.reason, self.case_no):
            # The user is fixing it: a message left red over a filled field reads as wrong.
            edit.textEdited.connect(lambda _text: self.message.clear_error())
        self.status = QLabel(self)
        self.status.setObjectName("blacklist_status")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.status)

        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                           self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        for keys, slot in (("Ctrl+E", self.export_csv), ("Ctrl+I", self.import_csv)):
            QShortcut(QKeySequence(keys), self, lambda s=slot: s(),
                      context=Qt.ShortcutContext.WindowShortcut)
        self.reload()
        self.nick.setFocus()

    # --- showing -----------------------------------------------------------
    def reload(self) -> None:
        entries = self.register.blacklist.entries()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            cells = self._cells(e)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ENTRY_ID_ROLE, e.id)
                self.table.setItem(row, col, item)
        self.status.setText(self.tr("%1 buyer(s) on the list").replace("%1", str(len(entries))))

    def _cells(self, e: BlacklistEntry) -> list[str]:
        try:
            platform = Platform(e.platform).label(self.lang)
        except ValueError:
            platform = e.platform
        added = (local(e.added_at, self.register.shop_tz).strftime("%Y-%m-%d %H:%M")
                 if e.added_at else "")
        return [platform, e.buyer_nick, e.phone_masked, e.address_masked, e.reason,
                e.case_no, e.added_by, added]

    def entry_ids(self) -> list[int]:
        """The ids listed, top to bottom."""
        return [int(self.table.item(r, 0).data(ENTRY_ID_ROLE))
                for r in range(self.table.rowCount())]

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [int(self.table.item(r, 0).data(ENTRY_ID_ROLE)) for r in rows]

    # --- acting ------------------------------------------------------------
    def _actor(self) -> str | None:
        name = (self.operator() or "").strip()
        if not name:
            self._say(self.tr("Choose the operator first: the list records who changed it."))
            return None
        return name

    def _say(self, text: str) -> None:
        self.message.show_error(text)

    def _error(self, exc: ShopDeskError) -> None:
        if isinstance(exc, ValidationError):
            self._say("\n".join(e.message(self.lang) for e in exc.errors))
        else:
            self._say(exc.message(self.lang))

    def prefill(self, *, platform: str, buyer_nick: str, case_no: str = "",
                reason: str = "") -> None:
        """Fill the form (a case's buyer) for the user to check and add."""
        index = self.platform.findData(platform)
        if index >= 0:
            self.platform.setCurrentIndex(index)
        self.nick.setText(buyer_nick)
        self.case_no.setText(case_no)
        self.reason.setText(reason)
        self.reason.setFocus()

    def add_entry(self) -> None:
        actor = self._actor()
        if actor is None:
            return
        try:
            self.register.blacklist.add(
                platform=self.platform.current_key(), buyer_nick=self.nick.text(),
                reason=self.reason.text(), actor=actor, phone=self.phone.text(),
                address=self.address.text(), case_no=self.case_no.text())
        except ShopDeskError as exc:
            self._error(exc)
            return
        self.message.clear_error()
        for edit in (self.nick, self.phone, self.address, self.reason, self.case_no):
            edit.clear()
        self.reload()
        self.changed.emit()
        self._keep_focus(self.nick)

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self._say(self.tr("Select the entries to remove first."))
            return
        actor = self._actor()
        if actor is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove from the list"),
            self.tr("Remove %1 buyer(s) from the malicious-buyer list?").replace(
                "%1", str(len(ids))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            for entry_id in ids:
                self.register.blacklist.remove(entry_id, actor)
        except ShopDeskError as exc:
            self._error(exc)
        self.message.clear_error()
        self.reload()
        self.changed.emit()
        self._keep_focus(self.table)

    def _keep_focus(self, widget: QWidget) -> None:
        """The main window reloads on `changed`; the keyboard stays here."""
        self.activateWindow()
        self.raise_()
        widget.setFocus()

    def export_csv(self, path: str | Path | None = None) -> Path | None:
        """Write the list to CSV (asks where unless `path` is given)."""
        if path is None:
            chosen, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export the malicious-buyer list"),
                suggested_path("blacklist.csv"), self.tr("CSV (*.csv)"))
            if not chosen:
                return None
            remember_folder(chosen)
            path = chosen if chosen.lower().endswith(".csv") else chosen + ".csv"
        target = Path(path)
        try:
            count = self.register.blacklist.export_csv(target)
        except OSError as exc:
            self._say(self.tr("Could not write %1: %2").replace("%1", str(target))
                      .replace("%2", exc.strerror or str(exc)))
            return None
        self.message.clear_error()
        self.status.setText(self.tr("Exported %1 entries to %2").replace("%1", str(count))
                            .replace("%2", str(target)))
        return target

    def import_csv(self, path: str | Path | None = None) -> tuple[int, int] | None:
        """Add a CSV's entries not listed yet (asks for the file unless `path` is given)."""
        actor = self._actor()
        if actor is None:
            return None
        if path is None:
            chosen, _f = QFileDialog.getOpenFileName(
                self, self.tr("Import a malicious-buyer list"), suggested_path(""),
                self.tr("CSV (*.csv)"))
            if not chosen:
                return None
            remember_folder(chosen)
            path = chosen
        try:
            added, skipped = self.register.blacklist.import_csv(Path(path), actor)
        except ShopDeskError as exc:
            self._error(exc)
            return None
        self.message.clear_error()
        self.reload()
        self.status.setText(self.tr("Imported %1 new entries (%2 already listed)")
                            .replace("%1", str(added)).replace("%2", str(skipped)))
        self.changed.emit()
        return added, skipped
