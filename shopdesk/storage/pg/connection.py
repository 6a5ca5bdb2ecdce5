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
import time
from collections.abc import Callable, Generator, Iterable, Sequence
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
# A link that died without a word (a pulled cable, a sleeping router): libpq notices within
# seconds instead of the system's TCP timeout of many minutes, so a statement waiting on it
# turns into TeamOfflineError. tcp_user_timeout only exists on some systems (else ignored).
DEAD_LINK_OPTIONS = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
                     "keepalives_count": 3, "tcp_user_timeout": 15_000}
# After a failed reconnect, statements fail at once for this long instead of each waiting
# for the connect timeout again (the window polls every second on its UI thread).
RETRY_AFTER_S = 3.0
# Told when the server is lost (with the error) and when it answers again (None).
ConnectionListener = Callable[[StorageError | None], None]


class TeamOfflineError(StorageError):
    """The team register's server cannot be reached; nothing was written anywhere."""


class TeamConnectError(StorageError):
    """The server answered but refused: a bad address, login, TLS, database or version."""


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
        self.listeners: list[ConnectionListener] = []
        self._lost: StorageError | None = None  # set while the server is out of reach
        self._retry_at = 0.0
        self._connect()

    def _connect(self) -> None:
        psycopg = _psycopg()
        try:
            self.conn = psycopg.connect(self.url, autocommit=True,
                                        cursor_factory=psycopg.ClientCursor,
                                        connect_timeout=CONNECT_TIMEOUT_S,
                                        application_name=self._application_name,
                                        **DEAD_LINK_OPTIONS)
        except psycopg.ProgrammingError as exc:  # the text is no connection address
            raise url_error(exc) from exc
        except psycopg.OperationalError as exc:
            raise connect_error(self.url, self.where, exc) from exc
        try:
            check_server_version(self.conn.info.server_version, self.where)
        except TeamConnectError:
            self.conn.close()
            raise
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
        outside a transaction connects again; TeamOfflineError while it cannot (at once
        for RETRY_AFTER_S after a failed try). The listeners hear both ways."""
        if not self.conn.closed or self._closed_by_us:
            return
        if self._lost is not None and time.monotonic() < self._retry_at:
            raise type(self._lost)(self._lost.zh, self._lost.en)  # a fresh traceback
        try:
            self._connect()
        except StorageError as exc:
            self._retry_at = time.monotonic() + RETRY_AFTER_S
            self._went_offline(exc)
            raise
        if self._lost is not None:
            self._lost = None
            self._tell(None)

    def probe(self) -> bool:
        """Whether the server answers a fresh connection now. Safe from any thread: it
        never touches this object's connection, so the window asks it off the UI thread
        (a host that drops packets takes the whole connect timeout to say no). A yes
        lets the next statement connect at once instead of waiting out RETRY_AFTER_S."""
        try:
            _psycopg().connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                            application_name=self._application_name,
                            **DEAD_LINK_OPTIONS).close()
        except Exception:  # any failure means "not yet"
            return False
        self._retry_at = 0.0
        return True

    def _went_offline(self, exc: StorageError) -> None:
        if self._closed_by_us:  # a register closed for a switch is not a lost server
            return
        first = self._lost is None
        self._lost = exc
        if first:
            self._tell(exc)

    def _tell(self, exc: StorageError | None) -> None:
        for listener in list(self.listeners):
            with contextlib.suppress(Exception):  # a listener never breaks the statement
                listener(exc)

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
                lost = offline_error(self.where, _first_line(exc))
                self._went_offline(lost)
                raise lost from exc
            raise


# Oldest server supported: the team register's migrations are written and tested for 15.
MIN_SERVER_VERSION = 150000
# Words of libpq's messages (sent before any SQLSTATE exists) naming what was refused.
_LOGIN_WORDS = ("password authentication failed", "no password supplied",
                "password is required", "authentication failed")
_TLS_WORDS = ("ssl", "tls", "certificate")


def check_server_version(version: int, where: str) -> None:
    """Refuse a server older than PostgreSQL 15 with what it is and what is needed."""
    if version and version < MIN_SERVER_VERSION:
        shown = f"{version // 10000}.{version % 10000}"
        raise TeamConnectError(
            f"{where} 上的 PostgreSQL 版本是 {shown}，ShopDesk 需要 15 或更新的版本。"
            "请服务器管理员升级后重试；没有写入任何内容。",
            f"The server {where} runs PostgreSQL {shown}; ShopDesk needs 15 or newer. "
            "Ask whoever runs it to upgrade; nothing was written.")


def url_error(exc: BaseException) -> TeamConnectError:
    """A malformed address; libpq's reason without the address (it may hold a password)."""
    reason = _first_line(exc)
    for cut in (" in URI", " in connection info string"):
        reason = reason.split(cut)[0]
    return TeamConnectError(
        f"团队登记簿的地址不正确：{reason}。格式：postgresql://用户@服务器:5432/数据库",
        f"The team register's address is not valid: {reason}. Expected "
        "postgresql://user@server:5432/database")


