"""Shift settings in the Settings dialog: staff PINs (set, change, clear) and the next
shift's length. Kept here so settings_dialog.py only hooks them in.

PIN changes apply at once (like staff changes); the next shift's length is saved on OK.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from ...domain.errors import ValidationError
from ...services.register import Register
from ..widgets.field_error import ValidatedField
from .shift_start_dialog import pin_edit


class PinDialog(QDialog):
    """Set, change or clear one staff member's PIN (the current PIN is asked when set)."""

    def __init__(self, register: Register, staff: str, lang: str, *, clear: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.staff = staff
        self.lang = lang
        self.clear = clear
        self.has_pin = register.shifts.has_pin(staff)
        self.setObjectName("pin_dialog")
        title = self.tr("Clear PIN — %1") if clear else self.tr("Set PIN — %1")
        self.setWindowTitle(title.replace("%1", staff))
        form = QFormLayout(self)
        self.old = pin_edit(self)
        self.old.setObjectName("pin_old")
        self.old_field = ValidatedField(self.old)
        self.new = pin_edit(self)
        self.new.setObjectName("pin_new")
        self.new_field = ValidatedField(self.new)
        self.again = pin_edit(self)
        self.again.setObjectName("pin_again")
        self.again_field = ValidatedField(self.again)
        note = QLabel(self.tr("A 4-digit PIN is asked when %1 starts a shift, acknowledges a "
                              "hand-off or becomes the operator.").replace("%1", staff))
        note.setWordWrap(True)
        form.addRow(note)
        if self.has_pin:
            form.addRow(self.tr("Current PIN"), self.old_field)
        if not clear:
            form.addRow(self.tr("New PIN"), self.new_field)
            form.addRow(self.tr("New PIN again"), self.again_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Clear PIN") if clear else self.tr("Save PIN"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    def apply(self) -> None:
        for field in (self.old_field, self.new_field, self.again_field):
            field.set_error(None)
        actor = self.register.staff.current_operator() or self.staff
        old = self.old.text() or None
        if not self.clear and self.new.text() != self.again.text():
            self.again_field.set_error(self.tr("The two PINs differ"))
            return
        try:
            if self.clear:
                self.register.shifts.clear_pin(self.staff, actor, old_pin=old)
            else:
                self.register.shifts.set_pin(self.staff, self.new.text(), actor, old_pin=old)
        except ValidationError as exc:
            for e in exc.errors:
                target = self.old_field if e.field == "old_pin" else self.new_field
                target.set_error(e.message(self.lang))
            return
        self.accept()


class ShiftSettingsPage(QWidget):
    """The Settings dialog's "Shifts" tab: the next shift's length."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("next_shift_hours")
        self.hours.setRange(1.0, 72.0)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(register.shifts.next_shift_hours())
        note = QLabel(self.tr("The hand-off sheet lists the promises due during the next "
                              "shift. A solo seller ending the day can set it to the hours "
                              "until tomorrow's work (e.g. 14)."), self)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Next shift length:"), self.hours)
        form.addRow(note)

    def save(self) -> None:
        """Store the length (called when the Settings dialog is accepted)."""
        value = self.hours.value()
        if abs(value - self.register.shifts.next_shift_hours()) < 1e-9:
            return
        actor = self.register.staff.current_operator() or "-"
        try:
            self.register.shifts.set_next_shift_hours(value, actor)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Shifts"), exc.errors[0].message())
