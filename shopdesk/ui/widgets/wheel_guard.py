"""Combo boxes and spin boxes take the mouse wheel only when they have the focus.

Otherwise a wheel turned to scroll a panel changes whatever combo passes under the
pointer (a seller once found the script step changed under her). Unfocused, the wheel
event goes on to the parent, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


def guard_widget(widget: QWidget) -> None:
    """Click or Tab gives the focus, the wheel does not (Qt's default is WheelFocus)."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """An application event filter: `install()` it, `remove()` it.

    Every event of the application passes through it, in Python: the window installs it
    once its list has painted, not while it builds (thousands of events at start-up).
    """

    _installed = False
    _removed = False

    def install(self) -> None:
        """Guard the combos and spin boxes that exist already (they were polished before
        the filter was there), then watch the application for the ones made later. Does
        nothing when installed already, or once `remove()`d (a window closed before its
        first paint)."""
        app = QApplication.instance()
        if self._installed or self._removed or not isinstance(app, QApplication):
            return
        self._installed = True
        for widget in app.allWidgets():
            if isinstance(widget, GUARDED):
                guard_widget(widget)
        app.installEventFilter(self)

    def remove(self) -> None:
        """Stop filtering (for good)."""
        self._removed = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            guard_widget(watched)
        elif kind == QEvent.Type.Wheel and isinstance(watched, GUARDED) \
                and not watched.hasFocus():
            # Ignored and filtered: Qt hands the event on to the parent widget.
            event.ignore()
            return True
        return False
