"""The case header's call light: may this buyer be phoned now, and if not, until when;
its buttons open the call dialog and the buyer's call settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain.call_policy import CallDecision
from ...domain.errors import NotFoundError
from ...services.calls import CallService
from ..widgets.call_texts import AMBER, GREEN, GREY, REFRESH_MS, CallTexts, label_style


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
        self.label.setToolTip(self.texts.details(self.decision, self.lang, self.calls.shop_tz))

    def _show(self, text: str, colour: str, state: str) -> None:
        self.state = state
        self.label.setText(text)
        self.label.setStyleSheet(label_style(colour))
        self.label.setToolTip("")
        self.log_button.setEnabled(state not in ("none", "no_phone"))
        self.buyer_button.setEnabled(state not in ("none", "no_phone"))

    def open_log_dialog(self) -> None:
        if self.case_id is None:
            return
        from ..dialogs.log_call_dialog import LogCallDialog  # loads when first opened

        dialog = LogCallDialog(self.calls, self.case_id, self.operator_provider(), self,
                               lang=self.lang)
        dialog.logged.connect(self._logged)
        dialog.open()
        self.dialog = dialog  # kept for tests and so it is not collected while open

    def open_buyer_dialog(self) -> None:
        if self.case_id is None:
            return
        from ..dialogs.buyer_call_dialog import BuyerCallDialog  # loads when first opened

        dialog = BuyerCallDialog(self.calls, self.case_id, self.operator_provider(), self,
                                 lang=self.lang)
        dialog.saved.connect(self._logged)
        dialog.open()
        self.dialog = dialog

    def _logged(self, case_id: int) -> None:
        self.refresh()
        self.call_logged.emit(case_id)
