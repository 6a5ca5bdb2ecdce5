"""Combo boxes and spin boxes take the mouse wheel only when they have the focus.

Otherwise a wheel turned to scroll a panel changes whatever combo passes under the
pointer (a seller once found the script step changed under her). Unfocused, the wheel
event goes on to the parent, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


def guard_widget(widget: QWidget) -> None:
    """Click or Tab gives the focus, the wheel does not (Qt's default is WheelFocus)."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """An application event filter; install with `app.installEventFilter(guard)`."""

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
