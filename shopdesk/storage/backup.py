"""Backups through SQLite's online backup API (never a raw copy of a live WAL file)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from .errors import CorruptDatabaseError

_NAME = re.compile(r"^shopdesk-(\d{8}-\d{6})-([a-z0-9_-]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC
    reason: str  # daily, manual, pre-migration-0002_x, pre-restore

    @property
    def size(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Write a consistent snapshot of `source` to `dest` (a new file)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(str(tmp))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    tmp.replace(dest)


def verify(path: Path) -> None:
    """Raise CorruptDatabaseError unless `path` is a healthy SQLite file."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            conn.execute("SELECT count(*) FROM cases").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(f"备份文件不可用：{path}（{exc}）",
                                   f"The backup is not usable: {path} ({exc})") from exc
    if ok != "ok":
        raise CorruptDatabaseError(f"备份文件校验失败：{path}",
                                   f"The backup failed its integrity check: {path}")


class BackupManager:
    """Backups in one folder, named by time and reason."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def make(self, db: Database, reason: str, now: datetime) -> Path:
        stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
        safe = re.sub(r"[^a-z0-9_-]", "_", reason.lower())
        path = self.folder / f"shopdesk-{stamp}-{safe}.sqlite3"
        n = 1
        while path.exists():  # two backups in one second: keep both
            n += 1
            path = self.folder / f"shopdesk-{stamp}-{safe}-{n}.sqlite3"
        copy_database(db.conn, path)
        return path

    def list(self) -> list[BackupFile]:
        """Backups, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for p in self.folder.glob("shopdesk-*.sqlite3"):
            m = _NAME.match(p.name)
            if not m:
                continue
            taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            found.append(BackupFile(p, taken, m.group(2)))
        return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)

    def daily_if_due(self, db: Database, now: datetime, *, keep_days: int = 14) -> Path | None:
        """Take today's daily backup unless one exists; prune old daily ones."""
        today = now.astimezone(UTC).date()
        made = None
        if not any(b.reason.startswith("daily") and b.taken_at.date() == today
                   for b in self.list()):
            made = self.make(db, "daily", now)
        self.prune(now, keep_days=keep_days)
        return made

    def prune(self, now: datetime, *, keep_days: int = 14) -> list[Path]:
        """Delete daily backups older than `keep_days`; manual and migration ones stay."""
        cutoff = now - timedelta(days=keep_days)
        removed = []
        for b in self.list():
            if b.reason.startswith("daily") and b.taken_at < cutoff:
                b.path.unlink(missing_ok=True)
                removed.append(b.path)
        return removed


def restore_file(backup: Path, database: Path, now: datetime) -> Path:
    """Replace the (closed) database file with `backup`; return where the old one was kept.

    The current file is moved aside, never deleted, so a wrong restore can be undone.
    """
    verify(backup)
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.name}.before-restore-{stamp}")
    if database.exists():
        # Fold the WAL into the main file first so the kept copy is complete on its own.
        conn = sqlite3.connect(str(database))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        database.replace(kept)
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
    try:
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            copy_database(source, database)
        finally:
            source.close()
    except BaseException:
        # Never leave the folder without a register: put the previous file back.
        if kept.exists():
            database.unlink(missing_ok=True)
            kept.replace(database)
        raise
    return kept
