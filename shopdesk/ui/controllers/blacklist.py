"""The malicious-buyer list on the main window: View → Malicious-buyer list opens its
window (one at a time); a change there re-reads the list (the blacklisted warning)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from .host import Host, make_action, show_tool_window

if TYPE_CHECKING:  # the window's module loads when it is first opened, not at start
    from ..views.blacklist_view import BlacklistView

WINDOW_SIZE = (980, 560)


class BlacklistController(QObject):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.view: BlacklistView | None = None
        self.act_blacklist = make_action(
            parent, "action_blacklist", self.tr("&Malicious-buyer list…"), self.open_window,
            tip=self.tr("Buyers known to abuse after-sales (malicious reviewers): a new case from "
                        "one is warned"))

    def open_window(self) -> BlacklistView:
        """Open (or raise) the list's window on the current register."""
        from ..views.blacklist_view import BlacklistView

        view = self.view
        if view is not None and view.register is self._host.register and view.isVisible():
            view.reload()
            view.raise_()
            view.activateWindow()
            return view
        if view is not None:
            view.close()
        view = BlacklistView(self._host.register, self._host.operator, self._host.lang)
        view.changed.connect(self._host.refresh)
        view.destroyed.connect(lambda _o=None: self._forget(view))
        show_tool_window(self._parent, view, self.tr("Malicious-buyer list"),
                         WINDOW_SIZE)
        view.activateWindow()  # typing goes straight to the form
        self.view = view
        return view

    def _forget(self, view: BlacklistView) -> None:
        if self.view is view:
            self.view = None
