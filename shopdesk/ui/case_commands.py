"""The window's commands on cases: new case, trash, restore, empty the trash."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from ..domain.errors import NotFoundError, ValidationError, WorkflowError
from ..storage.errors import StorageError
from .components import case_form_class

if TYPE_CHECKING:
    from .main_window import MainWindow


class CaseCommands(QObject):
    """Each command asks for confirmation where data is at stake and reports the result."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def show_error(self, exc: Exception) -> None:
        """A user-facing error from the services, in the UI language."""
        if isinstance(exc, ValidationError):
            text = "\n".join(e.message(self._window.lang) for e in exc.errors)
        elif isinstance(exc, WorkflowError | StorageError):
            text = exc.message(self._window.lang)
        elif isinstance(exc, NotFoundError):
            text = self.tr("That case no longer exists.")
        else:
            text = str(exc)
        QMessageBox.warning(self._window, self.tr("ShopDesk"), text)

    def require_operator(self) -> str:
        name = self._window.operator()
        if not name:
            QMessageBox.information(self._window, self.tr("Choose the operator"),
                                    self.tr("First choose who you are in the toolbar "
                                            "(Operator)."))
            self._window.operator_picker.combo.setFocus()
        return name

    def new_case(self) -> None:
        operator = self.require_operator()
        if not operator:
            return
        form = case_form_class()
        if form is None:
            QMessageBox.information(self._window, self.tr("New case"),
                                    self.tr("The case form is not available in this build."))
            return
        dialog = form(self._window.register, operator, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.on_case_saved)
        dialog.open()

    def on_case_saved(self, case_id: int) -> None:
        """The case form saved `case_id`: show it in the list and the detail panel."""
        self._window.shift_offer.after_change()
        self._window.case_list.reload()
        if not self._window.case_list.select_case(case_id):
            self._window.statusBar().showMessage(
                self.tr("Case saved; the current filters hide it."), 5000)
        self._window.detail.show_case(case_id)

    def move_to_trash(self) -> None:
        ids = self._window.case_list.selected_ids()
        if not ids or self._window.case_list.is_trash():
            return
        operator = self.require_operator()
        if not operator:
            return
        answer = QMessageBox.question(
            self._window, self.tr("Move to trash"),
            self.tr("Move {count} selected case(s) to the trash? You can restore them from "
                    "the trash later.").format(count=len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            moved = self._window.register.cases.delete(ids, operator)
        except (ValidationError, StorageError) as exc:
            self.show_error(exc)
            return
        self._window.case_list.reload()
        self._window.statusBar().showMessage(
            self.tr("{count} case(s) moved to the trash.").format(count=moved), 5000)

    def restore_from_trash(self) -> None:
        ids = self._window.case_list.selected_ids()
        if not ids or not self._window.case_list.is_trash():
            return
        operator = self.require_operator()
        if not operator:
            return
        try:
            restored = self._window.register.cases.restore(ids, operator)
        except (ValidationError, StorageError) as exc:
            self.show_error(exc)
            return
        self._window.case_list.reload()
        self._window.statusBar().showMessage(
            self.tr("{count} case(s) restored.").format(count=restored), 5000)

    def empty_trash(self) -> None:
        count = self._window.case_list.count() if self._window.case_list.is_trash() else 0
        if not count:
            return
        operator = self.require_operator()
        if not operator:
            return
        answer = QMessageBox.question(
            self._window, self.tr("Empty trash"),
            self.tr("Delete the {count} case(s) in the trash for good? This cannot be "
                    "undone.").format(count=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            removed = self._window.register.cases.empty_trash(operator)
        except (ValidationError, StorageError) as exc:
            self.show_error(exc)
            return
        self._window.case_list.reload()
        self._window.statusBar().showMessage(
            self.tr("{count} case(s) deleted for good.").format(count=removed), 5000)

