"""Make a promise to the buyer (what, by when), break one with a reason, or mark one no
longer needed with a reason.

The dialogs write through PromiseService and say why not inside the dialog when the
service refuses. Keyboard first: the kind combo has focus, Enter saves, quick picks set
the due time in one click (+1 hour, today 18:00, tomorrow 12:00).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.promises import Promise, PromiseKind, QuickDue, quick_due
from ...services.calls import CallService, call_back_warning, never_callable_then
from ...services.promises import PromiseService
from ..widgets.date_time_edit import KeyboardDateTimeEdit
from ..widgets.enum_combo import EnumCombo
from ..widgets.field_error import FieldErrorLabel, ValidatedField

_UTC = QTimeZone(QTimeZone.Initialization.UTC)


class PromiseDialog(QDialog):
    """New promise on `case_id`; emits made(promise id) and accepts on success."""

    made = Signal(int)

    def __init__(self, promises: PromiseService, case_id: int, case_no: str, operator: str,
                 parent: QWidget | None = None, *, lang: str = "zh",
                 calls: CallService | None = None) -> None:
        super().__init__(parent)
        self.promises = promises
        self.calls = calls  # checks a call-back's time against the call policy
        self.case_id = case_id
        self.operator = operator
        self.lang = lang
        self.tz = promises.shop_tz
        self.setWindowTitle(self.tr("New promise — %1").replace("%1", case_no))
        self._build()
        self.set_due(quick_due(QuickDue.IN_ONE_HOUR, promises.clock.now(), self.tz))
        self.kind.setFocus()

    def _build(self) -> None:
        self.kind = EnumCombo(PromiseKind, self.lang)
        self.kind.setObjectName("promise_kind")
        self.text = QLineEdit()
        self.text.setObjectName("promise_text")
        self.text.setPlaceholderText(self.tr("e.g. confirm the reship date"))
        self.text_field = ValidatedField(self.text)

        # Shop-local wall-clock digits held in a UTC QDateTime (as DueTimeEdit does): the
        # computer's own zone can never shift or refuse a time.
        self.due = KeyboardDateTimeEdit()
        self.due.setObjectName("promise_due")
        self.due.setTimeZone(_UTC)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        self.quick_buttons: dict[QuickDue, QPushButton] = {}
        picks = QHBoxLayout()
        picks.setContentsMargins(0, 0, 0, 0)
        labels = {QuickDue.IN_ONE_HOUR: self.tr("+1 hour"),
                  QuickDue.TODAY_18: self.tr("Today 18:00"),
                  QuickDue.TOMORROW_12: self.tr("Tomorrow 12:00")}
        now = self.promises.clock.now()
        for pick, label in labels.items():
            button = QPushButton(label)
            button.setObjectName(f"due_{pick.value}")
            button.setAutoDefault(False)  # Enter saves; it never presses a quick pick
            button.setEnabled(quick_due(pick, now, self.tz) is not None)
            button.clicked.connect(lambda _c=False, p=pick: self.pick(p))
            picks.addWidget(button)
            self.quick_buttons[pick] = button
        picks.addStretch(1)
        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due)
        due_layout.addLayout(picks)
        self.due_field = ValidatedField(due_box)

        form = QFormLayout()
        form.addRow(self.tr("Promised"), self.kind)
        form.addRow(self.tr("Details"), self.text_field)
        form.addRow(self.tr("Due (shop time)"), self.due_field)
        by = QLabel(self.operator)
        by.setObjectName("promise_by")
        form.addRow(self.tr("Made by"), by)
        self.error = FieldErrorLabel()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save promise"))
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    # --- the due time --------------------------------------------------------
    def pick(self, pick: QuickDue) -> None:
        """Apply a quick pick (+1 hour, today 18:00, tomorrow 12:00)."""
        at = quick_due(pick, self.promises.clock.now(), self.tz)
        if at is not None:
            self.set_due(at)

    def set_due(self, at: datetime | None) -> None:
        if at is None:
            return
        w = local(at, self.tz)
        self.due.setDateTime(QDateTime(QDate(w.year, w.month, w.day), QTime(w.hour, w.minute),
                                       _UTC))

    def due_at(self) -> datetime:
        """The chosen wall-clock time in the shop's zone, as an aware datetime."""
        qdt = self.due.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(),
                        tzinfo=ZoneInfo(self.tz))

    # --- saving --------------------------------------------------------------
    def _call_allowed_then(self) -> bool:
        """A call-back at a time the call policy forbids (quiet hours, a holiday, the
        buyer's caps): say so and offer the earliest allowed time. True: go on."""
        refused = self.calls.call_back_refused(self.case_id, self.due_at()) \
            if self.calls is not None else None
        if refused is None:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Call policy"),
                          call_back_warning(refused, self.tz, self.lang), parent=self)
        slot = refused.next_slot_at
        if slot is not None and (slot.second or slot.microsecond):  # the field has minutes
            slot = slot.replace(second=0, microsecond=0) + timedelta(minutes=1)
        earliest = box.addButton(self.tr("Use the earliest allowed time"),
                                 QMessageBox.ButtonRole.AcceptRole) \
            if slot is not None and slot > self.due_at() else None
        # Never for a rule no one may override: the call could never be made then.
        anyway = None if never_callable_then(refused) else box.addButton(
            self.tr("Promise this time anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if earliest is not None and box.clickedButton() is earliest:
            self.set_due(slot)
            return False  # the new time is shown: the next save makes it
        return anyway is not None and box.clickedButton() is anyway

    def apply(self) -> None:
        """Make the promise through the service; show refusals next to their field."""
        for field in (self.text_field, self.due_field):
            field.set_error(None)
        self.error.clear_error()
        kind = self.kind.current()
        if kind is PromiseKind.CALL_BACK and not self._call_allowed_then():
            return
        try:
            promise = self.promises.make(self.case_id, kind, self.due_at(),  # type: ignore[arg-type]
                                         self.operator, text=self.text.text())
        except ValidationError as exc:
            fields = {"text": self.text_field, "due_at": self.due_field}
            rest = []
            for error in exc.errors:
                target = fields.get(error.field)
                if target is not None:
                    target.set_error(error.message(self.lang))
                else:
                    rest.append(error.message(self.lang))
            if rest:
                self.error.show_error("\n".join(rest))
            return
        except NotFoundError:
            self.error.show_error(self.tr("This case no longer exists (it may have been "
                                          "deleted)"))
            return
        except ShopDeskError as exc:  # e.g. busy: stays open, as typed
            self.error.show_error(exc.message(self.lang))
            return
        self.made.emit(promise.id)
        self.accept()


class BreakPromiseDialog(QDialog):
    """Mark a promise broken; the reason is required. Emits broken(promise id)."""

    broken = Signal(int)

    def __init__(self, promises: PromiseService, promise: Promise, operator: str,
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.promises = promises
        self.promise = promise
        self.operator = operator
        self.lang = lang
        self.setWindowTitle(self.tr("Promise not kept"))
        what = QLabel(promise.describe(lang))
        what.setWordWrap(True)
        due = QLabel(local(promise.due_at, promises.shop_tz).strftime("%Y-%m-%d %H:%M"))
        # Editable combo: the usual reasons one keystroke away, any other typed freely.
        self.reason = QComboBox()
        self.reason.setObjectName("break_reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItem("")
        for text in (self.tr("Out of stock"), self.tr("Warehouse delayed"),
                     self.tr("Courier delayed"), self.tr("Could not reach the buyer"),
                     self.tr("Solved another way")):
            self.reason.addItem(text)
        self.reason.lineEdit().setPlaceholderText(self.tr("Why was it not kept?"))
        self.reason_field = ValidatedField(self.reason)
        form = QFormLayout()
        form.addRow(self.tr("Promise"), what)
        form.addRow(self.tr("Was due"), due)
        form.addRow(self.tr("Reason (required)"), self.reason_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Mark not kept"))
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.reason.setFocus()

    def apply(self) -> None:
        self.reason_field.set_error(None)
        try:
            self.promises.break_promise(self.promise.id, self.operator,
                                        self.reason.currentText())
        except ValidationError as exc:
            self.reason_field.set_error("\n".join(e.message(self.lang) for e in exc.errors))
            self.reason.setFocus()
            return
        except NotFoundError:
            self.reason_field.set_error(self.tr("This promise no longer exists"))
            return
        self.broken.emit(self.promise.id)
        self.accept()


class CancelPromiseDialog(QDialog):
    """Mark a promise no longer needed (neither kept nor broken: the buyer withdrew...);
    the reason is required, asked like BreakPromiseDialog asks. Emits cancelled(promise
    id)."""

    cancelled = Signal(int)

    def __init__(self, promises: PromiseService, promise: Promise, operator: str,
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.promises = promises
        self.promise = promise
        self.operator = operator
        self.lang = lang
        self.setWindowTitle(self.tr("Promise no longer needed"))
        what = QLabel(promise.describe(lang))
        what.setWordWrap(True)
        due = QLabel(local(promise.due_at, promises.shop_tz).strftime("%Y-%m-%d %H:%M"))
        self.reason = NotNeededReasonCombo()
        self.reason_field = ValidatedField(self.reason)
        form = QFormLayout()
        form.addRow(self.tr("Promise"), what)
        form.addRow(self.tr("Was due"), due)
        form.addRow(self.tr("Reason (required)"), self.reason_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Mark no longer needed"))
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.reason.setFocus()

    def apply(self) -> None:
        self.reason_field.set_error(None)
        try:
            self.promises.cancel(self.promise.id, self.operator, self.reason.currentText())
        except ValidationError as exc:
            self.reason_field.set_error("\n".join(e.message(self.lang) for e in exc.errors))
            self.reason.setFocus()
            return
        except NotFoundError:
            self.reason_field.set_error(self.tr("This promise no longer exists"))
            return
        self.cancelled.emit(self.promise.id)
        self.accept()


class NotNeededReasonCombo(QComboBox):
    """Editable: the usual reasons a promise is no longer needed one keystroke away, any
    other typed freely (the status dialog asks the same for a finished case's promises)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("not_needed_reason")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        for text in (self.tr("Buyer withdrew the request"), self.tr("Solved another way"),
                     self.tr("The platform closed the case")):
            self.addItem(text)
        self.lineEdit().setPlaceholderText(self.tr("Why is it no longer needed?"))
