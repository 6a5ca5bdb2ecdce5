"""Promises on the main window: the overdue banner, the list's promise column, and the
"new promise" command (Ctrl+Shift+N) on the selected case.

`install(window)` runs once when the window is built; `attach(window)` again after the
window switches register (a restore), so nothing keeps the old register's database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QVBoxLayout

from ..domain.errors import NotFoundError
from ..services.quick_filters import QuickFilter
from .dialogs.promise_dialog import PromiseDialog
from .models.case_table import column_of
from .views.overdue_banner import OverdueBanner
from .window_state import HEADER

if TYPE_CHECKING:
    from .main_window import MainWindow

NEW_PROMISE_KEYS = "Ctrl+Shift+N"
# Set once the promise column has been placed for this user (see _place_promise_column).
PROMISE_COLUMN_PLACED = "caseTable/promiseColumnPlaced"


def install(window: MainWindow) -> None:
    """Add the banner above everything in the central area, the menu action, and hooks."""
    banner = OverdueBanner(lambda: window.register.promises,
                           lambda case_id: window.register.cases.get(
                               case_id, include_deleted=True).case_no,
                           window.lang, window)
    banner.show_requested.connect(lambda: show_overdue(window))
    layout = window.centralWidget().layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(0, banner)
    window.overdue_banner = banner  # type: ignore[attr-defined]
    # Any reload of the list follows an edit, a filter change or F5: re-count then too.
    window.case_list.count_changed.connect(lambda _n: banner.refresh())

    action = QAction(QCoreApplication.translate("MainWindow", "New &promise…"), window)
    action.setObjectName("action_new_promise")
    action.setShortcut(QKeySequence(NEW_PROMISE_KEYS))
    tip = QCoreApplication.translate(
        "MainWindow", "Record a promise made to the buyer of the selected case (Ctrl+Shift+N)")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: new_promise(window))
    window.addAction(action)  # the shortcut works wherever the focus is in the window
    menu = window.menuBar().findChild(QMenu, "menu_cases")
    if menu is not None:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, action)
    window.act_new_promise = action  # type: ignore[attr-defined]
    _place_promise_column(window)
    attach(window)


def _place_promise_column(window: MainWindow) -> None:
    """Once per user: a header state saved before the promise column existed restores it
    as the last column, off screen at 1366 px. Put it beside the status, as a fresh
    install shows it; wherever the user moves it afterwards is left alone."""
    settings = window.settings
    if settings.value(PROMISE_COLUMN_PLACED, False, type=bool):
        return
    header = window.case_list.table.horizontalHeader()
    promise = header.visualIndex(column_of("promise"))
    # Appended last on restore; only columns added after it (platform status) may follow.
    after = {header.logicalIndex(v) for v in range(promise + 1, header.count())}
    if after <= {column_of("platform_status")}:
        header.moveSection(promise, header.visualIndex(column_of("status")) + 1)
        # Saved with the flag, not only at close: a window killed before closing would
        # otherwise keep the flag but the old header, and the column stayed off screen.
        settings.setValue(HEADER, header.saveState())
    settings.setValue(PROMISE_COLUMN_PLACED, True)


def attach(window: MainWindow) -> None:
    """Point the promise column at the window's current register and re-count."""
    window.case_list.model.set_promise_source(window.register.promises)
    banner: OverdueBanner = window.overdue_banner  # type: ignore[attr-defined]
    banner.refresh()


def show_overdue(window: MainWindow) -> None:
    """Filter the list to cases with overdue promises, longest overdue first (the banner's
    click)."""
    window.filter_bar.set_quick(QuickFilter.PROMISE_OVERDUE)
    window.case_list.table.sortByColumn(column_of("promise"), Qt.SortOrder.AscendingOrder)
    window.case_list.table.setFocus()


def new_promise(window: MainWindow) -> PromiseDialog | None:
    """Open the new-promise dialog on the selected case; returns it (None: nothing chosen)."""
    case_id = window.case_list.current_id()
    if case_id is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Select a case first"), 4000)
        return None
    try:
        case = window.register.cases.get(case_id)
    except NotFoundError:  # in the trash (or purged meanwhile): nothing to promise on
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "This case is in the trash; restore it to record a promise"), 4000)
        return None
    detail = window.detail
    panel = getattr(detail, "promises_panel", None)
    if panel is not None and getattr(detail, "current_case_id", None) == case_id:
        detail.tabs.setCurrentWidget(panel)
        return panel.new_promise()
    # No promises panel (read-only stand-in detail): the dialog on its own.
    operator = window.operator()
    if not operator:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Choose the operator first"), 4000)
        return None
    dialog = PromiseDialog(window.register.promises, case_id, case.case_no, operator, window,
                           lang=window.lang)
    dialog.made.connect(lambda _pid: window.refresh())
    dialog.open()
    return dialog
