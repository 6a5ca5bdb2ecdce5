"""Shifts on the main window: the Shift menu (start Ctrl+Shift+B, end and hand over
Ctrl+Shift+E, hand-off history Ctrl+Shift+H), the "not acknowledged" hand-off banner, who
is on shift in the status bar, and the PIN asked when the operator picker switches to
someone who has one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox, QWidget

from ...domain.clock import local
from ...services.staff import PinError
from ..views.handoff_banner import HandoffBanner
from .host import Host, add_close_controls, make_action, window_wide

if TYPE_CHECKING:  # the dialogs and the history load when first opened, not at start
    from ..dialogs.end_shift_dialog import EndShiftDialog
    from ..dialogs.shift_start_dialog import ShiftStartDialog
    from ..views.handoff_history import HandoffHistory, HandoffReviewDialog

START_KEYS = "Ctrl+Shift+B"
END_KEYS = "Ctrl+Shift+E"
HISTORY_KEYS = "Ctrl+Shift+H"


class ShiftController(QObject):
    """Owns the Shift menu, the hand-off banner and the on-shift label (placed by the
    window); `attach()` re-reads the window's register."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.history: HandoffHistory | None = None  # the last history window opened
        self.banner = HandoffBanner(lambda: host.register.shifts, parent)
        self.banner.review_requested.connect(self.review_handoff)
        self.act_shift_start = make_action(
            parent, "action_shift_start", self.tr("&Start shift…"), self.start_shift,
            START_KEYS, self.tr("Sign in and start your shift (Ctrl+Shift+B)"))
        self.act_shift_end = make_action(
            parent, "action_shift_end", self.tr("&End shift and hand over…"), self.end_shift,
            END_KEYS,
            self.tr("End the shift and produce the hand-off sheet (Ctrl+Shift+E)"))
        self.act_handoff_history = make_action(
            parent, "action_handoff_history", self.tr("Hand-off &history…"),
            self.open_history, HISTORY_KEYS,
            self.tr("Past hand-offs; acknowledge one (Ctrl+Shift+H)"))
        window_wide(parent, self.act_shift_start, self.act_shift_end, self.act_handoff_history)
        self.menu = QMenu(self.tr("Shif&t"), parent)
        self.menu.setObjectName("menu_shift")
        self.menu.addAction(self.act_shift_start)
        self.menu.addAction(self.act_shift_end)
        self.menu.addSeparator()
        self.menu.addAction(self.act_handoff_history)
        self.status_label = QLabel(parent)
        self.status_label.setObjectName("shift_status_label")
        host.operator_picker.set_pin_check(self.ask_operator_pin)
        host.operator_picker.operator_changed.connect(lambda _n: self.refresh())
        # F5, edits and filter changes reload the list: re-read the shift state then too
        # (the command line may have ended or acknowledged one meanwhile).
        host.case_list.count_changed.connect(lambda _n: self.refresh())

    def attach(self) -> None:
        """Re-read the window's current register (start-up, after a restore). An operator
        remembered from the last session who has a PIN is not taken on trust: the window
        starts with nobody chosen, and choosing them asks for the PIN."""
        name = self._host.register.staff.forget_operator_with_pin()
        if name:
            self._host.operator_picker.reload()
            self._host.show_message(
                self.tr("%1 has a PIN: choose yourself as the operator and enter it")
                .replace("%1", name), 15000)
        self.refresh()

    def refresh(self) -> None:
        """Banner and status bar follow the register."""
        self.banner.refresh()
        register = self._host.register
        current = register.shifts.current()
        if current is None:
            self.status_label.setText(self.tr("Nobody on shift"))
        else:
            since = local(current.started_at, register.shop_tz).strftime("%m-%d %H:%M")
            self.status_label.setText(self.tr("On shift: %1 since %2")
                                      .replace("%1", current.staff).replace("%2", since))

    def _after_change(self) -> None:
        self._host.operator_picker.reload()
        self.refresh()

    def start_shift(self) -> ShiftStartDialog:
        """Open the start-shift dialog (non-blocking)."""
        from ..dialogs.shift_start_dialog import ShiftStartDialog

        register = self._host.register
        dialog = ShiftStartDialog(register.shifts, register.staff, self._host.lang,
                                  self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.started.connect(lambda _id: self._after_change())
        dialog.started.connect(
            lambda _id: self._host.show_message(self.tr("Shift started"), 4000))
        dialog.open()
        return dialog

    def end_shift(self) -> EndShiftDialog | None:
        """Open the end-shift dialog (preview, note, hand over); needs an operator."""
        operator = self._host.operator()
        if not operator:
            self._host.show_message(self.tr("Choose the operator first"), 4000)
            return None
        from ..dialogs.end_shift_dialog import EndShiftDialog

        dialog = EndShiftDialog(self._host.register.shifts, operator, self._host.lang,
                                self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ended.connect(lambda _id: self._after_change())
        dialog.open()
        return dialog

    def open_history(self) -> HandoffHistory:
        """Past hand-offs in their own window."""
        from ..views.handoff_history import HandoffHistory

        host = self._host
        view = HandoffHistory(lambda: host.register, host.lang)
        view.acknowledged.connect(lambda _id: self._after_change())
        view.setParent(self._parent, Qt.WindowType.Window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.setWindowTitle(self.tr("Hand-off history"))
        add_close_controls(view)
        view.resize(1000, 640)
        view.show()
        view.raise_()
        self.history = view
        return view

    def review_handoff(self, shift_id: int) -> HandoffReviewDialog:
        """The banner's "review and acknowledge": the sheet with the acknowledge controls."""
        from ..views.handoff_history import HandoffReviewDialog

        dialog = HandoffReviewDialog(lambda: self._host.register, shift_id, self._host.lang,
                                     self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pane.acknowledged.connect(lambda _id: self._after_change())
        dialog.open()
        return dialog

    def ask_operator_pin(self, name: str) -> bool:
        """Switching the operator to someone with a PIN asks for it; False keeps the old
        one."""
        staff = self._host.register.staff
        if not staff.has_pin(name):
            return True
        title = self.tr("Operator PIN")
        prompt = self.tr("PIN of %1 (4 digits):").replace("%1", name)
        text, ok = QInputDialog.getText(self._parent, title, prompt,
                                        QLineEdit.EchoMode.Password)
        if not ok:
            return False
        try:
            staff.verify_pin(name, text, purpose="operator")
        except PinError as exc:
            QMessageBox.warning(self._parent, title, exc.errors[0].message(self._host.lang))
            return False
        return True
