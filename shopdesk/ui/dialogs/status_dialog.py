"""Move a case through the workflow: only the allowed targets, with what each one needs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.case import Case
from ...domain.clock import local
from ...domain.enums import CaseStatus, Outcome
from ...domain.errors import NotFoundError, ShopDeskError, ValidationError, WorkflowError
from ...domain.money import MoneyError, format_yuan, parse_yuan
from ...domain.workflow import Transition, allowed_targets, is_reopen
from ...services.cases import EditConflictError
from ...services.major import ApprovalNeeded
from ...services.register import Register
from ..i18n import ui_language
from ..widgets.enum_combo import EnumCombo
from ..widgets.field_error import FieldErrorLabel, ValidatedField
from .promise_dialog import NotNeededReasonCombo


class StatusDialog(QDialog):
    """Change the status of case `case_id`; emits changed(case id) and accepts on success."""

    changed = Signal(int)

    def __init__(self, register: Register, case_id: int, operator: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.operator = operator
        self.lang = ui_language(register)
        self.case: Case = register.cases.get(case_id)
        self._prefilled: str | None = None  # the amount we suggested, while untouched
        self.setWindowTitle(self.tr("Change status — %1").replace("%1", self.case.case_no))
        self._build()
        self._target_changed()
        self.target.setFocus()

    def _build(self) -> None:
        self.current_label = QLabel()
        self.current_label.setObjectName("status_current")
        font = self.current_label.font()
        font.setBold(True)
        self.current_label.setFont(font)
        self.target = QComboBox()
        self._show_current()
        self.target.currentIndexChanged.connect(self._target_changed)
        self.outcome = EnumCombo(Outcome, self.lang, empty_label=self.tr("(choose)"))
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("¥0.00")
        self.amount_field = ValidatedField(self.amount)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.note_label = QLabel()
        self.error = FieldErrorLabel()
        # A major complaint's owner approves compensation above the operator's limit here
        # (shown once the service asks for it): the owner types their PIN at this keyboard.
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approval_label")
        self.approval_label.setWordWrap(True)
        self.approval_pin = QLineEdit()
        self.approval_pin.setObjectName("approval_pin")
        self.approval_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.approval_pin.setMaxLength(4)
        self.approval_pin.setPlaceholderText(self.tr("Owner's 4-digit PIN"))
        self.approval_pin_label = QLabel(self.tr("Owner's PIN"))
        self.approval_pin_label.setBuddy(self.approval_pin)
        self._approval: ApprovalNeeded | None = None
        self._fix_field: QWidget | None = None  # where the shown refusal asked for a fix
        # The refusal goes away as soon as the field it asked for is filled in.
        self.outcome.currentIndexChanged.connect(lambda _i: self._maybe_fixed(self.outcome))
        self.note.textChanged.connect(lambda: self._maybe_fixed(self.note))
        self.amount.textEdited.connect(lambda _t: self._maybe_fixed(self.amount))

        self.form = QFormLayout()
        self.form.addRow(self.tr("Current status"), self.current_label)
        self.form.addRow(self.tr("New status"), self.target)
        self.outcome_label = QLabel(self.tr("Outcome"))
        self.form.addRow(self.outcome_label, self.outcome)
        self.amount_label = QLabel()
        self.form.addRow(self.amount_label, self.amount_field)
        self.form.addRow(self.note_label, self.note)
        # A finished case's promises are still owed and still remind: ask, never assume.
        # Three answers: still owed (the default: nothing assumed), kept, or no longer
        # needed (the buyer withdrew...; a reason is required, as for one promise).
        self.promises_box = QGroupBox()
        self.promises_box.setObjectName("status_promises")
        self.promises_list = QLabel()
        self.promises_list.setObjectName("status_promises_list")
        self.promises_list.setWordWrap(True)
        self.promises_open = QRadioButton(self.tr("Keep them open (still reminded)"))
        self.promises_open.setObjectName("status_promises_open")
        self.promises_kept = QRadioButton(self.tr("Mark them kept"))
        self.promises_kept.setObjectName("status_promises_kept")
        self.promises_not_needed = QRadioButton(self.tr("Mark them no longer needed"))
        self.promises_not_needed.setObjectName("status_promises_not_needed")
        self.promises_choice = QButtonGroup(self)
        for button in (self.promises_open, self.promises_kept, self.promises_not_needed):
            self.promises_choice.addButton(button)
        self.promises_open.setChecked(True)
        self.promises_reason = NotNeededReasonCombo()
        self.promises_reason.setObjectName("status_promises_reason")
        self.promises_reason_label = QLabel(self.tr("Why no longer needed (required)"))
        self.promises_reason_label.setBuddy(self.promises_reason)
        self.promises_not_needed.toggled.connect(self._promises_choice_changed)
        self.promises_reason.editTextChanged.connect(
            lambda _t: self._maybe_fixed(self.promises_reason))
        self._show_promises()
        box = QFormLayout(self.promises_box)
        box.addRow(self.promises_list)
        for button in (self.promises_open, self.promises_kept, self.promises_not_needed):
            box.addRow(button)
        box.addRow(self.promises_reason_label, self.promises_reason)
        self.form.addRow(self.promises_box)
        self._promises_choice_changed()
        self.form.addRow(self.approval_label)
        self.form.addRow(self.approval_pin_label, self.approval_pin)
        for widget in (self.approval_label, self.approval_pin_label, self.approval_pin):
            widget.hide()
        for label, buddy in ((self.outcome_label, self.outcome),
                             (self.amount_label, self.amount), (self.note_label, self.note)):
            label.setBuddy(buddy)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change status"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.apply)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.ok_button.setDefault(True)  # after it is inside the dialog, or it does not stick
        self.setMinimumWidth(420)

    def _show_current(self, chosen: CaseStatus | None = None) -> None:
        """The case's status and the moves allowed from it; `chosen` stays chosen when it
        is still one of them."""
        self.current_label.setText(self.case.status.label(self.lang))
        self.target.blockSignals(True)  # the caller updates what the target needs
        self.target.clear()
        for status in allowed_targets(self.case.status):
            self.target.addItem(status.label(self.lang), status.value)
        if chosen is not None:
            index = self.target.findData(chosen.value)
            if index < 0:
                # The choice no longer applies to the status now shown: never slip another
                # in (from 已解决 the first move is a reopen); the user picks again.
                self.target.insertItem(0, self.tr("— choose again —"), None)
                index = 0
            self.target.setCurrentIndex(index)
        self.target.blockSignals(False)

    def _show_promises(self) -> None:
        self.open_promises = self.register.promises.open_for_case(self.case.id)
        self.promises_box.setTitle(
            self.tr("Open promises on this case (%1)").replace(
                "%1", str(len(self.open_promises))) if self.open_promises else "")
        shown = [f"• {local(p.due_at, self.register.shop_tz):%m-%d %H:%M} "
                 f"{p.describe(self.lang)}" for p in self.open_promises[:3]]
        if len(self.open_promises) > 3:
            shown.append("…")
        self.promises_list.setText("\n".join(shown))

    # --- what the chosen target needs -----------------------------------------
    def target_status(self) -> CaseStatus | None:
        """The chosen status (None: nothing chosen since the case moved elsewhere)."""
        data = self.target.currentData()
        return CaseStatus(data) if data else None

    def _reason_required(self) -> bool:
        to = self.target_status()
        if to is None:
            return False
        closing_unresolved = (to == CaseStatus.CLOSED and self.case.is_open
                              and self.case.outcome is None)
        return closing_unresolved or is_reopen(self.case.status, to)

    def _target_changed(self) -> None:
        resolving = self.target_status() == CaseStatus.RESOLVED
        for widget in (self.outcome_label, self.outcome, self.amount_label, self.amount_field):
            widget.setVisible(resolving)
        finishing = self.target_status() in (CaseStatus.RESOLVED, CaseStatus.CLOSED)
        self.promises_box.setVisible(finishing and bool(self.open_promises))
        self.note_label.setText(self.tr("Reason (required)") if self._reason_required()
                                else self.tr("Note"))
        self._outcome_changed()
        self.error.clear_error()
        self.adjustSize()

    def _promises_choice_changed(self, _checked: bool = False) -> None:
        chosen = self.promises_not_needed.isChecked()
        for widget in (self.promises_reason_label, self.promises_reason):
            widget.setVisible(chosen)
        if chosen and self.isVisible():
            self.promises_reason.setFocus()
        self.adjustSize()

    def promises_not_needed_reason(self) -> str | None:
        """The reason typed when the open promises are to be marked no longer needed;
        None when something else was chosen (or there is nothing to ask)."""
        if not (self.promises_box.isVisible() and self.promises_not_needed.isChecked()):
            return None
        return self.promises_reason.currentText()

    def _outcome_changed(self) -> None:
        outcome = self.outcome.current()
        needs_money = isinstance(outcome, Outcome) and outcome.involves_money
        self.amount_label.setText(self.tr("Amount (required)") if needs_money
                                  else self.tr("Amount"))
        if self._prefilled is not None and self.amount.text() == self._prefilled:
            self.amount.clear()  # our own suggestion, untouched: it belonged to another outcome
        self._prefilled = None
        if outcome in (Outcome.FULL_REFUND, Outcome.PLATFORM_FOR_BUYER) \
                and not self.amount.text().strip():
            # The usual full refund is what the buyer claimed (or paid): saves typing.
            full = self.case.amount_claimed or self.case.amount_paid
            self._prefilled = format_yuan(full, symbol=False)
            self.amount.setText(self._prefilled)
        self.amount_field.set_error(None)

    # --- applying ------------------------------------------------------------
    def apply(self) -> None:
        """Ask the service for the change; show why not, in the dialog, if refused."""
        self.error.clear_error()
        self.amount_field.set_error(None)
        if self.target_status() is None:
            self._refused(self.tr("Choose the new status: the case moved since you chose"))
            self.target.setFocus()
            return
        resolving = self.target_status() == CaseStatus.RESOLVED
        amount = None
        if resolving and self.amount.text().strip():
            try:
                # Negative amounts pass here so the workflow can say why they are refused.
                amount = parse_yuan(self.amount.text(), allow_negative=True)
            except MoneyError:
                self.amount_field.set_error(self.tr("Not a valid amount (e.g. 12.50)"))
                self.amount.setFocus()
                self.amount.selectAll()
                return
        reason = self.promises_not_needed_reason()
        if reason is not None and not reason.strip():
            # Before anything is written: an owner's approval must not be recorded for a
            # change that is then refused for a missing reason.
            self._refused(self.tr("Say why the promises are no longer needed"))
            return
        outcome = self.outcome.current() if resolving else None
        transition = Transition(to=self.target_status(),
                                outcome=outcome,  # type: ignore[arg-type]
                                amount=amount, note=self.note.toPlainText())
        try:
            asked = self._approval
            # A case moved meanwhile is refused below: its owner's approval is recorded
            # only for a change that can go through.
            if asked is not None and resolving and amount is not None \
                    and asked.amount == amount and not self._moved_meanwhile():
                self.register.major.approve(self.case.id, amount, asked.owner,
                                            self.operator, pin=self.approval_pin.text(),
                                            note=self.note.toPlainText())
                self._approval = None
            keep = self.promises_box.isVisible() and self.promises_kept.isChecked()
            # The choice was made on the status shown: someone else's move since is
            # refused, never silently overwritten.
            self.register.finish_case(self.case.id, transition, self.operator,
                                      keep_promises=keep,
                                      promises_not_needed=self.promises_not_needed_reason(),
                                      expected_status=self.case.status,
                                      expected_outcome=self.case.outcome)
        except ApprovalNeeded as exc:
            self._ask_approval(exc)
            return
        except EditConflictError as exc:
            self._show_moved(exc)
            return
        except WorkflowError as exc:
            self._refused(exc.message(self.lang))
            return
        except ValidationError as exc:
            self._refused("\n".join(e.message(self.lang) for e in exc.errors))
            return
        except NotFoundError:
            self._refused(self.tr("This case no longer exists (it may have been deleted)"))
            return
        except ShopDeskError as exc:  # e.g. busy: stays open, as typed
            self._refused(exc.message(self.lang))
            return
        self.changed.emit(self.case.id)
        self.accept()

    def _moved_meanwhile(self) -> bool:
        """Has someone else moved the case (status or outcome) since it was shown?"""
        try:
            now = self.register.cases.get(self.case.id)
        except NotFoundError:
            return True  # the change is refused below, saying so
        return (now.status, now.outcome) != (self.case.status, self.case.outcome)

    def _show_moved(self, refusal: EditConflictError) -> None:
        """Someone else moved the case: show its status now and what it allows, keep
        what was chosen and typed, and say who moved it from what to what. Pressing the
        button again is a choice made on the status now shown."""
        chosen = self.target_status()
        try:
            self.case = self.register.cases.get(self.case.id)
        except NotFoundError:
            self._refused(self.tr("This case no longer exists (it may have been deleted)"))
            return
        self._show_current(chosen)
        self._show_promises()
        self._target_changed()  # what the target needs from the status now shown
        # What became of the choice is the dialog's to say (the service cannot know).
        said = refusal.message(self.lang) + "\n" + (
            self.tr("The status you chose cannot follow the status now shown: choose again.")
            if self.target_status() is None else
            self.tr("Your choice is kept: check the status now shown, then press the button "
                    "again."))
        self.error.show_error(said)
        self._fix_field = None
        self.target.setFocus()

    def _ask_approval(self, needed: ApprovalNeeded) -> None:
        """Show who must approve; the next press of the button records the approval."""
        self._approval = needed
        self.approval_label.setText(
            self.tr("Major complaint: %1 above your limit of %2 needs the approval of its "
                    "owner, %3. Ask them to confirm here, then press the button again.")
            .replace("%1", format_yuan(needed.amount)).replace("%2", format_yuan(needed.limit))
            .replace("%3", needed.owner))
        has_pin = self.register.staff.has_pin(needed.owner)
        self.approval_label.show()
        self.approval_pin_label.setVisible(has_pin)
        self.approval_pin.setVisible(has_pin)
        self.ok_button.setText(self.tr("Approved by %1 — change status")
                               .replace("%1", needed.owner))
        self.adjustSize()
        (self.approval_pin if has_pin else self.ok_button).setFocus()
    def _maybe_fixed(self, widget: QWidget) -> None:
        if widget is not self._fix_field:
            return
        filled = {self.outcome: lambda: self.outcome.current() is not None,
                  self.note: lambda: bool(self.note.toPlainText().strip()),
                  self.amount: lambda: bool(self.amount.text().strip()),
                  self.promises_reason:
                      lambda: bool(self.promises_reason.currentText().strip())}[widget]()
        if filled:
            self.error.clear_error()
            self._fix_field = None

    def _refused(self, message: str) -> None:
        self.error.show_error(message)
        # Put the cursor where the fix is most likely needed.
        self._fix_field = None
        reason = self.promises_not_needed_reason()
        if reason is not None and not reason.strip():
            self._fix_field = self.promises_reason
        elif self._reason_required() and not self.note.toPlainText().strip():
            self._fix_field = self.note
        elif self.target_status() == CaseStatus.RESOLVED and self.outcome.current() is None:
            self._fix_field = self.outcome
        elif self.target_status() == CaseStatus.RESOLVED:
            self._fix_field = self.amount
        if self._fix_field is not None:
            self._fix_field.setFocus()
