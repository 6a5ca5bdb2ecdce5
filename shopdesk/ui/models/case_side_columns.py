"""The case list's columns that read sources of their own, not the case: the next open
promise's due time, the live early warnings, the time left to the stage's deadline. Each
is fetched a page of rows at a time, when a row of the page is painted, and dropped with
the page (CaseTableModel owns the pages; this is its mixin)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.clock import local
from ...domain.text import colon
from ...domain.warnings import RuleKey
from ...domain.warnings.rules import MAJOR_RULES
from .case_columns import (
    DEADLINE_LEFT_ROLE,
    OVERDUE_ROLE,
    PROMISE_OVERDUE_ROLE,
    ROLE_DISPLAY,
    ROLE_FONT,
    ROLE_FOREGROUND,
    ROLE_TOOLTIP,
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
    time_left_text,
    time_text,
    warnings_text,
)

OVERDUE_COLOUR = QColor(200, 30, 30)
_WARNED = QColor(190, 60, 0)


class SideColumns:
    """Mixin of CaseTableModel (see the module docstring): reads its `_ids`,
    `_page_size`, `_lang`, `_source`, `now()`, `index()` and `dataChanged`."""

    _ids: list[int]
    _page_size: int
    _lang: str
    _source: CaseSource
    dataChanged: Any

    def repaint_column(self, key: str) -> None:
        """Tell the view every row's `key` column changed (a source or the time moved)."""
        if self._ids:
            col = column_of(key)
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    def _init_side_columns(self) -> None:
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

    def _clear_side_pages(self) -> None:
        self._promise_pages.clear()
        self._warning_pages.clear()
        self._deadline_pages.clear()

    def _drop_side_pages(self, page_no: int) -> None:
        self._promise_pages.pop(page_no, None)
        self._warning_pages.pop(page_no, None)
        self._deadline_pages.pop(page_no, None)

    def set_promise_source(self, promises: PromiseDueSource | None) -> None:
        """Where the promise column reads each case's next open promise (None: blank)."""
        self._promises = promises
        self._promise_pages.clear()
        self._warning_pages.clear()
        self.repaint_column("promise")

    def set_warning_source(self, warnings: WarningSource | None) -> None:
        """Where the warnings column reads each case's live warnings (None: blank)."""
        self._warnings = warnings
        self._warning_pages.clear()
        self.repaint_column("warnings")

    def set_deadline_source(self, deadlines: DeadlineListSource | None) -> None:
        """Where the 剩余时间 column reads each case's deadline (None: blank)."""
        self._deadlines = deadlines
        self._deadline_pages.clear()
        self.refresh_deadline_window()

    def refresh_deadline_window(self) -> None:
        """Re-read the warning threshold (the settings page changed it) and repaint."""
        self._deadline_window = (self._deadlines.warning_window() if self._deadlines
                                 is not None else DEFAULT_DEADLINE_WINDOW)
        self.repaint_column("deadline")

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

    def _warning_data(self, row: int, role: int) -> Any:
        """The warnings column: the rules that fired, reasons in the tooltip."""
        found = self.warnings_at(row)
        if role == WARNINGS_ROLE:
            return [w.rule.value for w in found]
        if not found:
            return None
        if role == ROLE_DISPLAY:
            # The most serious first: a safety warning must not hide behind "+1".
            ranked = sorted(found, key=lambda w: (w.rule not in MAJOR_RULES,
                                                  list(RuleKey).index(w.rule)))
            return warnings_text([w.rule.label(self._lang) for w in ranked])
        if role == ROLE_TOOLTIP:
            return "\n".join(f"{w.rule.label(self._lang)}{colon(self._lang)}"
                             f"{w.reason(self._lang)}" for w in found)
        if role == ROLE_FOREGROUND:
            return QBrush(_WARNED)
        if role == ROLE_FONT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _promise_data(self, row: int, role: int, case_overdue: bool) -> Any:
        """The promise column: the next open promise's due time, red and bold once due."""
        due = self.promise_due_at(row)
        overdue = due is not None and due <= self.now()
        if role == PROMISE_OVERDUE_ROLE:
            return overdue
        if role == OVERDUE_ROLE:
            return case_overdue
        if due is None:
            return None
        if role == ROLE_DISPLAY:
            tz = self._source.shop_tz
            return time_text(due, tz, local(self.now(), tz).year)
        if role == ROLE_TOOLTIP:
            text = local(due, self._source.shop_tz).strftime("%Y-%m-%d %H:%M")
            if overdue:
                text += " — " + QCoreApplication.translate("CaseTableModel",
                                                           "promise overdue")
            return text
        if role == ROLE_FOREGROUND and overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == ROLE_FONT and overdue:
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
        if role == ROLE_DISPLAY:
            return time_left_text(left, stored.estimate, self._lang)
        if role == ROLE_TOOLTIP:
            when = local(stored.due_at, self._source.shop_tz).strftime("%Y-%m-%d %H:%M")
            stage = stored.stage.label(self._lang) if stored.stage else ""
            source = QCoreApplication.translate("CaseTableModel", SOURCE_TITLES.get(
                stored.source, stored.source))
            return " · ".join(t for t in (when, stage, source) if t)
        if role == ROLE_FOREGROUND and left < self._deadline_window:
            return QBrush(OVERDUE_COLOUR)
        if role == ROLE_FONT and past:
            font = QFont()
            font.setBold(True)
            return font
        return None
