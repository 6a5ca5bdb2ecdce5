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
        self.hours.setSuffix(self.tr(" 小时"))
        self.hours.setValue(register.deadlines.warning_hours())
        self.hours.setToolTip(self.tr("剩余时间少于此值时显示为红色，并列入“即将超时”"))
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("deadline_rules")
        self.table.setHorizontalHeaderLabels([
            self.tr("平台"), self.tr("阶段"), self.tr("谁处理"), self.tr("时限"),
            self.tr("到期后"), self.tr("信心"), self.tr("来源")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch)
        self.error = QLabel(self)
        self.error.setObjectName("deadline_rules_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c81e1e;")
        self.edit_button = QPushButton(self.tr("编辑本店规则文件…"), self)
        self.edit_button.setObjectName("deadline_rules_edit")
        self.edit_button.setToolTip(self.tr("打开数据文件夹中的 deadline_rules.toml（没有则创建，"
                                            "内含示例）；改动的键覆盖随软件提供的规则"))
        self.reload_button = QPushButton(self.tr("重新载入规则"), self)
        self.reload_button.setObjectName("deadline_rules_reload")
        self.edit_button.clicked.connect(self.edit_rules)
        self.reload_button.clicked.connect(self.reload_rules)
        form = QFormLayout()
        form.addRow(self.tr("提醒阈值："), self.hours)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("平台导出的时限（如超时时间、举证超时）总是优先；"
                              "下列规则只在平台没给时推算。"
                              "“约”表示来源不确定，请以商家后台为准。"), self)
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
            stage = rule.stage.label(lang)
            if rule.kinds:
                stage += "（" + "、".join(k.label(lang) for k in rule.kinds) + "）"
            values = (rule.platform.label(lang), stage, rule.who.label(lang),
                      rule.length_text(lang), rule.on_timeout.get(lang).replace("{amount}", ""),
                      rule.confidence.label(lang) + (self.tr("（本店）") if rule.overridden
                                                     else ""),
                      f"{rule.source} {rule.year}".strip())
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if col != 1 or not rule.note else f"{value}\n{rule.note}")
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        err = service.rules_error
        self.error.setText(err.message(lang) + self.tr("（仍使用随软件提供的规则）") if err else "")
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
