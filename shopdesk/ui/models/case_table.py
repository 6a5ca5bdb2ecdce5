"""The case list model: ids for the current query, rows fetched lazily in pages.

Ids arrive in batches as the user scrolls (canFetchMore/fetchMore): each batch is one
keyset query on (sort value, id), so the first screen costs the same at a thousand cases
as at a million, and the total count is asked for separately (off the UI thread, by the
view). Rows are fetched from the service a page at a time when the view asks for them, and
a small LRU cache bounds how many pages are kept. Sorting changes the query's SortKey and
re-queries in SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.case import Case
from ...domain.case_query import CaseQuery, SortKey
from ...domain.clock import Clock, local
from ...domain.money import format_yuan
from ...domain.platform_state import INTERVENTION_STAGES
from ...domain.text import colon, list_sep
from ...domain.urgency import format_span

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
CASE_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
PROMISE_OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 4  # the rule keys of the live warnings
DEADLINE_LEFT_ROLE = Qt.ItemDataRole.UserRole + 5  # timedelta to the stage's deadline
MAJOR_ROLE = Qt.ItemDataRole.UserRole + 6  # the owner of a major complaint ('' if none)

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

Index = QModelIndex | QPersistentModelIndex


class CaseSource(Protocol):
    """What the model needs from CaseService (a fake can stand in for tests)."""

    clock: Clock
    shop_tz: str

    def query_page(self, query: CaseQuery, *, after: tuple[Any, int] | None = None,
                   through: tuple[Any, int] | None = None,
                   limit: int | None = None) -> list[tuple[int, Any]]: ...

    def sort_value(self, query: CaseQuery, case_id: int) -> tuple[Any, int] | None: ...

    def count(self, query: CaseQuery) -> int: ...

    def fetch(self, case_ids: Sequence[int]) -> dict[int, Case]: ...


class WarningSource(Protocol):
    """What the warnings column needs (WarningService.live)."""

    def live(self, case_ids: Sequence[int]) -> dict[int, list[Any]]: ...


class DeadlineListSource(Protocol):
    """What the 剩余时间 column needs (DeadlineService.stored / warning_window)."""

    def stored(self, case_ids: Sequence[int]) -> dict[int, Any]: ...

    def warning_window(self) -> timedelta: ...


class PromiseDueSource(Protocol):
    """What the promise column needs (PromiseService.next_due)."""

    def next_due(self, case_ids: list[int]) -> dict[int, datetime]: ...


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source; translated in the "CaseTableModel" context
    sort: SortKey


COLUMNS: tuple[Column, ...] = (
    Column("case_no", QT_TRANSLATE_NOOP("CaseTableModel", "Case no."), SortKey.CASE_NO),
    Column("platform", QT_TRANSLATE_NOOP("CaseTableModel", "Platform"), SortKey.PLATFORM),
    Column("order_no", QT_TRANSLATE_NOOP("CaseTableModel", "Order no."), SortKey.ORDER_NO),
    Column("buyer", QT_TRANSLATE_NOOP("CaseTableModel", "Buyer"), SortKey.BUYER),
    Column("item", QT_TRANSLATE_NOOP("CaseTableModel", "Item"), SortKey.ITEM),
    Column("kind", QT_TRANSLATE_NOOP("CaseTableModel", "Kind"), SortKey.KIND),
    Column("cause", QT_TRANSLATE_NOOP("CaseTableModel", "Cause"), SortKey.CAUSE),
    Column("status", QT_TRANSLATE_NOOP("CaseTableModel", "Status"), SortKey.STATUS),
    Column("amount", QT_TRANSLATE_NOOP("CaseTableModel", "Claimed"), SortKey.AMOUNT),
    Column("due", QT_TRANSLATE_NOOP("CaseTableModel", "Due"), SortKey.DUE),
    Column("activity", QT_TRANSLATE_NOOP("CaseTableModel", "Last activity"),
           SortKey.LAST_ACTIVITY),
    Column("assignee", QT_TRANSLATE_NOOP("CaseTableModel", "Assignee"), SortKey.ASSIGNEE),
    # Added last so saved header states keep their column numbers.
    Column("promise", QT_TRANSLATE_NOOP("CaseTableModel", "Promise due"),
           SortKey.PROMISE_DUE),
    # The platform's own words (退款成功, 客服介入中 ...), as its export said them.
    Column("platform_status", QT_TRANSLATE_NOOP("CaseTableModel", "Platform status"),
           SortKey.PLATFORM_STATUS),
    Column("warnings", QT_TRANSLATE_NOOP("CaseTableModel", "Warnings"), SortKey.WARNINGS),
    # The stage's deadline (platform / rule / manual) counting down; red under the warning
    # threshold, bold once past (services/deadlines.py).
    Column("deadline", QT_TRANSLATE_NOOP("CaseTableModel", "Time left"), SortKey.DEADLINE),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
# Per column: its text reads only the case (the others read their own sources).
_PLAIN_COLUMN = tuple(k not in ("promise", "warnings", "deadline") for k in COLUMN_KEYS)


def column_of(key: str) -> int:
    """The column number of a column key ('due' -> 9)."""
    return COLUMN_KEYS.index(key)


def column_of_sort(sort: SortKey) -> int | None:
    return next((i for i, c in enumerate(COLUMNS) if c.sort == sort), None)


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
        self._pages: OrderedDict[int, dict[int, Case]] = OrderedDict()
        self._spans: dict[int, int] = {}  # page -> how many of its rows were fetched
        # Display texts per case id, for the cases of the held pages (see data()).
        self._texts: dict[int, tuple[str, ...]] = {}
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
        self._texts.clear()
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

    def case_at(self, row: int) -> Case | None:
        """The case on `row`, fetching its page if needed."""
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self._page_size
        page = self._pages.get(page_no)
        case_id = self._ids[row]
        start = page_no * self._page_size
        if page is None:
            page = self._source.fetch(self._ids[start:start + self._page_size])
            self._pages[page_no] = page
            self._spans[page_no] = min(self._page_size, len(self._ids) - start)
            while len(self._pages) > self._max_pages:
                evicted, rows = self._pages.popitem(last=False)
                del self._spans[evicted]
                for gone in rows:
                    self._texts.pop(gone, None)
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
                page.update(self._source.fetch(self._ids[start + span:end]))
                self._spans[page_no] = min(self._page_size, len(self._ids) - start)
        return page.get(case_id)

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
        self._texts.clear()  # times show the year once it is not this year's
        if self._ids:
            for key in ("due", "promise", "deadline"):
                col = column_of(key)
                self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    # --- QAbstractTableModel --------------------------------------------
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A table's indexes have no parent; an invalid index has row -1. The view asks
        # this for every cell and role on each paint: the common case comes first.
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= col < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole and _PLAIN_COLUMN[col]:
            texts = self._texts.get(self._ids[row])
            if texts is None:
                texts = self._row_texts(row)
            return texts[col] if texts is not None else None
        if role == CASE_ID_ROLE:
            return self._ids[row]  # needs no page fetch
        if role not in _ROLES:
            return None
        case = self.case_at(row)
        if case is None:  # purged since the query ran; the next refresh drops the row
            return None
        key = COLUMNS[col].key
        if role in (MAJOR_ROLE, Qt.ItemDataRole.BackgroundRole):
            return case.major_owner if role == MAJOR_ROLE else (
                QBrush(_MAJOR) if case.major_owner else None)
        if key == "warnings" or role == WARNINGS_ROLE:
            return self._warning_data(row, role)
        if key == "promise" or role == PROMISE_OVERDUE_ROLE:
            return self._promise_data(row, role)
        if key == "deadline":
            return self._deadline_data(row, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, key)
        if role == CASE_ROLE:
            return case
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key == "amount" else None
        if key not in ("due", "status") and role != OVERDUE_ROLE:
            return None  # only the due and status cells have colours or fonts
        overdue = case.is_overdue(self.now())
        if role == OVERDUE_ROLE:
            return overdue
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "due" and overdue:
                return QBrush(_OVERDUE)
            if not case.is_open and key in ("status", "due"):
                return QBrush(_CLOSED)
            return None
        if role == Qt.ItemDataRole.FontRole and key == "due" and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _warning_data(self, row: int, role: int) -> Any:
        """The warnings column: the rules that fired, reasons in the tooltip."""
        if role == CASE_ROLE:
            return self.case_at(row)
        found = self.warnings_at(row)
        if role == WARNINGS_ROLE:
            return [w.rule.value for w in found]
        if not found:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "⚠ " + list_sep(self._lang).join(w.rule.label(self._lang) for w in found)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{w.rule.label(self._lang)}{colon(self._lang)}"
                             f"{w.reason(self._lang)}" for w in found)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_WARNED)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _promise_data(self, row: int, role: int) -> Any:
        """The promise column: the next open promise's due time, red and bold once due."""
        due = self.promise_due_at(row)
        overdue = due is not None and due <= self.now()
        if role == PROMISE_OVERDUE_ROLE:
            return overdue
        if role == CASE_ROLE:
            return self.case_at(row)
        if role == OVERDUE_ROLE:
            case = self.case_at(row)
            return case.is_overdue(self.now()) if case is not None else None
        if due is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._time_text(due)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = local(due, self._source.shop_tz).strftime("%Y-%m-%d %H:%M")
            if overdue:
                text += " — " + QCoreApplication.translate("CaseTableModel",
                                                           "promise overdue")
            return text
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _deadline_data(self, row: int, role: int) -> Any:
        """剩余时间: the time left to the stage's deadline; red under the warning
        threshold, red and bold once past; 约 for a low-confidence rule."""
        if role == CASE_ROLE:
            return self.case_at(row)
        stored = self.deadline_at(row)
        if stored is None:
            return None
        left = stored.due_at - self.now()
        past = left.total_seconds() <= 0
        if role == DEADLINE_LEFT_ROLE:
            return left
        if role == Qt.ItemDataRole.DisplayRole:
            return time_left_text(left, stored.estimate, self._lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = local(stored.due_at, self._source.shop_tz).strftime("%Y-%m-%d %H:%M")
            stage = stored.stage.label(self._lang) if stored.stage else ""
            source = QCoreApplication.translate("CaseTableModel", _SOURCE_TITLES.get(
                stored.source, stored.source))
            return " · ".join(t for t in (when, stage, source) if t)
        if role == Qt.ItemDataRole.ForegroundRole and left < self._deadline_window:
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.FontRole and past:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # --- formatting ------------------------------------------------------
    def _time_text(self, value: datetime | None, this_year: int | None = None) -> str:
        if value is None:
            return ""
        shown = local(value, self._source.shop_tz)
        if this_year is None:
            this_year = local(self.now(), self._source.shop_tz).year
        # strftime's "%Y-%m-%d" / "%m-%d %H:%M", at a third of its cost (two per row).
        if shown.year != this_year:
            return f"{shown.year:04d}-{shown.month:02d}-{shown.day:02d}"
        return f"{shown.month:02d}-{shown.day:02d} {shown.hour:02d}:{shown.minute:02d}"

    def _row_texts(self, row: int) -> tuple[str, ...] | None:
        """The display texts of the row's columns that read only the case ('' for the
        others), made once per case while its page is held."""
        case = self.case_at(row)
        if case is None:
            return None
        texts = self._display_texts(case)
        self._texts[case.id] = texts
        return texts

    def _display_texts(self, case: Case) -> tuple[str, ...]:
        lang = self._lang
        this_year = local(self.now(), self._source.shop_tz).year
        # A dispute the platform is handling matters more than the refund's own words.
        if case.platform_stage in INTERVENTION_STAGES and case.intervention_status:
            platform_status = f"{case.intervention_status} · {case.platform_status}".strip(
                " ·")
        else:
            platform_status = case.platform_status
        by_key = {
            "case_no": case.case_no,
            "platform": case.platform.label(lang),
            "order_no": case.order_no,
            "buyer": case.buyer_nick,
            "item": case.item_title,
            "kind": case.kind.label(lang),
            "cause": case.cause.label(lang) if case.cause else "",
            "status": case.status.label(lang),
            "amount": format_yuan(case.amount_claimed),
            "due": self._time_text(case.due_at, this_year),
            "activity": self._time_text(case.last_activity_at, this_year),
            "assignee": case.assignee,
            "platform_status": platform_status,
        }
        return tuple(by_key.get(key, "") for key in COLUMN_KEYS)

    def _tooltip(self, case: Case, key: str) -> str | None:
        if key == "case_no" and case.major_owner:
            return QCoreApplication.translate("CaseTableModel", "Major complaint, owner: %1"
                                              ).replace("%1", case.major_owner)
        if key in ("due", "activity"):
            value = case.due_at if key == "due" else case.last_activity_at
            if value is None:
                return None
            text = local(value, self._source.shop_tz).strftime("%Y-%m-%d %H:%M")
            if key == "due" and case.is_overdue(self.now()):
                text += " — " + QCoreApplication.translate("CaseTableModel", "overdue")
            return text
        if key == "item":
            return "\n".join(t for t in (case.item_title, case.sku) if t) or None
        if key == "buyer":
            return case.buyer_nick or None
        if key == "platform_status":
            return case.platform_summary(self._lang) or None
        if key == "order_no":  # elided in the middle when the column is narrow
            return case.order_no or None
        return None


DEFAULT_DEADLINE_WINDOW = timedelta(hours=6)
_SOURCE_TITLES = {
    "platform": QT_TRANSLATE_NOOP("CaseTableModel", "Platform deadline"),
    "rule": QT_TRANSLATE_NOOP("CaseTableModel", "Estimated from the rules"),
    "manual": QT_TRANSLATE_NOOP("CaseTableModel", "Set by hand"),
}


def time_left_text(left: timedelta, estimate: bool, lang: str) -> str:
    """'5小时12分' / '约2天3小时' / '已超时40分钟' ('5 h 12 min', '~2 d 3 h',
    'overdue 40 min')."""
    en = lang.startswith("en")
    if left.total_seconds() <= 0:
        span = format_span(-left, lang)
        return f"overdue {span}" if en else f"已超时{span}"
    span = format_span(left, lang)
    if estimate:
        return f"~{span}" if en else f"约{span}"
    return span


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, CASE_ROLE, OVERDUE_ROLE,
    PROMISE_OVERDUE_ROLE, WARNINGS_ROLE, DEADLINE_LEFT_ROLE, MAJOR_ROLE,
    Qt.ItemDataRole.BackgroundRole,
})
