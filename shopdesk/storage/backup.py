"""Backups through SQLite's online backup API (never a raw copy of a live WAL file)."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..domain.clock import SHOP_TZ_DEFAULT
from ..domain.files import TEMP_SUFFIX, temp_beside
from .database import Database
from .errors import CorruptDatabaseError, RegisterBusyError

if TYPE_CHECKING:  # filelock loads with the first backup, not with every open
    from filelock import FileLock

_WRITE_LOCK, _DAILY_LOCK = ".backup.lock", ".daily.lock"
# shopdesk-20261205-062624+0800-manual.sqlite3: the shop's wall clock with its offset, so a
# seller restoring by hand finds "this morning's" file; names without an offset (before
# 0.2) are UTC.
_NAME = re.compile(r"^shopdesk-(\d{8}-\d{6})([+-]\d{4})?-([a-z0-9_-]+)\.sqlite3$")


def stamp(now: datetime, tz: str) -> str:
    """'20261205-062624+0800': `now` on the shop's clock, with its UTC offset."""
    return now.astimezone(ZoneInfo(tz)).strftime("%Y%m%d-%H%M%S%z")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC
    reason: str  # daily, manual, pre-migration-0002_x, pre-restore

    @property
    def size(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Write a consistent snapshot of `source` to `dest` (a new file, readable by the user
    only): into a uniquely named temporary file beside it, then renamed into place, so two
    processes never write the same file and a crash never leaves half a backup under the
    real name."""
    tmp = temp_beside(dest)
    try:
        target = sqlite3.connect(str(tmp))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
    """Backups in one folder, named by time and reason.

    Processes share the folder through two lock files: `.backup.lock` is held while a
    backup is named and written (so names never collide and a stale temporary file can be
    removed safely), `.daily.lock` while the daily backup is decided and taken (a second
    process skips it instead of taking another).
    """

    def __init__(self, folder: Path, *, lock_timeout: float = 300.0,
                 tz: str = SHOP_TZ_DEFAULT) -> None:
        self.folder = folder
        self.lock_timeout = lock_timeout
        self.tz = tz  # names and "today's" daily backup follow the shop's clock

    def _lock(self, name: str, timeout: float) -> FileLock:
        from filelock import FileLock

        self.folder.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.folder / name), timeout=timeout)

    def make(self, db: Database, reason: str, now: datetime) -> Path:
        """Take a backup now (waits while another process is writing one)."""
        when = stamp(now, self.tz)
        safe = re.sub(r"[^a-z0-9_-]", "_", reason.lower())
        with self._lock(_WRITE_LOCK, self.lock_timeout):
            self.remove_stale_temporaries()
            path = self.folder / f"shopdesk-{when}-{safe}.sqlite3"
            n = 1
            while path.exists():  # two backups in one second: keep both
                n += 1
                path = self.folder / f"shopdesk-{when}-{safe}-{n}.sqlite3"
            copy_database(db.conn, path)
        return path

    def remove_stale_temporaries(self) -> list[Path]:
        """Delete temporary files a killed backup left (call with the write lock held:
        nobody else is writing one then)."""
        removed = []
        for pattern in ("*.part", f".shopdesk-*{TEMP_SUFFIX}"):
            for p in self.folder.glob(pattern):
                p.unlink(missing_ok=True)
                removed.append(p)
        return removed

    def list(self) -> list[BackupFile]:
        """Backups, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for p in self.folder.glob("shopdesk-*.sqlite3"):
            m = _NAME.match(p.name)
            if not m:
                continue
            if m.group(2):
                taken = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d-%H%M%S%z")
            else:
                taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            found.append(BackupFile(p, taken.astimezone(UTC), m.group(3)))
        return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)

    def daily_if_due(self, db: Database, now: datetime, *, keep_days: int = 14) -> Path | None:
        """Take today's daily backup unless one exists or another process is taking it;
        prune old daily ones. Returns the new backup, or None."""
        try:
            lock = self._lock(_DAILY_LOCK, 0).acquire()
        except TimeoutError:  # filelock's Timeout is one
            return None  # another process is taking it right now
        with lock:
            zone = ZoneInfo(self.tz)
            today = now.astimezone(zone).date()  # the shop's day, not UTC's
            made = None
            if not any(b.reason.startswith("daily") and b.taken_at.astimezone(zone).date() == today
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


def _sidecars(database: Path) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]


def restore_file(backup: Path, database: Path, now: datetime, *,
                 tz: str = SHOP_TZ_DEFAULT) -> Path:
    """Replace the (closed) database file with `backup`; return where the old one was kept.

    The current file is moved aside, never deleted, so a wrong restore can be undone. Its
    -wal and -shm go with it: a WAL left beside the restored file would be replayed into
    it by SQLite and corrupt it. Refused (RegisterBusyError, nothing changed) while
    another program is reading or writing the register.
    """
    verify(backup)
    kept = database.with_name(f"{database.name}.before-restore-{stamp(now, tz)}")
    moved: list[tuple[Path, Path]] = []
    if database.exists():
        # Fold the WAL into the main file first so the kept copy is complete on its own.
        conn = sqlite3.connect(str(database))
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
        if busy:
            raise RegisterBusyError(
                "登记簿正被另一个 ShopDesk 窗口或命令使用，无法恢复。"
                "请先关闭它们再试。什么都没有改变。",
                "The register is in use by another ShopDesk window or command, so it cannot "
                "be restored now. Close them and try again. Nothing was changed.")
        database.replace(kept)
        moved.append((kept, database))
    for extra in _sidecars(database):  # left by a crash, or beside a deleted file
        if extra.exists():
            aside = kept.with_name(kept.name + extra.name[len(database.name):])
            extra.replace(aside)
            moved.append((aside, extra))
    try:
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            copy_database(source, database)
        finally:
            source.close()
    except BaseException:
        # Never leave the folder without a register: put the previous files back.
        database.unlink(missing_ok=True)
        for aside, original in moved:
            aside.replace(original)
        raise
    return kept
