"""Shift+Tab from one widget straight back to another (the window's focus chain would take
it elsewhere): the pair to CaseTable.tab_target, so Tab and Shift+Tab walk the same way
between the case list and the case panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class BackTabTo(QObject):
    """An event filter: Shift+Tab on the watched widget focuses `target()`."""

    def __init__(self, target: Callable[[], QWidget | None], parent: QObject) -> None:
        super().__init__(parent)
        self._target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Backtab:
            target = self._target()
            if target is not None and target.isVisible() and target.isEnabled():
                target.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
        return super().eventFilter(watched, event)
