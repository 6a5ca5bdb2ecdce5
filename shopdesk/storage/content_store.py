"""Files addressed by their SHA-256: the same bytes are stored once.

Layout: ``<root>/<sha[:2]>/<sha256><suffix>``. A file is copied in one streaming
pass (hashing while copying, never read whole into memory) into a temporary file
inside the root, flushed to disk, then moved into place with ``os.replace``: a
crash or power cut leaves either no file or the whole file, never half of one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import FieldError, ValidationError
from ..domain.evidence import MAX_FILE_BYTES, safe_suffix

CHUNK = 1024 * 1024
HEAD_BYTES = 64  # enough for every magic number domain.evidence.sniff_mime knows
TEMP_PREFIX = ".incoming-"


@dataclass(frozen=True)
class StoredFile:
    """What the store knows about bytes it holds."""

    sha256: str
    size: int
    stored_as: str  # relative to the store root, with forward slashes
    head: bytes  # the first bytes, for sniffing the type
    reused: bool  # True when these bytes were already stored


def _file_error(path: Path, zh: str, en: str) -> ValidationError:
    return ValidationError([FieldError("file", f"{zh}：{path}", f"{en}: {path}")])


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_source(path: Path, max_bytes: int = MAX_FILE_BYTES) -> int:
    """The size of a file that may be added; a clear error naming it otherwise."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _file_error(path, "找不到文件", "File not found") from None
    except PermissionError:
        raise _file_error(path, "无权读取文件", "No permission to read the file") from None
    except OSError as exc:
        raise _file_error(path, f"无法读取文件（{exc.strerror}）",
                          f"Cannot read the file ({exc.strerror})") from None
    if path.is_dir():
        raise _file_error(path, "这是一个文件夹，请选择文件", "This is a folder, not a file")
    if not path.is_file():
        raise _file_error(path, "不是普通文件", "Not a regular file")
    if st.st_size == 0:
        raise _file_error(path, "文件是空的", "The file is empty")
    if st.st_size > max_bytes:
        raise _file_error(path, f"文件太大（{_mb(st.st_size)}，上限 {_mb(max_bytes)}）",
                          f"The file is too big ({_mb(st.st_size)}; the limit is "
                          f"{_mb(max_bytes)})")
    if not os.access(path, os.R_OK):
        raise _file_error(path, "无权读取文件", "No permission to read the file")
    return st.st_size


class ContentStore:
    """A folder of content-addressed files."""

    def __init__(self, root: Path, max_bytes: int = MAX_FILE_BYTES) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def path_of(self, stored_as: str) -> Path:
        return self.root / stored_as

    def find(self, sha256: str) -> Path | None:
        """An existing file holding these bytes (any suffix), or None."""
        folder = self.root / sha256[:2]
        if not folder.is_dir():
            return None
        for candidate in sorted(folder.glob(f"{sha256}*")):
            if candidate.is_file():
                return candidate
        return None

    def discard(self, sha256: str, stored_as: str) -> None:
        """Delete the bytes of content no evidence row refers to any more (the caller
        checked that); a missing file is no error."""
        self.path_of(stored_as).unlink(missing_ok=True)

    def put(self, source: Path) -> StoredFile:
        """Copy `source` in (once per content). ValidationError names an unusable file."""
        source = Path(source)
        check_source(source, self.max_bytes)
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=self.root)
        tmp = Path(tmp_name)
        try:
            digest, size, head = self._copy(source, fd)
            sha = digest.hexdigest()
            existing = self.find(sha)
            # A stored file of the wrong size was damaged (or cut short outside our
            # control): the fresh copy replaces it.
            if existing is not None and existing.stat().st_size == size:
                tmp.unlink()
                return StoredFile(sha, size, existing.relative_to(self.root).as_posix(),
                                  head, reused=True)
            target = (existing if existing is not None else
                      self.root / sha[:2] / f"{sha}{safe_suffix(source.name)}")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
            _fsync_dir(target.parent)
            return StoredFile(sha, size, target.relative_to(self.root).as_posix(), head,
                              reused=False)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def _copy(self, source: Path, fd: int) -> tuple[hashlib._Hash, int, bytes]:
        digest = hashlib.sha256()
        size = 0
        head = b""
        with os.fdopen(fd, "wb") as out:
            try:
                src = source.open("rb")
            except PermissionError:
                raise _file_error(source, "无权读取文件",
                                  "No permission to read the file") from None
            except OSError as exc:
                raise _file_error(source, f"无法读取文件（{exc.strerror}）",
                                  f"Cannot read the file ({exc.strerror})") from None
            with src:
                while chunk := src.read(CHUNK):
                    if not head:
                        head = chunk[:HEAD_BYTES]
                    size += len(chunk)
                    if size > self.max_bytes:  # it grew while we copied
                        raise _file_error(source, f"文件太大（上限 {_mb(self.max_bytes)}）",
                                          f"The file is too big (the limit is "
                                          f"{_mb(self.max_bytes)})")
                    digest.update(chunk)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        return digest, size, head


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
