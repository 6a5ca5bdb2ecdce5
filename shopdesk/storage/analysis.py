"""Grouped counts for the complaint analysis, computed in SQL over a created-at range."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlite_utils import Database

from ..domain.analysis import Dimension, Group
from ..domain.clock import to_utc_iso
from ..domain.money import from_fen

# The SQL expression each dimension groups by. cause_group and province are grouped by
# cause / the address's first characters here and mapped by the domain afterwards.
_KEY_SQL = {
    Dimension.CAUSE: "coalesce(cause, '')",
    Dimension.CAUSE_GROUP: "coalesce(cause, '')",
    Dimension.KIND: "kind",
    Dimension.PLATFORM: "platform",
    Dimension.SKU: "CASE WHEN sku != '' THEN sku ELSE item_title END",
    Dimension.PROVINCE: "substr(buyer_address, 1, 3)",
    Dimension.STAFF: "assignee",
    Dimension.OUTCOME: "coalesce(outcome, '')",
}
_RESOLVED = "status IN ('resolved', 'closed')"


class AnalysisStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def groups(self, by: Dimension, start: datetime, end: datetime, *,
               where: str = "", params: list | None = None) -> list[Group]:
        """Live cases created in [start, end) grouped by the dimension's raw key."""
        key = _KEY_SQL[by]
        sql = (f"SELECT {key} AS k, count(*), coalesce(sum(amount_settled_fen), 0), "
               f"coalesce(sum(CASE WHEN {_RESOLVED} THEN {self._hours_between()} END), 0), "
               f"sum(CASE WHEN {_RESOLVED} THEN 1 ELSE 0 END) "
               "FROM cases WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?"
               + (f" AND {where}" if where else "") + " GROUP BY k")
        rows = self.db.execute(sql, [to_utc_iso(start), to_utc_iso(end), *(params or [])])
        return [Group(key=r[0] or "", count=r[1], amount=from_fen(r[2]) or Decimal(0),
                      resolve_hours_total=float(r[3] or 0), resolved=int(r[4] or 0))
                for r in rows.fetchall()]

    def _hours_between(self) -> str:
        """Hours from created_at to updated_at (ISO texts), in this register's SQL."""
        if getattr(self.db, "dialect", "sqlite") == "postgresql":
            return ("extract(epoch FROM (updated_at::timestamptz - created_at::timestamptz))"
                    " / 3600.0")
        return "(julianday(updated_at) - julianday(created_at)) * 24"

    def count(self, start: datetime, end: datetime, *, where: str = "",
              params: list | None = None) -> int:
        sql = ("SELECT count(*) FROM cases WHERE deleted_at IS NULL AND created_at >= ? "
               "AND created_at < ?" + (f" AND {where}" if where else ""))
        return int(self.db.execute(sql, [to_utc_iso(start), to_utc_iso(end),
                                         *(params or [])]).fetchone()[0])

    def where_for(self, by: Dimension, key: str) -> tuple[str, list]:
        """The condition selecting one group's cases (a plan's category)."""
        if by is Dimension.CAUSE_GROUP:
            from ..domain.enums import Cause

            causes = [c.value for c in Cause if c.side.value == key]
            marks = ", ".join("?" for _ in causes) or "NULL"
            return f"cause IN ({marks})", causes
        if by is Dimension.PROVINCE:
            return "substr(buyer_address, 1, 3) LIKE ?", [key[:2] + "%"]
        return f"{_KEY_SQL[by]} = ?", [key]
