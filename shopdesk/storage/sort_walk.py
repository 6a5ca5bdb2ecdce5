"""A list page SQLite would sort, read from the sort's own index while that stays cheap.

Without statistics on value ranges (no STAT4 in Python's SQLite) the planner answers a
filter like 逾期 (open, due before now) from the filter's index and sorts every match.
When the matches are many that costs what they cost: 0.1-1.8 s at 1M cases for the
overdue, due-today, mine, warned and deadline quick filters, where walking the sort index
in order and checking each row finds the first page in under a millisecond. When the
matches are few the planner is right and the walk would read far. So: when the plan sorts
the whole result, the page is first read by walking the sort index with a budget of
time; past the budget it is abandoned and the planner's query runs.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from ..domain.case_query import SortKey
from .database import Database

# The partial (live cases) index each sort reads in order.
SORT_INDEX = {
    SortKey.CASE_NO: "idx_live_case_no", SortKey.PLATFORM: "idx_live_platform",
    SortKey.ORDER_NO: "idx_live_order", SortKey.BUYER: "idx_live_buyer",
    SortKey.ITEM: "idx_live_item", SortKey.KIND: "idx_live_kind",
    SortKey.CAUSE: "idx_live_cause", SortKey.STATUS: "idx_live_status",
    SortKey.AMOUNT: "idx_live_amount", SortKey.DUE: "idx_live_due_sort",
    SortKey.LAST_ACTIVITY: "idx_live_activity", SortKey.ASSIGNEE: "idx_live_assignee",
    SortKey.CREATED: "idx_live_created", SortKey.PRIORITY: "idx_live_priority",
    SortKey.PROMISE_DUE: "idx_live_promise_sort",
    SortKey.PLATFORM_STATUS: "idx_live_platform_status",
    SortKey.WARNINGS: "idx_live_warnings_sort",  # m0025
    SortKey.DEADLINE: "idx_live_deadline_sort",
}

# The walk is abandoned after BUDGET seconds of this thread's processor time (or ten
# times that of the clock's, for reads from disk), checked every STEP virtual-machine
# instructions. Time, not instructions: one instruction may read a table row (a filter
# on a column the index lacks), and 400k of those took 110 ms at 1M. Processor time: on
# a busy machine the clock runs on while the thread waits for a core.
STEP = 500
BUDGET = 0.004

_FULL_SORT = "USE TEMP B-TREE FOR ORDER BY"
_OVER = "over"  # remembered: a walk of this ran out of processor time


class SortWalk:
    """Runs a list page's SQL, walking its sort index first when the plan would sort."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # SQL -> walk it first: its plan sorts the whole result, and no walk of it ran
        # past its budget yet (then the planner was right: few matches, far apart).
        self._walks: dict[Any, bool | str] = {}
        self.over_cpu = False  # the last walk ran out of processor time (not the clock's)

    def rows(self, sql: str, params: Sequence[Any], sort: SortKey, *,
             memo: Any = None, budget: float | None = None,
             fallback: bool = True,
             planner: tuple[str, Sequence[Any]] | None = None) -> list[tuple] | None:
        """The rows of `sql` (a `SELECT ... FROM cases WHERE <live cases> ... ORDER BY
        <sort's order> LIMIT n`): the same rows either way. `memo`: what a walk found is
        remembered under this key instead of the SQL (a search: one term's matches may
        be far down the list, another's at its top, with the same SQL). `budget`: the
        walk's processor seconds (BUDGET). Without `fallback`, None where the walk ran (or once
        ran) out of time: the caller has a better plan than the planner's. `planner`:
        the same rows' query as the planner answers it best, when that is another text
        than the one checked row by row on the walk: then the walk is tried first
        whatever the plan of `sql`, and `planner` runs when it is out of time."""
        index = SORT_INDEX.get(sort)
        key: Any = sql if memo is None else memo
        # With its own planner query the walk is always tried first (until it once ran
        # out of time): whatever the planner makes of the row-by-row form, it is
        # either this walk or a scan of the table.
        worth = (self._walks.get(key) is not _OVER if planner is not None
                 else self._worth_walking(key, sql, params))
        if index is not None and worth:
            self.over_cpu = False
            walked = self._walk(sql.replace(" FROM cases WHERE ",
                                            f" FROM cases INDEXED BY {index} WHERE ", 1),
                                params, budget)
            if walked is not None:
                return walked
            if self.over_cpu:
                # Only a walk that ran out of processor time says the matches are far
                # apart. One that waited for the disk (a cold start) may well succeed
                # next time, where the planner's sort would cost that every time.
                self._walks[key] = _OVER
        if not fallback and self._walks.get(key) is _OVER:
            return None
        if planner is not None:
            return self.db.execute(planner[0], list(planner[1])).fetchall()
        return self.db.execute(sql, list(params)).fetchall()

    def _worth_walking(self, key: Any, sql: str, params: Sequence[Any]) -> bool:
        found = self._walks.get(key)
        if found is None:
            plan = self.db.execute("EXPLAIN QUERY PLAN " + sql, list(params)).fetchall()
            found = any(row[-1] == _FULL_SORT for row in plan)
            if len(self._walks) >= 256:
                self._walks.clear()
            self._walks[key] = found
        return found is True

    def _walk(self, sql: str, params: Sequence[Any],
              budget: float | None = None) -> list[tuple] | None:
        """The rows by the index walk, or None when it ran past its budget (BUDGET when
        none is given)."""
        budget = BUDGET if budget is None else budget
        until = time.thread_time() + budget
        deadline = time.perf_counter() + 10 * budget
        over = False

        def progress() -> int:
            nonlocal over
            self.over_cpu = time.thread_time() > until
            over = self.over_cpu or time.perf_counter() > deadline
            return 1 if over else 0

        conn = self.db.conn
        conn.set_progress_handler(progress, STEP)
        try:
            return self.db.execute(sql, list(params)).fetchall()
        except sqlite3.OperationalError as exc:
            if over and "interrupt" in str(exc):
                return None
            raise
        finally:
            conn.set_progress_handler(None, STEP)
