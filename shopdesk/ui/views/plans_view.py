"""The improvement plans (表一) in the analysis window: one row per plan with what the
register measured ("目标下降 30%，实际下降 42%" / "未达标"); add and edit through
PlanDialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import PlanStatus
from ...domain.text import pick
from ...services.analysis import Plan
from ...services.register import Register
from ..dialogs.plan_dialog import PlanDialog

MISSED = QColor("#b3261e")
MET = QColor("#2e7d32")


class PlansView(QWidget):
    """`new_requested` asks the window for a new plan (it knows the category and period)."""

    new_requested = Signal()
    changed = Signal()

    def __init__(self, register: Register, lang: str, operator: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.lang = lang
        self._operator = operator
        self.plans: list[Plan] = []
        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("plans_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Category"), self.tr("Subtype"), self.tr("Root cause"),
            self.tr("Short-term action"), self.tr("Owner"), self.tr("Due"), self.tr("Target"),
            self.tr("Status"), self.tr("Measured result")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        # Wrapped, rows as tall as their text: the free-text cells and the measured result
        # ("统计中：基期 33 单，本期至今…") were cut at 1280 px; a plan's row reads whole.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 90, 150, 170, 70, 84, 50, 64)):
            self.table.setColumnWidth(col, width)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.cellDoubleClicked.connect(lambda row, _col: self.edit_row(row))
        self.new_button = QPushButton(self.tr("New plan…"), self)
        self.new_button.setObjectName("plan_new")
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("plan_edit")
        self.edit_button.clicked.connect(lambda: self.edit_row(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Re-read the plans and their measured results."""
        service = self.register.analysis
        self.plans = service.plans()
        self.table.setRowCount(len(self.plans))
        for i, p in enumerate(self.plans):
            result = pick(self.lang, *p.result.text())
            cells = (service.label(p.dimension, p.category, self.lang), p.sub_type,
                     p.root_cause, p.plan, p.owner,
                     p.due_date.isoformat() if p.due_date else "",
                     f"{p.target_pct}%" if p.target_pct else "",
                     PlanStatus(p.status).label(self.lang), result)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.table.setItem(i, col, item)
            colour = {False: MISSED, True: MET}.get(p.result.met)  # type: ignore[call-overload]
            if colour is not None:
                self.table.item(i, 8).setForeground(colour)
        self.table.resizeRowsToContents()
        self.edit_button.setEnabled(bool(self.plans))

    def select_plan(self, plan_id: int) -> None:
        for row, p in enumerate(self.plans):
            if p.id == plan_id:
                self.table.selectRow(row)

    def edit_row(self, row: int) -> PlanDialog | None:
        """Open the plan of `row` for editing; returns the dialog (None: no such row)."""
        if not 0 <= row < len(self.plans):
            return None
        dialog = PlanDialog(self.register, self.lang, self._operator, plan=self.plans[row],
                            parent=self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: PlanDialog) -> None:
        self.reload()
        if dialog.saved is not None:
            self.select_plan(dialog.saved.id)
        self.changed.emit()
