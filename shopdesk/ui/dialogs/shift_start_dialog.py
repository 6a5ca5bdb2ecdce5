"""Start a shift: who (active staff), their PIN when they have one.

Starting a shift signs the person in as the operator. The service decides (PIN, another
shift still open); a refusal is said inside the dialog, next to the field at fault.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.errors import ValidationError
from ...services.shifts import ShiftService
from ...services.staff import StaffService
from ..widgets.field_error import ValidatedField


def pin_edit(parent: QWidget | None = None) -> QLineEdit:
    """A 4-digit, non-echoing PIN field."""
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(4)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), edit))
    edit.setMaximumWidth(120)
    return edit


class ShiftStartDialog(QDialog):
    """Emits started(shift id) and accepts when the shift has started."""

    started = Signal(int)

    def __init__(self, shifts: ShiftService, staff: StaffService, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shifts = shifts
        self.lang = lang
        self.setObjectName("shift_start_dialog")
        self.setWindowTitle(self.tr("Start shift"))
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("shift_staff")
        current = staff.current_operator()
        for member in staff.list():
            self.staff_combo.addItem(member.name, member.name)
        self.staff_combo.setCurrentIndex(max(self.staff_combo.findData(current), 0))
        self.staff_field = ValidatedField(self.staff_combo)
        self.pin = pin_edit()
        self.pin.setObjectName("shift_pin")
        self.pin_field = ValidatedField(self.pin)
        self.info = QLabel(self._info_text())
        self.info.setObjectName("shift_start_info")
        self.info.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Who starts"), self.staff_field)
        form.addRow(self.tr("PIN"), self.pin_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setObjectName("shift_start_button")
        self.start_button.setText(self.tr("Start shift"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.staff_combo.currentIndexChanged.connect(lambda _i: self._update_pin())
        self._update_pin()

    def _info_text(self) -> str:
        current = self.shifts.current()
        if current is None:
            return self.tr("Starting a shift makes you the operator; ending it produces the "
                           "hand-off sheet.")
        since = local(current.started_at, self.shifts.shop_tz).strftime("%m-%d %H:%M")
        return (self.tr("%1 is on shift since %2.").replace("%1", current.staff)
                .replace("%2", since))

    def _update_pin(self) -> None:
        needed = self.shifts.staff.has_pin(self.staff_combo.currentData() or "")
        self.pin.setEnabled(needed)
        self.pin.setPlaceholderText(self.tr("4 digits") if needed else self.tr("no PIN set"))
        self.pin_field.set_error(None)
        if needed:
            self.pin.setFocus()

    def start(self) -> None:
        name = self.staff_combo.currentData() or ""
        self.staff_field.set_error(None)
        self.pin_field.set_error(None)
        try:
            shift = self.shifts.start(name, pin=self.pin.text() or None)
        except ValidationError as exc:
            for e in exc.errors:
                target = self.pin_field if e.field == "pin" else self.staff_field
                target.set_error(e.message(self.lang))
            if any(e.field == "pin" for e in exc.errors):
                self.pin.clear()
                self.pin.setFocus()
            return
        self.started.emit(shift.id)
        self.accept()
