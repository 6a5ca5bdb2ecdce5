"""Complaint analysis on the main window: View → Complaint analysis opens its window."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..dialogs.analysis_dialog import AnalysisDialog
from .host import Host, make_action


class AnalysisController(QObject):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.dialog: AnalysisDialog | None = None
        self.act_analysis = make_action(
            parent, "action_analysis", self.tr("Complaint &analysis…"), self.open_dialog,
            tip=self.tr("Which causes bring most complaints (Pareto), by period and "
                        "dimension"))

    def open_dialog(self) -> AnalysisDialog:
        """Open (or raise) the analysis window on the current register."""
        if self.dialog is not None and self.dialog.register is self._host.register:
            self.dialog.reload()
        else:
            if self.dialog is not None:
                self.dialog.close()
            self.dialog = AnalysisDialog(self._host.register, self._host.lang, self._parent)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
