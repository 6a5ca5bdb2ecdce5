"""Saved column-mapping profiles and the log of imports (bookkeeping around imports)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from .database import Database
from .schema.m0029_import_log_details import SHIPPED


@dataclass(frozen=True)
class StoredProfile:
    name: str
    mapping: dict[str, Any]  # ColumnMapping.to_dict(); the service turns it back
    created_at: datetime


@dataclass(frozen=True)
class ImportLogEntry:
    """One applied import. The fields after `skipped` are None on rows logged before
    m0029 (their import did not record them)."""

    id: int
    at: datetime
    actor: str
    filename: str
    preset: str | None
    created: int
    updated: int
    unchanged: int
    skipped: int
    record_type: str | None = None  # "refund" or "order"
    platform: str | None = None
    total_rows: int | None = None
    filled: int | None = None  # cases an order export filled
    in_trash: int | None = None
    resolved_by_platform: int | None = None
    closed_by_platform: int | None = None
    left_out: int | None = None  # finished rows a first import left out
    conflicts: int | None = None
    file_sha256: str | None = None  # of the file's bytes

    @property
    def complete(self) -> bool:
        """Logged with everything it did (False: by a ShopDesk before m0029, which kept
        only the four counts)."""
        return self.total_rows is not None


# The columns of ImportLogEntry, in its order.
_COLUMNS = ("id", "at", "actor", "filename", "preset", "created", "updated", "unchanged",
            "skipped", "record_type", "platform", "total_rows", "filled", "in_trash",
            "resolved_by_platform", "closed_by_platform", "left_out", "conflicts",
            "file_sha256")


def _entry(row: Sequence[Any]) -> ImportLogEntry:
    """A row of _COLUMNS. A row without its kind and platform (logged before m0029, or
    by an older ShopDesk on a team register since) takes them from a shipped preset."""
    entry = ImportLogEntry(row[0], from_iso(row[1]), *row[2:])  # type: ignore[arg-type]
    if entry.record_type is None and entry.preset in SHIPPED:
        record_type, platform = SHIPPED[entry.preset]
        entry = replace(entry, record_type=record_type, platform=platform)
    return entry


class ProfileStore:
    """The import_profiles table. Callers own the transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, name: str, mapping: dict[str, Any], at: datetime) -> None:
        """Create or replace the profile called `name` (its creation time is kept)."""
        self.db.execute(
            "INSERT INTO import_profiles(name, mapping, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping",
            [name, json.dumps(mapping, ensure_ascii=False, sort_keys=True), to_utc_iso(at)])

    def get(self, name: str) -> StoredProfile | None:
        row = self.db.execute("SELECT name, mapping, created_at FROM import_profiles "
                              "WHERE name = ?", [name]).fetchone()
        if row is None:
            return None
        return StoredProfile(row[0], json.loads(row[1]), from_iso(row[2]))  # type: ignore[arg-type]

    def all(self) -> list[StoredProfile]:
        rows = self.db.execute("SELECT name, mapping, created_at FROM import_profiles "
                               "ORDER BY name").fetchall()
        return [StoredProfile(r[0], json.loads(r[1]), from_iso(r[2]))  # type: ignore[arg-type]
                for r in rows]

    def delete(self, name: str) -> bool:
        cursor = self.db.execute("DELETE FROM import_profiles WHERE name = ?", [name])
        return cursor.rowcount > 0


class ImportLogStore:
    """The import_log table: one row per import that was applied."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, entry: ImportLogEntry) -> int:
        """Log an import (its `id` is ignored); returns the new row's id."""
        values = [getattr(entry, c) for c in _COLUMNS[1:]]
        values[0] = to_utc_iso(entry.at)
        cursor = self.db.execute(
            f"INSERT INTO import_log({', '.join(_COLUMNS[1:])}) "
            f"VALUES ({', '.join('?' for _ in _COLUMNS[1:])})", values)
        return int(cursor.lastrowid or 0)

    def latest(self, limit: int = 50) -> list[ImportLogEntry]:
        """The last `limit` imports, newest first."""
        rows = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM import_log ORDER BY id DESC LIMIT ?",
            [limit]).fetchall()
        return [_entry(r) for r in rows]

    def between(self, start: datetime, end: datetime) -> list[ImportLogEntry]:
        """Imports logged with start <= at <= end, oldest first."""
        rows = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM import_log WHERE at >= ? AND at <= ? "
            "ORDER BY at, id", [to_utc_iso(start), to_utc_iso(end)]).fetchall()
        return [_entry(r) for r in rows]

    def previous(self, filename: str, sha256: str | None) -> ImportLogEntry | None:
        """The first import of the same file (the one that brought it in; later ones of
        the same bytes brought nothing new): the same bytes, or, without an import logged
        with them, the last import of the same name logged without a hash (None: never
        imported)."""
        row = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM import_log WHERE file_sha256 = ? "
            "ORDER BY id LIMIT 1", [sha256]).fetchone() if sha256 else None
        if row is None:
            row = self.db.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM import_log WHERE file_sha256 IS NULL "
                "AND filename = ? ORDER BY id DESC LIMIT 1", [filename]).fetchone()
        return None if row is None else _entry(row)

    def latest_same(self, filename: str, sha256: str | None) -> ImportLogEntry | None:
        """The latest import of the same file (the same bytes, or the same name logged
        without a hash; None: never imported)."""
        row = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM import_log WHERE file_sha256 = ? "
            "OR (file_sha256 IS NULL AND filename = ?) ORDER BY id DESC LIMIT 1",
            [sha256, filename]).fetchone()
        return None if row is None else _entry(row)

    def count(self) -> int:
        """How many imports are logged."""
        return int(self.db.execute("SELECT count(*) FROM import_log").fetchone()[0])
