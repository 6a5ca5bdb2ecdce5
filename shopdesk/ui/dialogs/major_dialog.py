"""Mark a case a major complaint (重大投诉) with its owner, change the owner, or unmark it
(with a reason). A person decides: the warnings only suggest it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.text import list_sep
from ...services.register import Register
from ..i18n import ui_language
from ..widgets.field_error import FieldErrorLabel


class MajorDialog(QDialog):
    """Emits changed(case id) and accepts after a mark, an owner change or an unmark."""

    changed = Signal(int)

    def __init__(self, register: Register, case_id: int, operator: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("major_dialog")
        self.register = register
        self.operator = operator
        self.lang = ui_language(register)
        self.case = register.cases.get(case_id)
        self.setWindowTitle(self.tr("Major complaint — %1").replace("%1", self.case.case_no))
        suggested = register.major.suggestion(case_id)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        if self.case.major_owner:
            self.why.setText(self.tr("This case is a major complaint owned by %1. It comes "
                                     "first in every list and on the hand-off sheet.")
                             .replace("%1", self.case.major_owner))
        elif suggested:
            self.why.setText(self.tr("Suggested by the warnings: %1. A major complaint comes "
                                     "first in every list, names an owner, and compensation "
                                     "above a staff member's limit needs the owner's approval.")
                             .replace("%1", list_sep(self.lang).join(
                                 w.rule.label(self.lang) for w in suggested)))
        else:
            self.why.setText(self.tr("A major complaint comes first in every list, names an "
                                     "owner, and compensation above a staff member's limit "
                                     "needs the owner's approval."))
        self.owner = QComboBox(self)
        self.owner.setObjectName("major_owner")
        for name in register.major.owners():
            self.owner.addItem(name, name)
        if self.case.major_owner:
            self.owner.setCurrentIndex(max(self.owner.findData(self.case.major_owner), 0))
        self.note = QLineEdit(self)
        self.note.setObjectName("major_note")
        self.note.setPlaceholderText(self.tr("Why (shown on the timeline)"))
        self.error = FieldErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("&Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.mark_button = QPushButton(
            self.tr("Change owner") if self.case.major_owner else self.tr("Mark as major"),
            self)
        self.mark_button.setObjectName("major_mark")
        buttons.addButton(self.mark_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.unmark_button = QPushButton(self.tr("No longer major"), self)
        self.unmark_button.setObjectName("major_unmark")
        self.unmark_button.setVisible(bool(self.case.major_owner))
        buttons.addButton(self.unmark_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.mark_button.clicked.connect(self.mark)
        self.unmark_button.clicked.connect(self.unmark)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.mark)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.mark_button.setDefault(True)
        self.setMinimumWidth(440)
        self.owner.setFocus()

    def mark(self) -> None:
        owner = self.owner.currentData()
        if not owner:
            self.error.show_error(self.tr("Add the owner to the staff list first (Settings → "
                                          "Staff…)."))
            return
        self._do(lambda: self.register.major.mark(self.case.id, owner, self.operator,
                                                  self.note.text()))

    def unmark(self) -> None:
        self._do(lambda: self.register.major.unmark(self.case.id, self.operator,
                                                    self.note.text()))

    def _do(self, action) -> None:
        try:
            action()
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            self.note.setFocus()
            return
        except NotFoundError:
            self.error.show_error(self.tr("This case no longer exists (it may have been "
                                          "deleted)"))
            return
        except ShopDeskError as exc:
            self.error.show_error(exc.message(self.lang))
            return
        self.changed.emit(self.case.id)
        self.accept()
