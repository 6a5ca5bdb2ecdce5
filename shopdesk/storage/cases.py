"""The cases table: insert, read, update, list queries, trash."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from ..domain.analysis import province_of
from ..domain.case import Case
from ..domain.case_list import LIST_FIELDS, CaseListRow
from ..domain.case_no import format_case_no
from ..domain.case_query import CaseQuery, Scope, SortKey
from ..domain.clock import to_utc_iso
from ..domain.errors import NotFoundError
from .analysis import drill_condition
from .batches import in_batches
from .database import Database
from .dialect import is_postgres
from .pg import search as pg_search
from .rows import CASE_COLUMNS, ROW_COLUMNS, case_from_row, case_to_row, case_values
from .search import (
    TermStats,
    delete_from_index,
    is_team,
    number_found,
    reindex_case,
    scans_every_row,
    search_clause,
    walk_budget,
)
from .sort_walk import SortWalk

_SORT_SQL = {
    SortKey.CASE_NO: "case_no",
    SortKey.PLATFORM: "platform",
    SortKey.ORDER_NO: "order_no",
    SortKey.BUYER: "buyer_nick",
    SortKey.ITEM: "item_title",
    SortKey.KIND: "kind",
    SortKey.CAUSE: "coalesce(cause, '')",
    SortKey.STATUS: ("CASE status WHEN 'new' THEN 0 WHEN 'in_progress' THEN 1 "
                     "WHEN 'waiting_buyer' THEN 2 WHEN 'waiting_platform' THEN 3 "
                     "WHEN 'resolved' THEN 4 ELSE 5 END"),
    SortKey.AMOUNT: "coalesce(amount_claimed_fen, -1)",
    # Cases without a due time sort after every dated one in ascending order.
    SortKey.DUE: "coalesce(due_at, '9999')",
    SortKey.LAST_ACTIVITY: "last_activity_at",
    SortKey.ASSIGNEE: "assignee",
    SortKey.CREATED: "created_at",
    SortKey.PRIORITY: ("CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 "
                       "WHEN 'normal' THEN 1 ELSE 0 END"),
    # Cases without an open promise sort after every promised one in ascending order.
    SortKey.PROMISE_DUE: "coalesce(next_promise_due, '9999')",
    SortKey.PLATFORM_STATUS: "platform_status",
    SortKey.WARNINGS: "warning_count",
    # Cases without a deadline sort after every dated one in ascending order (m0014 index).
    SortKey.DEADLINE: "coalesce(deadline_at, '9999')",
}

# Rows with equal sort values come in the order of the sort column's index: its next
# columns, then id. The indexes are (value, status) (activity with a few more NOT NULL
# columns), so the list reads them in their own order and stops after a page; ordering
# ties by id alone sorted every tie first, and ties are large (a kind is a fifth of the
# register, an import stamps every case it adds with one time): 65 ms at 1M for the
# first page sorted by kind, 4 s for the same page read with its rows.
_SORT_TIES: dict[SortKey, tuple[str, ...]] = {
    SortKey.LAST_ACTIVITY: ("status", "kind", "platform", "assignee"),
    # By creation, ties stay in the order the cases were made (an import's file order,
    # which exports keep): a tie is one import, sorted once per first page.
    SortKey.CREATED: (),
    SortKey.DEADLINE: (),  # its index is on the value alone
}


def _sort_columns(sort: SortKey) -> tuple[str, ...]:
    """The ORDER BY of a sort, before the id."""
    return (_SORT_SQL[sort], *_SORT_TIES.get(sort, ("status",)))


def order_by(sort: SortKey, descending: bool) -> str:
    """The list's ORDER BY for a sort (without the majors' tier): benchmarks time the
    same order."""
    direction = "DESC" if descending else "ASC"
    return "ORDER BY " + ", ".join(f"{c} {direction}" for c in (*_sort_columns(sort), "id"))


# Above this many major cases their tier is a condition, not a list of ids (bind limits).
_MAX_LISTED_MAJORS = 2000

_SELECT = "SELECT " + ", ".join(CASE_COLUMNS) + " FROM cases"
_SELECT_LIST = "SELECT " + ", ".join(LIST_FIELDS) + " FROM cases"


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


ROW_COLUMNS_SET = frozenset(ROW_COLUMNS)


def _check_columns(columns: Iterable[str]) -> None:
    unknown = set(columns) - set(CASE_COLUMNS)
    if unknown:
        raise KeyError(f"unknown case columns: {sorted(unknown)}")


def counter_key(day: date, series: str = "") -> str:
    """The case_counters key of `day`'s numbers in `series` ("" for the real ones)."""
    return f"{series}:{day.isoformat()}" if series else day.isoformat()


