"""The case panel's reply-scripts tab, which loads the script library when it is needed.

Loading the library (the shipped TOML files and their rule patterns) takes most of a second,
so it is kept off the window's start path: the panel is made the first time the tab shows
or somebody asks for it, or when `preload` has read the library on a worker thread after the
window appeared.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...services.register import Register
from ...services.script_catalog import CatalogError, ScriptCatalog
from ...services.scripts import load_shipped_catalog
from ..tasks import Task, Tasks
from .scripts_panel import ScriptsPanel


class ScriptsTab(QWidget):
    """Holds the `ScriptsPanel` once it is made; emits changed(case id) like the panel."""

    changed = Signal(int)

    def __init__(self, register: Register, operator_provider: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.operator_provider = operator_provider
        self._panel: ScriptsPanel | None = None
        self._made = False
        self._case_id: int | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def loaded(self) -> bool:
        """Whether the panel (or the message saying the library is broken) is made."""
        return self._made

    def panel(self) -> ScriptsPanel | None:
        """The panel, made now if it was not yet; None when the shipped files are broken."""
        self._make()
        return self._panel

    def set_case(self, case_id: int | None) -> None:
        """The (live) case whose scripts to show; remembered until the panel exists."""
        self._case_id = case_id
        if self._panel is not None:
            self._panel.set_case(case_id)

    def refresh(self) -> None:
        """Re-read the library after an edit elsewhere (nothing to do before it is made)."""
        if self._panel is not None:
            self._panel.refresh()

    def preload(self, tasks: Tasks) -> Task | None:
        """Read the library on a worker thread, then make the panel (None if already made)."""
        if self._made:
            return None
        task = tasks.run(lambda _progress, _cancelled: load_shipped_catalog(), "load_scripts")
        task.succeeded.connect(self._adopt)
        # A broken library is reported when the tab is opened, where it can be read.
        return task

    def _adopt(self, catalog: ScriptCatalog) -> None:
        self.register.use_scripts_catalog(catalog)
        self._make()

    def showEvent(self, event: QShowEvent) -> None:
        self._make()
        super().showEvent(event)

    def _make(self) -> None:
        if self._made:
            return
        self._made = True
        try:
            service = self.register.scripts
        except CatalogError as exc:
            # Broken script files must not take the whole case view down with them.
            label = QLabel(self.tr("The reply-script library could not be loaded:\n%1")
                           .replace("%1", str(exc)))
            label.setWordWrap(True)
            self._layout.addWidget(label)
            label.show()  # now, not on the next event loop turn (the tab may be showing)
            return
        panel = ScriptsPanel(self.register, service, self.operator_provider, self)
        panel.changed.connect(self.changed)
        panel.set_case(self._case_id)
        self._layout.addWidget(panel)
        panel.show()
        # Laid out now, not on the next event loop turn: made while the tab is being
        # shown, it must have its size before anything asks for it.
        self._layout.activate()
        self._panel = panel
