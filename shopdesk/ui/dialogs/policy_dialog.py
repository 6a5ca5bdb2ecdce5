"""Edit the shop's phone-call policy: windows per weekday, quiet hours, caps, holidays."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.call_policy import WEEKDAYS, CallPolicy, CapCounting, HolidayMode, Notice
from ...domain.policy_presets import PolicyConfigError, policy_from_dict, policy_to_dict
from ...domain.text import pick
from ...services.call_policy_settings import PRESETS
from ...services.calls import CallService, PolicyLoosenedError
from ...services.holidays import ShopHolidays
from ...services.staff import PinError
from ..widgets.enum_combo import EnumCombo
from ..widgets.field_error import FieldErrorLabel, ValidatedField
from ..widgets.screen_fit import fit_to_screen, scrolling_body
from .holiday_dialog import HolidayCoverageBox


def _spin(maximum: int, suffix: str, minimum: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    return spin


class PolicyDialog(QDialog):
    """Shows the stored policy; Save validates and stores it; emits saved()."""

    saved = Signal()

    def hours_text(self, minutes: int) -> str:
        """'= 24 h' beside a spin box counting minutes (1440 min reads badly); '' under an
        hour."""
        if minutes < 60:
            return ""
        hours, rest = divmod(minutes, 60)
        if rest:
            return self.tr("= %1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))
        return self.tr("= %1 h").replace("%1", str(hours))

    def _with_hours(self, spin: QSpinBox) -> QWidget:
        """`spin` with its value in hours beside it, kept up to date."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setObjectName(f"{spin.objectName() or 'spin'}_hours")
        spin.valueChanged.connect(lambda v: label.setText(self.hours_text(v)))
        row.addWidget(spin)
        row.addWidget(label, 1)
        spin.hours_label = label  # type: ignore[attr-defined]  # for tests
        return box

    def __init__(self, calls: CallService, operator: str, parent: QWidget | None = None, *,
                 lang: str = "zh", holidays: ShopHolidays | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        # The register's calendar is the shop's holiday data; a bare calendar (tests) has none.
        if holidays is None and isinstance(calls.holiday_calendar, ShopHolidays):
            holidays = calls.holiday_calendar
        self.holidays = holidays
        self.operator = operator
        self.lang = lang
        self.setWindowTitle(self.tr("Phone-call policy"))
        self._build()
        self.load(calls.policy())

    # --- building ----------------------------------------------------------
    def _build(self) -> None:
        self.preset = QComboBox()
        for name in PRESETS:
            policy = self.calls.policies.preset(name)
            self.preset.addItem(pick(self.lang, policy.label_zh, policy.label_en), name)
        self.load_preset_button = QPushButton(self.tr("Use preset"))
        self.load_preset_button.clicked.connect(self.load_preset)
        self.current = QLabel()
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Preset")))
        presets.addWidget(self.preset)
        presets.addWidget(self.load_preset_button)
        presets.addStretch(1)
        presets.addWidget(self.current)

        day_names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                     self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        windows = QGroupBox(self.tr("Calling windows (buyer's local time)"))
        grid = QGridLayout(windows)
        self.window_edits: dict[str, QLineEdit] = {}
        self.window_fields: dict[str, ValidatedField] = {}
        for i, (key, name) in enumerate(zip(WEEKDAYS, day_names, strict=True)):
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("no calls"))
            self.window_edits[key] = edit
            self.window_fields[key] = ValidatedField(edit)
            grid.addWidget(QLabel(name), i % 4, (i // 4) * 2)
            grid.addWidget(self.window_fields[key], i % 4, (i // 4) * 2 + 1)
        grid.addWidget(QLabel(self.tr("e.g. 10:00-12:00, 14:00-18:00")), 3, 2, 1, 2)
        self.end_margin = _spin(600, self.tr(" min"))

        self.quiet_start, self.quiet_end = QTimeEdit(), QTimeEdit()
        for edit in (self.quiet_start, self.quiet_end):
            edit.setDisplayFormat("HH:mm")
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel("–"))
        quiet.addWidget(self.quiet_end)
        quiet.addStretch(1)
        self.holiday_mode = EnumCombo(HolidayMode, self.lang)
        self.blackout = QLineEdit()
        self.blackout.setPlaceholderText("2026-06-18, 2026-11-11")
        self.blackout_field = ValidatedField(self.blackout)
        self.per_day = _spin(50, "", 1)
        self.counting = EnumCombo(CapCounting, self.lang)
        self.per_case = _spin(50, "", 1)
        self.per_span = _spin(200, "", 1)
        self.span_days = _spin(366, self.tr(" days"), 1)
        span = QHBoxLayout()
        span.addWidget(self.per_span)
        span.addWidget(QLabel(self.tr("calls in any")))
        span.addWidget(self.span_days)
        span.addStretch(1)
        self.min_gap = _spin(7 * 24 * 60, self.tr(" min"))
        self.cooldown = _spin(30 * 24 * 60, self.tr(" min"))
        self.chat_first = QCheckBox(self.tr("Message the buyer in chat before calling"))
        self.checklist = QCheckBox(self.tr("Require the pre-call checklist"))

        rules = QFormLayout()
        rules.addRow(self.tr("No new call in the last"), self.end_margin)
        rules.addRow(self.tr("Quiet hours (never call)"), quiet)
        rules.addRow(self.tr("Holidays"), self.holiday_mode)
        rules.addRow(self.tr("Blackout dates"), self.blackout_field)
        rules.addRow(self.tr("Calls per buyer per day"), self.per_day)
        rules.addRow(self.tr("Day counted as"), self.counting)
        rules.addRow(self.tr("Calls per case"), self.per_case)
        rules.addRow(self.tr("Calls per buyer over several days"), span)
        rules.addRow(self.tr("Minimum gap between calls"), self._with_hours(self.min_gap))
        rules.addRow(self.tr("Cool-down after talking"), self._with_hours(self.cooldown))
        rules.addRow("", self.chat_first)
        rules.addRow("", self.checklist)

        self.error = FieldErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addLayout(presets)
        body.addWidget(windows)
        body.addLayout(rules)
        self.holiday_box = (HolidayCoverageBox(self.holidays, self.operator, lang=self.lang)
                            if self.holidays is not None else None)
        if self.holiday_box is not None:
            body.addWidget(self.holiday_box)
        layout = QVBoxLayout(self)
        # The form scrolls, the error and the buttons stay: at 655 px the dialog put its
        # Save button under a laptop's taskbar.
        self.body = scrolling_body(body, self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        fit_to_screen(self, self.body)

    # --- policy <-> form -------------------------------------------------------
    def load(self, policy: CallPolicy) -> None:
        self.loaded = policy
        self.current.setText(pick(self.lang, policy.label_zh, policy.label_en))
        index = self.preset.findData(policy.name)
        if index >= 0:
            self.preset.setCurrentIndex(index)
        for i, key in enumerate(WEEKDAYS):
            self.window_edits[key].setText(", ".join(w.text() for w in policy.windows[i]))
        self.end_margin.setValue(int(policy.end_margin.total_seconds() // 60))
        self.quiet_start.setTime(QTime(policy.quiet_start.hour, policy.quiet_start.minute))
        self.quiet_end.setTime(QTime(policy.quiet_end.hour, policy.quiet_end.minute))
        self.holiday_mode.set_current(policy.holiday_mode)
        self.blackout.setText(", ".join(d.isoformat() for d in sorted(policy.blackout_dates)))
        self.per_day.setValue(policy.max_attempts_per_day)
        self.counting.set_current(policy.day_counting)
        self.per_case.setValue(policy.max_attempts_per_case)
        self.per_span.setValue(policy.max_attempts_per_span)
        self.span_days.setValue(policy.cap_span_days)
        self.min_gap.setValue(int(policy.min_gap.total_seconds() // 60))
        self.cooldown.setValue(int(policy.cooldown_after_talk.total_seconds() // 60))
        self.chat_first.setChecked(policy.require_chat_first)
        self.checklist.setChecked(policy.require_checklist)

    def load_preset(self) -> None:
        self.load(self.calls.policies.preset(self.preset.currentData()))

    def form_data(self) -> dict[str, Any]:
        """The form in the TOML shape policy_from_dict reads."""
        data = policy_to_dict(self.loaded)

        def parts(text: str) -> list[str]:
            return [p.strip() for p in text.split(",") if p.strip()]

        for key in WEEKDAYS:
            data["window"][key] = parts(self.window_edits[key].text())
        data["window"]["end_margin_minutes"] = self.end_margin.value()
        data["quiet_hours"] = {"start": self.quiet_start.time().toString("HH:mm"),
                               "end": self.quiet_end.time().toString("HH:mm")}
        data["holidays"] = {"mode": self.holiday_mode.current_key(),
                            "blackout_dates": parts(self.blackout.text())}
        data["caps"] = {"per_day": self.per_day.value(), "counting": self.counting.current_key(),
                        "per_case": self.per_case.value(),
                        "per_span": self.per_span.value(), "span_days": self.span_days.value(),
                        "min_gap_minutes": self.min_gap.value(),
                        "cooldown_after_talk_minutes": self.cooldown.value()}
        data["preparation"] = {"require_chat_first": self.chat_first.isChecked(),
                               "require_checklist": self.checklist.isChecked()}
        return data

    def apply(self) -> None:
        self.error.clear_error()
        for field in (*self.window_fields.values(), self.blackout_field):
            field.set_error(None)
        data = self.form_data()
        try:
            policy = policy_from_dict(data)
        except PolicyConfigError as exc:
            for e in exc.errors:
                self._mark(e.field, e.message(self.lang))
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            return
        loosened = self.calls.loosened_by(policy)
        if loosened:
            self._ask_loosen(policy, loosened)
            return
        self._store(policy)

    def _ask_loosen(self, policy: CallPolicy, loosened: list[Notice]) -> None:
        """Loosening past the safe preset is said plainly and needs an explicit yes (and
        then the operator's PIN when they have one)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Loosen the call policy?"),
                          self.tr("These changes allow calls that the safe preset does not:"),
                          parent=self)
        box.setObjectName("loosen_box")
        box.setInformativeText(
            "\n".join(f"• {n.message(self.lang)}" for n in loosened) + "\n\n"
            + self.tr("If a buyer reports the calls as harassment, the platform may penalise "
                      "the shop for calls made under these rules (Taobao: a general "
                      "violation, 12 points). The change is kept in the audit trail under "
                      "your name."))
        self.loosen_button = box.addButton(self.tr("Loosen anyway"),
                                           QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep the safe rules"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(
            lambda button: self._loosen_answered(policy, button is self.loosen_button))
        self.loosen_box = box
        box.open()

    def _loosen_answered(self, policy: CallPolicy, confirmed: bool) -> None:
        if not confirmed:
            return
        pin = None
        staff = self.calls.staff
        if staff is not None and staff.has_pin(self.operator):
            pin, ok = QInputDialog.getText(
                self, self.tr("Loosen the call policy?"),
                self.tr("PIN of %1 (4 digits):").replace("%1", self.operator),
                QLineEdit.EchoMode.Password)
            if not ok:
                return
        self._store(policy, confirmed=True, pin=pin)

    def _store(self, policy: CallPolicy, *, confirmed: bool = False,
               pin: str | None = None) -> None:
        try:
            self.calls.set_policy(policy, self.operator, confirmed=confirmed, pin=pin)
        except (PinError, PolicyLoosenedError) as exc:
            self.error.show_error(exc.errors[0].message(self.lang)
                                  if isinstance(exc, PinError) else exc.message(self.lang))
            return
        self.saved.emit()
        self.accept()

    def _mark(self, key: str, message: str) -> None:
        day = key.removeprefix("window.").split("[")[0]
        if day in self.window_fields:
            self.window_fields[day].set_error(message)
        elif key.startswith("holidays.blackout_dates"):
            self.blackout_field.set_error(message)
