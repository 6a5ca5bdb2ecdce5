"""Add or edit an improvement plan (表一): root cause, short- and long-term plan,
difficulty, owner, due date, target reduction and status; an existing plan shows what the
register measured against its target."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import Dimension, PlanStatus
from ...domain.errors import ShopDeskError, ValidationError
from ...domain.text import pick
from ...services.analysis import Plan
from ...services.register import Register

DIFFICULTIES = ("低", "中", "高")


class PlanDialog(QDialog):
    """New plan (`plan` None: for one of `categories` of `dimension`, baseline `baseline`)
    or an existing plan's edit. `saved` holds the plan after OK."""

    def __init__(self, register: Register, lang: str, operator: Callable[[], str], *,
                 plan: Plan | None = None, dimension: Dimension = Dimension.CAUSE,
                 categories: Sequence[tuple[str, str]] = (), category: str = "",
                 baseline: tuple[datetime, datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_dialog")
        self.register = register
        self.lang = lang
        self._operator = operator
        self.plan = plan
        self.dimension = plan.dimension if plan else dimension
        self.baseline = baseline
        self.saved: Plan | None = None
        self.setWindowTitle(self.tr("Edit improvement plan") if plan
                            else self.tr("New improvement plan"))

        self.category = QComboBox(self)
        self.category.setObjectName("plan_category")
        if plan is not None:
            self.category.addItem(register.analysis.label(plan.dimension, plan.category, lang),
                                  plan.category)
            self.category.setEnabled(False)
        else:
            for key, label in categories:
                self.category.addItem(label, key)
            index = self.category.findData(category)
            self.category.setCurrentIndex(max(index, 0))
        self.sub_type = QLineEdit(self)
        self.sub_type.setObjectName("plan_sub_type")
        self.sub_type.setPlaceholderText(self.tr("e.g. lid seal ring"))
        self.root_cause = QLineEdit(self)
        self.root_cause.setObjectName("plan_root_cause")
        self.root_cause.setPlaceholderText(self.tr("Why it happens (required)"))
        self.short_term = QPlainTextEdit(self)
        self.short_term.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.short_term.setObjectName("plan_short")
        self.short_term.setPlaceholderText(self.tr("What to do right away (required)"))
        self.long_term = QPlainTextEdit(self)
        self.long_term.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.long_term.setObjectName("plan_long")
        self.long_term.setPlaceholderText(self.tr("How to fix it for good"))
        for edit in (self.short_term, self.long_term):
            edit.setFixedHeight(52)
        self.difficulty = QComboBox(self)
        self.difficulty.setObjectName("plan_difficulty")
        self.difficulty.setEditable(True)
        self.difficulty.addItems(["", *DIFFICULTIES])
        self.owner = QComboBox(self)
        self.owner.setObjectName("plan_owner")
        self.owner.setEditable(True)
        self.owner.addItems(["", *(s.name for s in register.staff.list())])
        self.owner.setToolTip(self.tr("Person or team in charge (e.g. warehouse, "
                                      "customer service)"))
        self.has_due = QCheckBox(self.tr("Due date"), self)
        self.has_due.setObjectName("plan_has_due")
        self.due = QDateEdit(self)
        self.due.setObjectName("plan_due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate(self._today() + timedelta(days=30)))
        self.has_due.toggled.connect(self.due.setEnabled)
        self.target = QSpinBox(self)
        self.target.setObjectName("plan_target")
        # Up to 999 typed, refused over 100 by the service with a message: a spin box
        # capped at 100 silently took "150" as 15 (the owner's walkthrough).
        self.target.setRange(0, 999)
        self.target.setSuffix(" %")
        self.target.setSpecialValueText(self.tr("No target"))
        self.status = QComboBox(self)
        self.status.setObjectName("plan_status")
        for s in PlanStatus:
            self.status.addItem(s.label(lang), s.value)
        self.result = QLabel(self)
        self.result.setObjectName("plan_result")
        self.result.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("plan_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        # Room for the messages is kept whether or not one shows: appearing and going, the
        # line moved the fields by ~14 px under the pointer, and a click meant for one
        # field landed in the next. Three lines: the most the form can be told at once.
        self.error.setFixedHeight(3 * self.error.fontMetrics().lineSpacing() + 4)
        policy = self.error.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.error.setSizePolicy(policy)
        self.error.hide()
        # A message about a field goes once the user edits a field: left red after the field
        # was filled, it read as still wrong (the next OK checks again).
        self.root_cause.textChanged.connect(self.error.hide)
        self.short_term.textChanged.connect(self.error.hide)

        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Subtype"), self.sub_type)
        form.addRow(self.tr("Root cause"), self.root_cause)
        form.addRow(self.tr("Short-term action"), self.short_term)
        form.addRow(self.tr("Long-term action"), self.long_term)
        form.addRow(self.tr("Difficulty"), self.difficulty)
        form.addRow(self.tr("Owner"), self.owner)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(self.tr("Due"), due_row)
        form.addRow(self.tr("Target reduction"), self.target)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Measured result"), self.result)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill()
        self.resize(520, self.sizeHint().height())

    def _today(self) -> date:
        from zoneinfo import ZoneInfo

        return self.register.clock.now().astimezone(ZoneInfo(self.register.shop_tz)).date()

    def _fill(self) -> None:
        plan = self.plan
        self.has_due.setChecked(False)
        self.due.setEnabled(False)
        if plan is None:
            start, end = self.baseline or self.register.analysis.default_period()
            last = (end - timedelta(seconds=1)).date()
            self.result.setText(self.tr("Baseline %1 to %2; the actual reduction is measured "
                                        "over an equally long period after it")
                                .replace("%1", start.date().isoformat())
                                .replace("%2", last.isoformat()))
            return
        self.sub_type.setText(plan.sub_type)
        self.root_cause.setText(plan.root_cause)
        self.short_term.setPlainText(plan.plan)
        self.long_term.setPlainText(plan.plan_long)
        self.difficulty.setCurrentText(plan.difficulty)
        self.owner.setCurrentText(plan.owner)
        if plan.due_date is not None:
            self.has_due.setChecked(True)
            self.due.setDate(QDate(plan.due_date))
        self.target.setValue(plan.target_pct or 0)
        self.status.setCurrentIndex(max(self.status.findData(plan.status), 0))
        self.result.setText(pick(self.lang, *plan.result.text()))

    def values(self) -> dict[str, object]:
        """What the form says, as the service's keyword arguments."""
        return {
            "sub_type": self.sub_type.text(), "root_cause": self.root_cause.text(),
            "plan": self.short_term.toPlainText(), "plan_long": self.long_term.toPlainText(),
            "difficulty": self.difficulty.currentText(), "owner": self.owner.currentText(),
            "due_date": self.due.date().toPython() if self.has_due.isChecked() else None,
            "target_pct": self.target.value() or None,
        }

    def save(self) -> None:
        """Record the plan; a mistake is said under the form and the dialog stays open."""
        service = self.register.analysis
        values = self.values()
        try:
            if self.plan is None:
                plan = service.add_plan(dimension=self.dimension.value,
                                        category=str(self.category.currentData() or ""),
                                        actor=self._operator(), baseline=self.baseline,
                                        **values)  # type: ignore[arg-type]
                status = self.status.currentData()
                if status != plan.status:
                    plan = service.update_plan(plan.id, self._operator(), status=status)
            else:
                plan = service.update_plan(self.plan.id, self._operator(),
                                           status=self.status.currentData(), **values)
        except ValidationError as exc:
            self._say("\n".join(pick(self.lang, e.zh, e.en) for e in exc.errors))
            return
        except ShopDeskError as exc:
            self._say(exc.message(self.lang))
            return
        self.saved = plan
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
