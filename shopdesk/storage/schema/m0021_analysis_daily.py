"""0021: day totals for the complaint analysis, kept in step by triggers (issue 14).

The Pareto table over a year grouped every live case of the year on each look (0.5-0.8 s
at 100k cases, even from the covering index of 0020). `analysis_daily` holds, per UTC day
of creation, per dimension and per key, the live cases' count, money settled, seconds to
resolve and resolved count; a year is then a few thousand small rows. Triggers on `cases`
keep it in step inside every write's own transaction, whichever path wrote (the form, an
import, the demo, undo, the trash, a register copied to the server), so it can never
drift from the cases it sums. storage/analysis.py reads whole UTC days from it and the
partial days at a period's edges from the cases.

The dimensions are the analysis's own (domain Dimension) except cause_group, which is read
from the cause. `sku` is the SKU, or the item's title when there is none.
"""

from __future__ import annotations

from ..database import Database

# (dimension, the case's key for it) with {r} for NEW or OLD.
KEYS = (("cause", "coalesce({r}.cause, '')"), ("kind", "coalesce({r}.kind, '')"),
        ("platform", "coalesce({r}.platform, '')"),
        ("sku", "CASE WHEN coalesce({r}.sku, '') != '' THEN {r}.sku "
                "ELSE coalesce({r}.item_title, '') END"),
        ("province", "coalesce({r}.province, '')"),
        ("staff", "coalesce({r}.assignee, '')"), ("outcome", "coalesce({r}.outcome, '')"))
_DONE = "{r}.status IN ('resolved', 'closed') AND {r}.resolved_at IS NOT NULL"
_SECONDS = ("CASE WHEN " + _DONE + " THEN CAST(round((julianday({r}.resolved_at) - "
            "julianday({r}.created_at)) * 86400) AS INTEGER) ELSE 0 END")
# Columns whose change can move a case's totals (the UPDATE trigger watches only these).
WATCHED = ("deleted_at", "created_at", "cause", "kind", "platform", "sku", "item_title",
           "province", "assignee", "outcome", "status", "amount_settled_fen", "resolved_at")


def _add(r: str, sign: str) -> str:
    """Add (sign '') or take away (sign '-') the case `r` (NEW/OLD) from its day's rows."""
    values = ", ".join(f"('{dim}', {key.format(r=r)})" for dim, key in KEYS)
    return (
        "INSERT INTO analysis_daily(dim, day, key, cases, amount_fen, resolve_seconds, "
        f"resolved) SELECT v.column1, substr({r}.created_at, 1, 10), v.column2, {sign}1, "
        f"{sign}coalesce({r}.amount_settled_fen, 0), {sign}({_SECONDS.format(r=r)}), "
        f"{sign}(CASE WHEN {_DONE.format(r=r)} THEN 1 ELSE 0 END) "
        f"FROM (VALUES {values}) AS v WHERE {r}.deleted_at IS NULL "
        "ON CONFLICT(dim, day, key) DO UPDATE SET cases = cases + excluded.cases, "
        "amount_fen = amount_fen + excluded.amount_fen, "
        "resolve_seconds = resolve_seconds + excluded.resolve_seconds, "
        "resolved = resolved + excluded.resolved;")


def _changed() -> str:
    """The UPDATE trigger's condition: the case counts before or after, and something it
    is summed by differs."""
    diffs = ["(OLD.deleted_at IS NULL) != (NEW.deleted_at IS NULL)",
             "OLD.created_at IS NOT NEW.created_at",
             "OLD.amount_settled_fen IS NOT NEW.amount_settled_fen",
             f"({_SECONDS.format(r='OLD')}) != ({_SECONDS.format(r='NEW')})",
             f"({_DONE.format(r='OLD')}) IS NOT ({_DONE.format(r='NEW')})"]
    diffs += [f"({key.format(r='OLD')}) IS NOT ({key.format(r='NEW')})" for _dim, key in KEYS]
    return "(OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL) AND (" + " OR ".join(diffs) + ")"


def migrate(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE analysis_daily (
            dim TEXT NOT NULL,
            day TEXT NOT NULL,
            key TEXT NOT NULL,
            cases INTEGER NOT NULL,
            amount_fen INTEGER NOT NULL,
            resolve_seconds INTEGER NOT NULL,
            resolved INTEGER NOT NULL,
            PRIMARY KEY (dim, day, key)
        ) WITHOUT ROWID;
        """)
    db.executescript(
        f"CREATE TRIGGER analysis_daily_insert AFTER INSERT ON cases "
        f"WHEN NEW.deleted_at IS NULL BEGIN {_add('NEW', '')} END;\n"
        f"CREATE TRIGGER analysis_daily_delete AFTER DELETE ON cases "
        f"WHEN OLD.deleted_at IS NULL BEGIN {_add('OLD', '-')} END;\n"
        f"CREATE TRIGGER analysis_daily_update AFTER UPDATE OF {', '.join(WATCHED)} ON cases "
        f"WHEN {_changed()} BEGIN {_add('OLD', '-')} {_add('NEW', '')} END;\n")
    # The cases already in the register, one dimension at a time.
    for dim, key in KEYS:
        db.execute(
            "INSERT INTO analysis_daily(dim, day, key, cases, amount_fen, resolve_seconds, "
            f"resolved) SELECT '{dim}', substr(c.created_at, 1, 10) AS d, {key.format(r='c')} "
            f"AS k, count(*), sum(coalesce(c.amount_settled_fen, 0)), "
            f"sum({_SECONDS.format(r='c')}), sum(CASE WHEN {_DONE.format(r='c')} THEN 1 "
            "ELSE 0 END) FROM cases c WHERE c.deleted_at IS NULL GROUP BY d, k")
