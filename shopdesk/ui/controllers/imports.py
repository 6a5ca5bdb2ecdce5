"""Import a platform export (File menu, Ctrl+I): the import dialog over the window, its
work on the window's writer thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from .host import Host, make_action, require_operator

if TYPE_CHECKING:  # the dialog (and the importers behind it) loads on first use
    from ..dialogs.import_dialog import ImportDialog
    from ..dialogs.import_history_dialog import ImportHistoryDialog

IMPORT_KEYS = "Ctrl+I"


class ImportController(QObject):
    """Owns the import and import history actions."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_import = make_action(parent, "action_import",
                                      self.tr("&Import platform export…"), self.open_dialog,
                                      IMPORT_KEYS)
        self.act_history = make_action(parent, "action_import_history",
                                       self.tr("Import &history…"), self.open_history)

    def open_dialog(self, path: str | Path | None = None) -> ImportDialog | None:
        """Show the dialog (modal), then refresh the list to show what was imported. Asks
        for the operator first (the import records who made it): with the modal dialog
        open the toolbar cannot be reached, and the import would fail at its last click."""
        from ..dialogs.import_dialog import ImportDialog

        host = self._host
        operator = require_operator(host, self._parent)
        if not operator:
            return None
        dialog = ImportDialog(host.register, operator, host.tasks, self._parent, path)
        dialog.exec()
        host.refresh()
        return dialog

    def open_history(self) -> ImportHistoryDialog:
        """Show the import history (modal)."""
        from ..dialogs.import_history_dialog import ImportHistoryDialog

        dialog = ImportHistoryDialog(self._host.register, self._parent)
        dialog.exec()
        return dialog
