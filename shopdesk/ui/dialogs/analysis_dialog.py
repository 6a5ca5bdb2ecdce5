"""The complaint analysis window (投诉分析): a period, a dimension, the Pareto chart and
its table. The chart is the reportlab drawing the PDF uses, shown through QtSvg."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QDate, Qt, Signal
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import Dimension, Pareto
from ...domain.money import format_yuan
from ...services.register import Register
from ..views.refund_speed_view import RefundSpeedView

PERIODS = ("day", "week", "month", "year", "last30", "custom")


class AnalysisDialog(QDialog):
    """Non-modal; `rows_for(key)` are what a double-click asks the list to show."""

    group_activated = Signal(str, str)  # dimension, key

    def __init__(self, register: Register, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysis_dialog")
        self.setWindowTitle(self.tr("Complaint analysis"))
        self.register = register
        self.lang = lang
        self.result: Pareto | None = None
        self.period = QComboBox(self)
        self.period.setObjectName("analysis_period")
        names = {"day": self.tr("Today"), "week": self.tr("This week"),
                 "month": self.tr("This month"), "year": self.tr("This year"),
                 "last30": self.tr("Last 30 days"), "custom": self.tr("Custom")}
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(PERIODS.index("last30"))
        self.dimension = QComboBox(self)
        self.dimension.setObjectName("analysis_dimension")
        for dim in Dimension:
            self.dimension.addItem(dim.label(lang), dim.value)
        today = self._today()
        self.date_from = QDateEdit(QDate(today - timedelta(days=29)), self)
        self.date_to = QDateEdit(QDate(today), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._custom_dates)
        self.total = QLabel(self)
        self.total.setObjectName("analysis_total")
        self.chart = QSvgWidget(self)
        self.chart.setObjectName("analysis_chart")
        self.chart.setMinimumHeight(260)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("analysis_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Count"), self.tr("Share"), self.tr("Cumulative"),
            self.tr("Refunded / compensated"), self.tr("Avg. hours to resolve"),
            self.tr("Change vs previous period")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._row_activated)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.date_to)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("By:"), self))
        bar.addWidget(self.dimension)
        bar.addStretch(1)
        bar.addWidget(self.total)
        # Views over the same period: the Pareto of complaints, and refund speed.
        pareto_page = QWidget(self)
        pareto_layout = QVBoxLayout(pareto_page)
        pareto_layout.setContentsMargins(0, 4, 0, 0)
        pareto_layout.addWidget(self.chart, 3)
        pareto_layout.addWidget(self.table, 2)
        self.refund_speed = RefundSpeedView(register, lang, self)
        self.views = QTabWidget(self)
        self.views.setObjectName("analysis_views")
        self.views.setDocumentMode(True)
        self.views.addTab(pareto_page, self.tr("Complaints (Pareto)"))
        self.views.addTab(self.refund_speed, self.tr("Refund speed"))
        # The dimension is the Pareto's; refund speed has its own "per" choice.
        self.views.currentChanged.connect(
            lambda i: self.dimension.setEnabled(self.views.widget(i) is not self.refund_speed))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.views, 1)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.dimension.currentIndexChanged.connect(self.reload)
        self.resize(1000, 680)
        self.reload()

    def _today(self) -> date:
        from zoneinfo import ZoneInfo

        return self.register.clock.now().astimezone(ZoneInfo(self.register.shop_tz)).date()

    def _period_changed(self) -> None:
        key = self.period.currentData()
        today = self._today()
        start = {"day": today, "week": today - timedelta(days=today.weekday()),
                 "month": today.replace(day=1), "year": today.replace(month=1, day=1),
                 "last30": today - timedelta(days=29)}.get(key)
        if start is not None:
            for edit in (self.date_from, self.date_to):
                edit.blockSignals(True)
            self.date_from.setDate(QDate(start))
            self.date_to.setDate(QDate(today))
            for edit in (self.date_from, self.date_to):
                edit.blockSignals(False)
        self.reload()

    def _custom_dates(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(PERIODS.index("custom"))
        self.period.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Recompute the table and chart for the chosen period and dimension."""
        first = self.date_from.date().toPython()
        last = max(self.date_to.date().toPython(), first)
        service = self.register.analysis
        by = Dimension(self.dimension.currentData())
        self.refund_speed.show_period(service.day_start(first),
                                      service.day_start(last + timedelta(days=1)))
        self.result = result = service.pareto(by, service.day_start(first),  # type: ignore[arg-type]
                                              service.day_start(last + timedelta(days=1)),
                                              self.lang)
        self.total.setText(self.tr("%1 cases").replace("%1", str(result.total)))
        self.chart.load(QByteArray(service.chart_svg(result, width=900, height=300)))
        self.table.setRowCount(len(result.rows))
        for i, r in enumerate(result.rows):
            hours = f"{r.avg_resolve_hours:.1f}" if r.avg_resolve_hours is not None else ""
            cells = (r.label, str(r.count), f"{r.share:.1%}", f"{r.cumulative:.1%}",
                     format_yuan(r.amount), hours, f"{r.change:+d}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, r.key)
                self.table.setItem(i, col, item)

    def _row_activated(self, row: int, _col: int) -> None:
        if self.result is not None and 0 <= row < len(self.result.rows):
            self.group_activated.emit(self.result.by.value, self.result.rows[row].key)
