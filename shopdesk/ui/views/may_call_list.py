"""Who may be phoned right now: open cases with a phone whose buyer the policy allows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...services.calls import CallCandidate, CallService
from ...services.register import Register
from ..tasks import Task, Tasks
from ..widgets.call_texts import AMBER, REFRESH_MS

CASE_ID_ROLE = Qt.ItemDataRole.UserRole


class MayCallList(QWidget):
    """One row per buyer (case no., buyer, calls left); double-click emits case_selected.
    A buyer the policy allows only by the shop's clock (likely abroad, no zone set) is marked
    amber with the warning: the list must not send anyone to phone into a buyer's night."""

    case_selected = Signal(int)

    def __init__(self, calls: CallService, parent: QWidget | None = None, *,
                 lang: str = "zh", tasks: Tasks | None = None,
                 open_reader: Callable[[], Register] | None = None) -> None:
        """With `tasks` and `open_reader` (a register of its own, opened on the worker
        thread), the list is worked out off the UI thread: every open case's buyer is
        judged (~0.5 ms each: 15 s at a 1M register's 26,000 open buyers, every 30 s)."""
        super().__init__(parent)
        self.calls = calls
        self.lang = lang
        self._tasks = tasks
        self._open_reader = open_reader
        self._working: Task | None = None
        self._again = False  # asked to refresh while a refresh was being worked out
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([self.tr("Case no."), self.tr("Buyer"),
                                   self.tr("Calls left")])
        # Double-click only: itemActivated fires on a single click in some styles.
        self.tree.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        # The list changes as windows open and close, not only when data changes.
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        # Evaluating every open case costs ~0.2 ms each: only when someone looks.
        super().showEvent(event)
        self.refresh()

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Work the list out again (in the background when it can) and show it."""
        if self._tasks is None or self._open_reader is None:
            self._show(self.calls.may_call_now())
            return
        if self._working is not None:
            self._again = True
            return
        open_reader = self._open_reader
        task = self._tasks.run(lambda _progress, _cancelled: _may_call_now(open_reader),
                               "may_call_now")
        self._working = task
        # Bound methods: Qt drops the connections if this list goes first.
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)

    @property
    def busy(self) -> bool:
        """Whether a refresh is being worked out."""
        return self._working is not None

    def _done(self, candidates: object) -> None:
        self._working = None
        self._show(candidates)  # type: ignore[arg-type]
        self._next()

    def _failed(self, _error: object) -> None:
        # The register went away (a restore, the server): the next tick tries again.
        self._working = None
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, candidates: list[CallCandidate]) -> None:
        self.tree.clear()
        for c in candidates:
            left = min(c.decision.remaining_24h, c.decision.remaining_case,
                   c.decision.remaining_span)
            buyer = c.case.buyer_nick or "—"
            warnings = [w.message(self.lang) for w in c.decision.warnings]
            abroad = any(w.code == "buyer_tz_unknown" for w in c.decision.warnings)
            if abroad:
                buyer += " ⚠ " + self.tr("time zone not set")
            item = QTreeWidgetItem([c.case.case_no, buyer, str(left)])
            item.setData(0, CASE_ID_ROLE, c.case.id)
            for col in range(3):
                if abroad:
                    item.setForeground(col, QBrush(QColor(AMBER)))
                if warnings:
                    item.setToolTip(col, "\n".join(warnings))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.summary.setText(self.tr("Buyers you may call now: %1")
                             .replace("%1", str(len(candidates))) if candidates
                             else self.tr("Nobody may be called right now."))

    def case_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(0, CASE_ID_ROLE)
                for i in range(self.tree.topLevelItemCount())]

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.case_selected.emit(int(item.data(0, CASE_ID_ROLE)))


def _may_call_now(open_reader: Callable[[], Register]) -> list[CallCandidate]:
    """On a worker thread, on a connection of its own (opened and closed there)."""
    reader = open_reader()
    try:
        return reader.calls.may_call_now()
    finally:
        reader.close()
