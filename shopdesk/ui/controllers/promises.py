"""Promises on the main window: the overdue banner, the list's promise column, and the
"new promise" command (Ctrl+Shift+N) on the selected case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from ...domain.errors import NotFoundError
from ...services.quick_filters import QuickFilter
from ..models.case_columns import column_of
from ..views.overdue_banner import OverdueBanner
from ..window_state import HEADER
from .host import Host, make_action, window_wide

if TYPE_CHECKING:
    from ..dialogs.promise_dialog import PromiseDialog

NEW_PROMISE_KEYS = "Ctrl+Shift+N"
# Set once the promise column has been placed for this user (see place_promise_column).
PROMISE_COLUMN_PLACED = "caseTable/promiseColumnPlaced"


class PromiseController(QObject):
    """Owns the overdue banner (placed by the window above everything) and the action."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self.banner = OverdueBanner(lambda: host.register.promises,
                                    lambda case_id: host.register.cases.get(
                                        case_id, include_deleted=True).case_no,
                                    host.lang, parent)
        self.banner.show_requested.connect(self.show_overdue)
        # Any reload of the list follows an edit, a filter change or F5: re-count then too.
        host.case_list.count_changed.connect(lambda _n: self.banner.refresh())
        self.act_new_promise = make_action(
            parent, "action_new_promise", self.tr("New &promise…"), self.new_promise,
            NEW_PROMISE_KEYS,
            self.tr("Record a promise made to the buyer of the selected case (Ctrl+Shift+N)"))
        window_wide(parent, self.act_new_promise)

    def attach(self, *, count: bool = True) -> None:
        """Point the promise column at the window's current register and re-count
        (`count=False`: the banner is left to a later `banner.refresh`)."""
        self._host.case_list.model.set_promise_source(self._host.register.promises)
        if count:
            self.banner.refresh()

    def place_promise_column(self) -> None:
        """Once per user: a header state saved before the promise column existed restores it
        as the last column, off screen at 1366 px. Put it beside the status, as a fresh
        install shows it; wherever the user moves it afterwards is left alone."""
        settings = self._host.settings
        if settings.value(PROMISE_COLUMN_PLACED, False, type=bool):
            return
        header = self._host.case_list.table.horizontalHeader()
        promise = header.visualIndex(column_of("promise"))
        # Appended last on restore; only columns added after it (platform status,
        # warnings, deadline) may follow.
        after = {header.logicalIndex(v) for v in range(promise + 1, header.count())}
        if after <= {column_of("platform_status"), column_of("warnings"),
                     column_of("deadline")}:
            header.moveSection(promise, header.visualIndex(column_of("status")) + 1)
            # Saved with the flag, not only at close: a window killed before closing would
            # otherwise keep the flag but the old header, and the column stayed off screen.
            settings.setValue(HEADER, header.saveState())
        settings.setValue(PROMISE_COLUMN_PLACED, True)

    def show_overdue(self) -> None:
        """Filter the list to cases with overdue promises, longest overdue first (the
        banner's click)."""
        self._host.filter_bar.set_quick(QuickFilter.PROMISE_OVERDUE)
        table = self._host.case_list.table
        table.sortByColumn(column_of("promise"), Qt.SortOrder.AscendingOrder)
        table.setFocus()
        # The longest-overdue case, on its promises tab (it opened on whichever tab was
        # last used, e.g. the evidence).
        host = self._host
        first = host.case_list.model.case_id_at(0)
        if first is not None:
            host.case_list.select_case(first)
            detail = host.detail
            if getattr(detail, "promises_panel", None) is not None:
                detail.tabs.setCurrentWidget(detail.promises_panel)

    def new_promise(self) -> PromiseDialog | None:
        """Open the new-promise dialog on the selected case, from its promises tab; returns
        it (None: no case chosen, the case is in the trash, or no operator)."""
        host = self._host
        case_id = host.case_list.current_id()
        if case_id is None:
            host.show_message(self.tr("Select a case first"), 4000)
            return None
        try:
            host.register.cases.get(case_id)
        except NotFoundError:  # in the trash (or purged meanwhile): nothing to promise on
            host.show_message(
                self.tr("This case is in the trash; restore it to record a promise"), 4000)
            return None
        detail = host.detail
        if detail.current_case_id != case_id:
            detail.show_case(case_id)
        detail.tabs.setCurrentWidget(detail.promises_panel)
        return detail.promises_panel.new_promise()
