"""Opening the register: pragmas, health and version checks, then migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from .errors import CorruptDatabaseError, NewerDatabaseError, NotShopDeskDatabaseError
from .migrations import MIGRATION_SET, migrations

# 'SHDK' — marks the file as ours so we never migrate someone else's database.
APPLICATION_ID = 0x5348444B


def _apply_pragmas(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    if not db.memory:
        db.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed edit survives a power cut, which matters more than write speed here.
    db.execute("PRAGMA synchronous = FULL")


def check_integrity(path: Path) -> None:
    """Read the whole file (`PRAGMA quick_check`) on a read-only connection of its own.

    Seconds on a large register, so it is not part of opening: the window runs it in the
    background (with the daily backup). Raises CorruptDatabaseError; never writes.
    """
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(
            f"无法打开登记簿：{path}（{exc}）", f"Cannot open the register: {path} ({exc})"
        ) from exc
    try:
        _check_health(Database(conn), Path(path))
    finally:
        conn.close()


def _check_health(db: Database, path: Path) -> None:
    try:
        row = db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            f"登记簿文件已损坏，无法打开：{path}（{exc}）。文件已保留，请从备份恢复。",
            f"The register file is damaged and cannot be opened: {path} ({exc}). "
            "The file was kept; restore from a backup.",
        ) from exc
    if row is None or row[0] != "ok":
        raise CorruptDatabaseError(
            f"登记簿文件校验失败：{path}。文件已保留，请从备份恢复。",
            f"The register file failed its integrity check: {path}. "
            "The file was kept; restore from a backup.",
        )


def _check_ownership_and_version(db: Database, path: Path) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = set(db.table_names())
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables - {"_sqlite_migrations"}):
        raise NotShopDeskDatabaseError(
            f"这个文件不是 ShopDesk 登记簿：{path}",
            f"This file is not a ShopDesk register: {path}",
        )
    if "_sqlite_migrations" not in tables:
        return
    known = {m.name for m in migrations._migrations}
    applied = {m.name for m in migrations.applied(db)}
    unknown = sorted(applied - known)
    if unknown:
        raise NewerDatabaseError(
            f"这个登记簿由更新版本的 ShopDesk 创建（{', '.join(unknown)}），"
            "请升级 ShopDesk 后再打开。文件未被修改。",
            f"This register was written by a newer ShopDesk ({', '.join(unknown)}). "
            "Upgrade ShopDesk to open it. The file was not modified.",
        )


def pending_migrations(db: Database) -> list[str]:
    """Names of migrations not yet applied to `db`."""
    return [m.name for m in migrations.pending(db)]


def open_database(
    path: Path | str,
    *,
    before_migrate: Callable[[Database, list[str]], None] | None = None,
) -> Database:
    """Open (creating if needed) and migrate the register at `path`.

    `before_migrate(db, pending)` runs when an existing register needs migrations,
    so the caller can back it up first. Raises a StorageError subclass for a
    damaged, foreign or newer file; such files are never modified.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(
            f"无法打开登记簿：{path}（{exc}）", f"Cannot open the register: {path} ({exc})"
        ) from exc
    db = Database(conn)
    try:
        if existed:
            # Cheap checks only (header, application id, schema version): a full
            # quick_check reads the whole file and runs later, off the start path.
            _check_ownership_and_version(db, path)
        _apply_pragmas(db)
        pending = pending_migrations(db)
        if pending and existed and before_migrate is not None and _has_cases(db):
            before_migrate(db, pending)
        migrate(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorruptDatabaseError(
            f"登记簿文件已损坏，无法打开：{path}（{exc}）。文件已保留。",
            f"The register file is damaged: {path} ({exc}). The file was kept.",
        ) from exc
    except Exception:
        conn.close()
        raise
    return db


def _has_cases(db: Database) -> bool:
    return "_sqlite_migrations" in db.table_names()


def open_memory_database() -> Database:
    """A migrated in-memory register, for tests and previews."""
    db = Database(memory=True)
    _apply_pragmas(db)
    migrate(db)
    return db


def migrate(db: Database) -> None:
    """Apply pending migrations and stamp the file as ShopDesk's."""
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {len(migrations._migrations)}")


__all__ = ["MIGRATION_SET", "check_integrity", "migrate", "open_database", "open_memory_database",
           "pending_migrations"]
