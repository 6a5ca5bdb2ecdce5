"""Grouped counts for the complaint analysis, computed in SQL over a created-at range.

Every column a query reads is in the partial index idx_live_analysis (m0020), so SQLite
walks the created-at range of the index and never reads the wide case rows. The buyer's
province is a stored column (worked out when the case is written), not parsed here.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlite_utils import Database

from ..domain.analysis import Dimension, Group
from ..domain.case_query import GroupFilter
from ..domain.clock import to_utc_iso
from ..domain.enums import Cause, CauseSide
from ..domain.money import from_fen

# The SQL expression each dimension groups by. cause_group is grouped by cause here and
# mapped to the cause's side by the service.
_KEY_SQL = {
    Dimension.CAUSE: "coalesce(cause, '')",
    Dimension.CAUSE_GROUP: "coalesce(cause, '')",
    Dimension.KIND: "kind",
    Dimension.PLATFORM: "platform",
    Dimension.SKU: "CASE WHEN sku != '' THEN sku ELSE item_title END",
    Dimension.PROVINCE: "province",
    Dimension.STAFF: "assignee",
    Dimension.OUTCOME: "coalesce(outcome, '')",
}
_RESOLVED = "status IN ('resolved', 'closed')"
# Hours from creation to the first resolution (resolved_at; m0009 filled it for old cases).
_HOURS = "(julianday(resolved_at) - julianday(created_at)) * 24"
_LIVE_RANGE = "deleted_at IS NULL AND created_at >= ? AND created_at < ?"


class AnalysisStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def groups(self, by: Dimension, start: datetime, end: datetime, *,
               where: str = "", params: list | None = None) -> list[Group]:
        """Live cases created in [start, end) grouped by the dimension's raw key."""
        if by is Dimension.SKU:
            # The product is the SKU, or the title when there is none. Two queries keep the
            # first (nearly every case) on the covering index; titles are read only for
            # the cases without a SKU.
            return (self._grouped("sku", start, end, "sku != ''", where, params)
                    + self._grouped("item_title", start, end, "sku = ''", where, params))
        return self._grouped(_KEY_SQL[by], start, end, "", where, params)

    def _grouped(self, key: str, start: datetime, end: datetime, extra: str, where: str,
                 params: list | None) -> list[Group]:
        conds = " AND ".join(c for c in (_LIVE_RANGE, extra, where) if c)
        sql = (f"SELECT {key} AS k, count(*), coalesce(sum(amount_settled_fen), 0), "
               f"coalesce(sum(CASE WHEN {_RESOLVED} THEN {self._hours_between()} END), 0), "
               f"count(CASE WHEN {_RESOLVED} AND resolved_at IS NOT NULL THEN 1 END) "
               f"FROM cases{self._index_hint()} WHERE {conds} GROUP BY k")
        rows = self.db.execute(sql, [to_utc_iso(start), to_utc_iso(end), *(params or [])])
        return [Group(key=r[0] or "", count=r[1], amount=from_fen(r[2]) or Decimal(0),
                      resolve_hours_total=float(r[3] or 0), resolved=int(r[4] or 0))
                for r in rows.fetchall()]

    def _hours_between(self) -> str:
        """Hours from created_at to resolved_at (ISO texts), in this register's SQL."""
        if _is_postgres(self.db):
            return ("extract(epoch FROM (resolved_at::timestamptz - created_at::timestamptz))"
                    " / 3600.0")
        return _HOURS

    def _index_hint(self) -> str:
        """SQLite's planner picks the wide case rows over the covering index without the
        hint; PostgreSQL has no such clause and plans it itself."""
        return "" if _is_postgres(self.db) else " INDEXED BY idx_live_analysis"

    def count(self, start: datetime, end: datetime, *, where: str = "",
              params: list | None = None) -> int:
        sql = (f"SELECT count(*) FROM cases WHERE {_LIVE_RANGE}"
               + (f" AND {where}" if where else ""))
        return int(self.db.execute(sql, [to_utc_iso(start), to_utc_iso(end),
                                         *(params or [])]).fetchone()[0])

    def where_for(self, by: Dimension, key: str) -> tuple[str, list]:
        """The condition selecting one group's cases (a plan's category, a drill-down)."""
        return group_condition(by, key)


def group_condition(by: Dimension, key: str) -> tuple[str, list]:
    """SQL selecting the cases of group `key` of `by`: the same cases its Pareto row counts."""
    if by is Dimension.CAUSE_GROUP:
        causes = [c.value for c in Cause if c.side.value == key]
        marks = ", ".join("?" for _ in causes) or "NULL"
        if key == CauseSide.OTHER.value:  # no cause recorded counts as "other"
            return f"(cause IS NULL OR cause = '' OR cause IN ({marks}))", causes
        return f"cause IN ({marks})", causes
    return f"{_KEY_SQL[by]} = ?", [key]


def drill_condition(group: GroupFilter) -> tuple[str, list]:
    """The list's condition for a drill-down from the analysis: group and created range.
    An unknown dimension (a newer window's filter) matches nothing rather than all."""
    try:
        by = Dimension(group.dimension)
    except ValueError:
        return "0", []
    where, params = group_condition(by, group.key)
    return (f"({where}) AND created_at >= ? AND created_at < ?",
            [*params, to_utc_iso(group.start), to_utc_iso(group.end)])


def warnings_raised(db: Database, start: datetime, end: datetime) -> list[tuple]:
    """Warnings raised in [start, end) on live cases, oldest first: (case_no, rule,
    reason_zh, reason_en, raised_at, ack_by)."""
    return [tuple(r) for r in db.execute(
        "SELECT c.case_no, w.rule, w.reason_zh, w.reason_en, w.raised_at, "
        "coalesce(w.ack_by, '') FROM case_warnings w JOIN cases c ON c.id = w.case_id "
        "WHERE c.deleted_at IS NULL AND w.raised_at >= ? AND w.raised_at < ? "
        "ORDER BY w.raised_at, w.id", [to_utc_iso(start), to_utc_iso(end)]).fetchall()]


def _is_postgres(db: Database) -> bool:
    return getattr(db, "dialect", "sqlite") == "postgresql"


def _refund_hours(db: Database) -> str:
    """Hours from the request to the refund, rounded to whole seconds, never negative."""
    if _is_postgres(db):
        return ("greatest(0.0, round(extract(epoch FROM (resolved_at::timestamptz - "
                "coalesce(applied_at, created_at)::timestamptz))) / 3600.0)")
    return ("max(0.0, round((julianday(resolved_at) - "
            "julianday(coalesce(applied_at, created_at))) * 86400) / 3600.0)")


def refund_samples(db: Database, start: datetime, end: datetime,
                   outcomes: tuple[str, ...]) -> list[tuple[str, str, float]]:
    """(platform, assignee, hours from request to refund) of live cases resolved with one
    of `outcomes` in [start, end). The request is the platform's application time when an
    import carried it, else the case's creation; hours are never negative (computed here:
    parsing each time in Python costs more than the query at a year of refunds)."""
    marks = ", ".join("?" for _ in outcomes)
    rows = db.execute(
        # julianday is a float of days: rounded to whole seconds so 5 h reads 5.0, not 4.999…
        f"SELECT platform, assignee, {_refund_hours(db)} "
        "FROM cases WHERE deleted_at IS NULL AND resolved_at >= ? AND resolved_at < ? "
        f"AND outcome IN ({marks})", [to_utc_iso(start), to_utc_iso(end), *outcomes])
    return [(r[0], r[1], float(r[2])) for r in rows.fetchall()]
