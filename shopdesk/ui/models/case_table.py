"""The case list model: ids for the current query, rows fetched lazily in pages.

Ids arrive in batches as the user scrolls (canFetchMore/fetchMore): each batch is one
keyset query on (sort value, id), so the first screen costs the same at a thousand cases
as at a million, and the total count is asked for separately (off the UI thread, by the
view). Rows are fetched from the service a page at a time when the view asks for them, and
a small LRU cache bounds how many pages are kept. A page holds each case's list row (the
columns the list shows, domain/case_list.py), not a Case: painting a page builds the texts
of the rows on screen and no Case at all; a Case is fetched (a page of them) only when one
is asked for (a tooltip, CASE_ROLE, case_at). Sorting changes the query's SortKey and
re-queries in SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.case import Case
from ...domain.case_list import CaseListRow
from ...domain.case_query import CaseQuery
from ...domain.enums import OPEN_STATUSES
from .case_columns import (
    CASE_ID_ROLE,
    CASE_ROLE,
    COLUMNS,
    DEADLINE_LEFT_ROLE,
    HEADER_TIPS,
    MAJOR_ROLE,
    OVERDUE_ROLE,
    PLAIN_COLUMN,
    PROMISE_OVERDUE_ROLE,
    ROLE_ALIGN,
    ROLE_BACKGROUND,
    ROLE_DISPLAY,
    ROLE_FONT,
    ROLE_FOREGROUND,
    ROLE_TOOLTIP,
    WARNINGS_ROLE,
    CaseSource,
    column_of,
)
from .case_side_columns import OVERDUE_COLOUR, SideColumns
from .case_texts import ListTexts, tooltip

# A page is about a screenful: the first paint fetches (and builds) one page of cases.
PAGE_SIZE = 50
MAX_PAGES = 40  # at most 2,000 rows in memory, whatever the register's size
ID_BATCH = 500  # ids per keyset query as the view scrolls
# The first query: one page, more than a 1280x720 screen's 20 rows (a taller window's
# view asks for more at once). 100 cost a 1M register's every-case search 0.08 ms
# of its 1.1; the rest come as the user scrolls.
FIRST_BATCH = 50

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Made once: or-ing two enum flags costs a Python Flag operation on every cell's call.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_MAJOR = QColor(253, 226, 222)  # a major complaint's row (first in every queue)
_CLOSED = QColor(128, 128, 128)
_OPEN = frozenset(s.value for s in OPEN_STATUSES)
_NO_INDEX = QModelIndex()

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(SideColumns, QAbstractTableModel):
    """Rows of the case list for one CaseQuery; see the module docstring."""

    def __init__(self, source: CaseSource, lang: str = "zh", parent: Any = None, *,
                 page_size: int = PAGE_SIZE, max_pages: int = MAX_PAGES,
                 id_batch: int = ID_BATCH, first_batch: int = FIRST_BATCH) -> None:
        super().__init__(parent)
        self._source = source
        self._lang = lang
        self._page_size = max(1, page_size)
        self._max_pages = max(1, max_pages)
        self._id_batch = max(1, id_batch)
        self._first_batch = max(1, min(first_batch, id_batch))
        self._query = CaseQuery()
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}  # case id -> row, for the ids loaded so far
        self._last_key: tuple[Any, int] | None = None  # keyset of the last loaded row
        self._complete = True  # every id of the query is loaded
        self._total: int | None = 0  # None until counted
        self._generation = 0  # see generation()
        self._deferred = 0
        self._pages: OrderedDict[int, dict[int, CaseListRow]] = OrderedDict()
        self._spans: dict[int, int] = {}  # page -> how many of its rows were fetched
        # Whole cases of a held page, fetched only when one is asked for (case_at).
        self._case_pages: dict[int, dict[int, Case]] = {}
        # What a row shows, per row, for the rows of the held pages (see data()). Rows
        # keep their case until the next query or sort (ids are only ever appended).
        self._shown: dict[int, _Shown] = {}
        self._formats: ListTexts | None = None  # for this language and shop zone
        self._init_side_columns()

    # --- the query -------------------------------------------------------
    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def source(self) -> CaseSource:
        return self._source

    def set_source(self, source: CaseSource) -> None:
        """Point at another service (after a restore) and reload."""
        self._source = source
        self._formats = None
        self.set_query(self._query)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Queries set (or sorts asked for) inside run once, at the end, with the last
        query: the window restores its header, quick filter and filters in one query."""
        self._deferred += 1
        try:
            yield
        finally:
            self._deferred -= 1
            if not self._deferred:
                self.set_query(self._query)

    def set_query(self, query: CaseQuery) -> None:
        """Run `query` and show its first rows (more load as the view scrolls)."""
        if self._deferred:
            self._query = query
            return
        self.beginResetModel()
        self._query = query
        self._reset_ids()
        self._load(self._first_batch)
        self.endResetModel()

    def refresh(self) -> None:
        """Re-run the current query (after an edit) and drop cached rows."""
        self.set_query(self._query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by SQL: change the query's sort key and re-query."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMNS[column].sort
        if key == self._query.sort and descending == self._query.descending:
            return
        if self._deferred:
            self._query = self._query.with_changes(sort=key, descending=descending)
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._query = self._query.with_changes(sort=key, descending=descending)
        self._reset_ids()
        self._load(self._first_batch)
        # Keep selections and the current row on the same cases in their new places
        # (loading as far as the deepest of them).
        persistent = self.persistentIndexList()
        if persistent:
            moved = []
            for p in persistent:
                case_id = old_ids[p.row()] if 0 <= p.row() < len(old_ids) else None
                row = self._locate(case_id) if case_id is not None else None
                moved.append(QModelIndex() if row is None else self.index(row, p.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- loading ids -----------------------------------------------------
    def _reset_ids(self) -> None:
        self._generation += 1
        self._ids = []
        self._rows = {}
        self._last_key = None
        self._complete = False
        self._total = None
        self._pages.clear()
        self._spans.clear()
        self._case_pages.clear()
        self._shown.clear()
        self._clear_side_pages()

    def _load(self, limit: int | None, through: tuple[Any, int] | None = None) -> int:
        """Append the next ids (at most `limit`, or up to `through`); returns how many."""
        if self._complete:
            return 0
        page = self._source.query_page(self._query, after=self._last_key, through=through,
                                       limit=limit)
        for case_id, _value in page:
            self._rows[case_id] = len(self._ids)
            self._ids.append(case_id)
        if page:
            self._last_key = (page[-1][1], page[-1][0])
        if limit is not None and len(page) < limit and through is None:
            self._complete = True
            self._total = len(self._ids)
        return len(page)

    def _locate(self, case_id: int) -> int | None:
        """The row of `case_id`, loading ids up to it when it matches but is not loaded."""
        row = self._rows.get(case_id)
        if row is not None or self._complete:
            return row
        key = self._source.sort_value(self._query, case_id)
        if key is None:
            return None
        self._load(None, through=key)
        return self._rows.get(case_id)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete:
            return
        page = self._source.query_page(self._query, after=self._last_key,
                                       limit=self._id_batch)
        self._append(page)
        if len(page) < self._id_batch:
            self._complete = True
            self._total = len(self._ids)

    def _append(self, page: list[tuple[int, Any]]) -> None:
        """Add a keyset page of (id, sort value) below the loaded rows, announced to views."""
        if not page:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for case_id, _value in page:
            self._rows[case_id] = len(self._ids)
            self._ids.append(case_id)
        self._last_key = (page[-1][1], page[-1][0])
        self.endInsertRows()

    def ensure_row(self, case_id: int) -> int | None:
        """The row of `case_id` in the current query, loading rows up to it (announced
        to views as inserted rows); None when the query does not list it."""
        row = self._rows.get(case_id)
        if row is not None or self._complete:
            return row
        key = self._source.sort_value(self._query, case_id)
        if key is None:
            return None
        page = self._source.query_page(self._query, after=self._last_key, through=key)
        self._append(page)
        return self._rows.get(case_id)

    def load_rest(self, at_most: int) -> bool:
        """Load the ids of the query not loaded yet when they are at most `at_most` (the
        total counted if not known yet), in one query announced to views as inserted rows;
        True when every id is loaded."""
        if self._complete:
            return True
        if self.count_now() - len(self._ids) > at_most:
            return False
        self._append(self._source.query_page(self._query, after=self._last_key))
        self._complete = True
        self._total = len(self._ids)
        return True

    def is_complete(self) -> bool:
        """Every id of the query is loaded (no more to fetch)."""
        return self._complete

    def total(self) -> int | None:
        """How many cases the query lists, when known (see `set_total`)."""
        return self._total

    def generation(self) -> int:
        """Which run of the query the rows are from: it changes each time the query runs
        again (another query, a refresh, a sort)."""
        return self._generation

    def set_total(self, generation: int, total: int) -> bool:
        """A count made elsewhere (off the UI thread) after run `generation` of the query;
        ignored once it ran again, even unchanged (after an edit an older count may come
        back after a newer one). True when taken."""
        if generation != self._generation:
            return False
        self._total = total
        return True

    def count_now(self) -> int:
        """The total, counted on this thread if not known yet."""
        if self._total is None:
            self._total = self._source.count(self._query)
        return self._total

    # --- ids and rows ----------------------------------------------------
    def ids(self) -> list[int]:
        """A copy of the ids loaded so far (all, once `is_complete()`), in display order."""
        return list(self._ids)

    def case_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int | None:
        """The row of `case_id` among the loaded rows (see `ensure_row` for the rest)."""
        return self._rows.get(case_id)

    def list_row_at(self, row: int) -> CaseListRow | None:
        """The list row of the case on `row`, fetching its page if needed."""
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self._page_size
        page = self._pages.get(page_no)
        start = page_no * self._page_size
        if page is None:
            page = self._source.list_rows(self._ids[start:start + self._page_size])
            self._pages[page_no] = page
            self._spans[page_no] = min(self._page_size, len(self._ids) - start)
            while len(self._pages) > self._max_pages:
                evicted, _rows = self._pages.popitem(last=False)
                gone = evicted * self._page_size
                for row_gone in range(gone, gone + self._spans.pop(evicted)):
                    self._shown.pop(row_gone, None)
                self._case_pages.pop(evicted, None)
                self._drop_side_pages(evicted)
        else:
            self._pages.move_to_end(page_no)
            span = self._spans[page_no]
            if row >= start + span:
                # The page was fetched while only its first rows were loaded (the first
                # batch is smaller than a page): fetch the rows loaded since.
                end = start + self._page_size
                page.update(self._source.list_rows(self._ids[start + span:end]))
                self._spans[page_no] = min(self._page_size, len(self._ids) - start)
        return page.get(self._ids[row])

    def case_at(self, row: int) -> Case | None:
        """The case on `row` (whole), fetching its page's cases if needed."""
        if self.list_row_at(row) is None:  # also keeps the page held (and its rows known)
            return None
        page_no = row // self._page_size
        cases = self._case_pages.setdefault(page_no, {})
        case_id = self._ids[row]
        if case_id not in cases:
            start = page_no * self._page_size
            cases.update(self._source.fetch(
                [i for i in self._ids[start:start + self._spans[page_no]] if i not in cases]))
        return cases.get(case_id)

    def cached_pages(self) -> list[int]:
        """Page numbers currently held (least recently used first)."""
        return list(self._pages)

    def now(self) -> datetime:
        return self._source.clock.now()

    def touch_time_columns(self) -> None:
        """Repaint the due columns (overdue colouring depends on the current time)."""
        self._shown.clear()  # times show the year once it is not this year's
        for key in ("due", "promise", "deadline"):
            self.repaint_column(key)

    # --- QAbstractTableModel --------------------------------------------
    def index(self, row: int, column: int, parent: Index = _NO_INDEX) -> QModelIndex:
        # Qt's own index() asks rowCount() and columnCount() (two calls into Python) for
        # every cell the view paints; one call here is half the cost.
        if 0 <= row < len(self._ids) and 0 <= column < _COLUMN_COUNT and (
                parent is _NO_INDEX or not parent.isValid()):
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseTableModel", COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].key in HEADER_TIPS:
            return QCoreApplication.translate("CaseTableModel", HEADER_TIPS[COLUMNS[section].key])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].key == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index: Index, role: int = ROLE_DISPLAY) -> Any:
        # The view asks this for every cell and role on each paint: a plain column's
        # text of a row already shown is two look-ups (an invalid index has row -1, never
        # shown; the other columns' texts are None there).
        if role == ROLE_DISPLAY:
            row = index.row()
            shown = self._shown.get(row)
            if shown is None and 0 <= row < len(self._ids):
                shown = self._row_shown(row)  # the row's first cell: its texts, once
            if shown is not None:
                col = index.column()
                text = shown[0][col]
                if text is not None:
                    return text
                side = _SIDE_TEXT.get(col)
                if side is not None:  # what _data() shows for it, without its checks
                    return side(self, row)
        return self._data(index, role)

    def _promise_text(self, row: int) -> str | None:
        return self._promise_data(row, ROLE_DISPLAY, False)  # the case's own: unused

    def _warnings_text(self, row: int) -> str | None:
        return self._warning_data(row, ROLE_DISPLAY)

    def _deadline_text(self, row: int) -> str | None:
        return self._deadline_data(row, ROLE_DISPLAY)

    def _data(self, index: Index, role: int) -> Any:
        # A table's indexes have no parent; painting reads the row's list row, never a
        # whole Case.
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= col < _COLUMN_COUNT):
            return None
        if role == ROLE_DISPLAY and PLAIN_COLUMN[col]:
            shown = self._shown.get(row) or self._row_shown(row)
            return shown[0][col] if shown is not None else None
        if role == CASE_ID_ROLE:
            return self._ids[row]  # needs no page fetch
        if role not in _ROLES:
            return None
        if role == CASE_ROLE:
            return self.case_at(row)
        shown = self._shown.get(row) or self._row_shown(row)
        if shown is None:  # purged since the query ran; the next refresh drops the row
            return None
        key = COLUMNS[col].key
        if role in (MAJOR_ROLE, ROLE_BACKGROUND):
            major = shown[3]
            return major if role == MAJOR_ROLE else (QBrush(_MAJOR) if major else None)
        if key == "warnings" or role == WARNINGS_ROLE:
            return self._warning_data(row, role)
        if key == "promise" or role == PROMISE_OVERDUE_ROLE:
            return self._promise_data(row, role, self._overdue(shown))
        if key == "deadline":
            return self._deadline_data(row, role)
        if role == ROLE_TOOLTIP:
            case = self.case_at(row)
            return None if case is None else tooltip(case, key, self._lang,
                                                     self._source.shop_tz, self.now())
        if role == ROLE_ALIGN:
            return _RIGHT if key == "amount" else None
        if key not in ("due", "status") and role != OVERDUE_ROLE:
            return None  # only the due and status cells have colours or fonts
        overdue = self._overdue(shown)
        if role == OVERDUE_ROLE:
            return overdue
        if role == ROLE_FOREGROUND:
            if key == "due" and overdue:
                return QBrush(OVERDUE_COLOUR)
            if not shown[2] and key in ("status", "due"):
                return QBrush(_CLOSED)
            return None
        if role == ROLE_FONT and key == "due" and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _overdue(self, shown: _Shown) -> bool:
        """Open and past its due time (Case.is_overdue), now."""
        return shown[2] and shown[1] is not None and shown[1] < self.now()

    # --- formatting ------------------------------------------------------
    def _row_shown(self, row: int) -> _Shown | None:
        """What the row shows: made once per case while its page is held."""
        found = self.list_row_at(row)
        if found is None:
            return None
        tz = self._source.shop_tz
        formats = self._formats
        if formats is None or formats.lang != self._lang or formats.shop_tz != tz:
            formats = self._formats = ListTexts(self._lang, tz)
        texts, due = formats.cells(found, formats.this_year(self.now()))
        # The due time in UTC, as the clock gives now: _overdue compares the two on
        # every paint of the due and status cells (see ListTexts.this_year).
        shown = (texts, None if due is None else due.astimezone(UTC),
                 found.status in _OPEN, found.major_owner or "")
        self._shown[row] = shown
        return shown


# Per row: its case's display texts in column order (None where the column reads another
# source), its due time (UTC), whether it is open, the owner of its major complaint ('' none).
_Shown = tuple[tuple[str | None, ...], datetime | None, bool, str]

_COLUMN_COUNT = len(COLUMNS)
# The display text of each column that reads another source than the case.
_SIDE_TEXT = {column_of("promise"): CaseTableModel._promise_text,
              column_of("warnings"): CaseTableModel._warnings_text,
              column_of("deadline"): CaseTableModel._deadline_text}
_ROLES = frozenset({
    ROLE_DISPLAY, ROLE_TOOLTIP, ROLE_FOREGROUND,
    ROLE_FONT, ROLE_ALIGN, CASE_ROLE, OVERDUE_ROLE,
    PROMISE_OVERDUE_ROLE, WARNINGS_ROLE, DEADLINE_LEFT_ROLE, MAJOR_ROLE,
    ROLE_BACKGROUND,
})
