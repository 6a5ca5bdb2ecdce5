"""A date-time box for the keyboard: Tab moves on, typing replaces the whole value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget


class KeyboardDateTimeEdit(QDateTimeEdit):
    """Qt's QDateTimeEdit spends Tab on its sections (year, month, day, hour, minute: five
    Tabs to pass one field) and, entered with Shift+Tab, puts typed digits in the minutes.
    Here Tab and Shift+Tab leave the field (Left/Right still move between sections), and a
    field entered from the keyboard starts at its first section, so "202612041500" typed
    fills the date and time in order."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason,
                              Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            self.setSelectedSection(self.sectionAt(0))  # selected: typing replaces it
