"""Files dropped on the case view land in its evidence panel (views/evidence_panel.py)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .evidence_panel import EvidencePanel


def local_files(urls: Iterable[QUrl]) -> list[Path]:
    """The local files among dropped URLs (web links and the like are ignored)."""
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile()]


_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


class DropForwarder(QObject):
    """Lets files dropped anywhere on another widget (the case view) land in the panel.

    Qt hands a drop to the widget under the cursor that takes drops itself, and only
    passes it up when that widget refuses: a text box (the note box's viewport, a line
    edit) would take a dropped file as its path in text. So the text boxes inside the
    root are watched too; there only local files are taken, plain text stays theirs.
    """

    def __init__(self, panel: EvidencePanel, root: QWidget) -> None:
        super().__init__(panel)
        self.panel = panel
        self.root = root
        root.installEventFilter(self)
        self.watch_text_boxes()
        # The root may still be under construction (its pages not parented yet).
        QTimer.singleShot(0, self, self.watch_text_boxes)

    def watch_text_boxes(self) -> None:
        """Watch every widget inside the root that takes drops itself (idempotent: Qt
        installs one filter once per object)."""
        for widget in self.root.findChildren(QWidget):
            if widget.acceptDrops() and widget is not self.panel:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.root and kind == QEvent.Type.Show:
            self.watch_text_boxes()  # widgets built since, e.g. a rebuilt tab
            return False
        if kind not in _DRAG_EVENTS:
            return False
        files = local_files(event.mimeData().urls())  # type: ignore[attr-defined]
        if watched is not self.root and not files:
            return False  # plain text (or a web link) dropped on a text box: typed there
        if kind == QEvent.Type.Drop:
            self.panel.dropEvent(event)  # type: ignore[arg-type]
            return True
        self.panel.dragEnterEvent(event)  # type: ignore[arg-type]
        # A file over a text box is never the box's: refused here if the panel refuses.
        return True if watched is not self.root else event.isAccepted()
