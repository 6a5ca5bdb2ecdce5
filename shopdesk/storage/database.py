"""The database the services are handed, and the SQLite connection wrapper behind it.

`Database` is what every service may call, whichever register it runs on: the SQLite
register (`transactions.RegisterDatabase`) or the team register (`pg.connection.PgDatabase`).

`SqliteDatabase` is the part of sqlite-utils' `Database` that ShopDesk uses (execute,
executescript, atomic, table_names), with the same transaction behaviour, written here so
that opening the register does not import sqlite-utils: importing it cost 40-70 ms of
every start (it compiles large regexes and loads click, pluggy and dateutil), about a
tenth of the window's start-up. Anything else of sqlite-utils' API (the table objects,
used by the migrations' bookkeeping) comes from a sqlite-utils `Database` over the same
connection, made on first use (`utils()`, `db[table]`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator, Iterable, Sequence
from itertools import count
from pathlib import Path
from typing import Any, Protocol

# Statements that end or nest a transaction themselves: execute() must not commit after them.
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
_savepoints = count(1)


class Database(Protocol):
    """What services use of a register's database, on SQLite and on PostgreSQL. Code
    that only ever runs on the SQLite register also reads `db.conn` (sqlite3)."""

    def execute(self, sql: str, parameters: Sequence[Any] | dict | None = None) -> Any:
        """Run one statement; a write outside a transaction is committed."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        """One statement over many parameter rows."""

    def executescript(self, script: str) -> Any:
        """Several statements without parameters."""

    def atomic(self) -> contextlib.AbstractContextManager[Any]:
        """A write transaction (a savepoint when one is open)."""

    def rollback(self) -> None:
        """Roll back the open transaction, if any."""

    def close(self) -> None:
        """Close the connection."""

    def table_names(self) -> list[str]:
        """The tables in the database."""


def first_keyword(sql: str) -> str:
    """The statement's first keyword, upper-cased, past whitespace, comments, bare `;` and
    a byte-order mark ("" when there is none): as sqlite-utils decides what to commit."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            if newline == -1:
                return ""
            i = newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    start = i
    while i < n and sql[i].isalpha():
        i += 1
    return sql[start:i].upper()


def split_statements(sql: str) -> Generator[str, None, None]:
    """The complete statements of a script, in order (a semicolon inside a string, a
    comment or a trigger's body does not end one), and any unterminated rest."""
    start = 0
    at = sql.find(";")
    while at != -1:
        candidate = sql[start:at + 1].strip()
        if candidate and sqlite3.complete_statement(candidate):
            yield candidate
            start = at + 1
        at = sql.find(";", at + 1)
    rest = sql[start:].strip()
    if rest:
        yield rest


class SqliteDatabase:
    """A SQLite connection with sqlite-utils' transaction rules, without sqlite-utils."""

    conn: sqlite3.Connection

    def __init__(self, filename_or_conn: str | Path | sqlite3.Connection | None = None, *,
                 memory: bool = False, recursive_triggers: bool = True) -> None:
        if (filename_or_conn is None) == (not memory):
            raise ValueError("Either specify a filename_or_conn or pass memory=True")
        if memory or filename_or_conn == ":memory:":
            self.conn = sqlite3.connect(":memory:")
        elif isinstance(filename_or_conn, (str, Path)):
            self.conn = sqlite3.connect(str(filename_or_conn))
        else:
            self.conn = filename_or_conn  # type: ignore[assignment]
            # Python 3.12's autocommit modes change what commit() and rollback() do: the
            # rules in execute() assume the default (legacy) handling, as sqlite-utils'.
            mode = getattr(self.conn, "autocommit", None)
            if mode is not None and mode != getattr(sqlite3, "LEGACY_TRANSACTION_CONTROL", -1):
                raise ValueError("connections with autocommit=True/False are not supported")
        self._utils: Any = None
        if recursive_triggers:  # as sqlite-utils' Database sets it
            self.execute("PRAGMA recursive_triggers=on;")

    def __enter__(self) -> SqliteDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.conn}>"

    def execute(self, sql: str, parameters: Sequence[Any] | dict | None = None
                ) -> sqlite3.Cursor:
        """Run one statement. A write that opened an implicit transaction is committed at
        once; a failed one that opened it is rolled back (as sqlite-utils does)."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and conn.in_transaction and cursor.description is None
                and first_keyword(sql) not in _TRANSACTION_CONTROL):
            self._commit_or_roll_back()
        return cursor

    def _commit_or_roll_back(self) -> None:
        """COMMIT the implicit transaction a write opened; if the COMMIT fails (disk full,
        busy, a deferred foreign key), roll it back and raise: left open, every later
        atomic() would become a savepoint inside it and never be committed."""
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        """One statement over many parameter rows (the team register has the same call).
        Outside a transaction all rows are written or none, committed at once, as
        `execute` commits a single write."""
        if self.conn.in_transaction:
            return self.conn.executemany(sql, rows)
        with self.atomic():
            return self.conn.executemany(sql, rows)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """Several statements; inside a transaction one by one, since sqlite3's own
        executescript() would commit it first."""
        if self.conn.in_transaction:
            cursor = self.conn.cursor()
            for statement in split_statements(sql):
                cursor.execute(statement)
            return cursor
        return self.conn.executescript(sql)

    @contextlib.contextmanager
    def atomic(self) -> Generator[SqliteDatabase, None, None]:
        """A transaction (plain BEGIN), or a savepoint inside an open one."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"shopdesk_sp_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # An error such as RAISE(ROLLBACK) may have ended the whole transaction,
                # savepoints included: releasing it then would hide the real error.
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def begin(self) -> None:
        self.execute("BEGIN")

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def table_names(self) -> list[str]:
        return [r[0] for r in
                self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def utils(self) -> Any:
        """A sqlite-utils Database over this connection (imported on first use), for its
        table objects: the migrations' bookkeeping, tests."""
        if self._utils is None:
            from sqlite_utils import Database as UtilsDatabase

            self._utils = UtilsDatabase(self.conn, recursive_triggers=False,
                                        execute_plugins=False)
        return self._utils

    def __getitem__(self, table_name: str) -> Any:
        """sqlite-utils' table object (the migrations' bookkeeping uses it). Its writes
        run sqlite-utils' own transactions (a deferred BEGIN, a raw "database is locked"):
        use it inside `write_transaction`, as the migrations do."""
        return self.utils()[table_name]
