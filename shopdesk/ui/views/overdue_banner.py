"""The red "N promises overdue — show them" banner at the top of the main screen.

An overdue promise to a buyer is the most urgent thing in the register, so the banner
sits above everything else, says how many and which is oldest, and one click (or its
button) filters the list to them. It re-counts on a timer (time alone makes a promise
overdue) and whenever the owner calls refresh() after an edit. Hidden when none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from ...domain.clock import local
from ...domain.errors import NotFoundError
from ...services.promises import PromiseService
from ..widgets.banner import Banner

REFRESH_MS = 30_000
STYLE = ("QFrame#overdue_banner { background: #c62828; border-radius: 4px; }"
         "QFrame#overdue_banner QLabel { color: white; }"
         "QFrame#overdue_banner QPushButton { color: #c62828; background: white;"
         " border: none; border-radius: 3px; padding: 3px 12px; font-weight: bold; }")


class OverdueBanner(Banner):
    """Shows the overdue promise count from `service_provider()`; emits show_requested."""

    show_requested = Signal()

    def __init__(self, service_provider: Callable[[], PromiseService],
                 case_no_of: Callable[[int], str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__("overdue_banner", STYLE, parent, headline_scale=1.1)
        self._service = service_provider
        self._case_no_of = case_no_of
        self.lang = lang
        self.count = 0
        self.button.setText(self.tr("Show them"))
        self.button.setObjectName("overdue_banner_show")
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

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
        oldest = service.oldest_overdue(now)
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

    def activated(self) -> None:
        self.show_requested.emit()
