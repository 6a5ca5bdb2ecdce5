"""The case table: a QTableView over CaseTableModel, filtered by a FilterState."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.case_query import CaseQuery, Scope
from ...domain.enums import CaseKind, CaseStatus, Cause, Platform
from ...domain.warnings.rules import RuleKey
from ...services.cases import CaseService
from ...services.quick_filters import QuickFilter
from ..models.case_columns import CASE_ID_ROLE, COLUMNS, column_of, column_of_sort
from ..models.case_table import CaseTableModel
from ..models.case_texts import time_left_text, warnings_text
from .query_builder import FilterState, build_query

# Columns whose width follows the longest label or sample text in the UI language, so
# nothing is cut in either language and no rows have to be fetched to size them.
_LABEL_ENUMS = {"platform": Platform, "kind": CaseKind, "cause": Cause, "status": CaseStatus}
_SAMPLES = {"case_no": "DEMO-20261123-0000", "order_no": "3043750003197657081",
            "amount": "¥12,345.00", "due": "2026-11-23 ", "promise": "2026-11-23 ",
            "activity": "2026-11-23 ", "assignee": "小王小王"}
# The time-left column: its longest texts in the UI language (overdue by hours, by days).
_LATE_SAMPLES = (timedelta(hours=23, minutes=59), timedelta(days=999, hours=23))
# Free-text columns get fixed starting widths (elided; the user can widen them).
_FIXED = {"buyer": 120, "item": 200, "platform_status": 130}
_MAX_LABEL_WIDTH = 140
# The warnings column fits one rule's name and "+9" in bold; a name past this (English
# "Threatens authorities or press") elides rather than push the status off a laptop.
_MAX_WARNINGS_WIDTH = 180
# Default on-screen order: what the next shift scans first (status, due, kind) comes right
# after the case number, so it is visible at 1366 px with the detail panel open. The model's
# column numbers keep the documented order; users can drag columns and the order is saved.
# The next promise due sits beside the status: a broken promise is how complaints start.
# Early warnings sit beside the case number: a case about to turn major is seen first.
# The item comes before platform and order number: at 1280 px a search hit in the item
# title must be on screen.
DEFAULT_VISUAL_ORDER = ("case_no", "warnings", "status", "deadline", "promise", "due", "kind",
                        "item",
                        "platform", "platform_status", "order_no", "buyer", "cause", "amount",
                        "activity", "assignee")


# runner(work, done) calls done(work()) later, or done(None) when the work failed.
CountRunner = Callable[[Callable[[], int], Callable[[int | None], None]], None]


# Select all loads the rest of a list up to this many more cases. Selecting 100,000 rows
# took seconds and a million a minute and 800 MB: past this, it selects the rows loaded so
# far, as Qt does, and the status bar says so.
SELECT_ALL_LOADS = 5_000


class CaseTable(QTableView):
    """The list's table. Select all (Ctrl+A) selects every case the filters list, up to
    SELECT_ALL_LOADS not loaded yet: Qt's selects the loaded rows, the ones scrolled to,
    and trashing, restoring or printing "all" would leave the rest out without a word.
    Past the limit it selects the loaded rows and says so (select_all_limited)."""

    select_all_limited = Signal(int, int, int)  # rows selected, cases listed, limit
    # Where Tab goes from the list (the case panel's first button), set by the window:
    # the window's own focus chain would go to the toolbar's operator picker.
    tab_target: Callable[[], QWidget | None] | None = None

    def focusNextPrevChild(self, next: bool) -> bool:
        target = self.tab_target() if next and self.tab_target is not None else None
        if target is not None and target.isVisible() and target.isEnabled():
            target.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def selectAll(self) -> None:
        model = self.model()
        limited = isinstance(model, CaseTableModel) and not model.load_rest(SELECT_ALL_LOADS)
        super().selectAll()
        if limited:
            self.select_all_limited.emit(model.rowCount(), model.count_now(),
                                         SELECT_ALL_LOADS)


class CaseListView(QWidget):
    """Shows the cases of the current filters; selection and activation by case id."""

    case_activated = Signal(int)  # Enter or double-click
    current_case_changed = Signal(object)  # int | None
    selection_changed = Signal()
    count_changed = Signal(int)

    def __init__(self, cases: CaseService, lang: str, operator: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operator = operator
        self._lang = lang
        self._filters = FilterState()
        # Runs a count off the UI thread (CountRunner).
        self._count_runner: CountRunner | None = None
        self._deferred = False
        self.model = CaseTableModel(cases, lang, self)
        self.table = CaseTable(self)
        self.table.setObjectName("case_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list for the case panel (Qt's default walks the cells for ever).
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Order numbers and titles differ at both ends: keep the start and the end, cut the
        # middle (the model's tooltip carries the whole value).
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for key, width in self._default_widths(lang).items():
            self.table.setColumnWidth(column_of(key), width)
        for visual, key in enumerate(DEFAULT_VISUAL_ORDER):
            header.moveSection(header.visualIndex(column_of(key)), visual)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        sort_col = column_of_sort(self.model.query.sort)
        order = (Qt.SortOrder.DescendingOrder if self.model.query.descending
                 else Qt.SortOrder.AscendingOrder)
        header.setSortIndicator(sort_col if sort_col is not None else -1, order)
        self.table.setSortingEnabled(True)

        self.table.activated.connect(self._on_activated)
        # A sort keeps the selected cases selected, in their new rows. Qt keeps a large
        # selection (over 1,000 cells) as ranges between two corners, which a sort moves:
        # after Ctrl+A and a sort it kept an arbitrary part of the list selected.
        self._kept: tuple[list[int], int | None] | None = None
        self.model.layoutAboutToBeChanged.connect(self._keep_selection)
        self.model.layoutChanged.connect(self._restore_selection)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_row_changed)
        selection.selectionChanged.connect(self._on_selection_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        # An empty list says why (nothing overdue, the trash is empty, no search hit) over
        # the table instead of leaving a blank grid.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("case_list_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666; padding: 24px;")
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)
        self.count_changed.connect(self._show_empty_reason)

    def default_widths(self) -> dict[int, int]:
        """Fresh-install column widths for the UI language, by column number."""
        return {column_of(key): width for key, width in self._default_widths(self._lang).items()}

    def _default_widths(self, lang: str) -> dict[str, int]:
        """Starting column widths for `lang` (a saved header state replaces them)."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        pad = 18
        widths = dict(_FIXED)
        for key, enum in _LABEL_ENUMS.items():
            longest = max(metrics.horizontalAdvance(m.label(lang)) for m in enum)
            widths[key] = min(longest + pad, _MAX_LABEL_WIDTH)
        for key, sample in _SAMPLES.items():
            widths[key] = metrics.horizontalAdvance(sample) + pad
        # "overdue 5 d 12 h", in bold as overdue cells are, is wider than 已超时5天12小时:
        # cut in the middle, it lost the days.
        bold = QFont(self.table.font())
        bold.setBold(True)
        late_metrics = QFontMetrics(bold)
        widths["deadline"] = max(
            late_metrics.horizontalAdvance(time_left_text(-late, False, lang))
            for late in _LATE_SAMPLES) + pad
        widths["warnings"] = min(max(  # bold, as warned cells are; "+9": nine more
            late_metrics.horizontalAdvance(warnings_text([rule.label(lang), *[""] * 9]))
            for rule in RuleKey) + pad, _MAX_WARNINGS_WIDTH)
        for col, column in enumerate(COLUMNS):  # room for the title and the sort arrow
            title = self.model.headerData(col, Qt.Orientation.Horizontal)
            need = header_metrics.horizontalAdvance(title) + pad + 16
            widths[column.key] = max(widths.get(column.key, 0), need)
        return widths

    # --- filters and reloading -------------------------------------------
    def set_service(self, cases: CaseService) -> None:
        """Show another register's cases (after a restore)."""
        self.model.set_source(cases)
        self._announce_count()

    def apply_filters(self, filters: FilterState) -> None:
        """Re-query for new filters, keeping the sort order."""
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        """Re-run the query (time-relative filters are recomputed), keeping the selection."""
        source = self.model.source
        query = build_query(self._filters, sort=self.model.query.sort,
                            descending=self.model.query.descending,
                            now=source.clock.now(), tz=source.shop_tz,
                            operator=self._operator(),
                            deadline_window=self.model.deadline_window())
        if self._deferred:
            self.model.set_query(query)  # recorded; runs when the deferral ends
            return
        selected = self.selected_ids()
        current = self.current_id()
        self.model.set_query(query)
        self._reselect(selected, current)
        self._announce_count()

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Filter and sort changes inside run as one query at the end (start-up restores
        the header's sort, the quick filter and the filters: one query, not three)."""
        self._deferred = True
        try:
            with self.model.deferred():
                yield
        finally:
            self._deferred = False
        self._announce_count()

    def set_count_runner(self, runner: CountRunner | None) -> None:
        """How totals are counted off the UI thread (None: counted here, at once)."""
        self._count_runner = runner

    def _announce_count(self) -> None:
        """Emit count_changed with the total: at once when every row is loaded, else
        when a background count (on a connection of its own) comes back."""
        model = self.model
        if model.total() is not None:
            self.count_changed.emit(model.total())
            return
        make = getattr(model.source, "background_counter", None)
        counter = make() if make is not None and self._count_runner is not None else None
        if counter is None or self._count_runner is None:
            self.count_changed.emit(model.count_now())
            return
        query, generation = model.query, model.generation()

        def done(total: int | None) -> None:
            if total is None and model.generation() == generation:
                total = model.count_now()  # the background count failed: count here
            if total is not None and model.set_total(generation, total):
                self.count_changed.emit(total)

        self._count_runner(lambda: counter(query), done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect())
        return super().eventFilter(watched, event)

    def empty_reason(self) -> str:
        """Why the list is empty, for the filters in force."""
        f = self._filters
        if f.quick != QuickFilter.TRASH and self._register_is_empty():
            # A register that never had a case: "everything is resolved" (the default Open
            # list's reason) or "no match" would mislead; say how to start instead.
            return self._no_cases_yet()
        if f.search.strip():
            if f.quick not in (QuickFilter.ALL, QuickFilter.TRASH):
                # The case may well exist, outside the quick filter (a resolved one under
                # "Open"): say so rather than suggest a typo.
                return self.tr("No case under this quick filter matches “%1”. Press All to "
                               "search every case, or clear the search (Esc).").replace(
                                   "%1", f.search.strip())
            return self.tr("No case matches “%1”. Check the spelling, or clear the search "
                           "(Esc).").replace("%1", f.search.strip())
        reasons = {
            QuickFilter.TRASH: self.tr("The trash is empty."),
            QuickFilter.PROMISE_OVERDUE: self.tr("No promise to a buyer is overdue."),
            QuickFilter.PROMISE_TODAY: self.tr("No promise to a buyer falls due today."),
            QuickFilter.OVERDUE: self.tr("No open case is past its deadline."),
            QuickFilter.DUE_TODAY: self.tr("No open case is due today."),
            QuickFilter.MINE: self.tr("No open case is assigned to you."),
            QuickFilter.WARNED: self.tr("No open case carries a warning."),
            QuickFilter.OPEN: self.tr("No open cases: everything is resolved."),
        }
        narrowed = any(v is not None for v in (f.kind, f.platform, f.status, f.created_from,
                                                f.created_to))
        if f.quick in reasons:
            text = reasons[f.quick]
            return text + " " + self.tr("(Only with the filters above.)") if narrowed else text
        if narrowed:
            return self.tr("No case matches the filters above.")
        return self._no_cases_yet()

    def _no_cases_yet(self) -> str:
        return self.tr("No cases yet. Add one with File → New case… (Ctrl+N) or import a "
                       "platform export with File → Import platform export… (Ctrl+I).")

    def _register_is_empty(self) -> bool:
        """No case at all, in the list or in the trash (asked only for an empty list; one
        id is enough to know)."""
        source = self.model.source
        return not any(source.query_page(CaseQuery(scope=scope), limit=1)
                       for scope in (Scope.ACTIVE, Scope.TRASH))

    def _show_empty_reason(self, total: int) -> None:
        empty = total == 0
        if empty:
            self.empty_label.setText(self.empty_reason())
            self.empty_label.setGeometry(self.table.viewport().rect())
        self.empty_label.setVisible(empty)

    def is_trash(self) -> bool:
        return self.model.query.scope == Scope.TRASH

    def count(self) -> int:
        """How many cases the filters list (counted now if the count is still on its way)."""
        return self.model.count_now()

    # --- selection -------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The selected cases' ids in list order."""
        # From the selection's ranges: selectedRows() made an index per selected cell's
        # row and column check (3.6 s for 100,000 rows). Rows are selected whole.
        rows: set[int] = set()
        for part in self.table.selectionModel().selection():
            rows.update(range(part.top(), part.bottom() + 1))
        return [cid for r in sorted(rows) if (cid := self.model.case_id_at(r)) is not None]

    def has_selection(self) -> bool:
        """Whether any case is selected (without listing them)."""
        return self.table.selectionModel().hasSelection()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(CASE_ID_ROLE) if index.isValid() else None

    def focus_results(self) -> None:
        """Focus the list, on the current case or else the first one (Enter or Down in
        the search box)."""
        if self.model.rowCount() == 0:
            return
        if self.current_id() is None:
            first = self.model.case_id_at(0)
            if first is not None:
                self.select_case(first)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_case(self, case_id: int) -> bool:
        """Make `case_id` the current, selected, visible row; False if it is not listed."""
        row = self.model.ensure_row(case_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def _reselect(self, selected: list[int], current: int | None) -> None:
        if not selected and current is None:
            # Nothing was chosen in the list: the panel may be showing a case from elsewhere
            # (one resolved out of the filter, one opened from the may-call list) and a
            # reload (the 2-second poll, F5) must not blank it, with a note being typed.
            return
        model = self.table.selectionModel()
        rows = []
        missing = []
        for case_id in selected:
            row = self.model.row_of(case_id)
            if row is None:
                missing.append(case_id)
            else:
                rows.append(row)
        # One query for a long selection, not one per case: the rest of the list when it
        # is no longer than what was selected (or select all's limit); else the deepest
        # case first (the old order is mostly the new one), which loads the others too.
        if len(missing) > 1:
            self.model.load_rest(max(SELECT_ALL_LOADS, len(missing)))
        rows += [r for r in map(self.model.ensure_row, reversed(missing)) if r is not None]
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for top, bottom in _runs(sorted(rows)):  # a range per run of rows, not per row
            selection.select(self.model.index(top, 0), self.model.index(bottom, last))
        row = self.model.ensure_row(current) if current is not None else None
        if row is not None:
            model.setCurrentIndex(self.model.index(row, 0),
                                  QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if row is None:
            self.current_case_changed.emit(None)

    def _keep_selection(self, *_args: object) -> None:
        self._kept = (self.selected_ids(), self.current_id())

    def _restore_selection(self, *_args: object) -> None:
        kept, self._kept = self._kept, None
        if kept is not None and kept[0]:
            self._reselect(*kept)

    def _on_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.case_activated.emit(case_id)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        selection = self.table.selectionModel()
        # Not with Ctrl held: Ctrl+arrows and Ctrl+click move or deselect on purpose, and a
        # row selected behind the user's back would be trashed or printed with the rest.
        ctrl = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
        if current.isValid() and not selection.hasSelection() and not ctrl:
            # Focus (Tab, a reload) makes a row current without selecting it: the panel
            # showed that case while Trash/Restore, acting on the selection, stayed grey.
            selection.select(current, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
        self.current_case_changed.emit(current.data(CASE_ID_ROLE) if current.isValid()
                                       else None)

    def _on_selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit()

    # --- header ----------------------------------------------------------
    def _header_menu(self, pos) -> None:
        """Right-click on the header: show or hide columns (saved with the header state)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for col, column in enumerate(COLUMNS):
            action = QAction(self.model.headerData(col, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            # Keep at least the case number visible so rows stay identifiable.
            action.setEnabled(column.key != "case_no")
            action.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
            menu.addAction(action)
        menu.exec(header.mapToGlobal(pos))


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in sorted `rows`."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return [(first, last) for first, last in runs]
