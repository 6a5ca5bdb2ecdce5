"""Opening a team register: connect, refuse a foreign or newer database, migrate.

The PostgreSQL migrations (storage/pg/schema) carry the same names as the SQLite ones, so
both registers say which version they are in the same words; team-only ones are 9NNN.
Applying them takes the register-wide write lock, so two PCs starting at once migrate once.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from ..errors import NewerDatabaseError, NotShopDeskDatabaseError
from . import schema
from .connection import PgDatabase

MIGRATIONS_TABLE = "_shopdesk_migrations"
_MODULE = re.compile(r"^m(\d{4}_[a-z0-9_]+)$")


def pg_migrations() -> list[tuple[str, str]]:
    """(name, SQL) of every PostgreSQL migration, in order."""
    found = sorted(m.name for m in pkgutil.iter_modules(schema.__path__) if _MODULE.match(m.name))
    out = []
    for module_name in found:
        module = importlib.import_module(f"{schema.__name__}.{module_name}")
        out.append((_MODULE.match(module_name).group(1), module.SQL))  # type: ignore[union-attr]
    return out


def applied_migrations(db: PgDatabase) -> list[str]:
    if MIGRATIONS_TABLE not in db.table_names():
        return []
    return [r[0] for r in db.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY name")]


def check_team_database(db: PgDatabase) -> None:
    """Refuse a database holding someone else's tables, or written by a newer ShopDesk."""
    tables = set(db.table_names())
    if tables and MIGRATIONS_TABLE not in tables:
        raise NotShopDeskDatabaseError(
            f"这个数据库不是 ShopDesk 团队登记簿：{db.where}（里面已有别的表）。没有修改它。",
            f"This database is not a ShopDesk team register: {db.where} (it holds other "
            "tables). It was not modified.")
    known = {name for name, _ in pg_migrations()}
    unknown = sorted(set(applied_migrations(db)) - known)
    if unknown:
        raise NewerDatabaseError(
            f"这个团队登记簿由更新版本的 ShopDesk 创建（{', '.join(unknown)}），"
            "请先升级 ShopDesk。",
            f"This team register was written by a newer ShopDesk ({', '.join(unknown)}). "
            "Upgrade ShopDesk first.")


def migrate_team(db: PgDatabase, *, stop_before: str | None = None) -> list[str]:
    """Apply pending migrations (each in the write transaction); returns their names.

    `stop_before` (a migration name): stop there, as an older ShopDesk did (upgrade tests).
    """
    check_team_database(db)
    done: list[str] = []
    with db.atomic():
        db.executescript(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
                         "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT "
                         "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS'))")
        applied = set(applied_migrations(db))
        for name, sql in pg_migrations():
            if name == stop_before:
                break
            if name in applied:
                continue
            if sql.strip():
                db.executescript(sql)
            db.execute(f"INSERT INTO {MIGRATIONS_TABLE}(name) VALUES (?)", [name])
            done.append(name)
    return done


def open_team_database(url: str, *, listen: bool = True) -> PgDatabase:
    """Connect to the team register at `url` and bring its schema up to date.

    Raises TeamOfflineError when the server cannot be reached, NotShopDeskDatabaseError
    or NewerDatabaseError for a database that is not ours to change.
    """
    db = PgDatabase(url)
    try:
        migrate_team(db)
        if listen:
            db.listen()
    except Exception:
        db.close()
        raise
    return db


__all__ = ["MIGRATIONS_TABLE", "applied_migrations", "check_team_database", "migrate_team",
           "open_team_database", "pg_migrations"]