def stored_cases(cases: Sequence[Case], first_id: int,
                 more: Sequence[Mapping[str, Any]] | None = None
                 ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(columns, rows) of new cases as `CaseStore.insert_rows` writes them, numbered from
    `first_id`: each row the id, then the columns' values (`more`: per case, further
    columns, the same for every case)."""
    if more is None:
        return list(ROW_COLUMNS), [(case_id, *case_values(c))
                                   for case_id, c in enumerate(cases, first_id)]
    if not ROW_COLUMNS_SET.isdisjoint(more[0]):  # a column of the case's own, given anew
        rows = [{**case_to_row(c), **extra} for c, extra in zip(cases, more, strict=True)]
        for row in rows:
            row.pop("id", None)
        return list(rows[0]), [(case_id, *row.values())
                               for case_id, row in enumerate(rows, first_id)]
    # Every case's further columns have the same keys in the same order (one dict literal).
    return [*ROW_COLUMNS, *more[0]], [
        (case_id, *case_values(c), *extra.values())
        for case_id, (c, extra) in enumerate(zip(cases, more, strict=True), first_id)]


class CaseStore:
    """Row-level access to cases. Callers own the transaction (db.atomic())."""

    def __init__(self, db: Database, *, common_share: float | None = None) -> None:
        self.db = db
        # None: by the register's size (storage/search.py common_share_for); a number
        # fixes it (tests).
        self.common_share = common_share
        self._stats = TermStats(db)
        self._walk = SortWalk(db)

    # --- numbering -------------------------------------------------------
    def next_case_no(self, day: date) -> str:
        """Reserve the next readable number for `day` (shop-local date)."""
        return format_case_no(day, self.reserve_case_numbers(day, 1))

    def reserve_case_numbers(self, day: date, count: int, *, series: str = "") -> int:
        """Take `count` consecutive numbers for `day`; returns the first sequence number.
        `series` names a separate counter (the demo's), so it never uses up real numbers."""
        key = counter_key(day, series)
        self.db.execute(
            "INSERT INTO case_counters(day, last_seq) VALUES (?, ?) "
            "ON CONFLICT(day) DO UPDATE SET last_seq = case_counters.last_seq + excluded.last_seq",
            [key, count],
        )
        last = self.db.execute("SELECT last_seq FROM case_counters WHERE day = ?",
                               [key]).fetchone()[0]
        return int(last) - count + 1

    # --- writes ----------------------------------------------------------
    def insert(self, case: Case) -> Case:
        case_id = self.insert_row(case)
        reindex_case(self.db, case_id)
        return self.get(case_id, include_deleted=True)

    def insert_row(self, case: Case) -> int:
        """Insert without indexing (batch writers index many ids at once afterwards)."""
        row = case_to_row(case)
        row.pop("id", None)
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(f"INSERT INTO cases ({cols}) VALUES ({marks})", list(row.values()))
        return int(cursor.lastrowid or 0)

    def largest_id(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0])

    def match_keys(self, *, refund_nos: Iterable[str] | None = None,
                   order_nos: Iterable[str] | None = None) -> list[tuple]:
        """(id, platform, order_no, refund_no, live) of every case, trashed ones too, by
        id; or, given numbers, of the cases with one of these refund or order numbers
        (idx_cases_refund_no, idx_cases_order: they hold the trash as well)."""
        select = "SELECT id, platform, order_no, refund_no, deleted_at IS NULL FROM cases"
        if refund_nos is None and order_nos is None:
            return [tuple(r) for r in self.db.execute(select + " ORDER BY id").fetchall()]
        rows: dict[int, tuple] = {}
        for column, values in (("refund_no", refund_nos), ("order_no", order_nos)):
            for chunk, marks in in_batches(sorted(set(values or ()))):
                for r in self.db.execute(f"{select} WHERE {column} IN ({marks})",
                                         chunk).fetchall():
                    rows[r[0]] = tuple(r)
        return [rows[i] for i in sorted(rows)]

    def insert_rows(self, cases: Sequence[Case],
                    more: Sequence[Mapping[str, Any]] | None = None) -> list[int]:
        """Insert many cases with one executemany, without indexing; returns their ids in
        order. Ids are given explicitly (after the largest), so the caller must hold the
        write transaction, as every writer here does. `more`: per case, further columns
        (the same ones for every case), such as its stage and deadline."""
        if not cases:
            return []
        start = self.next_id()
        cols, rows = stored_cases(cases, start, more)
        self.insert_stored(cols, rows)
        return list(range(start, start + len(rows)))

    def counters(self, series: str) -> dict[str, int]:
        """The last sequence number taken per day in the named `series` (such as the
        demo's), keyed as `counter_key` keys them."""
        if not series or "%" in series or "_" in series:
            raise ValueError(f"not a series name: {series!r}")
        return {str(k): int(v) for k, v in self.db.execute(
            "SELECT day, last_seq FROM case_counters WHERE day LIKE ?", [f"{series}:%"])}

    def next_id(self) -> int:
        """The id `insert_rows` gives the next case (inside the write transaction)."""
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]) + 1

    def insert_stored(self, cols: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert rows made by `stored_cases` (columns `cols`, the id first)."""
        self.db.executemany(f"INSERT INTO cases (id, {', '.join(cols)}) "
                            f"VALUES (?, {', '.join('?' for _ in cols)})", rows)

    def insert_values(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[int]:
        """`insert_rows` for rows already in column form: each row's values in the order
        of `columns` (no id). Returns the ids given, in order, after the largest."""
        if not rows:
            return []
        start = self.next_id()
        ids = list(range(start, start + len(rows)))
        self.insert_stored(columns, ((case_id, *row)
                                     for case_id, row in zip(ids, rows, strict=True)))
        return ids

    def update_columns(self, case_id: int, values: Mapping[str, Any], *,
                       reindex: bool = True) -> None:
        if not values:
            return
        self.update_many(list(values), [(case_id, list(values.values()))])
        if reindex:
            reindex_case(self.db, case_id)

    def with_empty(self, case_ids: Sequence[int], columns: Sequence[str]) -> list[int]:
        """Those of these cases with at least one of `columns` empty, by id."""
        _check_columns(columns)
        empty = " OR ".join(f"COALESCE({c}, '') = ''" for c in columns)
        out: list[int] = []
        for chunk, marks in in_batches(list(case_ids)):
            out.extend(r[0] for r in self.db.execute(
                f"SELECT id FROM cases WHERE id IN ({marks}) AND ({empty})", chunk).fetchall())
        return sorted(out)

    def update_many(self, columns: Sequence[str], rows: Sequence[tuple[int, Sequence[Any]]]
                    ) -> None:
        """Set the same `columns` of many cases: (id, values in column order) rows, one
        statement; the search index is the caller's (see reindex_cases). A new address
        sets the province with it."""
        _check_columns(columns)
        columns = list(columns)
        params = [[*values, case_id] for case_id, values in rows]
        if "buyer_address" in columns and "province" not in columns:
            at = columns.index("buyer_address")
            columns.append("province")
            for row in params:
                row.insert(len(columns) - 1, province_of(str(row[at] or "")))
        sets = ", ".join(f"{c} = ?" for c in columns)
        self.db.executemany(f"UPDATE cases SET {sets} WHERE id = ?", params)

    def set_deleted(self, case_ids: Iterable[int], at: datetime | None) -> None:
        stamp = to_utc_iso(at) if at else None
        ids = list(case_ids)
        for chunk, marks in in_batches(ids):
            self.db.execute(f"UPDATE cases SET deleted_at = ? WHERE id IN ({marks})",
                            [stamp, *chunk])

    def purge(self, case_ids: Iterable[int]) -> None:
        """Remove rows for good (emptying the trash)."""
        ids = list(case_ids)
        delete_from_index(self.db, ids)
        for chunk, marks in in_batches(ids):
            self.db.execute(f"DELETE FROM cases WHERE id IN ({marks})", chunk)

    # --- reads -----------------------------------------------------------
    def get(self, case_id: int, *, include_deleted: bool = False) -> Case:
        rows = _rows(self.db, _SELECT + " WHERE id = ?", [case_id])
        if not rows or (rows[0]["deleted_at"] and not include_deleted):
            raise NotFoundError(f"case {case_id}")
        return case_from_row(rows[0])

    def get_by_no(self, case_no: str, *, include_deleted: bool = False) -> Case:
        rows = _rows(self.db, _SELECT + " WHERE case_no = ?", [case_no])
        if not rows or (rows[0]["deleted_at"] and not include_deleted):
            raise NotFoundError(case_no)
        return case_from_row(rows[0])

    def find(self, *, platform: str | None = None, order_no: str | None = None,
             refund_no: str | None = None) -> list[Case]:
        """Live cases matching the given identifiers (all given ones must match)."""
        conds, params = ["deleted_at IS NULL"], []
        for col, val in (("platform", platform), ("order_no", order_no),
                         ("refund_no", refund_no)):
            if val is not None:
                conds.append(f"{col} = ?")
                params.append(val)
        return [case_from_row(r) for r in
                _rows(self.db, _SELECT + " WHERE " + " AND ".join(conds) + " ORDER BY id",
                      params)]

    def fetch(self, case_ids: Sequence[int]) -> dict[int, Case]:
        """Cases by id (deleted included, since the trash view shows them)."""
        out: dict[int, Case] = {}
        for chunk, marks in in_batches(list(case_ids)):
            for r in _rows(self.db, _SELECT + f" WHERE id IN ({marks})", chunk):
                out[r["id"]] = case_from_row(r)
        return out

    def list_rows(self, case_ids: Sequence[int]) -> dict[int, CaseListRow]:
        """The list's columns of these cases by id (deleted included, like fetch): a page
        of the list without building a Case per row (domain/case_list.py)."""
        out: dict[int, CaseListRow] = {}
        make = CaseListRow._make
        for chunk, marks in in_batches(list(case_ids)):
            for r in self.db.execute(f"{_SELECT_LIST} WHERE id IN ({marks})",
                                     chunk).fetchall():
                out[r[0]] = make(r)
        return out

    # Major cases first: the list's query runs once per tier, majors then the rest, so
    # the rest keeps using its sort column's index (a leading "major DESC" in one ORDER BY
    # would sort the whole register). The majors are a handful: their ids are read from
    # their partial index and bound as a list, "id IN (...)" for their tier; the rest is
    # the plain query, reading as many more rows as there are majors and dropping them
    # here, so its pages cost what the list's pages cost without the tiers (an "id NOT IN
    # (...)" checked on every index entry walked made deep pages 5-10x dearer). Conditions
    # on major_owner instead misled the planner: it walked the sort index through the
    # whole register for the majors (780 ms at 100k), and for some LIMITs scanned and
    # sorted the table for the rest (300 ms).
    def _tiers(self, query: CaseQuery) -> tuple[tuple[str, list[Any], frozenset[int]], ...]:
        """(condition, its parameters, ids to drop) per tier."""
        if not query.major_first:
            return (("", [], frozenset()),)
        live = "deleted_at IS NULL" if query.scope == Scope.ACTIVE else "deleted_at IS NOT NULL"
        # SQLite's planner walked another partial index through the whole register for
        # this (300 ms at 100k, on every list query); the majors' own index is a few rows.
        hint = (" INDEXED BY idx_live_major" if query.scope == Scope.ACTIVE
                and not is_postgres(self.db) else "")  # PG: no such clause
        ids = [r[0] for r in self.db.execute(
            f"SELECT id FROM cases{hint} WHERE {live} AND major_owner != ''").fetchall()]
        if len(ids) > _MAX_LISTED_MAJORS:
            return (("major_owner != ''", [], frozenset()),
                    ("major_owner = ''", [], frozenset()))
        if not ids:
            return ("0", [], frozenset()), ("", [], frozenset())
        marks = ", ".join("?" for _ in ids)
        return (f"id IN ({marks})", ids, frozenset()), ("", [], frozenset(ids))

    def query_ids(self, query: CaseQuery, *, limit: int | None = None) -> list[int]:
        """Ids matching `query`, in its sort order (ties broken by id), majors first."""
        return [case_id for case_id, _key in self.query_page(query, limit=limit)]

    def query_page(self, query: CaseQuery, *, after: tuple[Any, int] | None = None,
                   through: tuple[Any, int] | None = None,
                   limit: int | None = None) -> list[tuple[int, Any]]:
        """(id, sort value) pairs of `query` in its order: those after the keyset `after`
        (a (sort value, id) pair from an earlier page), up to and including `through`, at
        most `limit`. A page costs what its rows cost, however deep it is. Sort values are
        (tier, values) pairs: callers pass them back, never read them. Equal sort values
        come in the order of the sort's index (see _SORT_TIES), then by id."""
        tiers = self._tiers(query)
        # Once: a search's statistics are asked for here. A whole list is sorted anyway:
        # its terms all come from the index, never checked row by row.
        where = self._where(query, page=limit is not None)
        # The same conditions as checked row by row on a walk of the sort index, where
        # they differ (see _due_or_deadline).
        walk_where = self._where(query, page=limit is not None, walk=True) \
            if query.due_from is not None or query.due_before is not None else where
        first = after[0][0] if after is not None else 0
        if len(tiers) > 1 and tiers[0][0] == "0":
            first = max(first, 1)  # no major case: one query, as without the tiers
        last = through[0][0] if through is not None else len(tiers) - 1
        out: list[tuple[int, Any]] = []
        for tier in range(first, last + 1):
            left = None if limit is None else limit - len(out)
            if left is not None and left <= 0:
                break
            start = (after[0][1], after[1]) if after is not None and after[0][0] == tier \
                else None
            end = (through[0][1], through[1]) if through is not None \
                and through[0][0] == tier else None
            out += [(case_id, (tier, value)) for case_id, value in
                    self._tier_page(query, where, tiers[tier], start, end, left,
                                    walk_where=walk_where)]
        return out

    def _tier_page(self, query: CaseQuery, where_params: tuple[str, list[Any]],
                   tier: tuple[str, list[Any], frozenset[int]],
                   after: tuple[Any, int] | None, through: tuple[Any, int] | None,
                   limit: int | None, *,
                   walk_where: tuple[str, list[Any]] | None = None) -> list[tuple[int, Any]]:
        condition, _values, drop = tier
        sql, params = self._page_sql(query, where_params, tier, after, through, limit)
        walk_sql, walk_params = (sql, params) if walk_where in (None, where_params) else \
            self._page_sql(query, walk_where, tier, after, through, limit)
        if self._walks(query, limit, condition, where_params[0]):
            if query.search:
                # Remembered for its terms (not its keyset: every page). A walk out of
                # time gives way to the term's hits from the index, sorted: the
                # planner's plan for the row-by-row check may sort every case.
                walked = self._walk.rows(walk_sql, walk_params, query.sort,
                                         memo=(walk_sql, tuple(where_params[1])),
                                         budget=walk_budget(self._stats.top()),
                                         fallback=False)
                if walked is None:
                    return self._tier_page(query, self._where(query, page=False), tier,
                                           after, through, limit)
                found = walked
            else:
                found = self._walk.rows(walk_sql, walk_params, query.sort,
                                        planner=(sql, params)) or []
        elif condition.startswith("id IN"):
            # The majors' few ids: each checked row by row beats building the lists.
            found = self.db.execute(walk_sql, walk_params).fetchall()
        else:
            found = self.db.execute(sql, params).fetchall()
        rows = [(r[0], tuple(r[1:])) for r in found if r[0] not in drop]
        return rows if limit is None else rows[:limit]

    def _page_sql(self, query: CaseQuery, where_params: tuple[str, list[Any]],
                  tier: tuple[str, list[Any], frozenset[int]],
                  after: tuple[Any, int] | None, through: tuple[Any, int] | None,
                  limit: int | None) -> tuple[str, list[Any]]:
        """One tier's page query: the conditions, the tier's, the keyset bounds, order."""
        where, params = where_params[0], list(where_params[1])
        condition, values, drop = tier
        if condition:
            where += f" AND {condition}"
            params += values
        columns = _sort_columns(query.sort)
        expr = columns[0]
        listed = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        op = "<" if query.descending else ">"
        # Each keyset bound as a row value, and also as a plain range on the sort value
        # (implied by it, so no row changes): the planner then seeks the sort index to
        # the page instead of walking it from the top, and a deep page costs what its
        # rows cost.
        if after is not None:
            where += f" AND {expr} {op}= ? AND ({listed}, id) {op} ({marks}, ?)"
            params += [after[0][0], *after[0], after[1]]
        if through is not None:
            back = "<" if op == ">" else ">"
            where += f" AND {expr} {back}= ? AND ({listed}, id) {back}= ({marks}, ?)"
            params += [through[0][0], *through[0], through[1]]
        sql = (f"SELECT id, {listed} FROM cases WHERE {where} "
               f"{order_by(query.sort, query.descending)}")
        if limit is not None:
            sql += f" LIMIT {int(limit) + len(drop)}"
        return sql, params

    def _walks(self, query: CaseQuery, limit: int | None, condition: str, where: str) -> bool:
        """Whether a page may be read by walking its sort index (storage/sort_walk.py):
        a page of live cases, not the majors' few, and for a search only one of common
        terms (a rare term's hits are best sorted). A common term's plan usually walks
        already, but with some statistics (ANALYZE's estimates of the partial indexes'
        sizes) the planner sorted all of a 1M register's cases for 买家: 1.3 s."""
        return (limit is not None and query.scope == Scope.ACTIVE
                and (not query.search or scans_every_row(where))
                and condition in ("", "major_owner = ''") and not is_postgres(self.db))

    def sort_value(self, query: CaseQuery, case_id: int) -> tuple[Any, int] | None:
        """The keyset (sort value, id) of `case_id` when it matches `query`, else None."""
        where, params = self._where(query)
        row = self.db.execute(f"SELECT major_owner, {', '.join(_sort_columns(query.sort))} "
                              f"FROM cases WHERE id = ? AND {where}",
                              [case_id, *params]).fetchone()
        if row is None:
            return None
        tier = 0 if not query.major_first or row[0] else 1
        return ((tier, tuple(row[1:])), case_id)

    def count(self, query: CaseQuery) -> int:
        # A count reads every match in no order: from the search index, whatever the
        # terms' share (checking every case's text cost 92 ms at 100k for a 5% term).
        where, params = self._where(query, page=False)
        return int(self.db.execute(f"SELECT count(*) FROM cases WHERE {where}",
                                   params).fetchone()[0])

    def known_shops(self, limit: int = 50) -> list[str]:
        """Shop names on live cases, most recently used first."""
        rows = self.db.execute(
            "SELECT shop FROM cases WHERE shop != '' AND deleted_at IS NULL "
            "GROUP BY shop ORDER BY MAX(created_at) DESC LIMIT ?", [limit]).fetchall()
        return [r[0] for r in rows]

    def deleted_ids(self) -> list[int]:
        return [r[0] for r in
                self.db.execute("SELECT id FROM cases WHERE deleted_at IS NOT NULL").fetchall()]

    def total(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM cases").fetchone()[0])

    def _where(self, query: CaseQuery, *, page: bool = True,
               walk: bool = False) -> tuple[str, list[Any]]:
        """The conditions of `query`. `page`: for a page in the list's order, where a
        common term is checked row by row as the list is walked (search_clause);
        otherwise every term is looked up in the search index. `walk`: the form checked
        row by row as a sort index is walked (see _due_or_deadline)."""
        if is_team(self.db):
            return _where(query, pg_search.search_clause)
        if not page:
            return _where(query, lambda text: search_clause(
                text, None, is_number=lambda term: number_found(self.db, term)), walk=walk)
        return _where(query, lambda text: search_clause(
            text, self._stats.share,
            self._stats.common_share() if self.common_share is None else self.common_share,
            is_number=lambda term: number_found(self.db, term)), walk=walk)


# The 今日待退款 queue (CaseQuery.refund_queue); each arm has an index (kind, stage,
# open refund promises), so SQLite answers it with a multi-index OR at 100k cases.
REFUND_QUEUE_SQL = ("(kind = 'refund_only' OR platform_stage = 'refunding' OR id IN "
                    "(SELECT case_id FROM promises WHERE state = 'open' AND kind = 'refund'))")


def refund_queue_count(db: Any, statuses: Sequence[str]) -> int:
    """How many live cases in `statuses` the 今日待退款 queue holds: the same number as a
    count over REFUND_QUEUE_SQL, as three disjoint counts each answered from an index
    (the OR form scans the whole table: ~200-300 ms at 100k cases, the tray's tooltip
    asks every minute on the UI thread; this ~10 ms, most of it the promise arm)."""
    marks = ", ".join("?" for _ in statuses)
    row = db.execute(
        "SELECT (SELECT count(*) FROM cases WHERE deleted_at IS NULL "
        f"AND kind = 'refund_only' AND status IN ({marks})) "
        "+ (SELECT count(*) FROM cases WHERE deleted_at IS NULL "
        "AND platform_stage = 'refunding' AND platform_stage != '' "
        f"AND status IN ({marks}) AND kind != 'refund_only') "
        "+ (SELECT count(*) FROM cases WHERE id IN (SELECT case_id FROM promises "
        "WHERE state = 'open' AND kind = 'refund') AND deleted_at IS NULL "
        f"AND status IN ({marks}) AND kind != 'refund_only' "
        "AND coalesce(platform_stage, '') != 'refunding')",
        [*statuses, *statuses, *statuses]).fetchone()
    return int(row[0])


def _where(query: CaseQuery,
           search: Callable[[str], tuple[str, list[Any]] | None] = search_clause, *,
           walk: bool = False) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    conds.append("deleted_at IS NULL" if query.scope == Scope.ACTIVE else
                 "deleted_at IS NOT NULL")
    if query.match_nothing:
        conds.append("1 = 0")
    for col, values in (("status", query.statuses), ("kind", query.kinds),
                        ("platform", query.platforms)):
        if values:
            conds.append(f"{col} IN ({', '.join('?' for _ in values)})")
            params.extend(v.value for v in values)
    if query.assignee is not None:
        conds.append("assignee = ?")
        params.append(query.assignee)
    if query.due_from is not None or query.due_before is not None:
        conds.append(_due_or_deadline(query, params, walk=walk))
    for col, op, value in (("created_at", ">=", query.created_from),
                           ("created_at", "<", query.created_before)):
        if value is not None:
            conds.append(f"{col} {op} ?")
            params.append(to_utc_iso(value))
    if query.warned:
        conds.append("warning_count > 0")
    if query.major_only:
        conds.append("major_owner != ''")  # idx_live_major
    if query.deadline_before is not None:
        # deadline_at is NULL on finished cases, so this never lists them.
        conds.append("deadline_at < ?")
        params.append(to_utc_iso(query.deadline_before))
    if query.refund_queue:
        conds.append(REFUND_QUEUE_SQL)
    if query.group is not None:
        group_where, group_params = drill_condition(query.group)
        conds.append(group_where)
        params.extend(group_params)
    conds_p, params_p = _promise_conditions(query)
    conds.extend(conds_p)
    params.extend(params_p)
    found = search(query.search)
    if found:
        conds.append(found[0])
        params.extend(found[1])
    return " AND ".join(conds), params


def _due_or_deadline(query: CaseQuery, params: list[Any], *, walk: bool = False) -> str:
    """The case's own due time or its stage deadline (platform, rule) in the query's due
    window: 已逾期 / 今日到期 must not miss a case whose platform clock ran out while its
    own due time was later or unset.

    Two forms of the same condition. For the planner, two id lists, each read from a
    live-cases index that also holds what narrows it (idx_live_due_sort has the status,
    idx_live_deadline only open cases: deadline_at is NULL on finished ones), joined by
    SQLite's multi-index OR: few matches cost nothing (a plain OR of the two columns
    scanned the table, the bare due_at index walked every closed case's old due time).
    For a walk of the sort index (`walk`, storage/sort_walk.py), the plain OR checked on
    each row: building the lists first cost a walk 100 times its page (33 ms at 100k)."""
    due = "coalesce(due_at, '9999')"  # idx_live_due_sort's expression; NULL never matches
    sides = []
    for col, narrow in ((due, " AND deleted_at IS NULL"),
                        ("deadline_at", " AND deleted_at IS NULL AND deadline_at IS NOT NULL")):
        parts = []
        for op, value in ((">=", query.due_from), ("<", query.due_before)):
            if value is not None:
                parts.append(f"{col} {op} ?")
                params.append(to_utc_iso(value))
        if walk:
            sides.append("(" + " AND ".join(parts) + ")")
            continue
        if col == due and query.statuses:
            narrow += f" AND status IN ({', '.join('?' for _ in query.statuses)})"
            params.extend(s.value for s in query.statuses)
        sides.append(f"id IN (SELECT id FROM cases WHERE {' AND '.join(parts)}{narrow})")
    return "(" + " OR ".join(sides) + ")"


def _promise_conditions(query: CaseQuery) -> tuple[list[str], list[Any]]:
    """Promise filters. Overdue reads the denormalised next_promise_due (the earliest open
    promise is overdue iff any is); a due window asks the promises table's open-due index,
    since a case's earliest promise may be earlier than the window."""
    conds: list[str] = []
    params: list[Any] = []
    if query.promise_overdue_at is not None:
        conds.append("next_promise_due <= ?")
        params.append(to_utc_iso(query.promise_overdue_at))
    if query.promise_due_from is not None or query.promise_due_before is not None:
        sub = "SELECT case_id FROM promises WHERE state = 'open'"
        for op, value in ((">=", query.promise_due_from), ("<", query.promise_due_before)):
            if value is not None:
                sub += f" AND due_at {op} ?"
                params.append(to_utc_iso(value))
        conds.append(f"next_promise_due IS NOT NULL AND id IN ({sub})")
    return conds, params
