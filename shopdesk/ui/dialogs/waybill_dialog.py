"""Add a waybill number (with its carrier) to a case as evidence."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...services.evidence import EvidenceService
from ..widgets.field_error import FieldErrorLabel, ValidatedField

# The carriers Chinese shops use most; the box is editable for any other.
COMMON_CARRIERS = ("顺丰速运", "中通快递", "圆通速递", "韵达快递", "申通快递", "极兔速递",
                   "邮政快递包裹", "EMS", "京东物流", "德邦快递", "菜鸟速递")


class WaybillDialog(QDialog):
    """Carrier + number (+ caption); emits added(case id) and accepts on success."""

    added = Signal(int)

    def __init__(self, evidence: EvidenceService, case_id: int, operator: str,
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.evidence = evidence
        self.case_id = case_id
        self.operator = operator
        self.lang = lang
        self.setWindowTitle(self.tr("Add waybill number"))
        self.carrier = QComboBox()
        self.carrier.setEditable(True)
        self.carrier.addItems(COMMON_CARRIERS)
        self.carrier.setCurrentIndex(-1)
        self.carrier.lineEdit().setPlaceholderText(self.tr("e.g. 顺丰速运"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("e.g. SF1234567890123"))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("optional, e.g. return parcel"))
        self.fields = {"carrier": ValidatedField(self.carrier),
                       "number": ValidatedField(self.number)}
        form = QFormLayout()
        form.addRow(self.tr("Carrier:"), self.fields["carrier"])
        form.addRow(self.tr("Waybill no.:"), self.fields["number"])
        form.addRow(self.tr("Caption:"), self.caption)
        self.error = FieldErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add"))
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.carrier.setFocus()

    def apply(self) -> None:
        """Add the waybill; field errors are shown next to their fields."""
        for f in self.fields.values():
            f.set_error(None)
        self.error.clear_error()
        try:
            self.evidence.add_waybill(self.case_id, self.carrier.currentText(),
                                      self.number.text(), self.operator,
                                      caption=self.caption.text())
        except ValidationError as exc:
            for e in exc.errors:
                target = self.fields.get(e.field)
                if target is not None:
                    target.set_error(e.message(self.lang))
                else:
                    self.error.show_error(e.message(self.lang))
            return
        self.added.emit(self.case_id)
        self.accept()
