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
from datetime import datetime, timedelta
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
from ...domain.clock import local
from ...domain.enums import OPEN_STATUSES
from ...domain.text import colon, list_sep
from .case_columns import (
    CASE_ID_ROLE,
    CASE_ROLE,
    COLUMNS,
    DEADLINE_LEFT_ROLE,
    MAJOR_ROLE,
    OVERDUE_ROLE,
    PLAIN_COLUMN,
    PROMISE_OVERDUE_ROLE,
    WARNINGS_ROLE,
    CaseSource,
    DeadlineListSource,
    PromiseDueSource,
    WarningSource,
    column_of,
)
from .case_texts import (
    DEFAULT_DEADLINE_WINDOW,
    SOURCE_TITLES,
    ListTexts,
    time_left_text,
    time_text,
    tooltip,
)

# A page is about a screenful: the first paint fetches (and builds) one page of cases,
# not the first query's 100.
PAGE_SIZE = 50
MAX_PAGES = 40  # at most 2,000 rows in memory, whatever the register's size
ID_BATCH = 500  # ids per keyset query as the view scrolls
FIRST_BATCH = 100  # the first query: a screenful and some, so a search shows at once

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_OVERDUE = QColor(200, 30, 30)
_WARNED = QColor(190, 60, 0)
_MAJOR = QColor(253, 226, 222)  # a major complaint's row (first in every queue)
_CLOSED = QColor(128, 128, 128)
_OPEN = frozenset(s.value for s in OPEN_STATUSES)
_NO_INDEX = QModelIndex()
# The roles as plain ints: data() runs for every cell and role painted, and reading
# Qt.ItemDataRole.X costs more than the comparison.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
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
        self._deferred = 0
        self._pages: OrderedDict[int, dict[int, CaseListRow]] = OrderedDict()
        self._spans: dict[int, int] = {}  # page -> how many of its rows were fetched
        # Whole cases of a held page, fetched only when one is asked for (case_at).
        self._case_pages: dict[int, dict[int, Case]] = {}
        # What a row shows, per case id, for the cases of the held pages (see data()).
        self._shown: dict[int, _Shown] = {}
        self._formats: ListTexts | None = None  # for this language and shop zone
        # Next open promise due per case, fetched with (and evicted with) each page.
        self._promises: PromiseDueSource | None = None
        self._promise_pages: dict[int, dict[int, datetime]] = {}
        # Live early warnings per case, fetched and evicted with each page like promises.
        self._warnings: WarningSource | None = None
        self._warning_pages: dict[int, dict[int, list[Any]]] = {}
        # Stored stage deadlines per case, fetched and evicted with each page.
        self._deadlines: DeadlineListSource | None = None
        self._deadline_pages: dict[int, dict[int, Any]] = {}
        self._deadline_window = DEFAULT_DEADLINE_WINDOW

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

    def set_promise_source(self, promises: PromiseDueSource | None) -> None:
        """Where the promise column reads each case's next open promise (None: blank)."""
        self._promises = promises
        self._promise_pages.clear()
        self._warning_pages.clear()
        if self._ids:
            col = column_of("promise")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    def set_warning_source(self, warnings: WarningSource | None) -> None:
        """Where the warnings column reads each case's live warnings (None: blank)."""
        self._warnings = warnings
        self._warning_pages.clear()
        if self._ids:
            col = column_of("warnings")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    def set_deadline_source(self, deadlines: DeadlineListSource | None) -> None:
        """Where the 剩余时间 column reads each case's deadline (None: blank)."""
        self._deadlines = deadlines
        self._deadline_pages.clear()
        self.refresh_deadline_window()

    def refresh_deadline_window(self) -> None:
        """Re-read the warning threshold (the settings page changed it) and repaint."""
        self._deadline_window = (self._deadlines.warning_window() if self._deadlines
                                 is not None else DEFAULT_DEADLINE_WINDOW)
        if self._ids:
            col = column_of("deadline")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    def deadline_window(self) -> timedelta:
        """Under this much time left a deadline is red; 即将超时 looks this far ahead."""
        return self._deadline_window

    def deadline_at(self, row: int) -> Any:
        """The stored deadline of the case on `row` (StoredDeadline), or None."""
        if self._deadlines is None or not 0 <= row < len(self._ids):
            return None
        page_no = row // self._page_size
        page = self._deadline_pages.get(page_no)
        if page is None:
            start = page_no * self._page_size
            page = self._deadlines.stored(self._ids[start:start + self._page_size])
            self._deadline_pages[page_no] = page
        return page.get(self._ids[row])

    def warnings_at(self, row: int) -> list[Any]:
        """The live warnings of the case on `row` (CaseWarning objects)."""
        if self._warnings is None or not 0 <= row < len(self._ids):
            return []
        page_no = row // self._page_size
        page = self._warning_pages.get(page_no)
        if page is None:
            start = page_no * self._page_size
            page = self._warnings.live(self._ids[start:start + self._page_size])
            self._warning_pages[page_no] = page
        return page.get(self._ids[row], [])

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
        self._ids = []
        self._rows = {}
        self._last_key = None
        self._complete = False
        self._total = None
        self._pages.clear()
        self._spans.clear()
        self._case_pages.clear()
        self._shown.clear()
        self._promise_pages.clear()
        self._warning_pages.clear()
        self._deadline_pages.clear()

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

    def is_complete(self) -> bool:
        """Every id of the query is loaded (no more to fetch)."""
        return self._complete

    def total(self) -> int | None:
        """How many cases the query lists, when known (see `set_total`)."""
        return self._total

    def set_total(self, query: CaseQuery, total: int) -> bool:
        """A count made elsewhere (off the UI thread) for `query`; ignored if the query
        changed meanwhile. True when taken."""
        if query != self._query:
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
                evicted, rows = self._pages.popitem(last=False)
                del self._spans[evicted]
                for gone in rows:
                    self._shown.pop(gone, None)
                self._case_pages.pop(evicted, None)
                self._promise_pages.pop(evicted, None)
                self._warning_pages.pop(evicted, None)
                self._deadline_pages.pop(evicted, None)
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

    def promise_due_at(self, row: int) -> datetime | None:
        """The due time of the earliest open promise on the case on `row`."""
        if self._promises is None or not 0 <= row < len(self._ids):
            return None
        page_no = row // self._page_size
        dues = self._promise_pages.get(page_no)
        if dues is None:
            start = page_no * self._page_size
            dues = self._promises.next_due(self._ids[start:start + self._page_size])
            self._promise_pages[page_no] = dues
        return dues.get(self._ids[row])

    def cached_pages(self) -> list[int]:
        """Page numbers currently held (least recently used first)."""
        return list(self._pages)

    def now(self) -> datetime:
        return self._source.clock.now()

    def touch_time_columns(self) -> None:
        """Repaint the due columns (overdue colouring depends on the current time)."""
        self._shown.clear()  # times show the year once it is not this year's
        if self._ids:
            for key in ("due", "promise", "deadline"):
                col = column_of(key)
                self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

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
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].key == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # A table's indexes have no parent; an invalid index has row -1. The view asks
        # this for every cell and role on each paint: the common case comes first, and
        # painting reads the row's list row, never a whole Case.
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= col < _COLUMN_COUNT):
            return None
        if role == _DISPLAY and PLAIN_COLUMN[col]:
            shown = self._shown.get(self._ids[row]) or self._row_shown(row)
            return shown[0][col] if shown is not None else None
        if role == CASE_ID_ROLE:
            return self._ids[row]  # needs no page fetch
        if role not in _ROLES:
            return None
        if role == CASE_ROLE:
            return self.case_at(row)
        shown = self._shown.get(self._ids[row]) or self._row_shown(row)
        if shown is None:  # purged since the query ran; the next refresh drops the row
            return None
        key = COLUMNS[col].key
        if role in (MAJOR_ROLE, _BACKGROUND):
            major = shown[3]
            return major if role == MAJOR_ROLE else (QBrush(_MAJOR) if major else None)
        if key == "warnings" or role == WARNINGS_ROLE:
            return self._warning_data(row, role)
        if key == "promise" or role == PROMISE_OVERDUE_ROLE:
            return self._promise_data(row, role, shown)
        if key == "deadline":
            return self._deadline_data(row, role)
        if role == _TOOLTIP:
            case = self.case_at(row)
            return None if case is None else tooltip(case, key, self._lang,
                                                     self._source.shop_tz, self.now())
        if role == _ALIGN:
            return _RIGHT if key == "amount" else None
        if key not in ("due", "status") and role != OVERDUE_ROLE:
            return None  # only the due and status cells have colours or fonts
        overdue = self._overdue(shown)
        if role == OVERDUE_ROLE:
            return overdue
        if role == _FOREGROUND:
            if key == "due" and overdue:
                return QBrush(_OVERDUE)
            if not shown[2] and key in ("status", "due"):
                return QBrush(_CLOSED)
            return None
        if role == _FONT and key == "due" and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _overdue(self, shown: _Shown) -> bool:
        """Open and past its due time (Case.is_overdue), now."""
        return shown[2] and shown[1] is not None and shown[1] < self.now()

    def _warning_data(self, row: int, role: int) -> Any:
        """The warnings column: the rules that fired, reasons in the tooltip."""
        found = self.warnings_at(row)
        if role == WARNINGS_ROLE:
            return [w.rule.value for w in found]
        if not found:
            return None
        if role == _DISPLAY:
            return "⚠ " + list_sep(self._lang).join(w.rule.label(self._lang) for w in found)
        if role == _TOOLTIP:
            return "\n".join(f"{w.rule.label(self._lang)}{colon(self._lang)}"
                             f"{w.reason(self._lang)}" for w in found)
        if role == _FOREGROUND:
            return QBrush(_WARNED)
        if role == _FONT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _promise_data(self, row: int, role: int, shown: _Shown) -> Any:
        """The promise column: the next open promise's due time, red and bold once due."""
        due = self.promise_due_at(row)
        overdue = due is not None and due <= self.now()
        if role == PROMISE_OVERDUE_ROLE:
            return overdue
        if role == OVERDUE_ROLE:
            return self._overdue(shown)
        if due is None:
            return None
        if role == _DISPLAY:
            tz = self._source.shop_tz
            return time_text(due, tz, local(self.now(), tz).year)
        if role == _TOOLTIP:
            text = local(due, self._source.shop_tz).strftime("%Y-%m-%d %H:%M")
            if overdue:
                text += " — " + QCoreApplication.translate("CaseTableModel",
                                                           "promise overdue")
            return text
        if role == _FOREGROUND and overdue:
            return QBrush(_OVERDUE)
        if role == _FONT and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _deadline_data(self, row: int, role: int) -> Any:
        """剩余时间: the time left to the stage's deadline; red under the warning
        threshold, red and bold once past; 约 for a low-confidence rule."""
        stored = self.deadline_at(row)
        if stored is None:
            return None
        left = stored.due_at - self.now()
        past = left.total_seconds() <= 0
        if role == DEADLINE_LEFT_ROLE:
            return left
        if role == _DISPLAY:
            return time_left_text(left, stored.estimate, self._lang)
        if role == _TOOLTIP:
            when = local(stored.due_at, self._source.shop_tz).strftime("%Y-%m-%d %H:%M")
            stage = stored.stage.label(self._lang) if stored.stage else ""
            source = QCoreApplication.translate("CaseTableModel", SOURCE_TITLES.get(
                stored.source, stored.source))
            return " · ".join(t for t in (when, stage, source) if t)
        if role == _FOREGROUND and left < self._deadline_window:
            return QBrush(_OVERDUE)
        if role == _FONT and past:
            font = QFont()
            font.setBold(True)
            return font
        return None

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
        shown = (formats.texts(found, local(self.now(), tz).year),
                 formats.shop_time(found.due_at), found.status in _OPEN,
                 found.major_owner or "")
        self._shown[found.id] = shown
        return shown


# Per case: its display texts in column order ('' where the column reads another
# source), its due time, whether it is open, the owner of its major complaint ('' none).
_Shown = tuple[tuple[str, ...], datetime | None, bool, str]

_COLUMN_COUNT = len(COLUMNS)
_ROLES = frozenset({
    _DISPLAY, _TOOLTIP, _FOREGROUND,
    _FONT, _ALIGN, CASE_ROLE, OVERDUE_ROLE,
    PROMISE_OVERDUE_ROLE, WARNINGS_ROLE, DEADLINE_LEFT_ROLE, MAJOR_ROLE,
    _BACKGROUND,
})
