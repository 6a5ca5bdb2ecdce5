"""Grouped counts for the complaint analysis, computed in SQL over a created-at range.

Whole UTC days come from `analysis_daily` (m0021: per day, dimension and key, kept in step
by triggers on the cases), so a year costs a few thousand small rows instead of every case
of the year. The partial days at a period's edges (a shop-time midnight is not a UTC one)
and any filtered query are grouped from the cases themselves: every column such a query
reads is in the partial index idx_live_analysis (m0020), so SQLite walks the created-at
range of the index and never reads the wide case rows. The buyer's province is a stored
column (worked out when the case is written), not parsed here.

A platform or product filter (AnalysisFilter) is such a filtered query: the day totals have
no platform or product component, and both columns are in the covering index (a product
that is a title, with no SKU, reads the title from the case row, for those cases only).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from ..domain.analysis import AnalysisFilter, Dimension, Group, merge
from ..domain.case_query import GroupFilter
from ..domain.clock import to_utc_iso
from ..domain.enums import Cause, CauseSide
from ..domain.money import from_fen
from .database import Database
from .dialect import is_postgres

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
_DONE = "status IN ('resolved', 'closed') AND resolved_at IS NOT NULL"
# Whole seconds from creation to the first resolution (resolved_at; m0009 filled it for
# old cases), rounded as analysis_daily's triggers round them.
_SECONDS = "round((julianday(resolved_at) - julianday(created_at)) * 86400)"
_PG_SECONDS = ("round(extract(epoch FROM (resolved_at::timestamptz - "
               "created_at::timestamptz)))")
# analysis_daily's name of each dimension (cause_group is summed from the causes).
_DAILY_DIM = {Dimension.CAUSE_GROUP: "cause", Dimension.STAFF: "staff"}
_LIVE_RANGE = "deleted_at IS NULL AND created_at >= ? AND created_at < ?"


class AnalysisStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def groups(self, by: Dimension, start: datetime, end: datetime, *,
               where: str = "", params: list | None = None) -> list[Group]:
        """Live cases created in [start, end) grouped by the dimension's raw key."""
        if where:
            return merge(self._from_cases(by, start, end, where, params))
        first, last = whole_days(start, end)
        if first >= last:
            return merge(self._from_cases(by, start, end, "", None))
        head = self._from_cases(by, start, _midnight(first), "", None)
        tail = self._from_cases(by, _midnight(last), end, "", None)
        return merge([*head, *self._from_days(by, first, last), *tail])

    def _from_days(self, by: Dimension, first: str, last: str) -> list[Group]:
        """The day totals of UTC days [first, last) (ISO dates)."""
        rows = self.db.execute(
            "SELECT key, sum(cases), sum(amount_fen), sum(resolve_seconds), sum(resolved) "
            "FROM analysis_daily WHERE dim = ? AND day >= ? AND day < ? GROUP BY key "
            "HAVING sum(cases) > 0", [_DAILY_DIM.get(by, by.value), first, last])
        return [_group(r) for r in rows.fetchall()]

    def _from_cases(self, by: Dimension, start: datetime, end: datetime, where: str,
                    params: list | None) -> list[Group]:
        if start >= end:
            return []
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
        seconds = _PG_SECONDS if is_postgres(self.db) else _SECONDS
        sql = (f"SELECT {key} AS k, count(*), coalesce(sum(amount_settled_fen), 0), "
               f"coalesce(sum(CASE WHEN {_DONE} THEN {seconds} END), 0), "
               f"count(CASE WHEN {_DONE} THEN 1 END) "
               f"FROM cases{self._index_hint()} WHERE {conds} GROUP BY k")
        rows = self.db.execute(sql, [to_utc_iso(start), to_utc_iso(end), *(params or [])])
        return [_group(r) for r in rows.fetchall()]

    def _index_hint(self) -> str:
        """SQLite's planner picks the wide case rows over the covering index without the
        hint; PostgreSQL has no such clause and plans it itself."""
        return "" if is_postgres(self.db) else " INDEXED BY idx_live_analysis"

    def count(self, start: datetime, end: datetime, *, where: str = "",
              params: list | None = None) -> int:
        sql = (f"SELECT count(*) FROM cases WHERE {_LIVE_RANGE}"
               + (f" AND {where}" if where else ""))
        return int(self.db.execute(sql, [to_utc_iso(start), to_utc_iso(end),
                                         *(params or [])]).fetchone()[0])

    def where_for(self, by: Dimension, key: str) -> tuple[str, list]:
        """The condition selecting one group's cases (a plan's category, a drill-down)."""
        return group_condition(by, key)


def whole_days(start: datetime, end: datetime) -> tuple[str, str]:
    """The UTC days [first, last) (ISO dates) lying wholly inside [start, end); first >=
    last when there is none."""
    a, b = start.astimezone(UTC), end.astimezone(UTC)
    first = a.date() if a.time() == time(0) else a.date() + timedelta(days=1)
    return first.isoformat(), b.date().isoformat()


