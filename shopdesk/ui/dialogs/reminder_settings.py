"""The Settings dialog's "Reminders" tab: minutes before each kind is announced, quiet
hours, the 今日待退款 cut-off (register settings, shared with `shopdesk reminders
settings`) and whether closing the window minimises to the tray (this computer's
window setting, in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.reminders import MAX_LEAD_MINUTES, ReminderKind
from ...services.register import Register
from ..controllers.reminders import minimise_to_tray, set_minimise_to_tray
from ..widgets.field_error import FieldErrorLabel
from ..window_state import app_settings

# Warnings have no due time (announced when raised): no minutes to set.
LEAD_KINDS = (ReminderKind.DEADLINE, ReminderKind.PROMISE, ReminderKind.REFUND_CUTOFF)


def _qtime(value) -> QTime:
    return QTime(value.hour, value.minute)


def _time_edit(parent: QWidget, name: str, value) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    edit.setTime(_qtime(value))
    return edit


class ReminderSettingsPage(QWidget):
    """Saved by the dialog's OK (`save()` returns False and shows why when refused)."""

    def __init__(self, register: Register, lang: str, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_settings")
        self.register = register
        self.lang = lang
        self.settings = settings if settings is not None else app_settings()
        current = register.reminders.settings()
        labels = {
            ReminderKind.DEADLINE: self.tr("Platform deadlines"),
            ReminderKind.PROMISE: self.tr("Promises to buyers"),
            ReminderKind.REFUND_CUTOFF: self.tr("Refunds due today"),
        }
        form = QFormLayout(self)
        intro = QLabel(self.tr("Remind this many minutes before the due time:"), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.leads: dict[ReminderKind, QSpinBox] = {}
        for kind in LEAD_KINDS:
            spin = QSpinBox(self)
            spin.setObjectName(f"lead_{kind.value}")
            spin.setRange(0, MAX_LEAD_MINUTES)
            spin.setSingleStep(15)
            spin.setSuffix(self.tr(" min"))
            spin.setValue(int(current.lead(kind).total_seconds() // 60))
            self.leads[kind] = spin
            form.addRow(labels[kind], spin)

        self.cutoff = _time_edit(self, "refund_cutoff", current.refund_cutoff)
        self.cutoff.setToolTip(self.tr("When to remind about refunds still open today "
                                       "(finish them before 24:00)"))
        form.addRow(self.tr("Remind about today's refunds at"), self.cutoff)

        self.quiet = QCheckBox(self.tr("Quiet hours: no pop-ups from"), self)
        self.quiet.setObjectName("quiet_enabled")
        self.quiet.setChecked(current.quiet_enabled)
        self.quiet_start = _time_edit(self, "quiet_start", current.quiet_start)
        self.quiet_end = _time_edit(self, "quiet_end", current.quiet_end)
        row = QHBoxLayout()
        row.addWidget(self.quiet)
        row.addWidget(self.quiet_start)
        row.addWidget(QLabel(self.tr("to"), self))
        row.addWidget(self.quiet_end)
        row.addStretch(1)
        self.quiet_error = FieldErrorLabel(self)
        self.quiet_error.setObjectName("reminder_settings_error")
        form.addRow(row)
        form.addRow(self.quiet_error)
        self.quiet.toggled.connect(self._quiet_toggled)
        self._quiet_toggled(self.quiet.isChecked())

        self.minimise = QCheckBox(self.tr("Minimise to the system tray when the window is "
                                          "closed (reminders keep coming)"), self)
        self.minimise.setObjectName("minimise_to_tray")
        self.minimise.setChecked(minimise_to_tray(self.settings))
        form.addRow(self.minimise)
        note = QLabel(self.tr("Reminders held back during quiet hours are shown as one when "
                              "they end. Reminders make no sound and follow the system's "
                              "notification settings."), self)
        note.setWordWrap(True)
        note.setObjectName("reminder_note")
        form.addRow(note)

    def _quiet_toggled(self, on: bool) -> None:
        self.quiet_start.setEnabled(on)
        self.quiet_end.setEnabled(on)

    def save(self) -> bool:
        """Save; False (with the reason shown) when the settings are refused."""
        service = self.register.reminders
        current = service.settings()
        leads = dict(current.lead_minutes)
        leads.update({k: spin.value() for k, spin in self.leads.items()})
        start, end, cut = (self.quiet_start.time(), self.quiet_end.time(), self.cutoff.time())
        chosen = current.with_changes(
            lead_minutes=leads, quiet_enabled=self.quiet.isChecked(),
            quiet_start=current.quiet_start.replace(hour=start.hour(), minute=start.minute()),
            quiet_end=current.quiet_end.replace(hour=end.hour(), minute=end.minute()),
            refund_cutoff=current.refund_cutoff.replace(hour=cut.hour(), minute=cut.minute()))
        try:
            service.save_settings(chosen)
        except ValidationError as exc:
            self.quiet_error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            return False
        self.quiet_error.clear_error()
        set_minimise_to_tray(self.settings, self.minimise.isChecked())
        return True
