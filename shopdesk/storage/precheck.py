"""Checking a register file without changing a byte of it (nor of its -wal and -shm).

Opening a SQLite file for writing is not neutral: a connection to a WAL database rebuilds
the -shm index and, when it closes last, folds the -wal into the file and deletes it. So a
file that is going to be refused (another program's, a newer ShopDesk's, damaged) is
judged first from its header bytes (the newest copy of page 1 may sit in the -wal) and, where
tables must be read, through an immutable read-only view or a private copy.
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .uris import sqlite_uri

_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER, _FRAME_HEADER = 32, 24


@dataclass(frozen=True)
class Header:
    """The database header fields that say whose file it is and how new."""

    application_id: int
    user_version: int


def _parse(page1: bytes) -> Header:
    user_version, = struct.unpack(">i", page1[60:64])
    application_id, = struct.unpack(">i", page1[68:72])
    return Header(application_id & 0xFFFFFFFF, user_version)


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shm_path(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def has_wal_content(path: Path) -> bool:
    wal = wal_path(path)
    return wal.exists() and wal.stat().st_size > _WAL_HEADER


def read_header(path: Path) -> Header | None:
    """The newest committed header of `path`, or None when it is not a SQLite file."""
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(_MAGIC):
        return None
    header = _parse(head)
    if has_wal_content(path):
        newer = _latest_page1_in_wal(wal_path(path))
        if newer is not None:
            header = _parse(newer)
    return header


def _latest_page1_in_wal(wal: Path) -> bytes | None:
    """Page 1 as of the last committed transaction in the WAL, if the WAL holds one.

    Frames count while their salts match the WAL header's; a transaction counts once its
    commit frame (non-zero database size) is read whole. Checksums are not verified: this
    only decides whether to refuse a file without touching it.
    """
    with wal.open("rb") as fh:
        head = fh.read(_WAL_HEADER)
        if len(head) < _WAL_HEADER:
            return None
        magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", head[:24])
        if magic not in _WAL_MAGIC or page_size < 512:
            return None
        pending = committed = None
        while True:
            frame = fh.read(_FRAME_HEADER + page_size)
            if len(frame) < _FRAME_HEADER + page_size:
                break
            page_no, db_size, s1, s2 = struct.unpack(">4I", frame[:16])
            if (s1, s2) != (salt1, salt2):
                break
            if page_no == 1:
                pending = frame[_FRAME_HEADER:_FRAME_HEADER + 100]
            if db_size:
                committed = pending if pending is not None else committed
        return committed


def inspect_read_only(path: Path, check: Callable[[sqlite3.Connection], None]) -> None:
    """Run `check(conn)` on a read-only view of `path` that leaves its files untouched.

    Without WAL content the file is the whole truth: an immutable read-only connection
    takes no locks and writes nothing. With WAL content, the file and its WAL are copied
    to a private folder and the copy is read (a reader of the original would rewrite -shm).
    """
    if not has_wal_content(path):
        uri = sqlite_uri(path, "mode=ro&immutable=1")
        conn = sqlite3.connect(uri, uri=True)
        try:
            check(conn)
        finally:
            conn.close()
        return
    with tempfile.TemporaryDirectory(prefix="shopdesk-check-") as tmp:
        copy = Path(tmp) / "register.sqlite3"
        shutil.copyfile(path, copy)
        shutil.copyfile(wal_path(path), wal_path(copy))
        conn = sqlite3.connect(str(copy))
        try:
            check(conn)
        finally:
            conn.close()
