"""Saved column-mapping profiles and the log of imports (bookkeeping around imports)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from .database import Database


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


# The columns of ImportLogEntry, in its order.
_COLUMNS = ("id", "at", "actor", "filename", "preset", "created", "updated", "unchanged",
            "skipped", "record_type", "platform", "total_rows", "filled", "in_trash",
            "resolved_by_platform", "closed_by_platform", "left_out", "conflicts")


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
        return [ImportLogEntry(r[0], from_iso(r[1]), *r[2:]) for r in rows]  # type: ignore[arg-type]

    def between(self, start: datetime, end: datetime) -> list[ImportLogEntry]:
        """Imports logged with start <= at <= end, oldest first."""
        rows = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM import_log WHERE at >= ? AND at <= ? "
            "ORDER BY at, id", [to_utc_iso(start), to_utc_iso(end)]).fetchall()
        return [ImportLogEntry(r[0], from_iso(r[1]), *r[2:]) for r in rows]  # type: ignore[arg-type]

    def last_for_file(self, filename: str) -> ImportLogEntry | None:
        """The latest import of a file called `filename` (None: never imported)."""
        row = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM import_log WHERE filename = ? "
            "ORDER BY id DESC LIMIT 1", [filename]).fetchone()
        return None if row is None else ImportLogEntry(row[0], from_iso(row[1]), *row[2:])  # type: ignore[arg-type]

    def count(self) -> int:
        """How many imports are logged."""
        return int(self.db.execute("SELECT count(*) FROM import_log").fetchone()[0])
