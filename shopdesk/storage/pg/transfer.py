"""Copying every row of a register into another: a local file into a new team register
(`team init`), or a team register into a local file (the backup export without pg_dump).

Tables are copied parents first (foreign keys hold at every insert), with their ids, in
batches; the search text is rebuilt on the target afterwards. `table_checksums` gives a
row count and a SHA-256 per table, computed the same way on both back ends, so a test (and
`team init`) can show that nothing was lost or changed on the way.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..batches import in_batches
from ..dialect import POSTGRES, dialect_of
from ..uris import sqlite_uri

# Parents before children (foreign keys); the rest in name order after them.
_FIRST = ("staff", "cases", "shifts", "buyers")
# SQLite's own and the search indexes (rebuilt, never copied); team-only tables; the
# analysis day totals (the target's triggers sum the copied cases again: copied, they
# would count twice).
_SKIP_PREFIXES = ("sqlite_", "cases_fts", "cases_bigram", "_sqlite_migrations",
                  "_shopdesk_migrations", "cases_search", "team_", "analysis_daily")
BATCH = 2000


def _dialect(db: Any) -> str:
    return dialect_of(db)


def copied_tables(db: Any) -> list[str]:
    """The register's data tables, in copy order."""
    names = [t for t in db.table_names() if not t.startswith(_SKIP_PREFIXES)]
    first = [t for t in _FIRST if t in names]
    return first + sorted(t for t in names if t not in first)


def columns(db: Any, table: str) -> list[str]:
    """Column names of `table` in definition order."""
    if _dialect(db) == POSTGRES:
        rows = db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    else:
        rows = [(r[1],) for r in db.execute(f"PRAGMA table_info({table})").fetchall()]
    return [r[0] for r in rows]


def primary_key(db: Any, table: str) -> list[str]:
    """The primary key columns (from the SQLite side's definitions, same on both)."""
    if _dialect(db) == POSTGRES:
        rows = db.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = ?::regclass AND i.indisprimary "
            "ORDER BY array_position(i.indkey, a.attnum)", [table]).fetchall()
        return [r[0] for r in rows]
    rows = db.execute(f"PRAGMA table_info({table})").fetchall()
    return [r[1] for r in sorted((r for r in rows if r[5]), key=lambda r: r[5])]


def _order_by(db: Any, table: str) -> str:
    keys = primary_key(db, table) or columns(db, table)
    if _dialect(db) != POSTGRES:
        return ", ".join(keys)
    # Byte order of text on both sides, whatever collation the server was created with.
    text = {r[0] for r in db.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = ? AND data_type = 'text'", [table]).fetchall()}
    return ", ".join(f'{k} COLLATE "C"' if k in text else k for k in keys)


def copy_register(source: Any, target: Any,
                  progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of every data table of `source` into the empty `target` (one
    transaction on the target). Returns rows copied per table."""
    from ..search import reindex_all

    copied: dict[str, int] = {}
    wanted = set(copied_tables(target))
    with target.atomic():
        for table in copied_tables(source):
            if table not in wanted:
                continue
            cols = [c for c in columns(source, table) if c in set(columns(target, table))]
            names = ", ".join(cols)
            insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in cols)})"
            cursor = source.execute(f"SELECT {names} FROM {table} "
                                    f"ORDER BY {_order_by(source, table)}")
            count = 0
            while rows := cursor.fetchmany(BATCH):
                if hasattr(target, "copy_rows"):  # PostgreSQL: COPY
                    target.copy_rows(table, cols, rows)
                else:
                    target.executemany(insert, rows)
                count += len(rows)
                if progress is not None:
                    progress(table, count)
            copied[table] = count
        reindex_all(target)
    return copied


def _canonical(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return value


def table_checksums(db: Any) -> dict[str, tuple[int, str]]:
    """(row count, SHA-256 of every row in key order) per data table."""
    out: dict[str, tuple[int, str]] = {}
    for table in copied_tables(db):
        cols = columns(db, table)
        if table == "audit_log":  # the team register also says which PC wrote each row
            cols = [c for c in cols if c != "pc"]
        digest = hashlib.sha256()
        count = 0
        cursor = db.execute(f"SELECT {', '.join(cols)} FROM {table} "
                            f"ORDER BY {_order_by(db, table)}")
        while rows := cursor.fetchmany(BATCH):
            for row in rows:
                digest.update(json.dumps([_canonical(v) for v in row], ensure_ascii=False,
                                         default=str).encode())
                digest.update(b"\n")
            count += len(rows)
        out[table] = (count, digest.hexdigest())
    return out


__all__ = ["columns", "copied_tables", "copy_register", "primary_key", "table_checksums"]


def cases_only_in(local_path: Path, team: Any) -> list[str]:
    """Case numbers of the live cases in the local register file at `local_path` that the
    team register lacks (no case there with the same number, platform and order): work
    done on this PC while it was not connected. Read-only; [] without a local file."""
    if not local_path.exists():
        return []
    try:
        conn = sqlite3.connect(sqlite_uri(local_path, "mode=ro"), uri=True)
        try:
            rows = conn.execute("SELECT case_no, platform, order_no FROM cases "
                                "WHERE deleted_at IS NULL ORDER BY case_no").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:  # not a register (yet): nothing of it is to be missed
        return []
    known: set[tuple[str, str, str]] = set()
    for chunk, marks in in_batches([r[0] for r in rows]):
        known.update(tuple(r) for r in team.execute(
            f"SELECT case_no, platform, order_no FROM cases WHERE case_no IN ({marks})",
            chunk).fetchall())
    return [r[0] for r in rows if tuple(r) not in known]
