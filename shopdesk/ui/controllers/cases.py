"""Commands on cases in the list: new case (Ctrl+N), move to the trash (Delete), restore,
empty the trash; and how a refused change is reported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from .host import Host, require_operator

if TYPE_CHECKING:  # the form loads when a case is first created, not at start
    from ..dialogs.case_form import CaseFormDialog


class CaseController(QObject):
    """Each command asks for confirmation where data is at stake and reports the result."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent

    def show_error(self, exc: Exception) -> None:
        """A user-facing error from the services, in the UI language."""
        if isinstance(exc, ValidationError):
            text = "\n".join(e.message(self._host.lang) for e in exc.errors)
        elif isinstance(exc, ShopDeskError):
            text = exc.message(self._host.lang)
        elif isinstance(exc, NotFoundError):
            text = self.tr("That case no longer exists.")
        else:
            text = str(exc)
        QMessageBox.warning(self._parent, self.tr("ShopDesk"), text)

    def require_operator(self) -> str:
        """The operator's name; '' after asking the user to choose one."""
        return require_operator(self._host, self._parent)

    def new_case(self) -> CaseFormDialog | None:
        """Open the case form (non-blocking); the saved case is shown when it closes."""
        operator = self.require_operator()
        if not operator:
            return None
        from ..dialogs.case_form import CaseFormDialog

        dialog = CaseFormDialog(self._host.register, operator, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.on_case_saved)
        dialog.open()
        return dialog

    def on_case_saved(self, case_id: int) -> None:
        """The case form saved `case_id`: show it in the list and the detail panel."""
        self._host.after_change()
        case_list = self._host.case_list
        case_list.reload()
        listed = case_list.select_case(case_id)
        if not listed:
            self._host.show_message(self.tr("Case saved; the current filters hide it."), 5000)
        self._host.detail.show_case(case_id)
        # Set while the form is still open: the window gives this widget the focus when it
        # is active again (it went back to a filter button), so the next key acts on the
        # new case.
        target = case_list.table if listed else self._host.detail
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_to_trash(self) -> None:
        case_list = self._host.case_list
        ids = case_list.selected_ids()
        if not ids or case_list.is_trash():
            return
        operator = self.require_operator()
        if not operator:
            return
        answer = QMessageBox.question(
            self._parent, self.tr("Move to trash"),
            self.tr("Move {count} selected case(s) to the trash? You can restore them from "
                    "the trash later.").format(count=len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        following = self._case_after(ids)
        try:
            moved = self._host.register.cases.delete(ids, operator)
        except ShopDeskError as exc:
            self.show_error(exc)
            return
        case_list.reload()
        # The list and the panel agree on what comes next: the case that followed the
        # trashed ones (by id: a reload keeps only the first page loaded), selected, so
        # Delete again acts on a case the seller sees.
        if following is not None and case_list.select_case(following):
            case_list.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._host.show_message(
            self.tr("{count} case(s) moved to the trash.").format(count=moved), 5000)

    def _case_after(self, ids: list[int]) -> int | None:
        """The listed case after the last of `ids` (else the one before the first)."""
        model = self._host.case_list.model
        rows = sorted(r for r in (model.row_of(i) for i in ids) if r is not None)
        if not rows:
            return None
        gone = set(ids)
        for row in (*range(rows[-1] + 1, model.rowCount()), *range(rows[0] - 1, -1, -1)):
            case_id = model.case_id_at(row)
            if case_id is not None and case_id not in gone:
                return case_id
        return None

    def restore_from_trash(self) -> None:
        case_list = self._host.case_list
        ids = case_list.selected_ids()
        if not ids or not case_list.is_trash():
            return
        operator = self.require_operator()
        if not operator:
            return
        try:
            restored = self._host.register.cases.restore(ids, operator)
        except ShopDeskError as exc:
            self.show_error(exc)
            return
        case_list.reload()
        self._host.show_message(
            self.tr("{count} case(s) restored.").format(count=restored), 5000)

    def empty_trash(self) -> None:
        case_list = self._host.case_list
        count = case_list.count() if case_list.is_trash() else 0
        if not count:
            return
        operator = self.require_operator()
        if not operator:
            return
        answer = QMessageBox.question(
            self._parent, self.tr("Empty trash"),
            self.tr("Delete the {count} case(s) in the trash for good? This cannot be "
                    "undone.").format(count=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            removed = self._host.register.cases.empty_trash(operator)
        except ShopDeskError as exc:
            self.show_error(exc)
            return
        case_list.reload()
        self._host.show_message(
            self.tr("{count} case(s) deleted for good.").format(count=removed), 5000)
