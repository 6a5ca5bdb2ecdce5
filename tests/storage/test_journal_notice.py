"""A data folder whose drive refuses SQLite's WAL journal: the register opens and works,
and the user is told (command line: a warning on stderr; the window: tests/ui)."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest

from shopdesk.cli import run
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.register import open_register
from shopdesk.storage.db import open_database
from shopdesk.storage.notices import journal_notice

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="the unix-dotfile VFS exists on Unix only")


class _NoWalSqlite:
    """sqlite3 as storage/db.py uses it, opening files through SQLite's unix-dotfile VFS.
    That VFS has no shared memory, so SQLite keeps the rollback journal when asked for WAL,
    as it does on file systems that cannot share the WAL index."""

    def __getattr__(self, name: str):
        return getattr(sqlite3, name)

    @staticmethod
    def connect(database, *args, **kwargs):
        if kwargs.pop("uri", False):  # a file: URI already (read-only checks)
            uri = str(database) + ("&" if "?" in str(database) else "?") + "vfs=unix-dotfile"
        else:
            uri = Path(database).resolve().as_uri() + "?vfs=unix-dotfile"
        return sqlite3.connect(uri, *args, uri=True, **kwargs)


@pytest.fixture
def no_wal(monkeypatch):
    monkeypatch.setattr("shopdesk.storage.db.sqlite3", _NoWalSqlite())


def test_a_local_register_gets_wal_and_no_notice(tmp_path):
    db = open_database(tmp_path / "shopdesk.sqlite3")
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.storage_notice is None
    finally:
        db.close()


def test_a_refused_wal_opens_the_register_with_a_notice(no_wal, data_paths, clock):
    register = open_register(data_paths, clock, daily_backup=False)
    try:
        assert register.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        notice = register.storage_notice
        assert notice is not None
        assert "WAL" in notice.message("zh") and "本机磁盘" in notice.message("zh")
        assert str(data_paths.root) in notice.message("en")
        case = register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="305001",
                                                  kind=CaseKind.EXCHANGE), "小王")
        assert register.cases.get(case.id).order_no == "305001"  # it works
    finally:
        register.close()


def test_the_command_line_warns_and_still_runs(no_wal, tmp_path, clock):
    out, err = io.StringIO(), io.StringIO()
    code = run(["--as", "小王", "cases", "add", "--platform", "jd", "--order", "305002",
                "--kind", "exchange"], clock=clock,
               env={"SHOPDESK_HOME": str(tmp_path / "data")}, out=out, err=err)
    assert code == 0 and out.getvalue().strip().startswith("SD-")
    data = tmp_path / "data"
    assert f"shopdesk: warning: 数据文件夹 {data} 所在的磁盘不支持 SQLite 的 WAL 日志" \
        in err.getvalue()


def test_only_wal_means_no_notice():
    assert journal_notice("WAL", Path("/x/shopdesk.sqlite3")) is None
    assert journal_notice("delete", Path("/x/shopdesk.sqlite3")) is not None
    assert journal_notice("truncate", Path("/x/shopdesk.sqlite3")) is not None


def test_a_wal_register_on_such_a_drive_is_refused_as_not_damaged(
        monkeypatch, data_paths, clock, seed_register):
    """A register made on a local disk (WAL) and moved to a drive without shared memory:
    SQLite cannot open it there. Saying "damaged" would send the user to restore a
    backup; the message says what is wrong and the file stays byte for byte."""
    from shopdesk.storage.errors import CorruptDatabaseError, RegisterUnavailableError

    seed_register(data_paths)
    register = open_register(data_paths, clock, daily_backup=False)
    register.staff.add("小王", actor="小王")
    register.close()
    before = data_paths.database.read_bytes()
    monkeypatch.setattr("shopdesk.storage.db.sqlite3", _NoWalSqlite())
    with pytest.raises(RegisterUnavailableError) as caught:
        open_register(data_paths, clock, daily_backup=False)
    assert not isinstance(caught.value, CorruptDatabaseError)
    assert "看来没有损坏" in caught.value.message("zh")
    assert "does not look damaged" in caught.value.message("en")
    assert str(data_paths.database) in caught.value.message("en")
    assert data_paths.database.read_bytes() == before
    # And the command line says so (exit 1, nothing else).
    err = io.StringIO()
    code = run(["--as", "小王", "cases", "list"], clock=clock,
               env={"SHOPDESK_HOME": str(data_paths.root)}, out=io.StringIO(), err=err)
    assert code == 1 and "看来没有损坏" in err.getvalue()
