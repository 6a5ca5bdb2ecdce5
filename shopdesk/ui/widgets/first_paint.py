"""Run work once a widget has painted for the first time: what the first screen does not
need (counts, indicators) waits until the user sees the window.

Work queued with a zero timer while the window is being built would run before the first
paint (the event loop handles timers queued earlier first); this waits for the paint
itself. A widget that never paints (a window started minimised, or never shown) gets the
work after `fallback_ms` all the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class FirstPaint(QObject):
    """Calls each queued function once, just after `widget` first paints."""

    def __init__(self, widget: QWidget, fallback_ms: int = FALLBACK_MS) -> None:
        super().__init__(widget)
        self._widget = widget
        self._pending: list[Callable[[], None]] = []
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def call(self, work: Callable[[], None]) -> None:
        """Run `work` after the first paint (now, when that has happened already)."""
        if self.done:
            work()
        else:
            self._pending.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._run)  # once this paint is on screen
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self._widget.removeEventFilter(self)
        pending, self._pending = self._pending, []
        for work in pending:
            work()
