"""Phone calls on the main window: the call policy (Settings menu), the call compliance
report and the "may call now" dock (View menu, Ctrl+Shift+P)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from .host import Host, make_action, show_tool_window

if TYPE_CHECKING:  # the dock's list, the policy dialog and the report load when first shown
    from ..dialogs.policy_dialog import PolicyDialog
    from ..views.call_compliance import CallComplianceView
    from ..views.may_call_list import MayCallList

MAY_CALL_KEYS = "Ctrl+Shift+P"


class CallController(QObject):
    """Owns the policy and compliance actions and the may-call dock."""

    def __init__(self, host: Host, parent: QMainWindow) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_policy = make_action(parent, "action_call_policy",
                                      self.tr("Phone-call &policy…"), self.open_policy)
        self.act_compliance = make_action(parent, "action_call_compliance",
                                          self.tr("Call &compliance…"), self.open_compliance)
        self.dock = QDockWidget(self.tr("May call now"), parent)
        self.dock.setObjectName("dock_may_call")
        self.dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                                  | Qt.DockWidgetArea.LeftDockWidgetArea
                                  | Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.visibilityChanged.connect(self._dock_visibility)
        parent.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()  # 1366x768 is tight: shown when asked for, remembered with the layout
        self.act_may_call = self.dock.toggleViewAction()
        self.act_may_call.setObjectName("action_may_call")
        self.act_may_call.setShortcut(QKeySequence(MAY_CALL_KEYS))
        self.may_call_list: MayCallList | None = None

    def attach(self) -> None:
        """Follow the window's current register: the list is made again for it when the
        dock shows (at once if it is showing). The dock starts hidden, so the call policy
        and its list load when the dock is first opened, not at start."""
        old = self.dock.widget()
        self.may_call_list = None
        if old is not None:
            self.dock.setWidget(None)  # type: ignore[arg-type]
            old.deleteLater()
        if self.dock.isVisible():
            self.listing()

    def listing(self) -> MayCallList:
        """The may-call list on the current register (made on first use)."""
        if self.may_call_list is None:
            from ..views.may_call_list import MayCallList

            host = self._host
            # Worked out on a connection of its own, off the UI thread (15 s at 1M cases).
            listing = MayCallList(host.register.calls, lang=host.lang, tasks=host.tasks,
                                  open_reader=lambda: host.register.open_second())
            listing.case_selected.connect(self._host.open_case_by_id)
            self.dock.setWidget(listing)
            self.may_call_list = listing
        return self.may_call_list

    def _dock_visibility(self, visible: bool) -> None:
        if visible:
            self.listing().refresh()

    def open_policy(self) -> PolicyDialog:
        from ..dialogs.policy_dialog import PolicyDialog

        host = self._host
        dialog = PolicyDialog(host.register.calls, host.operator(), self._parent,
                              lang=host.lang)
        # The case panel is looked up when saved: a restore may have replaced it meanwhile.
        dialog.saved.connect(lambda: host.detail.refresh())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_compliance(self) -> CallComplianceView:
        from ..views.call_compliance import CallComplianceView

        view = CallComplianceView(self._host.register.calls, lang=self._host.lang)
        show_tool_window(self._parent, view, self.tr("Call compliance"), (900, 560))
        return view
