"""The refund-speed view of the analysis window (退款时效): median and 90th percentile
hours from the buyer's request to the refund, per platform or staff member, and the
follow-up results of the same period (satisfaction after resolution)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.refund_speed import SpeedRow
from ...services.register import Register


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class RefundSpeedView(QWidget):
    def __init__(self, register: Register, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refund_speed_view")
        self.register = register
        self.lang = lang
        self.by = QComboBox(self)
        self.by.setObjectName("refund_speed_by")
        self.by.addItem(self.tr("Platform"), "platform")
        self.by.addItem(self.tr("Staff member"), "staff")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("refund_speed_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Refunds"), self.tr("Median hours"),
            self.tr("90th percentile hours")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.definition = QLabel(self.tr(
            "From the buyer's request (the platform's application time when imported, else "
            "when the case was logged) to the case resolved with a full or partial refund; "
            "cases refunded in the period."), self)
        self.definition.setWordWrap(True)
        self.definition.setEnabled(False)  # greyed: an explanation, not data
        self.satisfaction = QLabel(self)
        self.satisfaction.setObjectName("refund_speed_satisfaction")
        self.satisfaction.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Per:"), self))
        bar.addWidget(self.by)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.definition)
        layout.addWidget(self.satisfaction)
        self._period: tuple[datetime, datetime] | None = None
        self.by.currentIndexChanged.connect(lambda _i: self._fill())

    def show_period(self, start: datetime, end: datetime) -> None:
        """Recompute for [start, end)."""
        self._period = (start, end)
        self._fill()

    def _fill(self) -> None:
        if self._period is None:
            return
        start, end = self._period
        service = self.register.analysis
        result = service.refund_speed(self.by.currentData(), start, end, self.lang)
        rows: list[SpeedRow] = [*result.rows, result.overall]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            label = r.label if r is not result.overall else self.tr("All")
            for col, text in enumerate((label, str(r.count), _hours(r.median_hours),
                                        _hours(r.p90_hours))):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r is result.overall:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, col, item)
        s = service.satisfaction(start, end)
        if not s.total:
            self.satisfaction.setText(self.tr("Follow-ups after resolution: none recorded "
                                              "in this period"))
            return
        self.satisfaction.setText(
            self.tr("Follow-ups after resolution: %1 — satisfied %2, problem again %3, "
                    "no reply %4")
            .replace("%1", str(s.total))
            .replace("%2", f"{s.satisfied} ({s.share(s.satisfied):.0%})")
            .replace("%3", f"{s.problem_again} ({s.share(s.problem_again):.0%})")
            .replace("%4", f"{s.no_reply} ({s.share(s.no_reply):.0%})"))
