"""Schema migrations, applied in name order. Never edit a shipped migration: add one.

Each migration is its own module in `schema/` named `mNNNN_name.py` with a `migrate(db)`
function; it is registered here as `NNNN_name`. One file per migration lets features add
tables without touching each other's code.

The registry is sqlite-utils' `Migrations` (its `_sqlite_migrations` table records what
ran), built on first use: an up-to-date register, every start but the first, only needs
`known_names()` and `pending_names()`, which read that table directly, so a start does
not import sqlite-utils (storage/database.py says why).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sqlite3
from functools import cache
from typing import TYPE_CHECKING, Any

from . import schema

if TYPE_CHECKING:
    from .database import Database

MIGRATION_SET = "shopdesk"
MIGRATIONS_TABLE = "_sqlite_migrations"
_MODULE = re.compile(r"^m(\d{4}_[a-z0-9_]+)$")


@cache
def _modules() -> tuple[tuple[str, str], ...]:
    """(migration name, module name) of every migration, in order; a module is imported
    only when its migration runs."""
    found = sorted(m.name for m in pkgutil.iter_modules(schema.__path__) if _MODULE.match(m.name))
    return tuple((_MODULE.match(m).group(1), f"{schema.__name__}.{m}")  # type: ignore[union-attr]
                 for m in found)


def known_names() -> list[str]:
    """Every migration's name, in the order they apply."""
    return [name for name, _ in _modules()]


def pending_names(db: Database) -> list[str]:
    """Names of the migrations not yet applied to `db` (read-only)."""
    try:
        applied = {r[0] for r in db.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET])}
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        applied = set()
    return [name for name in known_names() if name not in applied]


@cache
def _registry() -> Any:
    from sqlite_utils import Migrations

    registry = Migrations(MIGRATION_SET)
    for name, module in _modules():

        def run(db: Database, _module: str = module) -> None:
            importlib.import_module(_module).migrate(db)

        registry(name=name)(run)
    return registry


def __getattr__(name: str) -> Any:
    # `migrations`: the sqlite-utils registry, for applying migrations and for tests.
    if name == "migrations":
        return _registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
