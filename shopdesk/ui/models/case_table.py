"""The case list model: ids for the current query, rows fetched lazily in pages.

Only the ordered id list of the current CaseQuery lives in memory; rows are fetched from
the service a page at a time when the view asks for them, and a small LRU cache bounds
how many pages are kept. Sorting changes the query's SortKey and re-queries in SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
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

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
CASE_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
PROMISE_OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

PAGE_SIZE = 200
MAX_PAGES = 10  # at most 2,000 rows in memory, whatever the register's size

_OVERDUE = QColor(200, 30, 30)
_CLOSED = QColor(128, 128, 128)

Index = QModelIndex | QPersistentModelIndex


class CaseSource(Protocol):
    """What the model needs from CaseService (a fake can stand in for tests)."""

    clock: Clock
    shop_tz: str

    def query_ids(self, query: CaseQuery) -> list[int]: ...

    def fetch(self, case_ids: Sequence[int]) -> dict[int, Case]: ...


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
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def column_of(key: str) -> int:
    """The column number of a column key ('due' -> 9)."""
    return COLUMN_KEYS.index(key)


def column_of_sort(sort: SortKey) -> int | None:
    return next((i for i, c in enumerate(COLUMNS) if c.sort == sort), None)


class CaseTableModel(QAbstractTableModel):
    """Rows of the case list for one CaseQuery; see the module docstring."""

    def __init__(self, source: CaseSource, lang: str = "zh", parent: Any = None, *,
                 page_size: int = PAGE_SIZE, max_pages: int = MAX_PAGES) -> None:
        super().__init__(parent)
        self._source = source
        self._lang = lang
        self._page_size = max(1, page_size)
        self._max_pages = max(1, max_pages)
        self._query = CaseQuery()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, Case]] = OrderedDict()
        # Next open promise due per case, fetched with (and evicted with) each page.
        self._promises: PromiseDueSource | None = None
        self._promise_pages: dict[int, dict[int, datetime]] = {}

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
        if self._ids:
            col = column_of("promise")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    def set_query(self, query: CaseQuery) -> None:
        """Run `query` and show its rows (from the top; rows are fetched on demand)."""
        self.beginResetModel()
        self._query = query
        self._ids = list(self._source.query_ids(query))
        self._pages.clear()
        self._promise_pages.clear()
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
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._query = self._query.with_changes(sort=key, descending=descending)
        self._ids = list(self._source.query_ids(self._query))
        self._pages.clear()
        self._promise_pages.clear()
        # Keep selections and the current row on the same cases in their new places.
        persistent = self.persistentIndexList()
        if persistent:
            new_row = {case_id: row for row, case_id in enumerate(self._ids)}
            moved = []
            for p in persistent:
                row = new_row.get(old_ids[p.row()]) if 0 <= p.row() < len(old_ids) else None
                moved.append(QModelIndex() if row is None else self.index(row, p.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- ids and rows ----------------------------------------------------
    def ids(self) -> list[int]:
        """A copy of the ids of the current query, in display order."""
        return list(self._ids)

    def case_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int | None:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return None

    def case_at(self, row: int) -> Case | None:
        """The case on `row`, fetching its page if needed."""
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self._page_size
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * self._page_size
            page = self._source.fetch(self._ids[start:start + self._page_size])
            self._pages[page_no] = page
            while len(self._pages) > self._max_pages:
                evicted, _rows = self._pages.popitem(last=False)
                self._promise_pages.pop(evicted, None)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

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
        if self._ids:
            for key in ("due", "promise"):
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
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= col < len(COLUMNS)):
            return None
        if role == CASE_ID_ROLE:
            return self._ids[row]  # needs no page fetch
        if role not in _ROLES:
            return None
        case = self.case_at(row)
        if case is None:  # purged since the query ran; the next refresh drops the row
            return None
        key = COLUMNS[col].key
        if key == "promise" or role == PROMISE_OVERDUE_ROLE:
            return self._promise_data(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, key)
        if role == CASE_ROLE:
            return case
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
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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

    # --- formatting ------------------------------------------------------
    def _time_text(self, value: datetime | None) -> str:
        if value is None:
            return ""
        shown = local(value, self._source.shop_tz)
        if shown.year != local(self.now(), self._source.shop_tz).year:
            return shown.strftime("%Y-%m-%d")
        return shown.strftime("%m-%d %H:%M")

    def _display(self, case: Case, key: str) -> str:
        lang = self._lang
        if key == "case_no":
            return case.case_no
        if key == "platform":
            return case.platform.label(lang)
        if key == "order_no":
            return case.order_no
        if key == "buyer":
            return case.buyer_nick
        if key == "item":
            return case.item_title
        if key == "kind":
            return case.kind.label(lang)
        if key == "cause":
            return case.cause.label(lang) if case.cause else ""
        if key == "status":
            return case.status.label(lang)
        if key == "amount":
            return format_yuan(case.amount_claimed)
        if key == "due":
            return self._time_text(case.due_at)
        if key == "activity":
            return self._time_text(case.last_activity_at)
        if key == "assignee":
            return case.assignee
        return ""

    def _tooltip(self, case: Case, key: str) -> str | None:
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
        if key == "order_no":  # elided in the middle when the column is narrow
            return case.order_no or None
        return None


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, CASE_ROLE, OVERDUE_ROLE,
    PROMISE_OVERDUE_ROLE,
})
