"""The case header's call light: may this buyer be phoned now, and if not, until when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain.call_policy import CallDecision
from ...domain.clock import local
from ...domain.errors import NotFoundError
from ...services.calls import PREPARATION_CODES, CallService

REFRESH_MS = 30_000
GREEN, AMBER, RED, GREY = "#2e7d32", "#a15c00", "#c62828", "#757575"
_STYLE = ("QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg}; "
          "border-radius: 4px; padding: 4px 8px; }}")
_BACKGROUND = {GREEN: "#e8f5e9", AMBER: "#fff4e0", RED: "#fdecea", GREY: "#f2f2f2"}


def label_style(colour: str) -> str:
    return _STYLE.format(fg=colour, bg=_BACKGROUND[colour])


class CallTexts(QObject):
    """Translated phrases the call widgets share (one lupdate context)."""

    def countdown(self, span: timedelta) -> str:
        minutes = max(0, int(span.total_seconds() + 59) // 60)  # round up: never "in 0 min"
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            return self.tr("in %1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
        if hours:
            return self.tr("in %1 h %2 min").replace("%1", str(hours)).replace("%2", str(mins))
        return self.tr("in %1 min").replace("%1", str(mins))

    def reasons(self, decision: CallDecision, lang: str) -> str:
        sep = ", " if lang.startswith("en") else "、"
        return sep.join(r.code.label(lang) for r in decision.reasons)

    def status(self, decision: CallDecision, now: datetime, shop_tz: str,
               lang: str) -> tuple[str, str]:
        """(text, colour) for a decision, times in the shop's zone."""
        left = min(decision.remaining_24h, decision.remaining_case)
        if decision.allowed or decision.codes <= PREPARATION_CODES:
            text = self.tr("May call now (%1 left)").replace("%1", str(left))
            if not decision.allowed:
                text += " — " + self.tr("fill in the pre-call checklist first")
            return text, GREEN
        reasons = self.reasons(decision, lang)
        nxt = decision.next_slot_at
        if nxt is None:
            return self.tr("Cannot call: %1").replace("%1", reasons), RED
        stamp = local(nxt, shop_tz)
        when = stamp.strftime("%H:%M" if stamp.date() == local(now, shop_tz).date()
                              else "%m-%d %H:%M")
        text = (self.tr("Cannot call now: %1 — next possible: %2 (%3)")
                .replace("%1", reasons).replace("%2", when)
                .replace("%3", self.countdown(nxt - now)))
        return text, AMBER if decision.overridable else RED

    def details(self, decision: CallDecision, lang: str) -> str:
        """The full reasons and the buyer's clock, for a tooltip or a panel."""
        lines = [r.message(lang) for r in decision.reasons]
        lines += [w.message(lang) for w in decision.warnings]
        lines.append(self.tr("Buyer's local time: %1")
                     .replace("%1", f"{decision.buyer_local_time:%Y-%m-%d %H:%M} "
                                    f"({decision.buyer_tz})"))
        return "\n".join(lines)


class CallIndicator(QWidget):
    """Shows whether the case's buyer may be called; "Log call" opens the call dialog.

    Emits call_logged(case id) after a call was written.
    """

    call_logged = Signal(int)

    def __init__(self, calls: CallService, operator_provider: Callable[[], str],
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.calls = calls
        self.operator_provider = operator_provider
        self.lang = lang
        self.texts = CallTexts(self)
        self.case_id: int | None = None
        self.decision: CallDecision | None = None
        self.state = "none"  # none | no_phone | allowed | soft | hard: for tests and styling
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.log_button = QPushButton(self.tr("Log call"))
        self.log_button.setToolTip(self.tr("Record a phone call with this buyer"))
        self.log_button.clicked.connect(self.open_log_dialog)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.log_button)
        self.buyer_button = QPushButton(self.tr("Buyer…"))
        self.buyer_button.setToolTip(self.tr("The buyer's time zone and do-not-call flag"))
        self.buyer_button.clicked.connect(self.open_buyer_dialog)
        layout.addWidget(self.buyer_button)
        # The window opens and closes as time passes; a minute-level countdown needs this.
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.set_case(None)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        """Re-evaluate the policy for the shown case at the clock's now."""
        self.decision = None
        if self.case_id is None:
            self._show(self.tr("No case selected"), GREY, "none")
            return
        try:
            case = self.calls.case(self.case_id)
        except NotFoundError:  # purged from the trash while shown
            self.case_id = None
            self._show(self.tr("No case selected"), GREY, "none")
            return
        if not case.buyer_phone:
            self._show(self.tr("No phone number on this case"), GREY, "no_phone")
            return
        now = self.calls.clock.now()
        self.decision = self.calls.can_call(self.case_id, now)
        text, colour = self.texts.status(self.decision, now, self.calls.shop_tz, self.lang)
        state = {GREEN: "allowed", AMBER: "soft"}.get(colour, "hard")
        self._show(text, colour, state)
        self.label.setToolTip(self.texts.details(self.decision, self.lang))

    def _show(self, text: str, colour: str, state: str) -> None:
        self.state = state
        self.label.setText(text)
        self.label.setStyleSheet(label_style(colour))
        self.label.setToolTip("")
        self.log_button.setEnabled(state not in ("none", "no_phone"))
        self.buyer_button.setEnabled(state not in ("none", "no_phone"))

    def open_log_dialog(self) -> None:
        from ..dialogs.log_call_dialog import LogCallDialog

        if self.case_id is None:
            return
        dialog = LogCallDialog(self.calls, self.case_id, self.operator_provider(), self,
                               lang=self.lang)
        dialog.logged.connect(self._logged)
        dialog.open()
        self.dialog = dialog  # kept for tests and so it is not collected while open

    def open_buyer_dialog(self) -> None:
        from ..dialogs.buyer_call_dialog import BuyerCallDialog

        if self.case_id is None:
            return
        dialog = BuyerCallDialog(self.calls, self.case_id, self.operator_provider(), self,
                                 lang=self.lang)
        dialog.saved.connect(self._logged)
        dialog.open()
        self.dialog = dialog

    def _logged(self, case_id: int) -> None:
        self.refresh()
        self.call_logged.emit(case_id)
