"""The window on a register whose drive refused SQLite's WAL journal: the data-folder
label in the status bar says so in red, and its tooltip says what it means and what to do."""

from __future__ import annotations

import sys

import pytest

from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from tests.storage.test_journal_notice import _NoWalSqlite

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="the unix-dotfile VFS exists on Unix only")


def test_the_data_folder_label_says_the_wal_journal_was_refused(
        qtbot, make_window, data_paths, clock, monkeypatch):
    monkeypatch.setattr("shopdesk.storage.db.sqlite3", _NoWalSqlite())
    register = open_register(data_paths, clock, daily_backup=False)
    register.staff.add("小王", actor="小王")
    window = make_window(register)
    label = window.path_label
    assert "所在磁盘不支持 SQLite 的 WAL 日志" in label.text()
    assert "b00020" in label.styleSheet()
    assert "本机磁盘" in label.toolTip() and "团队模式" in label.toolTip()
    window.close()
    register.close()


def test_a_local_register_shows_the_plain_data_folder(qtbot, window, demo_register):
    assert "WAL" not in window.path_label.text()
    assert window.path_label.toolTip() == str(demo_register.paths.root)
    assert window.path_label.styleSheet() == ""


def test_a_long_data_folder_gives_way_before_the_explanation(
        qtbot, make_window, tmp_path, clock, monkeypatch):
    """In English the explanation is long: a deep data folder is shortened in its middle
    and the words after it stay whole."""
    monkeypatch.setattr("shopdesk.storage.db.sqlite3", _NoWalSqlite())
    deep = tmp_path.joinpath(*[f"a-rather-long-folder-name-{i}" for i in range(5)], "data")
    register = open_register(DataPaths(deep), clock, daily_backup=False)
    register.staff.add("小王", actor="小王")
    window = make_window(register, {"SHOPDESK_LANG": "en"})
    text = window.path_label.text()
    assert text.startswith("Data folder: ") and "…" in text
    assert text.endswith("(its drive refused SQLite's WAL journal; hover for details)")
    assert window.path_label.toolTip().startswith("The drive of the data folder")
    window.close()
    register.close()
