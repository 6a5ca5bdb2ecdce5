"""Menu commands that open the feature windows: call policy, call compliance, may-call list,
script library, import and export. Kept out of main_window.py so the window stays a thin shell."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMessageBox, QWidget

from ..services.exports import export_cases
from ..services.script_catalog import CatalogError
from .dialogs.policy_dialog import PolicyDialog
from .save_location import remember_folder, suggested_path
from .views.call_compliance import CallComplianceView
from .views.may_call_list import MayCallList
from .views.script_library_view import ScriptLibraryView

if TYPE_CHECKING:
    from .main_window import MainWindow


def _tool_window(window: MainWindow, widget: QWidget, title: str, size: tuple[int, int]) -> None:
    """Show `widget` as its own non-modal window that closes with the main one."""
    widget.setParent(window, Qt.WindowType.Window)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.setWindowTitle(title)
    widget.resize(*size)
    widget.show()
    widget.raise_()


def open_policy(window: MainWindow) -> None:
    dialog = PolicyDialog(window.register.calls, window.operator(), window, lang=window.lang)
    dialog.saved.connect(window.detail.refresh)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def open_compliance(window: MainWindow) -> None:
    view = CallComplianceView(window.register.calls, lang=window.lang)
    title = QCoreApplication.translate("MainWindow", "Call compliance")
    _tool_window(window, view, title, (900, 560))


def open_script_library(window: MainWindow) -> None:
    try:
        service = window.register.scripts
    except CatalogError as exc:
        QMessageBox.warning(window, "ShopDesk", str(exc))
        return
    view = ScriptLibraryView(window.register, service, window.operator)
    panel = getattr(window.detail, "scripts_panel", None)
    if panel is not None:
        view.changed.connect(panel.refresh)
    title = QCoreApplication.translate("MainWindow", "Reply-script library")
    _tool_window(window, view, title, (960, 640))


def build_may_call_dock(window: MainWindow) -> QDockWidget:
    """The 'may call now' list as a dock on the main screen (View menu toggles it)."""
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "May call now"), window)
    dock.setObjectName("dock_may_call")
    dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                         | Qt.DockWidgetArea.LeftDockWidgetArea
                         | Qt.DockWidgetArea.RightDockWidgetArea)
    attach_may_call_list(window, dock)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()  # 1366x768 is tight: shown when asked for, and remembered with the layout
    return dock


def attach_may_call_list(window: MainWindow, dock: QDockWidget) -> MayCallList:
    """(Re)build the list on the window's current register (also after a restore)."""
    old = dock.widget()
    listing = MayCallList(window.register.calls)
    listing.case_selected.connect(window.open_case_by_id)
    dock.setWidget(listing)
    if old is not None:
        old.deleteLater()
    dock.visibilityChanged.connect(lambda visible: visible and listing.refresh())
    return listing


def export_current_list(window: MainWindow) -> Path | None:
    """Write the list as filtered now to CSV or .xlsx; contact details masked unless asked."""
    title = QCoreApplication.translate("MainWindow", "Export cases")
    path, _filter = QFileDialog.getSaveFileName(
        window, title, suggested_path("shopdesk-cases.xlsx"),
        QCoreApplication.translate("MainWindow", "Excel workbook (*.xlsx);;CSV (*.csv)"))
    if not path:
        return None
    remember_folder(path)
    if not path.lower().endswith((".csv", ".xlsx")):
        path += ".xlsx"
    answer = QMessageBox.question(
        window, title,
        QCoreApplication.translate(
            "MainWindow", "Include full phone numbers, names and addresses?\n\n"
            "Choose No for a masked export (138****5678). A full export is recorded in "
            "the audit trail."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    full = answer == QMessageBox.StandardButton.Yes
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = export_cases(window.register.cases, window.case_list.model.query, path,
                              lang=window.lang, full_contact=full, actor=window.operator())
    except OSError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(window, title, str(exc))
        return None
    QApplication.restoreOverrideCursor()
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Exported %1 cases to %2")
        .replace("%1", str(result.count)).replace("%2", str(result.path)), 8000)
    return result.path
