"""Evidence bytes of a team register: in the database (`team_blobs`, content addressed), so
every PC sees every file; each PC keeps a local cache folder to open them from.

Same surface as storage/content_store.ContentStore (`root`, `put`, `path_of`, `find`,
`max_bytes`), so the evidence service does not know where the bytes live.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...domain.evidence import MAX_FILE_BYTES
from ...domain.files import temp_beside
from ..content_store import ContentStore, StoredFile
from ..dialect import is_postgres


class TeamContentStore:
    """Content-addressed bytes in the team register, cached in `cache_root`."""

    def __init__(self, db: Any, cache_root: Path, max_bytes: int = MAX_FILE_BYTES) -> None:
        self.db = db
        self.cache = ContentStore(cache_root, max_bytes)
        self.max_bytes = max_bytes

    @property
    def root(self) -> Path:
        """This PC's cache folder (thumbnails are kept beside it, per PC as locally)."""
        return self.cache.root

    def put(self, source: Path) -> StoredFile:
        """Hash and cache `source`, then store its bytes once in the database."""
        stored = self.cache.put(source)
        exists = self.db.execute("SELECT 1 FROM team_blobs WHERE sha256 = ?",
                                 [stored.sha256]).fetchone()
        if not exists:
            data = self.cache.path_of(stored.stored_as).read_bytes()
            self.db.execute(
                "INSERT OR IGNORE INTO team_blobs(sha256, size, data, added_at) "
                "VALUES (?, ?, ?, ?)",
                [stored.sha256, stored.size, data, datetime.now(UTC).isoformat()])
        return stored

    def path_of(self, stored_as: str) -> Path:
        """The cached file, fetched from the database when this PC has not got it yet."""
        path = self.cache.path_of(stored_as)
        if not path.exists():
            self._fetch(Path(stored_as).name.split(".")[0], path)
        return path

    def find(self, sha256: str) -> Path | None:
        return self.cache.find(sha256)

    def discard(self, sha256: str, stored_as: str) -> None:
        """Delete unreferenced bytes from the database and this PC's cache (other PCs'
        caches keep a copy nobody points at; they never show it)."""
        self.db.execute("DELETE FROM team_blobs WHERE sha256 = ?", [sha256])
        self.cache.discard(sha256, stored_as)

    def _fetch(self, sha256: str, dest: Path) -> None:
        row = self.db.execute("SELECT data FROM team_blobs WHERE sha256 = ?",
                              [sha256]).fetchone()
        if row is None:
            return  # shown as a missing file, as a lost local file is
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(dest)
        tmp.write_bytes(bytes(row[0]))
        os.replace(tmp, dest)


def content_store_for(db: Any, root: Path, max_bytes: int = MAX_FILE_BYTES
                      ) -> ContentStore | TeamContentStore:
    """Where a register keeps evidence bytes: its folder, or (team) the database."""
    if is_postgres(db):
        return TeamContentStore(db, root, max_bytes)
    return ContentStore(root, max_bytes)


def upload_folder_files(db: Any, root: Path) -> int:
    """Put the bytes of every file evidence row into the team register (team init: the
    local register's files); returns how many were stored. Missing files are skipped
    (the row then shows a missing file on every PC, as it did locally)."""
    done = 0
    rows = db.execute("SELECT DISTINCT sha256, stored_as FROM evidence "
                      "WHERE kind = 'file' AND sha256 IS NOT NULL").fetchall()
    for sha256, stored_as in rows:
        path = root / stored_as
        if not path.is_file():
            continue
        with db.atomic():
            db.execute("INSERT OR IGNORE INTO team_blobs(sha256, size, data, added_at) "
                       "VALUES (?, ?, ?, ?)", [sha256, path.stat().st_size, path.read_bytes(),
                                               datetime.now(UTC).isoformat()])
        done += 1
    return done
