"""The "print dispute summary" command on the main window (Ctrl+P, Cases menu) and the
case panel's Print button: opens the summary dialog on the selected case(s).

`install(window)` runs once when the window is built; `attach(window)` again after the
window replaced its case panel (a restore), so the new panel's button is connected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from .dialogs.summary_dialog import SummaryDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

PRINT_KEYS = QKeySequence.StandardKey.Print  # Ctrl+P (Cmd+P on macOS)


def install(window: MainWindow) -> None:
    """Add the action to the Cases menu and the window (so its shortcut works anywhere)."""
    action = QAction(QCoreApplication.translate("MainWindow", "&Print dispute summary…"),
                     window)
    action.setObjectName("action_print_summary")
    action.setShortcut(QKeySequence(PRINT_KEYS))
    tip = QCoreApplication.translate(
        "MainWindow", "Print or save the dispute summary of the selected cases (Ctrl+P)")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: open_summary_dialog(window))
    window.addAction(action)
    menu = window.menuBar().findChild(QMenu, "menu_cases")
    if menu is not None:
        menu.addSeparator()
        menu.addAction(action)
    window.act_print_summary = action  # type: ignore[attr-defined]
    attach(window)


def attach(window: MainWindow) -> None:
    """Connect the case panel's Print button (the panel is rebuilt after a restore)."""
    button = getattr(window.detail, "print_button", None)
    if button is not None:
        button.clicked.connect(lambda _checked=False: print_shown_case(window))


def print_shown_case(window: MainWindow) -> SummaryDialog | None:
    """The case panel's button: the case on screen."""
    case_id = getattr(window.detail, "current_case_id", None)
    return open_summary_dialog(window, [case_id] if case_id is not None else None)


def open_summary_dialog(window: MainWindow,
                        case_ids: list[int] | None = None) -> SummaryDialog | None:
    """Open the summary dialog on `case_ids`, else the list's selection (else its current
    case). Returns the dialog, or None when no case is chosen."""
    if case_ids is None:
        case_ids = window.case_list.selected_ids()
        if not case_ids and window.case_list.current_id() is not None:
            case_ids = [window.case_list.current_id()]
    if not case_ids:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Select a case first"), 4000)
        return None
    dialog = SummaryDialog(window.register, list(case_ids), window.operator(), window,
                           lang=window.lang)
    dialog.open()
    return dialog