def _midnight(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def _group(r) -> Group:
    return Group(key=r[0] or "", count=int(r[1]), amount=from_fen(r[2]) or Decimal(0),
                 resolve_hours_total=float(r[3] or 0) / 3600, resolved=int(r[4] or 0))


def group_condition(by: Dimension, key: str) -> tuple[str, list]:
    """SQL selecting the cases of group `key` of `by`: the same cases its Pareto row counts."""
    if by is Dimension.CAUSE_GROUP:
        causes = [c.value for c in Cause if c.side.value == key]
        marks = ", ".join("?" for _ in causes) or "NULL"
        if key == CauseSide.OTHER.value:  # no cause recorded counts as "other"
            return f"(cause IS NULL OR cause = '' OR cause IN ({marks}))", causes
        return f"cause IN ({marks})", causes
    return f"{_KEY_SQL[by]} = ?", [key]


def filter_condition(only: AnalysisFilter) -> tuple[str, list]:
    """SQL selecting the cases of a platform and product filter ("" when it filters
    nothing). The product is the SKU, or the title of a case without one, as the Pareto by
    item/SKU counts it; `sku = ?` first keeps nearly every case on the covering index."""
    conds, params = [], []
    if only.platform:
        conds.append("platform = ?")
        params.append(only.platform)
    if only.product:
        conds.append("(sku = ? OR (sku = '' AND item_title = ?))")
        params += [only.product, only.product]
    return " AND ".join(conds), params


def drill_condition(group: GroupFilter) -> tuple[str, list]:
    """The list's condition for a drill-down from the analysis: group, created range and
    the analysis's platform and product filter. An unknown dimension (a newer window's
    filter) matches nothing rather than all."""
    try:
        by = Dimension(group.dimension)
    except ValueError:
        return "0", []
    where, params = group_condition(by, group.key)
    only, only_params = filter_condition(AnalysisFilter(group.platform, group.product))
    return (f"({where}) AND created_at >= ? AND created_at < ?"
            + (f" AND {only}" if only else ""),
            [*params, to_utc_iso(group.start), to_utc_iso(group.end), *only_params])


def warnings_on_cases(db: Database, start: datetime, end: datetime) -> list[tuple]:
    """Warnings on the live cases created in [start, end) (the cases the month's Pareto
    counts), whenever raised: a month imported late still reports its own cases' warnings;
    not those withdrawn, unacknowledged, while their case was still open.
    Oldest first: (case_no, rule, reason_zh, reason_en, raised_at, ack_by, product,
    cause), the product being the SKU, or the title when there is none (as the Pareto by
    product counts it), the cause "" when none was recorded."""
    return [tuple(r) for r in db.execute(
        "SELECT c.case_no, w.rule, w.reason_zh, w.reason_en, w.raised_at, "
        "coalesce(w.ack_by, ''), CASE WHEN c.sku != '' THEN c.sku ELSE c.item_title END, "
        "coalesce(c.cause, '') FROM case_warnings w JOIN cases c ON c.id = w.case_id "
        "WHERE c.deleted_at IS NULL AND c.created_at >= ? AND c.created_at < ? "
        # Not a warning withdrawn while its case went on (the rules changed, the cause
        # was corrected) that nobody acted on: it was not so. Live, acknowledged, or held
        # until the case was settled (resolving clears every warning), it counts.
        "AND (w.cleared_at IS NULL OR w.ack_at IS NOT NULL "
        "OR (c.resolved_at IS NOT NULL AND w.cleared_at >= c.resolved_at)) "
        "ORDER BY w.raised_at, w.id", [to_utc_iso(start), to_utc_iso(end)]).fetchall()]


def major_cases(db: Database, start: datetime, end: datetime) -> list[tuple]:
    """Live cases marked major that were created in [start, end) or marked in it:
    (case_no, major_owner, status, cause), by case number."""
    stamps = [to_utc_iso(start), to_utc_iso(end)]
    return [tuple(r) for r in db.execute(
        "SELECT c.case_no, c.major_owner, c.status, c.cause FROM cases c "
        "WHERE c.deleted_at IS NULL AND c.major_owner != '' AND "
        "((c.created_at >= ? AND c.created_at < ?) OR EXISTS (SELECT 1 FROM case_events e "
        "WHERE e.case_id = c.id AND e.type = 'major' AND e.at >= ? AND e.at < ?)) "
        "ORDER BY c.case_no", [*stamps, *stamps]).fetchall()]


def _refund_hours(db: Database) -> str:
    """Hours from the request to the refund, rounded to whole seconds, never negative."""
    if is_postgres(db):
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


# analysis_daily's keys, written as the cases' columns (the triggers' KEYS, for a recount).
_DAILY_KEYS = (("cause", "coalesce(cause, '')"), ("kind", "kind"), ("platform", "platform"),
               ("sku", "CASE WHEN sku != '' THEN sku ELSE item_title END"),
               ("province", "province"), ("staff", "assignee"),
               ("outcome", "coalesce(outcome, '')"))


def daily_totals(db: Database) -> set[tuple]:
    """analysis_daily's rows that hold anything: (dim, day, key, cases, amount_fen,
    resolve_seconds, resolved)."""
    return {(r[0], r[1], r[2], int(r[3]), int(r[4]), int(r[5]), int(r[6])) for r in db.execute(
        "SELECT dim, day, key, cases, amount_fen, resolve_seconds, resolved "
        "FROM analysis_daily WHERE cases != 0 OR amount_fen != 0 OR resolve_seconds != 0 "
        "OR resolved != 0").fetchall()}


def daily_recount(db: Database) -> set[tuple]:
    """What analysis_daily should hold, counted again from the live cases (checks)."""
    seconds = _PG_SECONDS if is_postgres(db) else _SECONDS
    out: set[tuple] = set()
    for dim, key in _DAILY_KEYS:
        out |= {(dim, r[0], r[1] or "", int(r[2]), int(r[3]), int(r[4]), int(r[5]))
                for r in db.execute(
                    f"SELECT substr(created_at, 1, 10) AS d, {key} AS k, count(*), "
                    "coalesce(sum(amount_settled_fen), 0), "
                    f"coalesce(sum(CASE WHEN {_DONE} THEN {seconds} END), 0), "
                    f"count(CASE WHEN {_DONE} THEN 1 END) FROM cases "
                    "WHERE deleted_at IS NULL GROUP BY d, k").fetchall()}
    return out
