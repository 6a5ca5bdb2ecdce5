"""Per-buyer call settings: their own time zone (cross-border) and the do-not-call flag."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.errors import ValidationError
from ...services.calls import CallService, call_back_warning

# Zones AliExpress sellers meet most; any IANA name can be typed as well.
COMMON_ZONES = ("America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Paris",
                "Europe/Moscow", "Asia/Tokyo", "Asia/Seoul", "Asia/Singapore",
                "Australia/Sydney", "America/Sao_Paulo")


class BuyerCallDialog(QDialog):
    """Edits the buyer of one case; emits saved(case id)."""

    saved = Signal(int)

    def __init__(self, calls: CallService, case_id: int, operator: str,
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.calls = calls
        self.case_id = case_id
        self.operator = operator
        self.lang = lang
        self.setWindowTitle(self.tr("Buyer call settings"))
        self.setMinimumWidth(420)
        buyer = calls.buyer(case_id)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        # Wide enough for "店铺时区（Asia/Shanghai）" and the longer IANA names.
        self.zone.setMinimumContentsLength(26)
        self.zone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zone.addItem(self.tr("Shop's time zone (%1)").replace("%1", calls.shop_tz), "")
        for zone in COMMON_ZONES:
            self.zone.addItem(zone, zone)
        if buyer.tz:
            index = self.zone.findData(buyer.tz)
            if index < 0:
                self.zone.addItem(buyer.tz, buyer.tz)
                index = self.zone.count() - 1
            self.zone.setCurrentIndex(index)
        self.do_not_call = QCheckBox(self.tr("Do not call this buyer"))
        self.do_not_call.setChecked(buyer.do_not_call)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Buyer's time zone"), self.zone)
        form.addRow("", self.do_not_call)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def chosen_zone(self) -> str | None:
        text = self.zone.currentText().strip()
        data = self.zone.currentData()
        if data is not None and self.zone.itemText(self.zone.currentIndex()) == text:
            return data or None
        return text or None

    def save(self) -> bool:
        """Store both settings (each audited by the service); False shows why not."""
        try:
            self.calls.set_buyer_tz(self.case_id, self.chosen_zone(), self.operator)
            if self.do_not_call.isChecked() != self.calls.buyer(self.case_id).do_not_call:
                self.calls.set_do_not_call(self.case_id, self.do_not_call.isChecked(),
                                           self.operator)
        except ValidationError as exc:
            self.error.setText("\n".join(e.message(self.lang) for e in exc.errors))
            self.error.show()
            return False
        self._say_call_backs_refused()
        self.saved.emit(self.case_id)
        self.accept()
        return True

    def _say_call_backs_refused(self) -> None:
        """A call-back agreed before the zone was known may now be the buyer's night."""
        refused = self.calls.call_backs_refused(self.case_id)
        if not refused:
            return
        tz = self.calls.shop_tz
        lines = [f"#{p.id} {local(p.due_at, tz):%m-%d %H:%M} {p.describe(self.lang)}: "
                 + call_back_warning(d, tz, self.lang) for p, d in refused]
        QMessageBox.information(
            self, self.tr("Buyer call settings"),
            self.tr("Call-backs already promised to this buyer that the call policy does not "
                    "allow at their time now (change them in the Promises tab):") + "\n\n"
            + "\n".join(lines))
