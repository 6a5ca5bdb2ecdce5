"""Follow-ups on the main window: View → Follow-ups… (Ctrl+Shift+U) opens the queue, and a
small status-bar button says how many are due (hidden when none: no banner)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from .host import Host, make_action, window_wide

if TYPE_CHECKING:  # the queue's module loads when it is first opened, not at start
    from ..dialogs.followup_queue import FollowupQueueDialog

FOLLOWUPS_KEYS = "Ctrl+Shift+U"


class FollowupController(QObject):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.dialog: FollowupQueueDialog | None = None
        self.act_followups = make_action(
            parent, "action_followups", self.tr("&Follow-ups…"), self.open_queue,
            FOLLOWUPS_KEYS,
            self.tr("Follow-ups after resolution, by due date (Ctrl+Shift+U)"))
        window_wide(parent, self.act_followups)
        # A link in a label, not a button: as tall as the status bar's other texts, so the
        # window's minimum height does not grow when follow-ups fall due.
        self.indicator = QLabel(parent)
        self.indicator.setObjectName("followups_indicator")
        self.indicator.setTextFormat(Qt.TextFormat.RichText)
        self.indicator.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.indicator.setToolTip(self.tr("Follow-ups due now: open the queue "
                                          "(Ctrl+Shift+U)"))
        self.indicator.linkActivated.connect(lambda _link: self.open_queue(due_only=True))
        self.indicator.hide()
        host.case_list.count_changed.connect(lambda _n: self.refresh())

    def attach(self) -> None:
        """Follow the window's current register (after a restore too)."""
        if self.dialog is not None and self.dialog.register is not self._host.register:
            self.dialog.close()
            self.dialog = None
        self.refresh()

    def refresh(self) -> None:
        """Re-count what is due (cheap: one indexed count)."""
        register = self._host.register
        if not register.is_open:
            return
        count = register.followups.due_count()
        text = self.tr("Follow-ups due: %1").replace("%1", str(count))
        self.indicator.setText(f'<a href="followups" style="color: #b00020;">{text}</a>')
        self.indicator.setVisible(count > 0)

    def open_queue(self, due_only: bool = False) -> FollowupQueueDialog:
        """Open (or raise) the queue on the current register."""
        if self.dialog is None:
            from ..dialogs.followup_queue import FollowupQueueDialog

            self.dialog = FollowupQueueDialog(self._host.register, self._host.lang,
                                              self._host.operator, self._parent)
            self.dialog.open_case.connect(self._host.open_case_by_id)
            self.dialog.changed.connect(self._changed)
        if due_only:
            self.dialog.due_only.setChecked(True)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _changed(self, _case_id: int) -> None:
        self._host.refresh()
        self._host.after_change()
        self.refresh()
