"""Opening the register: checks that change nothing, pragmas, then migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..domain.files import make_private
from . import migrations as schema_migrations
from .database import Database
from .errors import (
    CorruptDatabaseError,
    NewerDatabaseError,
    NotShopDeskDatabaseError,
    RegisterUnavailableError,
)
from .migrations import MIGRATION_SET, MIGRATIONS_TABLE, known_names, pending_names
from .notices import journal_notice
from .precheck import (
    has_wal_content,
    inspect_read_only,
    read_header,
    shm_path,
    wal_path,
)
from .transactions import (
    RegisterDatabase,
    busy_error,
    is_busy,
    set_connection_pragmas,
    write_transaction,
)
from .uris import sqlite_uri

# 'SHDK' — marks the file as ours so we never migrate someone else's database.
APPLICATION_ID = 0x5348444B
_MIGRATIONS_TABLE = MIGRATIONS_TABLE


def known_migrations() -> list[str]:
    return known_names()


def check_integrity(path: Path) -> None:
    """Read the whole file (`PRAGMA quick_check`) on a read-only connection of its own.

    Seconds on a large register, so it is not part of opening: the window runs it in the
    background (with the daily backup). Raises CorruptDatabaseError; never writes.
    """
    try:
        conn = sqlite3.connect(sqlite_uri(Path(path), "mode=ro"), uri=True,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise _corrupt(Path(path), str(exc)) from exc
    try:
        _check_health(conn, Path(path))
    finally:
        conn.close()


def _corrupt(path: Path, detail: str) -> CorruptDatabaseError:
    return CorruptDatabaseError(
        f"登记簿文件已损坏，无法打开：{path}（{detail}）。文件已保留，请从备份恢复。",
        f"The register file is damaged and cannot be opened: {path} ({detail}). "
        "The file was kept; restore from a backup.")


def _foreign(path: Path) -> NotShopDeskDatabaseError:
    return NotShopDeskDatabaseError(
        f"这个文件不是 ShopDesk 登记簿：{path}。文件未被修改。",
        f"This file is not a ShopDesk register: {path}. The file was not modified.")


def _newer(what: str) -> NewerDatabaseError:
    return NewerDatabaseError(
        f"这个登记簿由更新版本的 ShopDesk 创建（{what}），请升级 ShopDesk 后再打开。文件未被修改。",
        f"This register was written by a newer ShopDesk ({what}). "
        "Upgrade ShopDesk to open it. The file was not modified.")


def _check_health(conn: sqlite3.Connection, path: Path) -> None:
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise busy_error(exc) from exc
        raise _corrupt(path, str(exc)) from exc
    if row is None or row[0] != "ok":
        raise CorruptDatabaseError(
            f"登记簿文件校验失败：{path}。文件已保留，请从备份恢复。",
            f"The register file failed its integrity check: {path}. "
            "The file was kept; restore from a backup.")


def _check_tables(conn: sqlite3.Connection, path: Path, application_id: int) -> None:
    """Foreign tables in an unstamped file, or migrations this version does not know."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    rows = (conn.execute(f"SELECT migration_set, name FROM {_MIGRATIONS_TABLE}").fetchall()
            if _MIGRATIONS_TABLE in tables else [])
    # Unstamped with tables: someone else's file, unless it is a register an older
    # ShopDesk left half-migrated (it stamped only at the end): every migration recorded
    # is one of ours.
    ours_unstamped = bool(rows) and all(s == MIGRATION_SET for s, _ in rows)
    if application_id == 0 and tables - {_MIGRATIONS_TABLE} and not ours_unstamped:
        raise _foreign(path)
    unknown = sorted({n for s, n in rows if s == MIGRATION_SET} - set(known_migrations()))
    if unknown:
        raise _newer(", ".join(unknown))


def check_register_file(path: Path) -> None:
    """Refuse a damaged, foreign or newer file without changing it or its -wal/-shm.

    Raises a StorageError subclass; returns when the file may be opened for writing.
    """
    try:
        header = read_header(path)
    except OSError as exc:  # unreadable here (permission, held by another program): kept
        raise unreadable(path, exc) from exc
    if header is None:
        raise _corrupt(path, "not a SQLite file")
    if header.application_id not in (0, APPLICATION_ID):
        raise _foreign(path)
    if header.user_version > len(known_migrations()):
        raise _newer(f"user_version {header.user_version}")
    current = (header.application_id == APPLICATION_ID
               and header.user_version == len(known_migrations()))
    if current and has_wal_content(path):
        # Ours and up to date, with another connection (or a crash) leaving a WAL: reading
        # it in place is what every start does; its health is checked once opened.
        return

    def check(conn: sqlite3.Connection) -> None:
        # Cheap checks only: a full quick_check reads the whole file (seconds at 1M cases)
        # and runs after start-up instead (check_integrity).
        _check_tables(conn, path, header.application_id)

    try:
        inspect_read_only(path, check)
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise busy_error(exc) from exc
        raise _corrupt(path, str(exc)) from exc


def pending_migrations(db: Database) -> list[str]:
    """Names of migrations not yet applied to `db`."""
    return pending_names(db)


