"""The red "N promises overdue — show them" banner at the top of the main screen.

An overdue promise to a buyer is the most urgent thing in the register, so the banner
sits above everything else, says how many and which is oldest, and one click (or its
button) filters the list to them. It re-counts on a timer (time alone makes a promise
overdue) and whenever the owner calls refresh() after an edit. Hidden when none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ...domain.clock import local
from ...domain.errors import NotFoundError
from ...services.promises import PromiseService

REFRESH_MS = 30_000
STYLE = ("QFrame#overdue_banner { background: #c62828; border-radius: 4px; }"
         "QFrame#overdue_banner QLabel { color: white; }"
         "QFrame#overdue_banner QPushButton { color: #c62828; background: white;"
         " border: none; border-radius: 3px; padding: 3px 12px; font-weight: bold; }")


class OverdueBanner(QFrame):
    """Shows the overdue promise count from `service_provider()`; emits show_requested."""

    show_requested = Signal()

    def __init__(self, service_provider: Callable[[], PromiseService],
                 case_no_of: Callable[[int], str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service_provider
        self._case_no_of = case_no_of
        self.lang = lang
        self.count = 0
        self.setObjectName("overdue_banner")
        self.setStyleSheet(STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label = QLabel(self)
        self.label.setObjectName("overdue_banner_text")
        font = self.label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.label.setFont(font)
        self.detail = QLabel(self)
        self.detail.setObjectName("overdue_banner_detail")
        # A long promise text is cut, never allowed to widen the main window.
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self.tr("Show them"), self)
        self.button.setObjectName("overdue_banner_show")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.show_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label)
        layout.addSpacing(12)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.hide()

    def refresh(self) -> None:
        """Re-count overdue promises now (by the register's clock); hide when none."""
        service = self._service()
        now = service.clock.now()
        count = service.overdue_count(now)
        self.count = count
        if not count:
            self.hide()
            return
        self.label.setText(self.tr("%1 promises to buyers are overdue").replace(
            "%1", str(count)) if count != 1 else self.tr("1 promise to a buyer is overdue"))
        self.detail.setText(self._oldest_text(service, now))
        self.setToolTip(self.tr("Click to list the cases with overdue promises"))
        self.show()

    def _oldest_text(self, service: PromiseService, now: datetime) -> str:
        """'Oldest: SD-… 回电 · due 11-23 11:00' for the longest-overdue promise."""
        oldest = next(iter(service.overdue(now)), None)
        if oldest is None:
            return ""
        try:
            case_no = self._case_no_of(oldest.case_id)
        except NotFoundError:
            case_no = ""
        due = local(oldest.due_at, service.shop_tz).strftime("%m-%d %H:%M")
        what = oldest.describe(self.lang)
        what = what if len(what) <= 40 else what[:39] + "…"
        return (self.tr("Oldest: %1 %2 · due %3").replace("%1", case_no)
                .replace("%2", what).replace("%3", due))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.show_requested.emit()
            event.accept()
            return
        super().mousePressEvent(event)
