"""Shift settings in the Settings dialog: staff PINs (set, change, clear) and the next
shift's length. Kept here so settings_dialog.py only hooks them in.

PIN changes apply at once (like staff changes); the next shift's length is saved on OK.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ...domain.errors import ValidationError
from ...services.register import Register
from ...services.staff import MAX_REASON
from ..shift_offer import offer_enabled, set_offer_enabled
from ..widgets.field_error import ValidatedField
from ..window_state import app_settings
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
        self.has_pin = register.staff.has_pin(staff)
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
        # A forgotten PIN: removed without it, with a reason the audit trail keeps.
        self.forgot = QCheckBox(self.tr("Forgotten: reset it without the current PIN"))
        self.forgot.setObjectName("pin_forgot")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("pin_reset_reason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit trail with your name)"))
        self.reason_field = ValidatedField(self.reason)
        self.forgot.toggled.connect(self._forgot_toggled)
        if self.has_pin and clear:
            form.addRow(self.forgot)
            form.addRow(self.tr("Reason"), self.reason_field)
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
        self._forgot_toggled(False)
        self.setMinimumWidth(380)

    def _forgot_toggled(self, on: bool) -> None:
        self.old.setEnabled(not on)
        self.reason.setEnabled(on)
        if self.clear:
            self.ok_button.setText(self.tr("Reset PIN") if on else self.tr("Clear PIN"))
        if on:
            self.old.clear()
            self.reason.setFocus()

    def apply(self) -> None:
        for field in (self.old_field, self.new_field, self.again_field, self.reason_field):
            field.set_error(None)
        actor = self.register.staff.current_operator() or self.staff
        if self.clear and self.forgot.isChecked():
            try:
                self.register.staff.reset_pin(self.staff, actor, self.reason.text())
            except ValidationError as exc:
                self.reason_field.set_error("\n".join(e.message(self.lang) for e in exc.errors))
                return
            self.accept()
            return
        old = self.old.text() or None
        if not self.clear and self.new.text() != self.again.text():
            self.again_field.set_error(self.tr("The two PINs differ"))
            return
        try:
            if self.clear:
                self.register.staff.clear_pin(self.staff, actor, old_pin=old)
            else:
                self.register.staff.set_pin(self.staff, self.new.text(), actor, old_pin=old)
        except ValidationError as exc:
            for e in exc.errors:
                target = self.old_field if e.field == "old_pin" else self.new_field
                target.set_error(e.message(self.lang))
            return
        self.accept()


class ShiftSettingsPage(QWidget):
    """The Settings dialog's "Shifts" tab: the next shift's length, and whether a change
    made while nobody is on shift offers to start one (a window setting, in QSettings)."""

    def __init__(self, register: Register, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.register = register
        # The window's settings file: QSettings objects on it in one process agree.
        self.settings = settings if settings is not None else app_settings()
        self.offer = QCheckBox(self.tr("Offer to start a shift when a case is changed while "
                                       "nobody is on shift"), self)
        self.offer.setObjectName("shift_offer_enabled")
        self.offer.setChecked(offer_enabled(self.settings))
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
        form.addRow(self.offer)

    def save(self) -> None:
        """Store the offer and the length (called when the Settings dialog is accepted)."""
        set_offer_enabled(self.settings, self.offer.isChecked())
        value = self.hours.value()
        if abs(value - self.register.shifts.next_shift_hours()) < 1e-9:
            return
        actor = self.register.staff.current_operator() or "-"
        try:
            self.register.shifts.set_next_shift_hours(value, actor)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Shifts"), exc.errors[0].message())
