"""Stage deadlines on the main window: the list's 剩余时间 column and the count on the
即将超时 quick filter; the settings page's threshold comes back through `settings_changed`."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...domain.case_query import CaseQuery
from ...services.quick_filters import QuickFilter, apply_quick_filter
from ..models.case_columns import column_of
from ..window_state import HEADER
from .host import Host

DEADLINE_COLUMN_PLACED = "caseTable/deadlineColumnPlaced"


class DeadlineController(QObject):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        button = host.filter_bar.quick_buttons[QuickFilter.DEADLINE_SOON]
        self._label = button.text()
        # Any reload of the list follows an edit, a filter change or F5: re-count then too.
        host.case_list.count_changed.connect(lambda _n: self.refresh_count())

    def place_column(self) -> None:
        """Once per user: a header saved before the 剩余时间 column existed restores it
        last, off screen; put it after the status as a fresh install shows it."""
        settings = self._host.settings
        if settings.value(DEADLINE_COLUMN_PLACED, False, type=bool):
            return
        header = self._host.case_list.table.horizontalHeader()
        deadline = header.visualIndex(column_of("deadline"))
        if deadline == header.count() - 1:
            header.moveSection(deadline, header.visualIndex(column_of("status")) + 1)
            settings.setValue(HEADER, header.saveState())
        settings.setValue(DEADLINE_COLUMN_PLACED, True)

    def attach(self, *, count: bool = True) -> None:
        """Point the column at the current register's deadlines (and its threshold);
        `count=False`: the quick filter's count is left to a later `refresh_count`."""
        self._host.case_list.model.set_deadline_source(self._host.register.deadlines)
        if self._host.filter_bar.quick() == QuickFilter.DEADLINE_SOON:
            self._host.case_list.reload()  # the window may differ from the default
        if count:
            self.refresh_count()

    def settings_changed(self) -> None:
        """The warning threshold changed: repaint, re-filter, re-count."""
        self._host.case_list.model.refresh_deadline_window()
        self._host.case_list.reload()
        self.refresh_count()

    def count(self) -> int:
        """Open cases whose deadline is within the warning threshold or past."""
        register = self._host.register
        query = apply_quick_filter(CaseQuery(), QuickFilter.DEADLINE_SOON,
                                   now=register.clock.now(), tz=register.shop_tz,
                                   operator="",
                                   deadline_window=register.deadlines.warning_window())
        return register.cases.count(query)

    def refresh_count(self) -> None:
        """Show how many deadlines are close on the quick-filter button."""
        n = self.count()
        button = self._host.filter_bar.quick_buttons[QuickFilter.DEADLINE_SOON]
        button.setText(f"{self._label} ({n})" if n else self._label)
        button.setStyleSheet("color: #c81e1e; font-weight: bold;" if n else "")
