"""SQLite file: URIs that open on every platform: a Windows mapped drive stays a drive
letter (resolve() would make it \\\\server\\share), and a UNC path gets no host."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PureWindowsPath

import pytest

from shopdesk.storage.db import check_register_file
from shopdesk.storage.errors import CorruptDatabaseError, RegisterUnavailableError
from shopdesk.storage.uris import sqlite_uri


def test_a_drive_letter_path_keeps_its_drive():
    assert sqlite_uri(PureWindowsPath(r"Z:\ShopDesk\shopdesk.sqlite3"), "mode=ro") == \
        "file:///Z:/ShopDesk/shopdesk.sqlite3?mode=ro"


def test_a_unc_path_has_no_host_for_sqlite():
    # file://nas/share/... is refused by SQLite ("invalid uri authority: nas").
    assert sqlite_uri(PureWindowsPath(r"\\nas\share\店铺 数据\shopdesk.sqlite3")) == \
        "file:////nas/share/%E5%BA%97%E9%93%BA%20%E6%95%B0%E6%8D%AE/shopdesk.sqlite3"


def test_a_local_path_with_odd_characters_opens(tmp_path):
    path = tmp_path / "店铺 #1 ?x" / "shopdesk.sqlite3"
    path.parent.mkdir()
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.close()
    conn = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)
    try:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    finally:
        conn.close()


def test_a_relative_path_is_made_absolute_not_resolved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sqlite_uri(Path("a.sqlite3")) == (tmp_path / "a.sqlite3").as_uri()


def test_a_file_that_cannot_be_read_is_not_called_damaged(tmp_path, monkeypatch):
    """No permission, or a file another program holds (Windows): kept, not "damaged"."""
    import shopdesk.storage.db as db_module

    path = tmp_path / "shopdesk.sqlite3"
    path.write_bytes(b"x" * 200)

    def refused(_path):
        raise PermissionError(13, "Permission denied", str(_path))

    monkeypatch.setattr(db_module, "read_header", refused)
    with pytest.raises(RegisterUnavailableError) as caught:
        check_register_file(path)
    assert not isinstance(caught.value, CorruptDatabaseError)
    assert "无法读取登记簿文件" in caught.value.message("zh")
    assert "Permission denied" in caught.value.message("en")
