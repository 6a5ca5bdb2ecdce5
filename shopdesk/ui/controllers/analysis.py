"""Complaint analysis on the main window: View → Complaint analysis opens its window; a bar
or row of it lists those cases in the main list; the tables and the monthly report are
exported from it; a toolbar indicator points at improvement plans that are due or missed
their target."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QToolButton,
    QWidget,
)

from ...domain.case_query import GroupFilter
from ...domain.errors import ShopDeskError
from ...domain.text import pick
from ..save_location import remember_folder, suggested_path
from .host import Host, make_action

if TYPE_CHECKING:  # the analysis window (charts, plans) loads when first opened
    from ..dialogs.analysis_dialog import AnalysisDialog

INDICATOR_STYLE = ("QToolButton#plans_indicator { color: #8a5a00; background: #fff3cd;"
                   " border: 1px solid #e0b84c; border-radius: 3px; padding: 2px 8px; }")


class AnalysisController(QObject):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.dialog: AnalysisDialog | None = None
        self.act_analysis = make_action(
            parent, "action_analysis", self.tr("Complaint &analysis…"), self.open_dialog,
            tip=self.tr("Which causes bring most complaints (Pareto), by period and "
                        "dimension"))
        self.act_monthly_report = make_action(
            parent, "action_monthly_report", self.tr("Export monthly complaint report…"),
            lambda: self.export_monthly(),
            tip=self.tr("One month's complaint analysis as a PDF: Pareto chart, top causes, "
                        "improvement plans and their measured results"))
        # One line in the toolbar, hidden while no plan needs attention.
        self.indicator = QToolButton(parent)
        self.indicator.setObjectName("plans_indicator")
        self.indicator.setStyleSheet(INDICATOR_STYLE)
        self.indicator.setCursor(Qt.CursorShape.PointingHandCursor)
        self.indicator.clicked.connect(lambda: self.open_plans())
        self.indicator.hide()
        self.indicator_action: QAction | None = None  # set when placed in a toolbar
        host.case_list.count_changed.connect(lambda _n: self.refresh_indicator())

    def external_change(self) -> None:
        """A change made elsewhere (a plan added by a command, a colleague's import): the
        open analysis window shows it, the selected plan kept."""
        self.refresh_indicator()
        dialog = self.dialog
        if dialog is None or not dialog.isVisible() or \
                dialog.register is not self._host.register:
            return
        plans = dialog.plans
        row = plans.table.currentRow()
        selected = plans.plans[row].id if 0 <= row < len(plans.plans) else None
        plans.reload()
        if selected is not None:
            plans.select_plan(selected)
        dialog.reload()

    def open_dialog(self, tab: int | None = None) -> AnalysisDialog:
        """Open (or raise) the analysis window on the current register."""
        from ..dialogs.analysis_dialog import AnalysisDialog

        if self.dialog is not None and self.dialog.register is self._host.register:
            self.dialog.reload()
        else:
            if self.dialog is not None:
                self.dialog.close()
            self.dialog = AnalysisDialog(self._host.register, self._host.lang, self._parent,
                                         operator=self._host.operator)
            self.dialog.group_activated.connect(self.show_group)
            self.dialog.plans.changed.connect(self.refresh_indicator)
            self.dialog.export_button.clicked.connect(lambda: self.export_table())
            self.dialog.report_button.clicked.connect(lambda: self.export_monthly())
        if tab is not None:
            self.dialog.tabs.setCurrentIndex(tab)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def open_plans(self) -> AnalysisDialog:
        """The analysis window on its improvement-plans tab (the indicator's click)."""
        from ..dialogs.analysis_dialog import PLANS_TAB

        return self.open_dialog(tab=PLANS_TAB)

    def show_group(self, group: GroupFilter) -> None:
        """List a bar's or row's cases in the main window (the drill-down)."""
        self._host.show_group(group)

    # --- the plans indicator -------------------------------------------------------------
    def refresh_indicator(self) -> None:
        """'改进计划：2 项到期 · 1 项未达标' in the toolbar; hidden when none."""
        register = self._host.register
        if not register.is_open:
            return
        alerts = register.analysis.plan_alerts()
        parts = []
        if alerts.due:
            parts.append(self.tr("%1 due").replace("%1", str(len(alerts.due))))
        if alerts.missed:
            parts.append(self.tr("%1 missed the target").replace("%1", str(len(alerts.missed))))
        if not parts:
            self._show_indicator(False)
            return
        self.indicator.setText(self.tr("Improvement plans: ") + " · ".join(parts))
        names = [f"#{p.id} {register.analysis.label(p.dimension, p.category, self._host.lang)}"
                 f"：{p.plan}" for p in (*alerts.due, *alerts.missed)]
        self.indicator.setToolTip("\n".join(dict.fromkeys(names)) + "\n"
                                  + self.tr("Click to see the improvement plans"))
        self._show_indicator(True)

    def _show_indicator(self, shown: bool) -> None:
        # A widget in a toolbar is shown and hidden through the toolbar's action for it.
        if self.indicator_action is not None:
            self.indicator_action.setVisible(shown)
        else:
            self.indicator.setVisible(shown)

    def indicator_shown(self) -> bool:
        if self.indicator_action is not None:
            return self.indicator_action.isVisible()
        return not self.indicator.isHidden()

    # --- exports -----------------------------------------------------------------------
    def export_table(self, path: str | None = None) -> Path | None:
        """The Pareto table as shown to .csv or .xlsx (asks where when `path` is None)."""
        dialog = self.open_dialog()
        result = dialog.result
        if result is None:
            return None
        lang = self._host.lang
        if path is None:
            # The period in the name: next month's export must not overwrite this one.
            first, last = (d.isoformat() for d in dialog.period_days())
            # A filtered table says so in its name too (it holds one platform's cases).
            only = "".join(f"-{_file_safe(part)}" for part in
                           (result.filter.platform, result.filter.product) if part)
            name = pick(lang, f"投诉分析-{result.by.label(lang)}{only}-{first}至{last}",
                        f"analysis-{result.by.value}{only}-{first}-to-{last}")
            path, _filter = QFileDialog.getSaveFileName(
                dialog, self.tr("Export table"), suggested_path(name + ".xlsx"),
                self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
            remember_folder(path)
        if not path.lower().endswith((".csv", ".xlsx")):
            path += ".xlsx"
        return self._run(dialog, self.tr("Export table"),
                         lambda: self._host.register.analysis.export_table(result, path, lang))

    def export_monthly(self, month: tuple[int, int] | None = None,
                       path: str | None = None) -> Path | None:
        """The monthly complaint report PDF (asks which month and where when not given)."""
        register, lang = self._host.register, self._host.lang
        parent = self.dialog if self.dialog is not None and self.dialog.isVisible() \
            else self._parent
        title = self.tr("Export monthly complaint report")
        if month is None:
            today = register.clock.now().astimezone(ZoneInfo(register.shop_tz)).date()
            months = _last_months(today, 12)
            names = [f"{y}-{m:02d}" for y, m in months]
            # The month just ended is the usual report; this month so far is offered first.
            chosen, ok = QInputDialog.getItem(parent, title, self.tr("Month:"), names, 1, False)
            if not ok:
                return None
            month = months[names.index(chosen)]
        if path is None:
            name = pick(lang, "投诉月报", "complaint-report") + f"-{month[0]}-{month[1]:02d}.pdf"
            path, _filter = QFileDialog.getSaveFileName(parent, title, suggested_path(name),
                                                        self.tr("PDF (*.pdf)"))
            if not path:
                return None
            remember_folder(path)
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self._run(parent, title, lambda: register.analysis.write_monthly_report(
            month[0], month[1], path, lang=lang))

    def _run(self, parent: QWidget, title: str, work) -> Path | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = Path(work())
        except (OSError, ShopDeskError) as exc:
            QApplication.restoreOverrideCursor()
            text = exc.message(self._host.lang) if isinstance(exc, ShopDeskError) else str(exc)
            QMessageBox.warning(parent, title, text)
            return None
        QApplication.restoreOverrideCursor()
        self._host.show_message(self.tr("Saved: %1").replace("%1", str(written)), 8000)
        return written


def _file_safe(text: str) -> str:
    """A SKU or title as part of a file name (no path separators or reserved marks)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._")[:40]


def _last_months(today: date, n: int) -> list[tuple[int, int]]:
    """(year, month) of this month and the n-1 before it, newest first."""
    out, y, m = [], today.year, today.month
    for _ in range(n):
        out.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out
