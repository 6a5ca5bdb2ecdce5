"""What the case list shows, apart from the model's paging: the item data roles, the
columns (titles translated in the "CaseTableModel" context; the order is the saved header
state's) and the sources the columns read, as protocols the services fill."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ...domain.case import Case
from ...domain.case_list import CaseListRow
from ...domain.case_query import CaseQuery, SortKey
from ...domain.clock import Clock

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
CASE_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
PROMISE_OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 4  # the rule keys of the live warnings
DEADLINE_LEFT_ROLE = Qt.ItemDataRole.UserRole + 5  # timedelta to the stage's deadline
MAJOR_ROLE = Qt.ItemDataRole.UserRole + 6  # the owner of a major complaint ('' if none)
# Qt's roles as plain ints: data() runs for every cell and role painted, and reading
# Qt.ItemDataRole.X costs more than the comparison.
ROLE_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ROLE_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ROLE_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
ROLE_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
ROLE_FONT = int(Qt.ItemDataRole.FontRole)
ROLE_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)


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

    def list_rows(self, case_ids: Sequence[int]) -> dict[int, CaseListRow]: ...


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
# Header tooltips where two columns could be read as one: the case's own due time (typed, or
# a kind's default) and the platform stage's deadline often differ, and both are right.
HEADER_TIPS = {
    "due": QT_TRANSLATE_NOOP("CaseTableModel",
                             "The due time set on the case (typed, or the kind's default): "
                             "the shop's own target"),
    "deadline": QT_TRANSLATE_NOOP("CaseTableModel",
                                  "Time left to the platform stage's deadline (e.g. the seller's "
                                  "48 h to answer a refund request); ~ marks an estimate"),
    "promise": QT_TRANSLATE_NOOP("CaseTableModel",
                                 "When the next open promise to the buyer is due"),
}
# Per column: its text reads only the case (the others read their own sources).
PLAIN_COLUMN = tuple(k not in ("promise", "warnings", "deadline") for k in COLUMN_KEYS)


def column_of(key: str) -> int:
    """The column number of a column key ('due' -> 9)."""
    return COLUMN_KEYS.index(key)


def column_of_sort(sort: SortKey) -> int | None:
    return next((i for i, c in enumerate(COLUMNS) if c.sort == sort), None)
