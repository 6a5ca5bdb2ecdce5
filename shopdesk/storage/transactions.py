"""Write transactions that take the write lock up front and wait their turn.

A plain `atomic()` (sqlite-utils', SqliteDatabase's) starts with a deferred `BEGIN`: the
transaction reads first and asks for the write lock at its first write. When another
process holds that lock by then, SQLite cannot wait (its snapshot is stale) and fails at
once with "database is locked", whatever the busy timeout. `BEGIN IMMEDIATE` asks for the
lock before anything is read, so the busy timeout applies and the write simply waits its
turn.

`RegisterDatabase.atomic()` does this, so every `with db.atomic():` in the services takes
the lock up front without each call site knowing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator

from .database import Database, SqliteDatabase
from .errors import RegisterBusyError
from .notices import StorageNotice

# How long a write waits for another process's write to finish before giving up with
# RegisterBusyError. Long enough for an import of a few thousand rows from the command line.
BUSY_TIMEOUT_MS = 15_000

_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED (primary codes)


def is_busy(exc: BaseException) -> bool:
    """True when `exc` is SQLite saying another connection holds the lock."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


def busy_error(exc: BaseException | None = None) -> RegisterBusyError:
    """The message a person sees when the register stayed locked too long."""
    seconds = BUSY_TIMEOUT_MS // 1000
    return RegisterBusyError(
        f"登记簿正被另一个程序写入（已等待 {seconds} 秒）。什么都没有改变，请稍后再试。",
        f"The register is busy: another program is writing to it (waited {seconds} s). "
        "Nothing was changed; try again in a moment.")


@contextlib.contextmanager
def write_transaction(db: Database) -> Generator[Database, None, None]:
    """One write transaction holding the write lock from its start.

    Nested inside an open transaction it is a savepoint (as SqliteDatabase.atomic()).
    Raises RegisterBusyError, with nothing written, when the lock cannot be had within
    the connection's busy timeout.
    """
    conn = db.conn
    if conn.in_transaction:
        with SqliteDatabase.atomic(db):  # type: ignore[arg-type]
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise busy_error(exc) from exc
        raise
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        conn.execute("COMMIT")
    except BaseException as exc:
        db.rollback()
        if is_busy(exc):
            raise busy_error(exc) from exc
        raise


class RegisterDatabase(SqliteDatabase):
    """The register's connection: `atomic()` is a `write_transaction`."""

    # Set when the register is opened (storage/db.py): None, or a StorageNotice (the WAL
    # journal was refused).
    storage_notice: StorageNotice | None = None

    def atomic(self) -> contextlib.AbstractContextManager[Database]:  # type: ignore[override]
        return write_transaction(self)

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:  # type: ignore[override]
        """As SqliteDatabase's, with a lock held too long reported as RegisterBusyError (a
        single write outside a transaction waits within the busy timeout, then fails)."""
        try:
            return super().execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise busy_error(exc) from exc
            raise

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        """One statement over many parameter rows (the team register has the same call)."""
        try:
            return super().executemany(sql, rows)
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise busy_error(exc) from exc
            raise


def connect(path: str, *, uri: bool = False) -> RegisterDatabase:
    """A connection to the register file with the per-connection pragmas set."""
    conn = sqlite3.connect(path, check_same_thread=False, uri=uri)
    db = RegisterDatabase(conn)
    set_connection_pragmas(db)
    return db


def set_connection_pragmas(db: Database) -> None:
    """Pragmas that belong to a connection, not to the file (WAL is the file's)."""
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # FULL: a committed edit survives a power cut, which matters more than write speed here.
    db.execute("PRAGMA synchronous = FULL")