def connect_error(url: str, where: str, exc: BaseException) -> StorageError:
    """What refused a connection, from libpq's words: a login, TLS, a database that is not
    there, a bad option (TeamConnectError), else the server is out of reach (offline)."""
    text = str(exc)
    low = text.lower()
    detail = _reason(text)
    user = _conninfo(url).get("user") or "?"
    if any(w in low for w in _LOGIN_WORDS):
        return TeamConnectError(
            f"服务器 {where} 拒绝了用户 {user} 的登录：密码不对或没有给密码（{detail}）。",
            f"The server {where} refused user {user}'s login: the password is wrong or "
            f"missing ({detail}).")
    if "pg_hba.conf" in low:
        return TeamConnectError(
            f"服务器 {where} 不允许这台电脑以用户 {user} 连接（pg_hba.conf）。"
            "请服务器管理员放行这台电脑。",
            f"The server {where} does not let this PC in as user {user} (pg_hba.conf). "
            "Ask whoever runs it to allow this PC.")
    if "server does not support ssl" in low:
        return TeamConnectError(
            f"服务器 {where} 不接受加密（TLS）连接，而加密方式要求了 TLS。请服务器管理员开启 "
            "ssl，或在局域网内把加密方式改为 prefer / disable。",
            f"The server {where} does not accept TLS (encrypted) connections, and the TLS "
            "mode requires it. Ask whoever runs it to turn ssl on, or choose the TLS mode "
            "prefer / disable on a trusted network.")
    if any(w in low for w in _TLS_WORDS):
        return TeamConnectError(
            f"与服务器 {where} 的加密（TLS）连接没有建立：{detail}。请检查加密方式和根证书文件。",
            f"The encrypted (TLS) connection to {where} failed: {detail}. Check the TLS "
            "mode and the root certificate file.")
    if "does not exist" in low or "invalid" in low:
        return TeamConnectError(
            f"服务器 {where} 拒绝了连接：{detail}。请检查数据库名、用户名和选项。",
            f"The server {where} refused the connection: {detail}. Check the database, "
            "the user and the options.")
    return offline_error(where, detail)


def _reason(text: str) -> str:
    """libpq's reason without its 'connection to server at ... failed:' preamble."""
    line = (text.strip().splitlines() or [""])[0]
    if " failed: " in line:
        line = line.rsplit(" failed: ", 1)[1]
    return line.replace("FATAL:", "").strip() or "?"


def _conninfo(url: str) -> dict[str, Any]:
    psycopg = _psycopg()
    try:
        return psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return {}


def tls_in_use(db: PgDatabase) -> bool:
    """Whether this connection is encrypted (TLS)."""
    return bool(db.conn.pgconn.ssl_in_use)


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


__all__ = ["CHANGE_CHANNEL", "PgCursor", "PgDatabase", "TeamBusyError", "TeamConnectError",
           "TeamOfflineError", "check_server_version", "describe_url", "offline_error",
           "reconnect", "tls_in_use"]


def reconnect(db: PgDatabase) -> PgDatabase:
    """Another connection to the same team register (the UI's writer thread); it tells
    the same listeners."""
    other = PgDatabase(db.url)
    other.listeners = db.listeners
    return other
