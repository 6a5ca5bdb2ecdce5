"""The audit trail of one case: who changed what, when, from what to what."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.register import Register
from ..i18n import ui_language
from ..views.case_detail_text import CaseText, shop_time

COLUMNS = ("who", "when", "action", "field", "old", "new")


class AuditDialog(QDialog):
    """Read-only table, oldest first; phone numbers appear masked."""

    def __init__(self, register: Register, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = ui_language(register)
        text = CaseText(lang, register.shop_tz, self)
        case = register.cases.get(case_id, include_deleted=True)
        self.setWindowTitle(self.tr("Audit trail — %1").replace("%1", case.case_no))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Who"), self.tr("When"), self.tr("Action"), self.tr("Field"),
            self.tr("Old value"), self.tr("New value")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        entries = register.cases.audit_for_screen(case_id)
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            cells = (e.actor, shop_time(e.at, register.shop_tz), text.action(e.action),
                     text.field(e.field), text.value(e.field, e.old),
                     text.value(e.field, e.new))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # long notes and descriptions are cut in the cell
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for col in (4, 5):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 220))
        header.setStretchLastSection(True)
        self.table.scrollToBottom()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(780, 420)

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (for tests and copy-out)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
