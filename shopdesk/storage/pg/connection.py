"""A team register's connection: PostgreSQL behind the small surface storage uses.

The storage modules call `db.execute(sql, params)` (a cursor with fetchone / fetchall /
fetchmany / lastrowid / rowcount), `db.executemany`, `with db.atomic():`, `db.close()`.
`PgDatabase` offers exactly that over psycopg 3, translating the SQLite text on the way
(storage/dialect.py), so no service knows which back end it talks to.

Why these choices:
- Client-side parameter binding (psycopg's ClientCursor): values are sent as literals
  of unknown type, so PostgreSQL infers types from the context as SQLite does (a text
  column compared with a number parameter; `coalesce(?, col)`), instead of refusing.
- `atomic()` of the outermost transaction first takes one register-wide advisory lock:
  writers queue as they do on the SQLite file (BEGIN IMMEDIATE), so a check and the
  write it allows (the last allowed call to a buyer, the next case number) can never
  interleave with another PC's. Nested `atomic()` is a savepoint.
- numeric results (sum, avg) come back as int when whole, else float, as SQLite gives.
- A lost server raises TeamOfflineError (a ShopDeskError): the edges say so; nothing is
  ever written to a local copy instead.
"""

from __future__ import annotations

import contextlib
import functools
import socket
from collections.abc import Generator, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

from ..dialect import POSTGRES, explicit_id_table, returning_id, to_postgres
from ..errors import StorageError

# pg_advisory_xact_lock key of the register-wide write lock ('SHDK').
WRITE_LOCK_KEY = 0x5348444B
# How long a statement waits for a lock (another PC's write) before giving up.
LOCK_TIMEOUT_MS = 15_000
CONNECT_TIMEOUT_S = 5
CHANGE_CHANNEL = "shopdesk_changes"


class TeamOfflineError(StorageError):
    """The team register's server cannot be reached; nothing was written anywhere."""


class TeamBusyError(StorageError):
    """Another PC held the team register's write lock for longer than the timeout."""


def offline_error(where: str, detail: str = "") -> TeamOfflineError:
    """The message a person sees when the team server cannot be reached."""
    extra = f"（{detail}）" if detail else ""
    extra_en = f" ({detail})" if detail else ""
    return TeamOfflineError(
        f"无法连接团队登记簿服务器 {where}{extra}。没有保存任何内容，也没有写入本机副本；"
        "您输入的内容仍在窗口里，请检查网络后重试。",
        f"Cannot reach the team register's server {where}{extra_en}. Nothing was saved, "
        "and nothing was written to a local copy; what you typed is kept. Check the "
        "network and try again.")


def _psycopg() -> Any:
    """psycopg, imported on first use: a local register never loads it (about a tenth of
    a start's imports)."""
    import psycopg
    import psycopg.conninfo
    import psycopg.errors
    import psycopg.pq

    return psycopg


@functools.cache
def _numeric_loader() -> type:
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        """numeric -> int when whole, else float (SQLite's sum/avg types)."""

        def load(self, data: Any) -> Any:
            value = Decimal(bytes(data).decode())
            return int(value) if value == value.to_integral_value() else float(value)

    return NumericLoader


class PgCursor:
    """What storage reads from a statement: rows as tuples, lastrowid, rowcount."""

    def __init__(self, cursor: psycopg.Cursor[Any] | None, lastrowid: int | None = None,
                 rows: list[tuple[Any, ...]] | None = None) -> None:
        self._cursor = cursor
        self.lastrowid = lastrowid
        self._rows = rows

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount if self._cursor is not None else 0

    @property
    def description(self) -> Any:
        return self._cursor.description if self._cursor is not None else None

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._rows is not None:
            return self._rows.pop(0) if self._rows else None
        if self._cursor is None or self._cursor.description is None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[tuple[Any, ...]]:
        if self._rows is not None:
            rows, self._rows = self._rows, []
            return rows
        if self._cursor is None or self._cursor.description is None:
            return []
        return self._cursor.fetchall()

    def fetchmany(self, size: int = 1000) -> list[tuple[Any, ...]]:
        if self._rows is not None:
            rows, self._rows = self._rows[:size], self._rows[size:]
            return rows
        if self._cursor is None or self._cursor.description is None:
            return []
        return self._cursor.fetchmany(size)

    def __iter__(self):
        return iter(self.fetchall())


