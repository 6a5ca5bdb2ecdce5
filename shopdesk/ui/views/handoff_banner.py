"""The "hand-off not acknowledged yet" banner at the top of the main window.

Shown at start-up (and after any change) while a hand-off has not been acknowledged: the
oldest such, who handed over when, its headline numbers, how many more wait after it,
and "Review and acknowledge".
Sits below the red overdue-promise banner: an overdue promise is more urgent still.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ...domain.clock import local
from ...services.shifts import ShiftService
from ..widgets.banner import Banner

STYLE = ("QFrame#handoff_banner { background: #fff3cd; border: 1px solid #e0b000;"
         " border-radius: 4px; }"
         "QFrame#handoff_banner QLabel { color: #4a3b00; }"
         "QFrame#handoff_banner QPushButton { background: #1f3a5f; color: white;"
         " border: none; border-radius: 3px; padding: 3px 12px; font-weight: bold; }")


class HandoffBanner(Banner):
    """Shows the pending hand-off from `service_provider()`; emits review_requested(id)."""

    review_requested = Signal(int)

    def __init__(self, service_provider: Callable[[], ShiftService],
                 parent: QWidget | None = None) -> None:
        super().__init__("handoff_banner", STYLE, parent)
        self._service = service_provider
        self.pending_id: int | None = None
        self.button.setText(self.tr("Review and acknowledge"))
        self.button.setObjectName("handoff_banner_review")

    def refresh(self) -> None:
        """Show the oldest hand-off nobody has acknowledged (and how many more wait after
        it); hide when all are acknowledged."""
        service = self._service()
        waiting = service.pending_all()
        pending = waiting[0] if waiting else None
        self.pending_id = pending.id if pending else None
        if pending is None:
            self.hide()
            return
        ended = local(pending.ended_at, service.shop_tz).strftime(  # type: ignore[arg-type]
            "%m-%d %H:%M")
        text = (self.tr("Hand-off from %1 (%2) not acknowledged")
                .replace("%1", pending.staff).replace("%2", ended))
        if len(waiting) > 1:
            text += self.tr(" — and %1 later ones").replace("%1", str(len(waiting) - 1))
        self.label.setText(text)
        c = pending.counts
        self.detail.setText(self.tr("%1 open cases, %2 promises overdue, %3 due next shift")
                            .replace("%1", str(c.get("open", 0)))
                            .replace("%2", str(c.get("promises_overdue", 0)))
                            .replace("%3", str(c.get("promises_next", 0))))
        self.setToolTip(self.tr("Click to read the hand-off sheet and acknowledge it"))
        self.show()

    def activated(self) -> None:
        if self.pending_id is not None:
            self.review_requested.emit(self.pending_id)
