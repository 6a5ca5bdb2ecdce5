"""The dispute summary on the main window: "Print dispute summary" (Ctrl+P, Cases menu)
and the case panel's Print button open the summary dialog on the chosen case(s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from .host import Host, make_action, window_wide

if TYPE_CHECKING:  # the dialog (and Qt's print module) loads on first use, not at start
    from ..dialogs.summary_dialog import SummaryDialog

PRINT_KEYS = QKeySequence.StandardKey.Print  # Ctrl+P (Cmd+P on macOS)


class SummaryController(QObject):
    """Owns the print action; `attach()` connects the case panel's button."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_print_summary = make_action(
            parent, "action_print_summary", self.tr("Print &dispute summary…"),
            self.open_dialog, PRINT_KEYS,
            self.tr("Print or save the dispute summary of the selected cases (Ctrl+P)"))
        window_wide(parent, self.act_print_summary)

    def attach(self) -> None:
        """Connect the case panel's Print button (the panel is rebuilt after a restore)."""
        self._host.detail.print_requested.connect(self.print_shown_case)

    def print_shown_case(self) -> SummaryDialog | None:
        """The case panel's button: the case on screen."""
        case_id = self._host.detail.current_case_id
        return self.open_dialog([case_id] if case_id is not None else None)

    def open_dialog(self, case_ids: list[int] | None = None) -> SummaryDialog | None:
        """Open the summary dialog on `case_ids`, else the list's selection (else its
        current case). Returns the dialog, or None when no case is chosen."""
        host = self._host
        if case_ids is None:
            shown = host.detail.current_case_id
            focus = QApplication.focusWidget()
            if shown is not None and focus is not None and host.detail.isAncestorOf(focus):
                # Ctrl+P from inside the case panel (its evidence, its notes): that case,
                # which a link or a new case may have put there without selecting it.
                case_ids = [shown]
            else:
                case_ids = host.case_list.selected_ids()
                current = host.case_list.current_id()
                if not case_ids and current is not None:
                    case_ids = [current]
                if not case_ids and shown is not None:
                    case_ids = [shown]
        if not case_ids:
            host.show_message(self.tr("Select a case first"), 4000)
            return None
        from ..dialogs.summary_dialog import SummaryDialog

        dialog = SummaryDialog(host.register, list(case_ids), host.operator(), host.tasks,
                               self._parent, lang=host.lang)
        dialog.open()
        return dialog