class PgDatabase:
    """One connection to a team register (see the module docstring)."""

    dialect = POSTGRES
    _closed_by_us = False

    def __init__(self, url: str, *, application_name: str = "shopdesk") -> None:
        self.url = url
        self.where = describe_url(url)
        self._application_name = application_name
        self._listening = False
        self._changes = 0  # bumped by notifications from other PCs (data_version)
        self._connect()

    def _connect(self) -> None:
        psycopg = _psycopg()
        try:
            self.conn = psycopg.connect(self.url, autocommit=True,
                                        cursor_factory=psycopg.ClientCursor,
                                        connect_timeout=CONNECT_TIMEOUT_S,
                                        application_name=self._application_name)
        except psycopg.OperationalError as exc:
            raise offline_error(self.where, _first_line(exc)) from exc
        self.conn.adapters.register_loader("numeric", _numeric_loader())
        self.conn.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
        self.conn.execute("SET TIME ZONE 'UTC'")
        # Audit rows record the PC beside the person (audit_log.pc's default reads this).
        self.conn.execute("SELECT set_config('shopdesk.pc', %s, false)",
                          [socket.gethostname() or "?"])
        if self._listening:
            self.conn.execute(f"LISTEN {CHANGE_CHANNEL}")
            self._changes += 1  # what happened while away is unknown: count it as a change

    def _ensure_connected(self) -> None:
        """After a lost connection (a network blip, a server restart) the next statement
        outside a transaction connects again; TeamOfflineError while it cannot."""
        if self.conn.closed and not self._closed_by_us:
            self._connect()

    # --- the surface storage uses ----------------------------------------------
    def execute(self, sql: str, parameters: Sequence[Any] | dict | None = None) -> PgCursor:
        """Run one SQLite-spelled statement (translated); PRAGMAs storage asks are answered."""
        self._ensure_connected()
        stripped = sql.lstrip()
        if stripped[:6].upper() == "PRAGMA":
            return self._pragma(stripped)
        params = list(parameters) if isinstance(parameters, (list, tuple)) else parameters
        text = to_postgres(sql, with_params=params is not None)
        with_id = returning_id(text)
        with self._errors():
            cursor = self.conn.cursor()
            cursor.execute(with_id or text, params)
        if with_id:
            row = cursor.fetchone()
            self._after_explicit_ids(text)
            return PgCursor(cursor, int(row[0]) if row else None, rows=[])
        self._after_explicit_ids(text)
        return PgCursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """One statement over many parameter rows (an import's chunk)."""
        self._ensure_connected()
        text = to_postgres(sql, with_params=True)
        with self._errors(), self.conn.cursor() as cursor:
            cursor.executemany(text, [list(r) for r in rows])
        self._after_explicit_ids(text)

    def _after_explicit_ids(self, text: str) -> None:
        """An insert that gave ids itself (a batch writer, a transfer) moves the table's
        id sequence past them, so the next insert by default does not collide."""
        table = explicit_id_table(text)
        if table:
            with self._errors():
                self.conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"greatest((SELECT max(id) FROM {table}), 1))")

    def copy_rows(self, table: str, cols: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Load many rows with COPY (moving a register: far faster than INSERTs)."""
        with self._errors(), self.conn.cursor() as cursor, cursor.copy(
                f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        if "id" in cols:
            self._after_explicit_ids(f"INSERT INTO {table} (id)")

    def executescript(self, script: str) -> None:
        """Run several statements without parameters (migrations)."""
        with self._errors():
            self.conn.execute(script.encode())

    def atomic(self) -> contextlib.AbstractContextManager[PgDatabase]:
        return self._atomic()

    @contextlib.contextmanager
    def _atomic(self) -> Generator[PgDatabase, None, None]:
        with self._errors():
            self._ensure_connected()
            outer = self.conn.info.transaction_status == _psycopg().pq.TransactionStatus.IDLE
        with self._errors(), self.conn.transaction():
            if outer:
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])
                yield self
                # Other PCs' windows refresh on this (delivered at commit only).
                self.conn.execute("SELECT pg_notify(%s, %s)",
                                  [CHANGE_CHANNEL, str(self.conn.info.backend_pid)])
            else:
                yield self

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self._closed_by_us = True
        self.conn.close()

    def table_names(self) -> list[str]:
        rows = self.execute("SELECT tablename FROM pg_tables WHERE schemaname = "
                            "current_schema() ORDER BY tablename").fetchall()
        return [r[0] for r in rows]

    # --- helpers ------------------------------------------------------------------
    def _pragma(self, text: str) -> PgCursor:
        name = text[6:].strip().rstrip(";").lower()
        if name == "data_version":
            return PgCursor(None, rows=[(self.poll_changes(),)])
        if name == "database_list":  # no file to open a second reader on
            return PgCursor(None, rows=[])
        return PgCursor(None, rows=[])  # connection pragmas mean nothing here

    def listen(self) -> None:
        """Receive other PCs' change notifications (data_version counts them)."""
        self.conn.execute(f"LISTEN {CHANGE_CHANNEL}")
        self._listening = True

    def poll_changes(self) -> int:
        """A number that grows when another connection commits a write (see listen)."""
        self._ensure_connected()
        own = str(self.conn.info.backend_pid)
        with self._errors():
            self.conn.execute("SELECT 1")  # lets psycopg read pending notifications
            for note in self.conn.notifies(timeout=0, stop_after=1000):
                if note.payload != own:
                    self._changes += 1
        return self._changes

    @contextlib.contextmanager
    def _errors(self) -> Generator[None, None, None]:
        psycopg = _psycopg()
        try:
            yield
        except psycopg.errors.LockNotAvailable as exc:
            raise TeamBusyError(
                f"团队登记簿正被另一台电脑写入（已等待 {LOCK_TIMEOUT_MS // 1000} 秒）。"
                "什么都没有改变，请稍后再试。",
                f"The team register is busy: another PC is writing (waited "
                f"{LOCK_TIMEOUT_MS // 1000} s). Nothing was changed; try again.") from exc
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            if self.conn.closed or isinstance(exc, psycopg.InterfaceError) \
                    or _is_connection_loss(exc):
                raise offline_error(self.where, _first_line(exc)) from exc
            raise


def _is_connection_loss(exc: BaseException) -> bool:
    sqlstate = getattr(exc, "sqlstate", None) or ""
    return sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03") \
        or isinstance(exc.__cause__, (OSError, socket.error))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def describe_url(url: str) -> str:
    """host:port/database of a URL, never its password (for messages and status)."""
    psycopg = _psycopg()
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "?"
    host = info.get("host") or "localhost"
    port = info.get("port") or "5432"
    return f"{host}:{port}/{info.get('dbname', '')}"


__all__ = ["CHANGE_CHANNEL", "PgCursor", "PgDatabase", "TeamBusyError", "TeamOfflineError",
           "describe_url", "offline_error", "reconnect"]


def reconnect(db: PgDatabase) -> PgDatabase:
    """Another connection to the same team register (the UI's writer thread)."""
    return PgDatabase(db.url)
