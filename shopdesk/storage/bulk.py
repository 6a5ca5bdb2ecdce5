"""Bulk loading (demo data, benchmarks): many cases in one transaction, indexed once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from .database import Database
from .dialect import is_postgres
from .errors import RegisterBusyError

# Page cache per case loaded, and its ceiling (MiB), for `roomy_cache`.
_CACHE_KIB_PER_ROW = 1
_CACHE_MAX_MIB = 1024


@contextmanager
def roomy_cache(db: Database, *, rows: int) -> Iterator[None]:
    """A page cache sized for a load of `rows` cases (about 1 KiB each, at most 1 GiB)
    while the block runs, then the connection's own again.

    One transaction of a million cases is gigabytes of pages: with SQLite's default 2 MB
    cache each page is written to the WAL, read back and written again as the tables and
    FTS segments grow, and every index the load builds at its end is sorted through temp
    files. SQLite only; a cache already as large is kept."""
    if is_postgres(db):
        yield
        return
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    wanted = -min(_CACHE_MAX_MIB * 1024, rows * _CACHE_KIB_PER_ROW)  # negative: KiB
    before_kib = -before if before < 0 else before * int(
        db.execute("PRAGMA page_size").fetchone()[0]) // 1024
    if -wanted <= before_kib:
        yield
        return
    db.execute(f"PRAGMA cache_size = {wanted}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


# A load of at least this many cases into a register without any cases writes its file
# without a WAL (`fresh_file`).
FRESH_FILE_ROWS = 20_000


@contextmanager
def fresh_file(db: Database, *, rows: int) -> Iterator[bool]:
    """Write a big load into a register that holds no case yet without the WAL: its pages
    go once into the file instead of into the WAL and again at the checkpoint (a million
    cases: some 6 GB written twice), the commit waits for no flush, and sorts (the index
    builds) stay in memory. Yields whether it did; afterwards the file is back in its
    journal mode (WAL) and the connection in its own synchronous and temp_store.

    The rollback journal is kept in memory, so a failed or cancelled load still rolls
    back; a crash of the machine (or a kill) during the load can leave the file damaged,
    which for a register with nothing in it yet means building it again. So only for a
    register that holds nothing at all (`holds_nothing`: no case, and no order, staff,
    setting, script ... either), for loads of at least FRESH_FILE_ROWS cases (a
    first-start demo of a few hundred keeps the WAL), outside a transaction, and only if
    no other connection has the file open (the switch needs it alone; otherwise nothing
    changes). SQLite only."""
    if (is_postgres(db) or db.conn.in_transaction or rows < FRESH_FILE_ROWS
            or not holds_nothing(db)):
        yield False
        return
    mode = str(db.execute("PRAGMA journal_mode").fetchone()[0])
    saved = {p: int(db.execute(f"PRAGMA {p}").fetchone()[0])
             for p in ("synchronous", "temp_store")}
    timeout = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    db.execute("PRAGMA busy_timeout = 0")  # another connection has it: at once, as usual
    try:
        switched = str(db.execute("PRAGMA journal_mode = MEMORY").fetchone()[0]) == "memory"
    except (sqlite3.OperationalError, RegisterBusyError):
        switched = False
    finally:
        db.execute(f"PRAGMA busy_timeout = {timeout}")
    if not switched:
        yield False
        return
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA temp_store = MEMORY")
    try:
        yield True
    finally:
        for pragma, value in saved.items():
            db.execute(f"PRAGMA {pragma} = {value}")
        # With synchronous back on, switching to WAL flushes the file.
        db.execute(f"PRAGMA journal_mode = {mode}")


# Bookkeeping a new register already holds: the applied migrations.
_BOOKKEEPING = frozenset({"_sqlite_migrations"})


def holds_nothing(db: Database) -> bool:
    """True when no table of the register holds a row, but for the migrations' own
    bookkeeping and the search indexes' internal tables (a new register's state)."""
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'").fetchall()]
    virtual = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND sql LIKE 'CREATE VIRTUAL TABLE%'").fetchall()]
    # A virtual table's shadow tables (cases_fts_data ...) are named after it.
    internal = set(_BOOKKEEPING) | {t for t in tables
                                    for v in virtual if t == v or t.startswith(v + "_")}
    return not any(db.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]
                   for name in tables if name not in internal)


@contextmanager
def unchecked_references(db: Database) -> Iterator[None]:
    """Foreign keys unchecked while the block runs (call outside a transaction: SQLite
    ignores the pragma inside one), then as before. For a load whose every reference
    points at rows it wrote itself: checking a million events' case cost a lookup each.
    SQLite only."""
    if is_postgres(db) or db.conn.in_transaction:
        yield
        return
    before = int(db.execute("PRAGMA foreign_keys").fetchone()[0])
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        db.execute(f"PRAGMA foreign_keys = {before}")
