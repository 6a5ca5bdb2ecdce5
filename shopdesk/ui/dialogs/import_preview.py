"""The import dialog's preview panel: an ImportReport as four counts, the rows with
errors and the updates to existing cases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import pick
from ...services.imports import ImportReport

MAX_SHOWN = 1000  # a wrong file can have thousands of bad rows; the count says how many


class CountBox(QFrame):
    """A big number with a caption under it."""

    def __init__(self, caption: str, colour: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(label)

    def set(self, value: int | None) -> None:
        self.number.setText("–" if value is None else str(value))


class PreviewPanel(QWidget):
    """Counts and tables of one ImportReport."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.count_new = CountBox(self.tr("new cases"), "#1b7f3b")
        self.count_updated = CountBox(self.tr("updated"), "#1f5fa8")
        self.count_unchanged = CountBox(self.tr("unchanged"), "#666666")
        self.count_errors = CountBox(self.tr("rows with errors"), "#b00020")
        counts = QHBoxLayout()
        for box in self.boxes():
            counts.addWidget(box)
        row = self.tr("Row")
        self.errors = _table([row, self.tr("Column"), self.tr("Reason")])
        self.updates = _table([row, self.tr("What changes")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.errors, "")
        self.tabs.addTab(self.updates, "")
        self._retitle(0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(counts)
        layout.addWidget(self.tabs, 1)

    def boxes(self) -> tuple[CountBox, ...]:
        return (self.count_new, self.count_updated, self.count_unchanged, self.count_errors)

    def _retitle(self, errors: int, updates: int) -> None:
        self.tabs.setTabText(0, self.tr("Rows with errors (%1)").replace("%1", str(errors)))
        self.tabs.setTabText(
            1, self.tr("Updates to existing cases (%1)").replace("%1", str(updates))
        )

    def show_report(self, report: ImportReport) -> None:
        readable = report.file_error is None
        values = (report.created, report.updated, report.unchanged, report.skipped)
        for box, value in zip(self.boxes(), values, strict=True):
            box.set(value if readable else None)
        shown = report.errors[:MAX_SHOWN]
        self.errors.setRowCount(len(shown))
        for row, e in enumerate(shown):
            reason = pick(self.lang, e.zh, e.en)
            tip = reason
            if e.value:
                tip += "\n" + self.tr("Cell: %1").replace("%1", e.value)
            for col, text in enumerate((str(e.row_number), e.column, reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.errors.setItem(row, col, item)
        fit_rows(self.errors)
        changes = report.changes[:MAX_SHOWN]
        self.updates.setRowCount(len(changes))
        for row, (number, text) in enumerate(changes):
            self.updates.setItem(row, 0, QTableWidgetItem(str(number)))
            self.updates.setItem(row, 1, QTableWidgetItem(text))
        fit_rows(self.updates)
        self._retitle(report.skipped, len(report.changes))
        self.tabs.setCurrentIndex(0 if report.errors or not report.changes else 1)

    def shown_counts(self) -> dict[str, str]:
        """The numbers on screen (for tests and screen readers)."""
        keys = ("created", "updated", "unchanged", "errors")
        return {k: b.number.text() for k, b in zip(keys, self.boxes(), strict=True)}


class _WrappingTable(QTableWidget):
    """A table whose last column wraps; row heights follow its width."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_rows(self)  # the stretched column's width changed with the view's


def _table(headers: list[str]) -> QTableWidget:
    table = _WrappingTable(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    header = table.horizontalHeader()
    for i in range(len(headers) - 1):
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    # Wrapped reasons need their height again whenever the width changes.
    header.sectionResized.connect(lambda *_: fit_rows(table))
    return table


def fit_rows(table: QTableWidget) -> None:
    """Rows tall enough for their wrapped text.

    Measured the way the style paints item text (QTextLayout, wrapping at word
    boundaries or anywhere): the view's own size hint goes wrong for CJK lines and for
    lines mixing Latin and CJK, and Qt then paints one elided line.
    """
    last = table.columnCount() - 1  # the stretched column; the others fit their text
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    # What the stretched column will be: during a resize its own width is not updated yet.
    stretched = table.viewport().width() - sum(table.columnWidth(c) for c in range(last))
    width = max(stretched - 2 * margin - 4, 10)  # - grid line and rounding: err on wrapping
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    single = table.fontMetrics().height()
    for row in range(table.rowCount()):
        item = table.item(row, last)
        height = single
        if item is not None and item.text():
            layout = QTextLayout(item.text(), table.font())
            layout.setTextOption(option)
            layout.beginLayout()
            height = 0.0
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                height += line.height()
            layout.endLayout()
        table.setRowHeight(row, int(height + 0.999) + 2 * margin + 2)
