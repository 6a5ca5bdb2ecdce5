"""The offer to start a shift, made when someone changes a case while nobody is on shift.

Work done with nobody on shift is handed over (the sheet lists it in its own section),
but a seller who forgot to press Start usually wants it to be their shift's. So the first
change made while nobody is on shift (a new case, a note, a status change, a call, a
promise, evidence...) asks, once, whether to start a shift for the operator.

"Once" means once per stretch with nobody on shift, in one run of the app: declining it
is not asked again until a shift has started and ended (a new hand-off), or the app is
started again. The setting `OFFER_KEY` (Settings → Shifts, or the box's own "don't offer
this again") turns it off for good.

The window owns one ShiftOffer and calls `after_change()` where it learns a case changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QWidget

from ..domain.errors import ShopDeskError, ValidationError

if TYPE_CHECKING:
    from ..services.register import Register

OFFER_KEY = "shift/offer_start"


def offer_enabled(settings: QSettings) -> bool:
    """Is the offer on (the default)?"""
    value = settings.value(OFFER_KEY, True)
    if isinstance(value, str):  # INI files give strings back
        return value.strip().lower() not in ("false", "0", "no", "off")
    return bool(value)


def set_offer_enabled(settings: QSettings, on: bool) -> None:
    settings.setValue(OFFER_KEY, bool(on))


class ShiftOffer(QObject):
    """Emits started(shift id) when the offer started a shift."""

    started = Signal(int)

    def __init__(self, register: Callable[[], Register], settings: QSettings, lang: str,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._register = register  # a callable: the window may switch register (a restore)
        self._settings = settings
        self._lang = lang
        self._parent = parent
        self._offered_after: int | None = None  # the hand-off the last offer followed
        self._pending = False
        self.box: QMessageBox | None = None  # the offer while it is shown

    def after_change(self) -> None:
        """A case was just changed in the window: offer to start a shift if nobody is on
        one, the offer is on and this stretch has not had it yet. The box opens after the
        current event (the dialog that made the change may still be closing)."""
        if self._pending or self.box is not None:
            return
        self._pending = True
        QTimer.singleShot(0, self, self._maybe_offer)  # dropped with the window

    def _maybe_offer(self) -> None:
        self._pending = False
        if self.box is not None or not offer_enabled(self._settings):
            return
        register = self._register()
        shifts = register.shifts
        if shifts.current() is not None:
            return
        operator = register.staff.current_operator()
        if not operator:
            return  # no change is made without an operator; nobody to offer it to
        latest = shifts.latest()
        stretch = latest.id if latest is not None else 0
        if stretch == self._offered_after:
            return  # asked already since this hand-off
        self._offered_after = stretch
        self._show(operator)

    def _show(self, operator: str) -> None:
        box = QMessageBox(self._parent)
        box.setObjectName("shift_offer")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Nobody on shift"))
        box.setText(self.tr("Nobody is on shift. Start a shift for %1 now?")
                    .replace("%1", operator))
        box.setInformativeText(self.tr(
            "The hand-off sheet lists work done while nobody is on shift in a section of "
            "its own. Starting a shift makes the work from now on part of it."))
        self.start_button = box.addButton(self.tr("Start shift"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("shift_offer_start")
        self.later_button = box.addButton(self.tr("Not now"),
                                          QMessageBox.ButtonRole.RejectRole)
        self.later_button.setObjectName("shift_offer_later")
        box.setDefaultButton(self.start_button)
        box.setEscapeButton(self.later_button)
        never = QCheckBox(self.tr("Don't offer this again (Settings → Shift settings… "
                                  "turns it back on)"))
        never.setObjectName("shift_offer_never")
        box.setCheckBox(never)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._answered(button, operator, never))
        self.box = box
        box.open()

    def _answered(self, button: QPushButton, operator: str, never: QCheckBox) -> None:
        self.box = None
        if never.isChecked():
            set_offer_enabled(self._settings, False)
        if button is self.start_button:
            self._start(operator)

    def _start(self, operator: str) -> None:
        """Start the operator's shift; one with a PIN gives it in the start dialog."""
        shifts = self._register().shifts
        if self._register().staff.has_pin(operator):
            from .dialogs.shift_start_dialog import ShiftStartDialog  # loads when needed

            register = self._register()
            dialog = ShiftStartDialog(shifts, register.staff, self._lang, self._parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.started.connect(self.started.emit)
            dialog.open()
            return
        try:
            shift = shifts.start(operator)
        except ShopDeskError as exc:  # e.g. started elsewhere meanwhile
            text = "\n".join(e.message(self._lang) for e in exc.errors) \
                if isinstance(exc, ValidationError) else exc.message(self._lang)
            QMessageBox.warning(self._parent, self.tr("Start shift"), text)
            return
        self.started.emit(shift.id)
