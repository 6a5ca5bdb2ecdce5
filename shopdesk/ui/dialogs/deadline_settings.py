"""Settings → 时限: the warning threshold of the 剩余时间 column and 即将超时, and the
deadline rules in force (read-only here; the shop edits its own deadline_rules.toml, which
the page creates with commented examples and opens in the system's editor)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ShopDeskError, ValidationError
from ...domain.text import list_sep, with_note
from ...services.register import Register

_MAX_HOURS = 720.0


class DeadlineSettingsPage(QWidget):
    """`save()` on OK; `changed` is True once anything here changed what the list shows."""

    def __init__(self, register: Register, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._lang = lang
        self.changed = False
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("deadline_warning_hours")
        self.hours.setRange(0.5, _MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(1.0)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(register.deadlines.warning_hours())
        self.hours.setToolTip(self.tr("Cases with less time left than this turn red and are "
                                      "listed under “Deadline soon”"))
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("deadline_rules")
        self.table.setHorizontalHeaderLabels([
            self.tr("Platform"), self.tr("Stage"), self.tr("Who acts"), self.tr("Time limit"),
            self.tr("When time runs out"), self.tr("Confidence"), self.tr("Source")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch)
        self.error = QLabel(self)
        self.error.setObjectName("deadline_rules_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c81e1e;")
        self.edit_button = QPushButton(self.tr("Edit the shop's rules file…"), self)
        self.edit_button.setObjectName("deadline_rules_edit")
        self.edit_button.setToolTip(self.tr("Opens deadline_rules.toml in the data folder (created "
                                            "with examples if missing); the keys you change "
                                            "override the rules that ship with ShopDesk"))
        self.reload_button = QPushButton(self.tr("Reload rules"), self)
        self.reload_button.setObjectName("deadline_rules_reload")
        self.edit_button.clicked.connect(self.edit_rules)
        self.reload_button.clicked.connect(self.reload_rules)
        form = QFormLayout()
        form.addRow(self.tr("Warning threshold:"), self.hours)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("A deadline in the platform's export (such as the timeout or "
                              "the evidence deadline) always comes first; the rules below "
                              "only estimate one when the platform gives none. “About” means "
                              "the source is uncertain: the seller back office has the final "
                              "word."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.fill()

    def fill(self) -> None:
        """The rules in force, one row each (the shop's changes marked)."""
        service = self._register.deadlines
        rules = service.rules()
        lang = self._lang
        self.table.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            stage = with_note(rule.stage.label(lang),
                              list_sep(lang).join(k.label(lang) for k in rule.kinds), lang)
            values = (rule.platform.label(lang), stage, rule.who.label(lang),
                      rule.length_text(lang), rule.on_timeout.get(lang).replace("{amount}", ""),
                      rule.confidence.label(lang) + (self.tr(" (this shop)") if rule.overridden
                                                     else ""),
                      f"{rule.source} {rule.year}".strip())
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if col != 1 or not rule.note else f"{value}\n{rule.note}")
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        err = service.rules_error
        self.error.setText(err.message(lang) + self.tr(" (the rules that ship with ShopDesk "
                                                       "are still in use)") if err else "")
        self.error.setVisible(err is not None)

    def edit_rules(self) -> None:
        """Create the shop's rules file if missing and open it in the system's editor."""
        try:
            path = self._register.deadlines.ensure_override_file()
        except OSError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def reload_rules(self) -> None:
        """Read the rules again and recompute the open cases' deadlines if they changed."""
        try:
            self._register.deadlines.ensure_current()
        except ShopDeskError as exc:
            self.error.setText(exc.message(self._lang))
            self.error.show()
            return
        self.changed = True
        self.fill()

    def save(self) -> None:
        value = self.hours.value()
        if abs(value - self._register.deadlines.warning_hours()) < 1e-9:
            return
        try:
            self._register.deadlines.set_warning_hours(value)
        except ValidationError:
            return  # the spin box's range keeps it valid
        self.changed = True
