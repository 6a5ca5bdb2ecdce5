"""The import history (导入记录, File menu): who imported which platform export when, and what
each import did, newest first. The same lines as `shopdesk import-history`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.import_history import history_lines
from ...services.register import Register
from ..i18n import ui_language

# Imports the window shows (a shop imports a few exports a day: months of history).
SHOWN = 500
COUNT_COLUMNS = (4, 5, 6, 7)


class ImportHistoryDialog(QDialog):
    """Read-only table of the applied imports (previews and refused files are not logged)."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_history_dialog")
        self.setWindowTitle(self.tr("Import history"))
        lang = ui_language(register)
        entries = register.imports.history(SHOWN)
        total = register.imports.history_total()
        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("import_history_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("File"), self.tr("Export"),
            self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Skipped"),
            self.tr("Also")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        lines = history_lines(entries, register.shop_tz, lang)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            e = line.entry
            cells = (line.when, e.actor, e.filename, line.kind, str(e.created),
                     str(e.updated), str(e.unchanged), str(e.skipped), line.extra)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                # The whole line in every cell's tooltip: a long file name or the last
                # column is cut in the cell.
                item.setToolTip(f"{e.filename}\n{line.summary}")
                if col in COUNT_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 240))
        header.setStretchLastSection(True)
        if lines:
            self.table.selectRow(0)

        self.status = QLabel(self)
        self.status.setObjectName("import_history_status")
        self.status.setWordWrap(True)
        if not lines:
            self.status.setText(self.tr("No platform export has been imported yet "
                                        "(File → Import platform export…, Ctrl+I)."))
        elif total > len(lines):
            self.status.setText(self.tr("%1 imports in all; the last %2 are shown.")
                                .replace("%1", str(total)).replace("%2", str(len(lines))))
        else:
            self.status.setText(self.tr("%1 import(s).").replace("%1", str(total)))
        self.table.setVisible(bool(lines))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(1000, 460)

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (for tests and copy-out)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
