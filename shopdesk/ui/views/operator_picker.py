"""'Who is at the keyboard': a combo of active staff in the toolbar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...domain.errors import ValidationError
from ...services.staff import StaffService


class OperatorPicker(QWidget):
    """Choosing a name sets the register's current operator; `operator_changed` follows."""

    operator_changed = Signal(str)

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._staff = staff
        self._loading = False
        # Asked before switching to a name (e.g. for their PIN); False keeps the old one.
        self._pin_check: Callable[[str], bool] | None = None
        self.label = QLabel(self.tr("Operator:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("operator_picker")
        self.combo.setToolTip(self.tr("Who is working now; recorded on every change"))
        self.combo.setMinimumContentsLength(6)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._on_index_changed)
        self.reload()

    def set_service(self, staff: StaffService) -> None:
        """Use another register's staff list (after a restore)."""
        self._staff = staff
        self.reload()

    def set_pin_check(self, check: Callable[[str], bool] | None) -> None:
        """Ask `check(name)` before making `name` the operator (the shift PIN)."""
        self._pin_check = check

    def current(self) -> str:
        """The chosen operator's name, '' when nobody is chosen."""
        return self.combo.currentData() or ""

    def reload(self) -> None:
        """Refill from the active staff list and select the register's current operator."""
        self._loading = True
        try:
            self.combo.clear()
            current = self._staff.current_operator()
            if not current:
                self.combo.addItem(self.tr("— choose —"), "")
            for member in self._staff.list():
                self.combo.addItem(member.name, member.name)
            index = self.combo.findData(current) if current else 0
            self.combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def _on_index_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        name = self.combo.itemData(index) or ""
        if not name:
            return
        if name != self._staff.current_operator() and self._pin_check is not None \
                and not self._pin_check(name):
            self.reload()  # refused (wrong PIN, cancelled): back to who it was
            return
        try:
            self._staff.set_current_operator(name)
        except ValidationError:
            self.reload()  # someone deactivated or removed that name meanwhile
            return
        placeholder = self.combo.findData("")
        if placeholder >= 0:  # a real choice was made: drop the "choose" entry
            self._loading = True
            self.combo.removeItem(placeholder)
            self._loading = False
        self.operator_changed.emit(name)
