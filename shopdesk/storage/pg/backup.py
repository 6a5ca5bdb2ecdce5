"""Backing up a team register from a staff PC: a pg_dump archive when pg_dump is installed,
else a local register file holding every row (which the app opens and restores as usual).

The server itself is backed up by the shop (README, "Team mode"); this is "Back up now".
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from ...domain.files import make_private, temp_beside
from ..backup import BackupFile
from ..backup import stamp as backup_stamp
from ..errors import StorageError
from .connection import PgDatabase


def team_backup(db: PgDatabase, folder: Path, now: datetime, tz: str, *,
                pg_dump: str | None = None) -> Path:
    """Write a backup of the team register into `folder`; returns the file. Named on the
    shop's clock `tz` with its offset, as the local backups, so "this morning's" is found."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = backup_stamp(now, tz)
    tool = pg_dump if pg_dump is not None else shutil.which("pg_dump")
    if tool:
        dest = folder / f"shopdesk-team-{stamp}.dump"
        tmp = temp_beside(dest)
        done = subprocess.run([tool, "--format=custom", f"--file={tmp}", "--no-owner",
                               f"--dbname={db.url}"], capture_output=True, text=True,
                              check=False, env={**os.environ, "PGCONNECT_TIMEOUT": "10"})
        if done.returncode == 0:
            os.replace(tmp, dest)
            make_private(dest)
            return dest
        tmp.unlink(missing_ok=True)
        # pg_dump of another major version refuses the server: fall back to an export.
    return export_to_local_file(db, folder / f"shopdesk-{stamp}-team-export.sqlite3")


# shopdesk-team-20261205-090000+0800.dump (names before 0.2.x: UTC, no offset).
_DUMP = re.compile(r"^shopdesk-team-(\d{8}-\d{6})([+-]\d{4})?\.dump$")


def team_dumps(folder: Path) -> list[BackupFile]:
    """The pg_dump archives "Back up now" wrote into `folder`, newest first (restored on
    the server with pg_restore, never by the app)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("shopdesk-team-*.dump"):
        m = _DUMP.match(path.name)
        if not m:
            continue
        taken = (datetime.strptime(m.group(1) + m.group(2), "%Y%m%d-%H%M%S%z") if m.group(2)
                 else datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC))
        found.append(BackupFile(path, taken.astimezone(UTC), "team-dump"))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def export_to_local_file(db: PgDatabase, dest: Path) -> Path:
    """Every row of the team register in a new local register file at `dest`."""
    from ..db import open_database
    from .transfer import copy_register

    tmp = temp_beside(dest)
    local = open_database(tmp)
    try:
        copy_register(db, local)
    finally:
        local.close()
    for extra in (tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        extra.unlink(missing_ok=True)
    os.replace(tmp, dest)
    make_private(dest)
    return dest


def team_restore_refused() -> StorageError:
    return StorageError(
        "团队登记簿在服务器上恢复（pg_restore，见 README“团队模式”），不能在这台电脑上恢复。",
        "A team register is restored on its server (pg_restore; see README, \"Team mode\"), "
        "not from this PC.")
