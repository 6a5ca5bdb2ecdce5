"""An optional due time, edited as wall-clock time in the shop's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from ...domain.clock import local
from .date_time_edit import KeyboardDateTimeEdit


class DueTimeEdit(QWidget):
    """A checkbox (is there a due time?) and a date-time editor.

    The editor holds the shop-local wall-clock digits in a UTC QDateTime: UTC has no
    daylight-saving gaps, so the computer's own zone can never shift or refuse a time.
    """

    def __init__(self, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.enabled_box = QCheckBox(self)
        self.edit = KeyboardDateTimeEdit(self)
        self.edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        self.enabled_box.toggled.connect(self.edit.setEnabled)
        self.setFocusProxy(self.enabled_box)

    def value(self) -> datetime | None:
        """The chosen time as an aware datetime in the shop's zone, or None."""
        if not self.enabled_box.isChecked():
            return None
        qdt = self.edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(),
                        tzinfo=ZoneInfo(self.tz))

    def set_value(self, at: datetime | None, *, fallback: datetime | None = None) -> None:
        """Show `at` (checked), or `fallback` (unchecked) when there is no due time."""
        shown = at or fallback
        if shown is not None:
            w = local(shown, self.tz)
            self.edit.setDateTime(QDateTime(QDate(w.year, w.month, w.day),
                                            QTime(w.hour, w.minute),
                                            QTimeZone(QTimeZone.Initialization.UTC)))
        self.enabled_box.setChecked(at is not None)
        self.edit.setEnabled(at is not None)
