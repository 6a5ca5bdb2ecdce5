"""Log a phone call: when, outcome, what was agreed, the pre-call checklist, and an
override reason when the call was outside the policy (hard blocks are refused)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.call_policy import CallOutcome, PreCallChecklist, local_to_utc
from ...domain.clock import local
from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...services.calls import FUTURE_SLACK, CallRefusedError, CallService
from ..widgets.call_texts import AMBER, GREEN, RED, CallTexts, label_style
from ..widgets.date_time_edit import KeyboardDateTimeEdit
from ..widgets.enum_combo import EnumCombo
from ..widgets.field_error import FieldErrorLabel, ValidatedField
from ..widgets.screen_fit import fit_to_screen, scrolling_body

# Lines of text the policy verdict has room for without the dialog changing height.
POLICY_LINES = 5


class LogCallDialog(QDialog):
    """Record one call on `case_id`; emits logged(case id) and accepts on success."""

    logged = Signal(int)

    def __init__(self, calls: CallService, case_id: int, operator: str,
                 parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.calls = calls
        self.case_id = case_id
        self.operator = operator
        self.lang = lang
        self.texts = CallTexts(self)
        self.tz = calls.shop_tz
        case = calls.case(case_id)
        self._case = case
        self.setWindowTitle(self.tr("Log call — %1").replace("%1", case.case_no))
        self._build()
        self.refresh_policy()
        self.outcome.setFocus()

    # --- building ----------------------------------------------------------
    def _build_history(self) -> QWidget:
        """Earlier calls to this buyer, across all their cases: what was tried, by whom."""
        box = QGroupBox(self.tr("Earlier calls with this buyer"))
        self.history = QListWidget()
        # A fixed height: the list never grows or shrinks with the verdict below it.
        self.history.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        records = self.calls.calls_for_buyer(self.case_id)
        for record in reversed(records):  # newest first
            when = local(record.at, self.calls.shop_tz).strftime("%m-%d %H:%M")
            mark = self.tr(" (override)") if record.overridden else ""
            text = f"{when}  {record.actor}  {record.outcome.label(self.lang)}{mark}"
            if record.summary:
                text += f"  — {record.summary}"
            self.history.addItem(text)
        if not records:
            self.history.addItem(self.tr("No calls logged yet."))
        layout = QVBoxLayout(box)
        layout.addWidget(self.history)
        return box

    def _build(self) -> None:
        self.when = KeyboardDateTimeEdit()
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        now = local(self.calls.clock.now(), self.tz)
        self.when.setDateTime(QDateTime(now.date(), now.time().replace(second=0,
                                                                       microsecond=0)))
        self._opened_at = self.when.dateTime()  # untouched: the call is "now", exactly
        self.outcome = EnumCombo(CallOutcome, self.lang)
        self.duration = QSpinBox()
        self.duration.setRange(0, 600)
        self.duration.setSuffix(self.tr(" min"))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.agreed = QLineEdit()
        self.agreed.setPlaceholderText(self.tr("e.g. reship tomorrow, buyer keeps the item"))
        # Nobody talked on an unanswered or rejected call: no talk time, no agreement.
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

        # A call before the case was opened is logged only as such (补登): always shown,
        # usable only for such a time, so the form never changes shape.
        self.before_case = QCheckBox(self.tr("Logged afterwards: a contact from before this "
                                             "case was opened"))
        self.before_case.setEnabled(False)
        self.before_case.toggled.connect(self.refresh_policy)

        form = QFormLayout()
        form.addRow(self.tr("Time (shop time)"), self.when)
        form.addRow("", self.before_case)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Agreed"), self.agreed)

        self.goal = QLineEdit()
        self.offers = [QLineEdit() for _ in range(3)]
        self.bottom_line = QLineEdit()
        self.max_grant = QLineEdit()
        offers_row = QHBoxLayout()
        for i, edit in enumerate(self.offers, start=1):
            edit.setPlaceholderText(self.tr("Offer %1").replace("%1", str(i)))
            offers_row.addWidget(edit)
        checklist = QGroupBox(self.tr("Pre-call checklist"))
        check_form = QFormLayout(checklist)
        check_form.addRow(self.tr("Goal of the call"), self.goal)
        check_form.addRow(self.tr("Fallback offers (2–3)"), offers_row)
        check_form.addRow(self.tr("Bottom line"), self.bottom_line)
        check_form.addRow(self.tr("Most you may grant"), self.max_grant)

        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        self.policy_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A fixed box for the verdict: a one-line "may call" and a five-line "may not" take
        # the same space (a longer one scrolls), so the form never jumps as the time is typed.
        self.policy_box = QScrollArea()
        self.policy_box.setWidget(self.policy_label)
        self.policy_box.setWidgetResizable(True)
        self.policy_box.setFrameShape(QFrame.Shape.NoFrame)
        self.policy_box.setFixedHeight(self.fontMetrics().lineSpacing() * POLICY_LINES + 16)
        self.override_edit = QLineEdit()
        self.override_edit.setPlaceholderText(self.tr("Why call outside the policy?"))
        self.override_field = ValidatedField(self.override_edit)
        self.override_label = QLabel(self.tr("Override reason (required)"))
        self.override_label.setBuddy(self.override_edit)
        # The reason's row keeps its place while hidden (a call within the policy needs
        # none): the box is as tall as the row, shown or not.
        self.override_box = QWidget()
        override_row = QFormLayout(self.override_box)
        override_row.setContentsMargins(0, 0, 0, 0)
        override_row.addRow(self.override_label, self.override_field)
        self.override_box.setFixedHeight(self.override_box.sizeHint().height())
        self.error = FieldErrorLabel()
        keep = self.error.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # a refusal shown later takes no new room
        self.error.setSizePolicy(keep)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Log call"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.apply)

        body = QVBoxLayout()
        body.addWidget(self._build_history())
        body.addLayout(form)
        body.addWidget(checklist)
        body.addWidget(self.policy_box)
        body.addWidget(self.override_box)
        layout = QVBoxLayout(self)
        # The form scrolls on a short screen; the error and Save stay in view (about
        # 650 px tall, the dialog left Save under a laptop's taskbar).
        self.body = scrolling_body(body, self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        self.setMinimumWidth(560)
        fit_to_screen(self, self.body)

        self.when.dateTimeChanged.connect(self.refresh_policy)
        for edit in (self.goal, *self.offers, self.bottom_line, self.max_grant):
            edit.textChanged.connect(self.refresh_policy)

    def _outcome_changed(self, _index: int = 0) -> None:
        outcome = self.outcome.current()
        talked = isinstance(outcome, CallOutcome) and outcome.is_conversation
        self.duration.setEnabled(talked)
        self.agreed.setEnabled(talked)

    # --- reading the form ----------------------------------------------------
    def call_time(self) -> datetime:
        """The chosen wall-clock time in the shop's zone, as an instant; the present
        moment while the box still shows the minute it opened with (the box has no
        seconds: a call logged just after a shift began fell before it, 无人当班)."""
        qdt = self.when.dateTime()
        if qdt == self._opened_at:
            return self.calls.clock.now()
        return local_to_utc(qdt.date().toPython(), qdt.time().toPython(), ZoneInfo(self.tz))

    def checklist(self) -> PreCallChecklist:
        return PreCallChecklist(
            goal=self.goal.text().strip(),
            fallback_offers=tuple(e.text().strip() for e in self.offers if e.text().strip()),
            bottom_line=self.bottom_line.text().strip(),
            max_grant=self.max_grant.text().strip())

    @property
    def override_required(self) -> bool:
        return not self.override_field.isHidden()

    # --- the policy verdict --------------------------------------------------
    def refresh_policy(self) -> None:
        """Say whether the call fits the policy; ask for a reason for soft breaches.

        One message, true for the form as it is now: a refusal from an earlier save
        goes, and a time the call cannot have been made at is said instead of a verdict
        (a future time is no call "within the policy")."""
        self.error.clear_error()
        at = self.call_time()
        if at > self.calls.clock.now() + FUTURE_SLACK:
            self.before_case.setEnabled(False)
            self._policy(self.tr("The call time is in the future: a call is logged after "
                                 "it was made."), RED, override=False, blocked=True)
            return
        early = self.calls.before_case(self._case, at)
        self.before_case.setEnabled(early)
        if early and not self.before_case.isChecked():
            opened = local(self._case.created_at, self.tz).strftime("%Y-%m-%d %H:%M") \
                if self._case.created_at else ""
            self._policy(self.tr("This time is before the case was opened (%1). If it was a "
                                 "contact from before the case, tick “Logged afterwards”.")
                         .replace("%1", opened), RED, override=False, blocked=True)
            return
        decision = self.calls.can_call(self.case_id, at, self.checklist())
        if decision.allowed:
            left = min(decision.remaining_24h, decision.remaining_case,
                   decision.remaining_span)
            text = self.tr("Within the call policy (%1 left)").replace("%1", str(left))
            if decision.warnings:
                # Allowed by the shop's clock only (a buyer abroad with no zone): say so
                # before the seller logs a call that may have been into the buyer's night.
                text += "\n" + "\n".join(w.message(self.lang) for w in decision.warnings)
            self._policy(text, AMBER if decision.warnings else GREEN, override=False,
                         blocked=False)
        elif decision.overridable:
            text = (self.tr("Outside the call policy:") + "\n"
                    + self.texts.details(decision, self.lang, self.tz))
            self._policy(text, AMBER, override=True, blocked=False)
        else:
            text = (self.tr("This call may not be made or logged (hard rule, no override):")
                    + "\n" + self.texts.details(decision, self.lang, self.tz))
            self._policy(text, RED, override=False, blocked=True)

    def _policy(self, text: str, colour: str, *, override: bool, blocked: bool) -> None:
        self.policy_label.setText(text)
        self.policy_label.setStyleSheet(label_style(colour))
        self.override_label.setVisible(override)
        self.override_field.setVisible(override)
        self.save_button.setEnabled(not blocked)

    # --- saving ----------------------------------------------------------------
    def apply(self) -> None:
        """Log the call through the service; say why not, in the dialog, if refused."""
        self.error.clear_error()
        self.override_field.set_error(None)
        reason = self.override_edit.text().strip() if self.override_required else None
        if self.override_required and not reason:
            self.override_field.set_error(self.tr("Write why this call was made anyway"))
            self.override_edit.setFocus()
            return
        outcome = self.outcome.current()
        assert isinstance(outcome, CallOutcome)
        talked = outcome.is_conversation  # greyed fields are not sent
        minutes = self.duration.value() if talked else 0
        try:
            self.calls.log_call(
                self.case_id, outcome, self.operator, self.call_time(),
                duration=minutes * 60 if minutes else None,
                summary=self.summary.toPlainText(),
                agreed=self.agreed.text() if talked else "",
                override_reason=reason, checklist=self.checklist(),
                before_case=self.before_case.isEnabled() and self.before_case.isChecked())
        except CallRefusedError as exc:
            self.refresh_policy()
            self.error.show_error(exc.message(self.lang))
            return
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            return
        except NotFoundError:
            self.error.show_error(self.tr("This case no longer exists (it may have been "
                                          "deleted)"))
            return
        except ShopDeskError as exc:  # e.g. busy: stays open, as typed
            self.error.show_error(exc.message(self.lang))
            return
        self.logged.emit(self.case_id)
        self.accept()
