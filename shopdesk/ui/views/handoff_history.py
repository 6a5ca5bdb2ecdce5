"""Past hand-offs: a list (newest first) and the selected sheet as it was handed over, with
"acknowledge" (接班确认), save as PDF and copy as text. The banner opens the same pane on
the pending hand-off in a dialog (HandoffReviewDialog).

Acknowledging names the incoming person (default: the operator), asks their PIN when they
have one, makes them the operator and, when nobody is on shift, can start their shift too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.errors import NotFoundError, ValidationError
from ...domain.handoff import Shift
from ...services.register import Register
from ..dialogs.shift_start_dialog import pin_edit
from ..widgets.field_error import FieldErrorLabel
from .handoff_view import HandoffView, copy_sheet_text, save_sheet_pdf


class HandoffPane(QWidget):
    """One hand-off: the sheet, the acknowledgement controls, PDF and text."""

    acknowledged = Signal(int)

    def __init__(self, register_of: Callable[[], Register], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register_of
        self.lang = lang
        self.shift: Shift | None = None
        self._open = False  # the shown hand-off waits for its acknowledgement
        self.view = HandoffView(lang, self)
        self.status = QLabel()
        self.status.setObjectName("handoff_ack_status")
        self.status.setWordWrap(True)
        self.who = QComboBox()
        self.who.setObjectName("handoff_ack_staff")
        self.who.currentIndexChanged.connect(lambda _i: self._update_pin())
        self.pin = pin_edit(self)
        self.pin.setObjectName("handoff_ack_pin")
        self.start_too = QCheckBox(self.tr("Start my shift too"))
        self.start_too.setObjectName("handoff_start_too")
        self.ack_button = QPushButton(self.tr("Acknowledge hand-off"))
        self.ack_button.setObjectName("handoff_ack_button")
        self.ack_button.clicked.connect(self.acknowledge)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.setObjectName("handoff_pdf_button")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.copy_button.setObjectName("handoff_copy_button")
        self.copy_button.clicked.connect(self.copy_text)
        self.error = FieldErrorLabel(self)

        ack_row = QHBoxLayout()
        ack_row.addWidget(QLabel(self.tr("Incoming:")))
        ack_row.addWidget(self.who)
        ack_row.addWidget(QLabel(self.tr("PIN:")))
        ack_row.addWidget(self.pin)
        ack_row.addWidget(self.start_too)
        ack_row.addWidget(self.ack_button)
        ack_row.addStretch(1)
        ack_row.addWidget(self.pdf_button)
        ack_row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(ack_row)
        layout.addWidget(self.error)
        self.show_handoff(None)

    def show_handoff(self, shift_id: int | None) -> None:
        """Show a stored hand-off (None: nothing)."""
        self.error.clear_error()
        if shift_id is None:
            self.shift = None
            self._open = False
            self.view.show_sheet(None)
            self.status.setText(self.tr("No hand-off chosen."))
            for w in (self.who, self.pin, self.start_too, self.ack_button, self.pdf_button,
                      self.copy_button):
                w.setEnabled(False)
            return
        shifts = self._register().shifts
        try:
            self.shift = shifts.get(shift_id)
            sheet = shifts.sheet(shift_id)
        except NotFoundError:
            # A list shown before a restore from backup names hand-offs that register
            # does not have.
            self.show_handoff(None)
            self.status.setText(self.tr("This hand-off is not in the register (restored "
                                        "from a backup?). Reopen the history."))
            return
        self.view.show_sheet(sheet, self.shift)
        self._refresh_controls()

    def _refresh_controls(self) -> None:
        register = self._register()
        shift = self.shift
        assert shift is not None
        tz = register.shop_tz
        ended = local(shift.ended_at, tz).strftime("%m-%d %H:%M")  # type: ignore[arg-type]
        if shift.acknowledged:
            at = local(shift.ack_at, tz).strftime("%m-%d %H:%M")  # type: ignore[arg-type]
            own = self.tr(" (own hand-off)") if shift.self_acknowledged else ""
            self.status.setText(self.tr("Handed over by %1 at %2; acknowledged by %3 at %4%5.")
                                .replace("%1", shift.staff).replace("%2", ended)
                                .replace("%3", shift.ack_by or "").replace("%4", at)
                                .replace("%5", own))
        else:
            self.status.setText(self.tr("Handed over by %1 at %2; not acknowledged yet.")
                                .replace("%1", shift.staff).replace("%2", ended))
        self.who.blockSignals(True)
        self.who.clear()
        members = [m.name for m in register.staff.list()]
        operator = register.staff.current_operator()
        # Right after handing over, the outgoing person is still the operator: offering
        # them by default would let one click acknowledge their own hand-off and hide the
        # banner from the person it is for. Then (in a team) nobody is preselected.
        default = operator if operator and operator != shift.staff else \
            members[0] if len(members) == 1 else ""
        if not default:
            self.who.addItem(self.tr("— who takes over? —"), "")
        for name in members:
            self.who.addItem(name, name)
        self.who.setCurrentIndex(max(self.who.findData(default), 0))
        self.who.blockSignals(False)
        open_ = not shift.acknowledged
        self._open = open_
        self.who.setEnabled(open_)
        self.start_too.setEnabled(open_ and register.shifts.current() is None)
        self.start_too.setChecked(open_ and register.shifts.current() is None)
        self.pdf_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        self._update_pin()

    def _update_pin(self) -> None:
        name = self.who.currentData() or ""
        self.ack_button.setEnabled(self._open and bool(name))
        needed = bool(name) and self._open and self._register().staff.has_pin(name)
        self.pin.setEnabled(needed)
        self.pin.setPlaceholderText(self.tr("4 digits") if needed else "")
        self.pin.clear()

    def acknowledge(self) -> Shift | None:
        """Record the acknowledgement as the chosen person; returns the shift."""
        if self.shift is None:
            return None
        register = self._register()
        name = self.who.currentData() or ""
        pin = self.pin.text() or None
        try:
            done = register.shifts.acknowledge(name, shift_id=self.shift.id, pin=pin)
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            self.pin.clear()
            return None
        self.error.clear_error()
        note = ""
        if self.start_too.isChecked() and self.start_too.isEnabled():
            try:
                register.shifts.start(name, pin=pin)
            except ValidationError as exc:
                note = "\n".join(e.message(self.lang) for e in exc.errors)
        else:
            register.staff.set_current_operator(name)
        self.shift = done
        if self.view.sheet is not None:  # the sheet's own "接班确认" line, not only the status
            self.view.show_sheet(self.view.sheet, done)
        self._refresh_controls()
        if note:
            self.error.show_error(note)
        self.acknowledged.emit(done.id)
        return done

    def save_pdf(self) -> None:
        if self.shift is not None and self.view.sheet is not None:
            path = save_sheet_pdf(self, self.view.sheet, self.shift, self.lang)
            if path is not None:
                self.status.setText(self.tr("Saved %1").replace("%1", str(path)))

    def copy_text(self) -> None:
        if self.shift is not None and self.view.sheet is not None:
            copy_sheet_text(self, self.view.sheet, self.shift, self.lang)
            self.status.setText(self.tr("Copied: paste it into the team chat."))


class HandoffHistory(QWidget):
    """Browse past hand-offs (a tool window)."""

    acknowledged = Signal(int)

    def __init__(self, register_of: Callable[[], Register], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register_of
        self.lang = lang
        self.setObjectName("handoff_history")
        self.list = QListWidget()
        self.list.setObjectName("handoff_list")
        self.list.setMinimumWidth(230)
        self.list.currentItemChanged.connect(self._selected)
        self.pane = HandoffPane(register_of, lang, self)
        self.pane.acknowledged.connect(self._on_ack)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shown as a plain window, it has no Close button of its own: Esc closes it, as it
        # closes a dialog (keys the list and the sheet do not use arrive here).
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    def reload(self, select: int | None = None) -> None:
        register = self._register()
        self.list.blockSignals(True)
        self.list.clear()
        for shift in register.shifts.list():
            ended = local(shift.ended_at, register.shop_tz).strftime(  # type: ignore[arg-type]
                "%Y-%m-%d %H:%M")
            mark = "✓" if shift.acknowledged else "●"
            text = self.tr("%1 %2  %3 · %4 open").replace("%1", mark).replace("%2", ended) \
                .replace("%3", shift.staff).replace("%4", str(shift.counts.get("open", 0)))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, shift.id)
            item.setToolTip(self.tr("Acknowledged") if shift.acknowledged
                            else self.tr("Not acknowledged yet"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = 0
        if select is not None:
            for i in range(self.list.count()):
                if self.list.item(i).data(Qt.ItemDataRole.UserRole) == select:
                    row = i
        if self.list.count():
            self.list.setCurrentRow(row)
            self._selected(self.list.currentItem())
        else:
            self.pane.show_handoff(None)
            self.pane.status.setText(self.tr("No hand-offs yet: end a shift to make one."))

    def _selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.pane.show_handoff(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _on_ack(self, shift_id: int) -> None:
        self.reload(select=shift_id)
        self.acknowledged.emit(shift_id)


class HandoffReviewDialog(QDialog):
    """One hand-off in a dialog: what the banner's "review and acknowledge" opens."""

    def __init__(self, register_of: Callable[[], Register], shift_id: int, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoff_review_dialog")
        self.setWindowTitle(self.tr("Hand-off to acknowledge"))
        self.pane = HandoffPane(register_of, lang, self)
        self.pane.show_handoff(shift_id)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("handoff_review_close")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addLayout(row)
        self.resize(940, 640)
