"""Early warnings on the main window: the list's warnings column, the count on the
"Warnings" quick filter, and re-judging the time-based rules when the window opens."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...services.quick_filters import QuickFilter
from ..models.case_columns import column_of
from ..window_state import HEADER
from .host import Host

WARNINGS_COLUMN_PLACED = "caseTable/warningsColumnPlaced"


class WarningController(QObject):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        button = host.filter_bar.quick_buttons[QuickFilter.WARNED]
        self._label = button.text()
        # Any reload of the list follows an edit, a filter change or F5: re-count then too.
        host.case_list.count_changed.connect(lambda _n: self.refresh_count())

    def place_column(self) -> None:
        """Once per user: a header saved before the warnings column existed restores it
        last, off screen; put it beside the case number as a fresh install shows it."""
        settings = self._host.settings
        if settings.value(WARNINGS_COLUMN_PLACED, False, type=bool):
            return
        header = self._host.case_list.table.horizontalHeader()
        warnings = header.visualIndex(column_of("warnings"))
        if warnings == header.count() - 1:
            header.moveSection(warnings, header.visualIndex(column_of("case_no")) + 1)
            settings.setValue(HEADER, header.saveState())
        settings.setValue(WARNINGS_COLUMN_PLACED, True)

    def attach(self, *, count: bool = True) -> None:
        """Point the warnings column at the current register; re-judge open cases (time
        has passed since they were written: open too long, cause still unknown).
        `count=False`: the count and the re-judging wait for `refresh_open` (start-up runs
        them once the list has painted)."""
        self._host.case_list.model.set_warning_source(self._host.register.warnings)
        if count:
            self.refresh_open()

    def refresh_open(self) -> None:
        """Count the warned cases now; re-judge the open ones on the writer thread."""
        register = self._host.register
        self.refresh_count()
        task = self._host.tasks.write(_refresh_open, "warnings_refresh")
        self._refreshing = register
        # A bound method, not a lambda: Qt drops the connection when this controller goes
        # with its window (a window reopened in another language), so a late result never
        # reaches deleted widgets.
        task.succeeded.connect(self._refreshed)

    def _refreshed(self, raised: object) -> None:
        register = getattr(self, "_refreshing", None)
        if register is not self._host.register or not self._host.register.is_open:
            return  # a restore replaced (or is replacing) the register meanwhile
        if raised:
            self._host.refresh()
        else:
            self.refresh_count()

    def count(self) -> int:
        return self._host.register.warnings.count_open_warned()

    def refresh_count(self) -> None:
        """Show how many open cases carry a live warning on the quick-filter button."""
        n = self.count()
        button = self._host.filter_bar.quick_buttons[QuickFilter.WARNED]
        button.setText(f"{self._label} ({n})" if n else self._label)
        button.setStyleSheet("color: #b03a1e; font-weight: bold;" if n else "")


def _refresh_open(register, _progress, _cancelled) -> int:
    with register.db.atomic():
        return register.warnings.refresh_open()
