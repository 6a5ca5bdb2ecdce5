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

from ...services.case_audit import audit_lines
from ...services.register import Register
from ..i18n import ui_language

COLUMNS = ("who", "when", "action", "field", "old", "new")


class AuditDialog(QDialog):
    """Read-only table, oldest first; phone numbers appear masked."""

    def __init__(self, register: Register, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = ui_language(register)
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
        # The same labels, shop-local times and file names the command line prints.
        files = {e.sha256: e.filename or e.title()
                 for e in register.evidence.for_case(case_id, include_removed=True)
                 if e.sha256}
        # audit_lines masks phones, names and addresses itself (as for the command line).
        lines = audit_lines(register.cases.audit(case_id), register.shop_tz, lang,
                            files=files)
        self.table.setRowCount(len(lines))
        for row, x in enumerate(lines):
            cells = (x.actor, x.when, x.action_label, x.field_label, x.old, x.new)
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
