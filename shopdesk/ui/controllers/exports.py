"""Export the case list as filtered now (File menu, Ctrl+E)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ...domain.text import pick
from ..save_location import remember_folder, suggested_path
from .host import Host, make_action

EXPORT_KEYS = "Ctrl+E"


class ExportController(QObject):
    """Owns the export action."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_export = make_action(parent, "action_export", self.tr("&Export cases…"),
                                      self.export_current_list, EXPORT_KEYS)

    def export_current_list(self) -> Path | None:
        """Write the list as filtered now to CSV or .xlsx; contact details masked unless
        asked for (a full export is audited)."""
        host = self._host
        title = self.tr("Export cases")
        name = pick(host.lang, "售后案件", "shopdesk-cases") + ".xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self._parent, title, suggested_path(name),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return None
        remember_folder(path)
        if not path.lower().endswith((".csv", ".xlsx")):
            path += ".xlsx"
        answer = QMessageBox.question(
            self._parent, title,
            self.tr("Include full phone numbers, names and addresses?\n\n"
                    "Choose No for a masked export (138****5678). A full export is recorded "
                    "in the audit trail."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        full = answer == QMessageBox.StandardButton.Yes
        from ...services.exports import export_cases  # with the first export

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_cases(host.register.cases, host.case_list.model.query, path,
                                  lang=host.lang, full_contact=full, actor=host.operator())
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._parent, title, str(exc))
            return None
        QApplication.restoreOverrideCursor()
        done = (self.tr("Exported 1 case to %2") if result.count == 1  # English plural
                else self.tr("Exported %1 cases to %2"))
        host.show_message(done.replace("%1", str(result.count))
                          .replace("%2", str(result.path)), 8000)
        return result.path
