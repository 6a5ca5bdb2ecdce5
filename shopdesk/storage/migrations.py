"""Schema migrations, applied in name order. Never edit a shipped migration: add one.

Each migration is its own module in `schema/` named `mNNNN_name.py` with a `migrate(db)`
function; it is registered here as `NNNN_name`. One file per migration lets features add
tables without touching each other's code.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from sqlite_utils import Database, Migrations

from . import schema

MIGRATION_SET = "shopdesk"
_MODULE = re.compile(r"^m(\d{4}_[a-z0-9_]+)$")


def _discover() -> Migrations:
    """Register every migration by its file name; a module is imported only when its
    migration runs (an up-to-date register, every start but the first, imports none)."""
    found = sorted(m.name for m in pkgutil.iter_modules(schema.__path__) if _MODULE.match(m.name))
    registry = Migrations(MIGRATION_SET)
    for module_name in found:
        name = _MODULE.match(module_name).group(1)  # type: ignore[union-attr]

        def run(db: Database, _module: str = f"{schema.__name__}.{module_name}") -> None:
            importlib.import_module(_module).migrate(db)

        registry(name=name)(run)
    return registry


migrations = _discover()
