"""'Who is at the keyboard': a combo of active staff in the toolbar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...domain.errors import ValidationError
from ...services.staff import StaffService


class OperatorPicker(QWidget):
    """Choosing a name sets this PC's current operator; `operator_changed` follows.

    The window's one answer to "who is at the keyboard": `current()` is the name the box
    shows as chosen, and the window records changes under it (MainWindow.operator)."""

    operator_changed = Signal(str)

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._staff = staff
        self._loading = False
        # The chosen operator: what the box shows, except while a choice is being asked
        # about (the PIN box), when the box already shows the new name.
        self._current = ""
        # True while a choice waits for its PIN; a reload asked for meanwhile (the
        # external-change poll runs inside the PIN box's event loop) waits for it.
        self._choosing = False
        self._reload_pending = False
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
        return self._current

    def sync(self) -> str:
        """Bring the box in line with this PC's stored operator, then return it. The
        operator can change outside the box (a shift started from a dialog or from the
        command line on this PC, the name deactivated on another PC): an action must
        never be recorded under a name other than the one the box shows."""
        if not self._choosing and self._staff.current_operator() != self._current:
            self.reload()
        return self._current

    def reload(self) -> None:
        """Refill from the active staff list (a colleague may have added someone) and
        select this PC's current operator; `operator_changed` follows when that is someone
        else now (a shift started from a dialog or the command line, the name deactivated
        on another PC): the "mine" filter and the shift panel must follow it too."""
        if self._choosing:
            self._reload_pending = True
            return
        before = self._current
        self._refill()
        if self._current != before:
            self.operator_changed.emit(self._current)

    def _refill(self) -> None:
        current = self._staff.current_operator()
        names = [member.name for member in self._staff.list()]
        wanted = ([] if current else [""]) + names
        if wanted == [self.combo.itemData(i) for i in range(self.combo.count())] \
                and (self.combo.currentData() or "") == current:
            # Nothing changed: leave the box alone (the poll reloads it on every change
            # made elsewhere, and refilling would close a list the user has open).
            self._current = current
            return
        self._loading = True
        try:
            self.combo.clear()
            if not current:
                self.combo.addItem(self.tr("— choose —"), "")
            for name in names:
                self.combo.addItem(name, name)
            index = self.combo.findData(current) if current else 0
            self.combo.setCurrentIndex(max(index, 0))
            self._current = self.combo.currentData() or ""
        finally:
            self._loading = False

    def _on_index_changed(self, index: int) -> None:
        if self._loading or self._choosing or index < 0:
            return
        name = self.combo.itemData(index) or ""
        if not name:
            return
        self._choosing = True
        try:
            chosen = self._choose(name)
        finally:
            self._choosing = False
        if chosen:
            self._current = name
            placeholder = self.combo.findData("")
            if placeholder >= 0:  # a real choice was made: drop the "choose" entry
                self._loading = True
                self.combo.removeItem(placeholder)
                self._loading = False
        if not chosen or self._reload_pending:
            # Refused (wrong PIN, cancelled, the name gone meanwhile): back to who it was;
            # or the staff list changed while the PIN was asked: refill it now.
            self._reload_pending = False
            self._refill()
        if chosen:
            self.operator_changed.emit(self._current)

    def _choose(self, name: str) -> bool:
        """Make `name` this PC's operator; False when refused."""
        if name != self._current and self._pin_check is not None \
                and not self._pin_check(name):
            return False
        try:
            self._staff.set_current_operator(name)
        except ValidationError:
            return False  # someone deactivated or removed that name meanwhile
        return True
