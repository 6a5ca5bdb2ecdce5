"""The reply-script library window (View menu, Ctrl+Shift+S)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from .host import Host, make_action, show_tool_window

if TYPE_CHECKING:  # the library window loads when first opened, not at start
    from ..views.script_library_view import ScriptLibraryView

LIBRARY_KEYS = "Ctrl+Shift+S"


class ScriptController(QObject):
    """Owns the library action."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_scripts = make_action(parent, "action_script_library",
                                       self.tr("Reply-&script library…"), self.open_library,
                                       LIBRARY_KEYS)

    def open_library(self) -> ScriptLibraryView | None:
        """The library in its own window; edits there refresh the case panel's scripts."""
        from ...services.script_catalog import CatalogError  # with the library, not at start

        host = self._host
        try:
            service = host.register.scripts
        except CatalogError as exc:
            QMessageBox.warning(self._parent, "ShopDesk", str(exc))
            return None
        from ..views.script_library_view import ScriptLibraryView

        view = ScriptLibraryView(host.register, service, host.operator)
        view.changed.connect(self._refresh_panel)
        show_tool_window(self._parent, view, self.tr("Reply-script library"), (960, 640))
        return view

    def _refresh_panel(self) -> None:
        self._host.detail.scripts_tab.refresh()  # nothing to do before the tab is made
