"""Loading many cases at once: the case indexes and the day-totals trigger wait for the end.

`cases` carries some 30 secondary indexes (one per sortable column, the deadlines, the
warnings, the analysis) and analysis_daily's row triggers (m0021). Kept up row by row they
cost about nine tenths of inserting a case: 3,000 rows/s against 36,000 without them. For a
load that is large against the register (a first import of a shop's history, the demo, a
benchmark register) building each index once from the finished table, and summing the new
rows' day totals with one GROUP BY, is far cheaper; for a daily import of a few hundred rows
into a big register it is not, and the indexes are kept up as usual.

Everything happens inside the caller's transaction. SQLite's schema changes are
transactional, so a failed load rolls back to the schema (and the totals) it started from,
and other connections never see a register without its indexes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .database import Database
from .dialect import is_postgres
from .schema.m0021_analysis_daily import _DONE, _SECONDS, KEYS

# Deferring pays when the load adds at least this many rows and at least 1/SHARE of the
# live register (rebuilding an index costs about a tenth of keeping it up per row).
MIN_ROWS = 2_000
SHARE = 8
_TOTALS_TRIGGER = "analysis_daily_insert"


@dataclass(frozen=True)
class BulkLoad:
    """What `bulk_load` did: `deferred` when it set the indexes aside; `watermark` is the
    largest case id before the load (rows above it are the load's)."""

    deferred: bool
    watermark: int = 0


def worth_deferring(db: Database, new_rows: int) -> bool:
    """True when `new_rows` is large enough against the live register to defer."""
    if new_rows < MIN_ROWS or is_postgres(db):
        return False
    live = db.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL").fetchone()[0]
    return new_rows * SHARE >= live


@contextmanager
def bulk_load(db: Database, *, new_rows: int, keep: Iterable[str] = (),
              tables: Iterable[str] = ()) -> Iterator[BulkLoad]:
    """Defer `cases`' secondary indexes and day-totals trigger while many cases are inserted.

    Call inside an open write transaction. Within the block, INSERT the new cases (and
    UPDATE them if needed); a query that needs an index (matching, judging warnings,
    deadlines) belongs after the block, except on the indexes named in `keep` and the
    unique ones, which stay. On a normal exit every index and trigger is back exactly as
    it was and analysis_daily holds the new rows' totals. No-op on PostgreSQL and for
    loads too small to gain (see `worth_deferring`).

    `tables`: further tables the load fills in step with the cases (their timeline events,
    audit rows), whose non-unique indexes are set aside too: kept up row by row, the
    timeline's index by time took a random B-tree insert per event.
    """
    if not worth_deferring(db, new_rows):
        yield BulkLoad(False)
        return
    if not db.conn.in_transaction:
        raise RuntimeError("bulk_load needs the caller's write transaction")
    watermark = db.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]
    kept = set(keep)
    names = ["cases", *tables]
    indexes = [(name, sql) for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in names)})", names).fetchall()
        if name not in kept and not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    triggers = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases' "
        "AND name LIKE 'analysis_daily_%'").fetchall()
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    for name, sql in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
        if name != _TOTALS_TRIGGER:  # updates and deletes of older rows still count
            db.execute(_only_up_to(sql, watermark))
    yield BulkLoad(True, watermark)
    for name, _sql in triggers:
        db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    for _name, sql in triggers:
        db.execute(sql)
    for _name, sql in indexes:
        db.execute(sql)
    remeasure(db, [name for name, _sql in indexes])
    add_day_totals(db, above_id=watermark)


def remeasure(db: Database, indexes: Iterable[str]) -> None:
    """Gather statistics for these indexes again when the register has any (sqlite_stat1,
    from an ANALYZE: the benchmark registers). DROP INDEX takes an index's rows out of
    sqlite_stat1 and CREATE INDEX does not put them back; with some indexes measured and
    others not, the planner weighs them differently and some lists went from reading
    their sort index in order to sorting every case (see m0025)."""
    names = list(indexes)
    if names and db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                            ).fetchone():
        for name in names:
            db.execute(f'ANALYZE "{name}"')


def _only_up_to(trigger_sql: str, watermark: int) -> str:
    """The trigger `trigger_sql` made to ignore rows whose id is above `watermark` (their
    totals are added in one pass at the end of the load, from their final state)."""
    head, sep, body = trigger_sql.partition(" BEGIN ")
    guard = f"OLD.id <= {int(watermark)}"
    if " WHEN " in head:
        before, _when, condition = head.partition(" WHEN ")
        head = f"{before} WHEN {guard} AND ({condition})"
    else:
        head = f"{head} WHEN {guard}"
    return head + sep + body


def add_day_totals(db: Database, *, above_id: int) -> None:
    """Add the live cases with id above `above_id` to analysis_daily (the sums the m0021
    triggers would have made one row at a time). One pass over the cases: each one's day,
    sums and keys worked out once (two julianday per case), then summed per dimension
    (seven passes over the wide case rows took three times as long at 1M)."""
    done, seconds = _DONE.format(r="c"), _SECONDS.format(r="c")
    keys = ", ".join(f"{key.format(r='c')} AS k{i}" for i, (_dim, key) in enumerate(KEYS))
    sums = " UNION ALL ".join(
        f"SELECT '{dim}', d, k{i}, count(*), sum(a), sum(s), sum(r) FROM c GROUP BY d, k{i}"
        for i, (dim, _key) in enumerate(KEYS))
    db.execute(
        "WITH c AS MATERIALIZED (SELECT substr(c.created_at, 1, 10) AS d, "
        f"coalesce(c.amount_settled_fen, 0) AS a, {seconds} AS s, "
        f"CASE WHEN {done} THEN 1 ELSE 0 END AS r, {keys} FROM cases c "
        "WHERE c.id > ? AND c.deleted_at IS NULL) "
        "INSERT INTO analysis_daily(dim, day, key, cases, amount_fen, resolve_seconds, "
        f"resolved) SELECT * FROM ({sums}) WHERE true "
        "ON CONFLICT(dim, day, key) DO UPDATE SET cases = cases + excluded.cases, "
        "amount_fen = amount_fen + excluded.amount_fen, "
        "resolve_seconds = resolve_seconds + excluded.resolve_seconds, "
        "resolved = resolved + excluded.resolved", [above_id])
