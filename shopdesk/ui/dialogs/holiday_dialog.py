"""Holiday data for the call policy: which years are known, and entering a missing one.

chinese-calendar's data ends with the last State Council notice it shipped (2026 in the
release we use). For a year it lacks, the call policy falls back to weekends; the box in the
policy dialog says so, and "Enter holidays…" takes the year's notice as dates, used until an
update of the library covers that year.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...services.holidays import ShopHolidays
from ..widgets.field_error import ERROR_COLOUR, FieldErrorLabel, ValidatedField


class HolidayYearDialog(QDialog):
    """Type one year's holiday dates and make-up working days from the official notice."""

    def __init__(self, holidays: ShopHolidays, operator: str, year: int, *,
                 lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holidays = holidays
        self.operator = operator
        self.lang = lang
        self.setObjectName("holiday_year_dialog")
        self.setWindowTitle(self.tr("Statutory holidays of a year"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.valueChanged.connect(self._load)
        self.days = QLineEdit()
        self.days.setObjectName("holiday_dates")
        self.days.setPlaceholderText("2027-01-01, 2027-02-06..2027-02-12")
        self.makeup = QLineEdit()
        self.makeup.setObjectName("makeup_dates")
        self.makeup.setPlaceholderText("2027-02-14, 2027-02-20")
        self.days_field, self.makeup_field = ValidatedField(self.days), ValidatedField(self.makeup)
        hint = QLabel(self.tr(
            "Copy the dates from the State Council's holiday notice (国务院办公厅关于…放假安排"
            "的通知). Separate dates with commas; write a period as 2027-02-06..2027-02-12. "
            "These dates are used until ShopDesk's holiday data covers the year."))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Days off (holidays)"), self.days_field)
        form.addRow(self.tr("Make-up working days"), self.makeup_field)
        self.error = FieldErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load(year)
        self.resize(560, self.sizeHint().height())

    def _load(self, year: int) -> None:
        entry = self.holidays.entered().get(year)
        data = entry.to_dict() if entry else {"holidays": [], "makeup_workdays": []}
        self.days.setText(", ".join(data["holidays"]))
        self.makeup.setText(", ".join(data["makeup_workdays"]))

    def apply(self) -> None:
        for f in (self.days_field, self.makeup_field):
            f.set_error(None)
        self.error.clear_error()
        try:
            self.holidays.set_year(self.year.value(), self.days.text(), self.makeup.text(),
                                   self.operator)
        except ValidationError as exc:
            fields = {"holidays": self.days_field, "makeup_workdays": self.makeup_field}
            for e in exc.errors:
                target = fields.get(e.field)
                if target is not None:
                    target.set_error(e.message(self.lang))
                else:
                    self.error.show_error(e.message(self.lang))
            return
        self.accept()


class HolidayCoverageBox(QGroupBox):
    """The policy dialog's "Holiday data" box: coverage of this year and next, and a warning
    with "Enter holidays…" when one of them is not covered."""

    changed = Signal()

    def __init__(self, holidays: ShopHolidays, operator: str, *, lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Holiday data"))
        self.setObjectName("holiday_coverage")
        self.holidays = holidays
        self.operator = operator
        self.lang = lang
        self.status = QLabel()
        self.status.setObjectName("holiday_status")
        self.status.setWordWrap(True)
        self.enter_button = QPushButton(self.tr("Enter holidays…"))
        self.enter_button.setObjectName("enter_holidays")
        self.enter_button.clicked.connect(self.enter_year)
        row = QHBoxLayout(self)
        row.addWidget(self.status, 1)
        row.addWidget(self.enter_button)
        self.refresh()

    def missing(self) -> list[int]:
        return self.holidays.missing_years()

    def refresh(self) -> None:
        lines = []
        for c in self.holidays.coverage():
            if c.source == "library":
                lines.append(self.tr("{year}: built-in holiday data").format(year=c.year))
            elif c.source == "shop":
                lines.append(self.tr("{year}: entered by the shop ({days} days off, "
                                     "{makeup} make-up working days)").format(
                    year=c.year, days=c.holidays, makeup=c.makeup_workdays))
            else:
                lines.append(self.tr(
                    "{year}: NOT COVERED. Statutory holidays and make-up working days of "
                    "{year} are not known yet; weekends stand in for them. Enter them from "
                    "the State Council's notice.").format(year=c.year))
        self.status.setText("\n".join(lines))
        warn = bool(self.missing())
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if warn else "")

    def enter_year(self) -> None:
        missing = self.missing()
        year = missing[0] if missing else self.holidays.this_year() + 1
        dialog = HolidayYearDialog(self.holidays, self.operator, year, lang=self.lang,
                                   parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()