def open_database(
    path: Path | str,
    *,
    before_migrate: Callable[[Database, list[str]], None] | None = None,
) -> RegisterDatabase:
    """Open (creating if needed) and migrate the register at `path`.

    `before_migrate(db, pending)` runs when an existing register needs migrations,
    so the caller can back it up first. Raises a StorageError subclass for a
    damaged, foreign or newer file; such files are never modified (nor their -wal/-shm).
    A write that cannot get the lock raises RegisterBusyError.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        check_register_file(path)
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(
            f"无法打开登记簿：{path}（{exc}）", f"Cannot open the register: {path} ({exc})"
        ) from exc
    make_private(path)
    db = RegisterDatabase(conn)
    try:
        set_connection_pragmas(db)
        mode = str(db.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        db.storage_notice = journal_notice(mode, path)  # the edges tell the user
        for extra in (wal_path(path), shm_path(path)):
            make_private(extra)
        pending = pending_migrations(db)
        if pending and existed and before_migrate is not None and _has_migrations(db):
            before_migrate(db, pending)
        migrate(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_busy(exc):
            raise busy_error(exc) from exc
        if existed and _cannot_open(exc) and _reads_intact(path):
            raise register_unavailable(path, exc) from exc
        raise CorruptDatabaseError(
            f"登记簿文件已损坏，无法打开：{path}（{exc}）。文件已保留。",
            f"The register file is damaged: {path} ({exc}). The file was kept.",
        ) from exc
    except Exception:
        conn.close()
        raise
    return db


_SQLITE_CANTOPEN = 14


def _cannot_open(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == _SQLITE_CANTOPEN


def _reads_intact(path: Path) -> bool:
    """The file reads as a SQLite database through an immutable read-only view (no lock,
    no -wal or -shm touched): what could not be opened does not look damaged (only the
    schema is read; the background integrity check reads every page once it opens)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, "mode=ro&immutable=1"), uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def register_unavailable(path: Path, exc: BaseException) -> RegisterUnavailableError:
    """SQLite could not open a register that opens read-only: say so, with the likely
    causes (not "damaged": that would send the user to restore a backup)."""
    return RegisterUnavailableError(
        f"登记簿现在无法打开：{path}（{exc}）。它能以只读方式打开，看来没有损坏，已原样保留。"
        "常见原因：所在文件夹或磁盘不允许建立它旁边的 -wal/-shm 文件（没有权限、网络共享盘），"
        "或文件正被其他程序（杀毒、同步软件）占用。请把数据文件夹放在本机磁盘上、关掉占用它的"
        "程序后再打开；多台电脑共用请用团队模式。",
        f"The register cannot be opened now: {path} ({exc}). It opens read-only, so it "
        "does not look damaged, and it was kept as it is. Common causes: the folder or "
        "drive does not let ShopDesk create the -wal/-shm files beside it (no permission, "
        "a network share), or another program (antivirus, sync software) holds the file. "
        "Keep the data folder on a local disk and close the program holding it, then open "
        "it again; to share it between computers use team mode.")


def unreadable(path: Path, exc: OSError) -> RegisterUnavailableError:
    """The file itself could not be read (no permission, held by another program)."""
    return RegisterUnavailableError(
        f"无法读取登记簿文件：{path}（{exc}）。文件已原样保留。请检查你对这个文件的权限，"
        "或关掉占用它的程序（杀毒、同步软件）后再打开。",
        f"The register file cannot be read: {path} ({exc}). It was kept as it is. Check "
        "your permission on the file, or close the program holding it (antivirus, sync "
        "software), then open it again.")


def _has_migrations(db: Database) -> bool:
    return _MIGRATIONS_TABLE in db.table_names()


def open_memory_database() -> RegisterDatabase:
    """A migrated in-memory register, for tests and previews."""
    db = RegisterDatabase(memory=True)
    set_connection_pragmas(db)
    migrate(db)
    return db


def migrate(db: Database) -> None:
    """Apply pending migrations, each in one write transaction with its record.

    The first transaction also stamps the file as ShopDesk's (application_id), and each
    one sets user_version to the number of migrations applied: a start killed half-way
    leaves a file that is recognisably ours, and the next start finishes the rest.
    """
    names = known_migrations()
    # The registry (sqlite-utils) only when something is to be applied.
    registry = schema_migrations.migrations if pending_names(db) else None
    for migration in registry.pending(db) if registry is not None else ():
        with write_transaction(db):
            # Re-read inside the lock: another process may have applied it meanwhile.
            if migration.name not in pending_migrations(db):
                continue
            registry.ensure_migrations_table(db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migration.fn(db)
            registry._record_applied(db, migration.name)
            db.execute(f"PRAGMA user_version = {names.index(migration.name) + 1}")
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        with write_transaction(db):  # an up-to-date file from before stamping moved here
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {len(names)}")


__all__ = ["APPLICATION_ID", "MIGRATION_SET", "check_integrity", "check_register_file",
           "migrate", "open_database", "open_memory_database", "pending_migrations"]
