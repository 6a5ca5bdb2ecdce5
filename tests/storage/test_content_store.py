"""The content store: one file per content, streamed, never half written."""

from __future__ import annotations

import hashlib
import os

import pytest

from shopdesk.domain.errors import ValidationError
from shopdesk.storage import content_store
from shopdesk.storage.content_store import ContentStore


def files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_put_twice_stores_once_and_says_so(tmp_path):
    store = ContentStore(tmp_path / "ev")
    src = tmp_path / "a.JPG"
    src.write_bytes(b"\xff\xd8\xff" + b"photo" * 100)
    first = store.put(src)
    second = store.put(src)
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    assert first.sha256 == second.sha256 == sha
    assert first.stored_as == f"{sha[:2]}/{sha}.jpg" == second.stored_as
    assert (first.reused, second.reused) == (False, True)
    assert first.head.startswith(b"\xff\xd8\xff")
    assert files(store.root) == [store.root / first.stored_as]


def test_a_large_file_is_copied_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(content_store, "CHUNK", 4096)
    reads: list[int] = []
    src = tmp_path / "big.bin"
    data = os.urandom(4096 * 10 + 7)
    src.write_bytes(data)
    real_open = type(src).open

    class Spy:
        def __init__(self, fh):
            self.fh = fh

        def read(self, n=-1):
            reads.append(n)
            return self.fh.read(n)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(type(src), "open", lambda self, *a, **k: Spy(real_open(self, *a, **k))
                        if self == src else real_open(self, *a, **k))
    stored = ContentStore(tmp_path / "ev").put(src)
    assert reads and all(n == 4096 for n in reads)  # never read(-1): not all at once
    assert (tmp_path / "ev" / stored.stored_as).read_bytes() == data
    assert stored.size == len(data)


def test_a_failure_mid_copy_leaves_no_file(tmp_path, monkeypatch):
    store = ContentStore(tmp_path / "ev")
    src = tmp_path / "a.png"
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 1000)

    def power_cut(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(content_store.os, "fsync", power_cut)
    with pytest.raises(OSError):
        store.put(src)
    assert files(store.root) == []  # neither a temp file nor a half-written target


def test_a_file_growing_past_the_limit_while_copied_is_refused(tmp_path, monkeypatch):
    store = ContentStore(tmp_path / "ev", max_bytes=100)
    src = tmp_path / "grows.pdf"
    src.write_bytes(b"%PDF-" + b"x" * 50)
    monkeypatch.setattr(content_store, "check_source", lambda path, limit: 55)
    src.write_bytes(b"%PDF-" + b"x" * 500)  # grew after the size check
    with pytest.raises(ValidationError) as refused:
        store.put(src)
    assert "grows.pdf" in refused.value.by_field()["file"].zh
    assert files(store.root) == []


def test_find_locates_the_bytes_under_any_suffix(tmp_path):
    store = ContentStore(tmp_path / "ev")
    src = tmp_path / "scan.PDF"
    src.write_bytes(b"%PDF-1.7 scan")
    stored = store.put(src)
    assert store.find(stored.sha256) == store.root / stored.stored_as
    assert store.find("0" * 64) is None
