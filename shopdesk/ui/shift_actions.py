"""Shifts on the main window: the Shift menu (start Ctrl+Shift+B, end and hand over
Ctrl+Shift+E, hand-off history Ctrl+Shift+H), the "not acknowledged" banner, who is on
shift in the status bar, and the PIN asked when the operator picker switches to someone
who has one.

`install(window)` runs once when the window is built; `attach(window)` again after the
window switches register (a restore).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox, QVBoxLayout

from ..domain.clock import local
from ..services.staff import PinError
from .dialogs.end_shift_dialog import EndShiftDialog
from .dialogs.shift_start_dialog import ShiftStartDialog
from .views.handoff_banner import HandoffBanner
from .views.handoff_history import HandoffHistory, HandoffReviewDialog

# lupdate finds translate("Context", "text") calls by this name.
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow

START_KEYS = "Ctrl+Shift+B"
END_KEYS = "Ctrl+Shift+E"
HISTORY_KEYS = "Ctrl+Shift+H"



def _action(window: MainWindow, name: str, text: str, keys: str, tip: str, slot) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(keys))
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot(window))
    window.addAction(action)  # shortcuts work wherever the focus is
    return action


def install(window: MainWindow) -> None:
    """Add the Shift menu, the banner (below the overdue-promise banner) and the status."""
    banner = HandoffBanner(lambda: window.register.shifts, window)
    banner.review_requested.connect(lambda shift_id: review_handoff(window, shift_id))
    layout = window.centralWidget().layout()
    assert isinstance(layout, QVBoxLayout)
    above = getattr(window, "overdue_banner", None)
    index = layout.indexOf(above) + 1 if above is not None else 0
    layout.insertWidget(max(index, 0), banner)
    window.handoff_banner = banner  # type: ignore[attr-defined]

    start = _action(
        window, "action_shift_start", translate("MainWindow", "&Start shift…"), START_KEYS,
        translate("MainWindow", "Sign in and start your shift (Ctrl+Shift+B)"), start_shift)
    end = _action(
        window, "action_shift_end", translate("MainWindow", "&End shift and hand over…"),
        END_KEYS,
        translate("MainWindow", "End the shift and produce the hand-off sheet (Ctrl+Shift+E)"),
        end_shift)
    history = _action(
        window, "action_handoff_history", translate("MainWindow", "Hand-off &history…"),
        HISTORY_KEYS,
        translate("MainWindow", "Past hand-offs; acknowledge one (Ctrl+Shift+H)"),
        open_history)
    menu = QMenu(translate("MainWindow", "Shif&t"), window)
    menu.setObjectName("menu_shift")
    menu.addAction(start)
    menu.addAction(end)
    menu.addSeparator()
    menu.addAction(history)
    bar = window.menuBar()
    settings = bar.findChild(QMenu, "menu_settings")
    if settings is not None:
        bar.insertMenu(settings.menuAction(), menu)
    else:
        bar.addMenu(menu)
    window.act_shift_start = start  # type: ignore[attr-defined]
    window.act_shift_end = end  # type: ignore[attr-defined]
    window.act_handoff_history = history  # type: ignore[attr-defined]

    status = QLabel(window)
    status.setObjectName("shift_status_label")
    window.statusBar().insertPermanentWidget(0, status)
    window.shift_status = status  # type: ignore[attr-defined]
    window.operator_picker.set_pin_check(lambda name: ask_operator_pin(window, name))
    window.operator_picker.operator_changed.connect(lambda _n: refresh(window))
    # F5, edits and filter changes reload the list: re-read the shift state then too (the
    # command line may have ended or acknowledged one meanwhile).
    window.case_list.count_changed.connect(lambda _n: refresh(window))
    attach(window)


def attach(window: MainWindow) -> None:
    """Re-read the window's current register (start-up, after a restore). An operator
    remembered from the last session who has a PIN is not taken on trust: the window
    starts with nobody chosen, and choosing them asks for the PIN."""
    name = window.register.staff.forget_operator_with_pin()
    if name:
        window.operator_picker.reload()
        window.statusBar().showMessage(
            translate("MainWindow", "%1 has a PIN: choose yourself as the operator and "
                                    "enter it").replace("%1", name), 15000)
    refresh(window)


def refresh(window: MainWindow) -> None:
    """Banner and status bar follow the register."""
    banner: HandoffBanner = window.handoff_banner  # type: ignore[attr-defined]
    banner.refresh()
    label: QLabel = window.shift_status  # type: ignore[attr-defined]
    current = window.register.shifts.current()
    if current is None:
        label.setText(translate("MainWindow", "Nobody on shift"))
    else:
        since = local(current.started_at, window.register.shop_tz).strftime("%m-%d %H:%M")
        label.setText(translate("MainWindow", "On shift: %1 since %2").replace("%1", current.staff)
                      .replace("%2", since))


def _after_change(window: MainWindow) -> None:
    window.operator_picker.reload()
    refresh(window)


def start_shift(window: MainWindow) -> ShiftStartDialog:
    """Open the start-shift dialog (non-blocking)."""
    dialog = ShiftStartDialog(window.register.shifts, window.register.staff, window.lang,
                              window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.started.connect(lambda _id: _after_change(window))
    dialog.started.connect(lambda _id: window.statusBar().showMessage(
        translate("MainWindow", "Shift started"), 4000))
    dialog.open()
    return dialog


def end_shift(window: MainWindow) -> EndShiftDialog | None:
    """Open the end-shift dialog (preview, note, hand over); needs an operator."""
    operator = window.operator()
    if not operator:
        window.statusBar().showMessage(translate("MainWindow", "Choose the operator first"), 4000)
        return None
    dialog = EndShiftDialog(window.register.shifts, operator, window.lang, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.ended.connect(lambda _id: _after_change(window))
    dialog.open()
    return dialog


def open_history(window: MainWindow) -> HandoffHistory:
    """Past hand-offs in their own window."""
    view = HandoffHistory(lambda: window.register, window.lang)
    view.acknowledged.connect(lambda _id: _after_change(window))
    view.setParent(window, Qt.WindowType.Window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.setWindowTitle(translate("MainWindow", "Hand-off history"))
    view.resize(1000, 640)
    view.show()
    view.raise_()
    window.handoff_history = view  # type: ignore[attr-defined]
    return view


def review_handoff(window: MainWindow, shift_id: int) -> HandoffReviewDialog:
    """The banner's "review and acknowledge": the sheet with the acknowledge controls."""
    dialog = HandoffReviewDialog(lambda: window.register, shift_id, window.lang, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.pane.acknowledged.connect(lambda _id: _after_change(window))
    dialog.open()
    return dialog


def ask_operator_pin(window: MainWindow, name: str) -> bool:
    """Switching the operator to someone with a PIN asks for it; False keeps the old one."""
    staff = window.register.staff
    if not staff.has_pin(name):
        return True
    title = translate("MainWindow", "Operator PIN")
    prompt = translate("MainWindow", "PIN of %1 (4 digits):").replace("%1", name)
    text, ok = QInputDialog.getText(window, title, prompt, QLineEdit.EchoMode.Password)
    if not ok:
        return False
    try:
        staff.verify_pin(name, text, purpose="operator")
    except PinError as exc:
        QMessageBox.warning(window, title, exc.errors[0].message(window.lang))
        return False
    return True
