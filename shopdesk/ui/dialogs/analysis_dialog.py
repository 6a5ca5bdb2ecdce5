"""The complaint analysis window (投诉分析): a period, a dimension, a platform and product
filter, the Pareto chart and its table; the improvement plans (表一) on a second tab. The
chart is the reportlab drawing the PDF uses, shown through QtSvg. A click on a bar or a
double-click on a row asks the main window to list those cases (`group_activated`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import AnalysisFilter, Dimension, Pareto
from ...domain.enums import Platform
from ...domain.money import format_yuan
from ...services.register import Register
from ..views.plans_view import PlansView
from ..views.refund_speed_view import RefundSpeedView
from ..widgets.pareto_chart_view import ParetoChartView
from ..window_state import app_settings
from .plan_dialog import PlanDialog

# "last_month": the month-end review's period (it took two typed dates before).
PERIODS = ("day", "week", "month", "last_month", "year", "last30", "custom")
# Each period's kind for its comparison (domain/analysis_periods.py PERIOD_KINDS).
_PERIOD_KINDS = {"day": "day", "week": "week", "month": "month", "last_month": "month",
                 "year": "year", "last30": "days"}
# The last choice, kept in the user's settings (QSettings, not the register: it is theirs).
PERIOD_KEY, DIMENSION_KEY = "analysis/period", "analysis/dimension"
FROM_KEY, TO_KEY = "analysis/from", "analysis/to"
MIN_YEAR, MAX_YEAR = 2000, 2100  # a restored custom period outside these is ignored
# Low enough that the table under it shows ten-odd rows in a 720 px window; the widget
# keeps about the drawing's proportions so the labels are not squashed.
CHART_WIDTH, CHART_HEIGHT = 900, 190
CHART_MIN_HEIGHT, CHART_MAX_HEIGHT = 170, 250
COLUMN_AIR = 16  # px beside the widest header or value of a figures column
PARETO_TAB, REFUND_SPEED_TAB, PLANS_TAB = 0, 1, 2  # the tabs, in the order added


class AnalysisDialog(QDialog):
    """Non-modal. `group_activated(GroupFilter)`: list the cases of a row or bar."""

    group_activated = Signal(object)

    def __init__(self, register: Register, lang: str, parent: QWidget | None = None, *,
                 operator: Callable[[], str] = lambda: "") -> None:
        super().__init__(parent)
        self.setObjectName("analysis_dialog")
        self.setWindowTitle(self.tr("Complaint analysis"))
        self.register = register
        self.lang = lang
        self._operator = operator
        self.result: Pareto | None = None
        self.period = QComboBox(self)
        self.period.setObjectName("analysis_period")
        names = {"day": self.tr("Today"), "week": self.tr("This week"),
                 "month": self.tr("This month"), "last_month": self.tr("Last month"),
                 "year": self.tr("This year"),
                 "last30": self.tr("Last 30 days"), "custom": self.tr("Custom")}
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(PERIODS.index("last30"))
        self.dimension = QComboBox(self)
        self.dimension.setObjectName("analysis_dimension")
        for dim in Dimension:
            self.dimension.addItem(dim.label(lang), dim.value)
        # The filters: only one platform's and/or one product's cases ("which causes drive
        # my AliExpress complaints?"). Not kept in the settings: a window reopened on a
        # forgotten filter would pass one platform's figures off as the shop's.
        self.platform_filter = QComboBox(self)
        self.platform_filter.setObjectName("analysis_platform")
        self.platform_filter.addItem(self.tr("All platforms"), "")
        for platform in Platform:
            self.platform_filter.addItem(platform.label(lang), platform.value)
        # The products of the period's cases, searchable by any part of the SKU or title.
        self.product_filter = QComboBox(self)
        self.product_filter.setObjectName("analysis_product")
        self.product_filter.setEditable(True)
        self.product_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product_filter.setMinimumContentsLength(16)
        self.product_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.product_filter.lineEdit().setPlaceholderText(self.tr("Type to search…"))
        self.product_filter.setToolTip(self.tr("Only the cases of one product (the SKU, or "
                                               "the item title when there is none)"))
        completer = self.product_filter.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.product_filter.addItem(self.tr("All items"), "")
        today = self._today()
        self.date_from = QDateEdit(QDate(today - timedelta(days=29)), self)
        self.date_to = QDateEdit(QDate(today), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._custom_dates)
        self.total = QLabel(self)
        self.total.setObjectName("analysis_total")
        # A reversed custom period is said beside the dates, not shown as "0 cases".
        self.period_error = QLabel(self.tr("The end date is before the start date"), self)
        self.period_error.setObjectName("analysis_period_error")
        self.period_error.setStyleSheet("color: #b3261e;")
        self.period_error.setVisible(False)
        # What the change column compares: a month with the month before, day for day
        # while it runs ("1–5 Dec vs 1–5 Nov"), not the same number of days before.
        self.compared = QLabel(self)
        self.compared.setObjectName("analysis_compared")
        self.chart = ParetoChartView(self)
        self.chart.setObjectName("analysis_chart")
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart.setMaximumHeight(CHART_MAX_HEIGHT)
        self.chart.setToolTip(self.tr("Click a bar to list its cases in the main window"))
        self.chart.bar_clicked.connect(self.activate_row)
        self.chart.resized.connect(self._draw_chart)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("analysis_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Count"), self.tr("Share"), self.tr("Cumulative"),
            self.tr("Refunded / compensated"), self.tr("Avg. hours to resolve"),
            self.tr("Change vs previous period")])
        self.table.verticalHeader().setVisible(False)
        # Rows as tall as the case list's (Qt's default is 30 px): more groups on screen.
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height()
                                                          + 10)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setToolTip(self.tr("Double-click a row to list its cases in the main window"))
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.activate_row(row))
        self.show_cases_button = QPushButton(self.tr("List these cases"), self)
        self.show_cases_button.setObjectName("analysis_show_cases")
        self.show_cases_button.clicked.connect(
            lambda: self.activate_row(self.table.currentRow()))
        self.plan_button = QPushButton(self.tr("New improvement plan for this group…"), self)
        self.plan_button.setObjectName("analysis_new_plan")
        self.plan_button.clicked.connect(self.new_plan)
        self.export_button = QPushButton(self.tr("Export table…"), self)
        self.export_button.setObjectName("analysis_export")
        self.report_button = QPushButton(self.tr("Export monthly report…"), self)
        self.report_button.setObjectName("analysis_monthly_report")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.date_to)
        bar.addWidget(self.period_error)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("By:"), self))
        bar.addWidget(self.dimension)
        bar.addStretch(1)
        bar.addWidget(self.total)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Platform:"), self))
        filters.addWidget(self.platform_filter)
        filters.addSpacing(16)
        filters.addWidget(QLabel(self.tr("Item / SKU:"), self))
        filters.addWidget(self.product_filter)
        filters.addStretch(1)
        pareto_page = QWidget(self)
        page = QVBoxLayout(pareto_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.chart)
        page.addWidget(self.table, 1)  # the rest of the height: the figures read row by row
        actions = QHBoxLayout()
        for button in (self.show_cases_button, self.plan_button):
            actions.addWidget(button)
        actions.addSpacing(8)
        actions.addWidget(self.compared)
        actions.addStretch(1)
        for button in (self.export_button, self.report_button):
            actions.addWidget(button)
        page.addLayout(actions)
        self.plans = PlansView(register, lang, operator, self)
        self.plans.new_requested.connect(self.new_plan)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("analysis_tabs")
        self.refund_speed = RefundSpeedView(register, lang, self)
        self.tabs.addTab(pareto_page, self.tr("Pareto analysis"))
        self.tabs.addTab(self.refund_speed, self.tr("Refund speed"))
        self.tabs.addTab(self.plans, self.tr("Improvement plans (Table 1)"))
        # The dimension and the filters are the Pareto's; refund speed has its own "per"
        # choice and counts the whole shop.
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        self._restore_choice()
        self.period.currentIndexChanged.connect(self._period_changed)
        self.dimension.currentIndexChanged.connect(self.reload)
        self.platform_filter.currentIndexChanged.connect(self.reload)
        self.product_filter.currentIndexChanged.connect(self.reload)
        self.product_filter.lineEdit().editingFinished.connect(self._product_typed)
        self.period.currentIndexChanged.connect(lambda _i: self._remember_choice())
        self.dimension.currentIndexChanged.connect(lambda _i: self._remember_choice())
        self.resize(1000, 640)
        self.reload()

    def _restore_choice(self) -> None:
        """The period and dimension chosen last time (a custom period with its dates): the
        owner reopening the window at month end finds it as they left it."""
        settings = app_settings()
        period = settings.value(PERIOD_KEY, "last30")
        dimension = settings.value(DIMENSION_KEY, Dimension.CAUSE.value)
        index = self.dimension.findData(dimension)
        if index >= 0:
            self.dimension.setCurrentIndex(index)
        if period == "custom":
            first, last = (QDate.fromString(str(settings.value(k, "")), "yyyy-MM-dd")
                           for k in (FROM_KEY, TO_KEY))
            # A hand-edited or damaged setting falls back to the default period: a reversed
            # or far-off range would make every reopening fail.
            if first.isValid() and last.isValid() and first <= last \
                    and first.year() >= MIN_YEAR and last.year() <= MAX_YEAR:
                for edit, day in ((self.date_from, first), (self.date_to, last)):
                    edit.blockSignals(True)
                    edit.setDate(day)
                    edit.blockSignals(False)
                self.period.setCurrentIndex(PERIODS.index("custom"))
            return
        if period in PERIODS and period != "last30":
            self.period.setCurrentIndex(PERIODS.index(period))
            self._period_changed(reload=False)

    def _remember_choice(self) -> None:
        settings = app_settings()
        settings.setValue(PERIOD_KEY, self.period.currentData())
        settings.setValue(DIMENSION_KEY, self.dimension.currentData())
        first, last = self.period_days()
        settings.setValue(FROM_KEY, first.isoformat())
        settings.setValue(TO_KEY, last.isoformat())

    def _tab_changed(self, index: int) -> None:
        pareto = self.tabs.widget(index) is not self.refund_speed
        for widget in (self.dimension, self.platform_filter, self.product_filter):
            widget.setEnabled(pareto)

    def filter(self) -> AnalysisFilter:
        """The platform and product chosen ("" for all)."""
        return AnalysisFilter(self.platform_filter.currentData() or "",
                              self.product_filter.currentData() or "")

    def _product_typed(self) -> None:
        """Typed text that names a product (any case) chooses it, an empty box all items;
        anything else goes back to the product chosen, never left beside another filter."""
        combo = self.product_filter
        text = combo.currentText().strip()
        index = 0 if not text else combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = combo.currentIndex()
        if index != combo.currentIndex():
            combo.setCurrentIndex(index)  # reloads
        else:
            combo.setEditText(combo.itemText(index))

    def _fill_products(self, start: datetime, end: datetime) -> None:
        """The period's products as the choices; the one chosen stays (with no cases in the
        period it shows an empty table, not silently the whole shop)."""
        combo = self.product_filter
        chosen = combo.currentData() or ""
        products = self.register.analysis.products(start, end)
        if chosen and chosen not in products:
            products = sorted([*products, chosen])
        if [combo.itemData(i) for i in range(1, combo.count())] == products:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for product in products:
            combo.addItem(product, product)
        combo.setCurrentIndex(combo.findData(chosen) if chosen else 0)
        combo.blockSignals(False)

    def _today(self) -> date:
        from zoneinfo import ZoneInfo

        return self.register.clock.now().astimezone(ZoneInfo(self.register.shop_tz)).date()

    def _period_changed(self, _index: int = 0, *, reload: bool = True) -> None:
        key = self.period.currentData()
        today = self._today()
        end = today
        start = {"day": today, "week": today - timedelta(days=today.weekday()),
                 "month": today.replace(day=1), "year": today.replace(month=1, day=1),
                 "last30": today - timedelta(days=29)}.get(key)
        if key == "last_month":
            end = today.replace(day=1) - timedelta(days=1)
            start = end.replace(day=1)
        if start is not None:
            for edit in (self.date_from, self.date_to):
                edit.blockSignals(True)
            self.date_from.setDate(QDate(start))
            self.date_to.setDate(QDate(end))
            for edit in (self.date_from, self.date_to):
                edit.blockSignals(False)
        if reload:
            self.reload()

    def _custom_dates(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(PERIODS.index("custom"))
        self.period.blockSignals(False)
        self._remember_choice()
        self.reload()

    def _draw_chart(self) -> None:
        """The chart drawn at the widget's size (1:1: crisp labels, true proportions); the
        default size until the widget has one."""
        result = self.result
        if result is None:
            return
        service = self.register.analysis
        width = self.chart.width() if self.chart.width() >= 300 else CHART_WIDTH
        height = self.chart.height() if self.chart.height() >= CHART_MIN_HEIGHT \
            else CHART_HEIGHT
        self.chart.show_chart(service.chart_svg(result, width=width, height=height,
                                                lang=self.lang), width,
                              lambda x: service.chart_bar_at(result, width, x))

    def period_kind(self) -> str | None:
        """What the chosen period is, for what it is compared with (None: custom dates,
        told from the dates)."""
        return _PERIOD_KINDS.get(PERIODS[self.period.currentIndex()])

    def period_days(self) -> tuple[date, date]:
        """The chosen first and last day (shop time), both included."""
        first = self.date_from.date().toPython()
        return first, max(self.date_to.date().toPython(), first)

    def bounds(self) -> tuple[datetime, datetime]:
        """The chosen period: [first day 00:00, day after the last 00:00) shop time."""
        first = self.date_from.date().toPython()
        last = max(self.date_to.date().toPython(), first)
        service = self.register.analysis
        return service.day_start(first), service.day_start(last + timedelta(days=1))

    def by(self) -> Dimension:
        return Dimension(self.dimension.currentData())

    def reload(self) -> None:
        """Recompute the table and chart for the chosen period and dimension."""
        service = self.register.analysis
        reversed_period = self.date_to.date() < self.date_from.date()
        self.period_error.setVisible(reversed_period)
        self.date_to.setStyleSheet("QDateEdit { border: 1px solid #b3261e; }"
                                   if reversed_period else "")
        self.date_to.setToolTip(self.period_error.text() if reversed_period else "")
        if reversed_period:
            self._show_nothing()
            return
        start, end = self.bounds()
        self.refund_speed.show_period(start, end)
        self._fill_products(start, end)
        self.result = result = service.pareto(self.by(), start, end, self.lang,
                                              filter=self.filter(), kind=self.period_kind())
        self.total.setText(self.tr("%1 cases").replace("%1", str(result.total)))
        comp = result.comparison
        self.compared.setText(self.tr("Change: %1").replace("%1", comp.text(self.lang))
                              if comp is not None else "")
        self._draw_chart()
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
        self._fit_columns()
        has_rows = bool(result.rows)
        for button in (self.show_cases_button, self.plan_button, self.export_button):
            button.setEnabled(has_rows)
        self.plans.reload()

    def _show_nothing(self) -> None:
        """No table, chart or total while the period is not a period (the end before the
        start): the message beside the dates says why."""
        self.result = None
        self.total.setText("")
        self.compared.setText("")
        self.table.setRowCount(0)
        self.chart.show_chart(b"", CHART_WIDTH, lambda _x: None)
        start = self.register.analysis.day_start(self.date_from.date().toPython())
        self.refund_speed.show_period(start, start)
        for button in (self.show_cases_button, self.plan_button, self.export_button):
            button.setEnabled(False)

    def _fit_columns(self) -> None:
        """The figures' columns fit their header and values with some air (平均解决时长
        （小时） is wider than a default section, and was cut); the group's name takes the
        rest of the width. The user may still widen them."""
        header = self.table.horizontalHeader()
        for col in range(1, self.table.columnCount()):
            self.table.setColumnWidth(col, max(header.sectionSizeFromContents(col).width(),
                                               self.table.sizeHintForColumn(col)) + COLUMN_AIR)

    def activate_row(self, row: int) -> None:
        """Ask the main window to list the cases of row `row` (a bar or a table row)."""
        if self.result is None or not 0 <= row < len(self.result.rows):
            return
        self.table.selectRow(row)
        start, end = self.bounds()
        self.group_activated.emit(self.register.analysis.drill_down(
            self.result.by, self.result.rows[row].key, start, end, self.lang,
            filter=self.result.filter))

    def new_plan(self) -> PlanDialog:
        """A new plan for the selected row's category (the chosen period is its baseline)."""
        rows = self.result.rows if self.result is not None else ()
        row = self.table.currentRow()
        dialog = PlanDialog(self.register, self.lang, self._operator, dimension=self.by(),
                            categories=[(r.key, r.label) for r in rows],
                            category=rows[row].key if 0 <= row < len(rows) else "",
                            baseline=self.bounds(), parent=self)
        dialog.accepted.connect(lambda: self._plan_added(dialog))
        dialog.open()
        return dialog

    def _plan_added(self, dialog: PlanDialog) -> None:
        self.plans.reload()
        self.tabs.setCurrentIndex(PLANS_TAB)
        if dialog.saved is not None:
            self.plans.select_plan(dialog.saved.id)

