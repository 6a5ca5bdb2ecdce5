"""Call compliance: attempts per buyer, overrides and who made them, calls off-window."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.zone_names import zone_suffix
from ...services.call_compliance import ComplianceReport, ReportCall
from ...services.call_person import buyer_label
from ...services.calls import CallService

PERIOD_DAYS = (7, 30, 90, 365)


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setHeaderLabels(headers)
    return tree


class CallComplianceView(QWidget):
    """The compliance report over a chosen period (days back from the clock's now)."""

    def __init__(self, calls: CallService, parent: QWidget | None = None, *,
                 lang: str = "zh") -> None:
        super().__init__(parent)
        self.calls = calls
        self.lang = lang
        self.report: ComplianceReport | None = None
        self.period = QComboBox()
        for days in PERIOD_DAYS:
            self.period.addItem(self.tr("Last %1 days").replace("%1", str(days)), days)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(self.refresh)
        self.totals = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addWidget(self.totals, 1)

        self.buyers = _tree([self.tr("Buyer"), self.tr("Attempts"), self.tr("Talked"),
                             self.tr("Overrides"), self.tr("Outside window"),
                             self.tr("Do not call")])
        self.overrides = _tree([self.tr("Time"), self.tr("Case no."), self.tr("Buyer"),
                                self.tr("By"), self.tr("Rules overridden"), self.tr("Reason")])
        self.breaches = _tree([self.tr("Time"), self.tr("Case no."), self.tr("Buyer"),
                               self.tr("By"), self.tr("Rules broken"), self.tr("Reason")])
        self.outside = _tree([self.tr("Buyer's local time"), self.tr("Case no."),
                              self.tr("Buyer"), self.tr("By"), self.tr("Outcome")])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for title, tree in ((self.tr("Breaches: a hard rule broken, or logged afterwards "
                                     "over a rule"), self.breaches),
                            (self.tr("Attempts per buyer"), self.buyers),
                            (self.tr("Overrides"), self.overrides),
                            (self.tr("Calls outside the calling window"), self.outside)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(tree)
            layout.addWidget(box, 1)
        self.refresh()

    def refresh(self) -> None:
        days = int(self.period.currentData())
        report = self.calls.compliance_report(self.calls.clock.now() - timedelta(days=days))
        self.report = report
        self.totals.setText(self.tr("%1 calls, %2 overrides, %3 outside the window")
                            .replace("%1", str(report.total_attempts))
                            .replace("%2", str(len(report.overrides)))
                            .replace("%3", str(len(report.outside_window))))
        self.buyers.clear()
        for b in report.buyers:
            self.buyers.addTopLevelItem(QTreeWidgetItem([
                buyer_label(b.buyer_key, self.lang), str(b.attempts), str(b.connected),
                str(b.overrides), str(b.outside_window), self.tr("yes") if b.do_not_call else ""]))
        self.overrides.clear()
        for row in report.overrides:
            r = row.record
            codes = ", ".join(c.label(self.lang) for c in r.override_codes)
            self.overrides.addTopLevelItem(QTreeWidgetItem([
                self._time(row), row.case_no, buyer_label(r.buyer_key, self.lang), r.actor,
                codes,
                r.override_reason or ""]))
        self.breaches.clear()
        for row in report.breaches:
            r = row.record
            codes = ", ".join(c.label(self.lang)
                              for c in dict.fromkeys([*r.override_codes, *row.caps_broken]))
            self.breaches.addTopLevelItem(QTreeWidgetItem([
                self._time(row), row.case_no, buyer_label(r.buyer_key, self.lang), r.actor,
                codes,
                r.override_reason or ""]))
        self.outside.clear()
        for row in report.outside_window:
            r = row.record
            self.outside.addTopLevelItem(QTreeWidgetItem([
                row.buyer_time + zone_suffix(row.buyer_tz, self.calls.shop_tz, self.lang),
                row.case_no, buyer_label(r.buyer_key, self.lang), r.actor,
                r.outcome.label(self.lang)]))
        for tree in (self.breaches, self.buyers, self.overrides, self.outside):
            for col in range(tree.columnCount()):
                tree.resizeColumnToContents(col)

    def _time(self, row: ReportCall) -> str:
        return local(row.record.at, self.calls.shop_tz).strftime("%Y-%m-%d %H:%M")
