"""`shopdesk backup restore FILE|--latest`: Register.restore's checks and safety copies."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from shopdesk.cli import run


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def cli(home, clock):
    env = {"SHOPDESK_HOME": str(home), "SHOPDESK_LANG": "zh"}

    def call(*argv, lang="zh"):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock, env={**env, "SHOPDESK_LANG": lang},
                   out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def orders(cli) -> list[str]:
    return [c["order_no"] for c in json.loads(cli("cases", "list", "--json")[1])["cases"]]


def add(cli, order: str) -> None:
    assert cli("cases", "add", "--platform", "jd", "--order", order, "--kind", "exchange")[0] == 0


def test_restore_the_latest_backup_and_keep_the_replaced_file(cli, home, clock):
    add(cli, "100001")
    clock.advance(minutes=1)
    code, out, _ = cli("backup")
    backup = Path(out.strip())
    assert code == 0 and backup.is_file()
    clock.advance(minutes=1)
    add(cli, "100002")  # made after the backup: the restore takes it away
    clock.advance(minutes=1)

    code, out, err = cli("backup", "restore", "--latest")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"已从 {backup} 恢复登记簿"
    kept = Path(lines[1].removeprefix("被替换的登记簿文件已保留："))
    safety = Path(lines[2].removeprefix("替换前已先做了一份备份："))
    assert kept.parent == home and kept.name.startswith("shopdesk.sqlite3.before-restore-")
    assert kept.is_file() and safety.is_file() and safety.name.endswith("-pre-restore.sqlite3")
    assert orders(cli) == ["100001"]

    # The restore can be undone: the pre-restore backup is the latest now.
    code, out, _ = cli("backup", "restore", str(safety), lang="en")
    assert code == 0 and out.startswith(f"restored the register from {safety}\n"
                                        "the replaced register file was kept: ")
    assert "\na backup of it was taken first: " in out
    assert sorted(orders(cli)) == ["100001", "100002"]


def test_a_broken_or_missing_backup_changes_nothing(cli, home, tmp_path):
    add(cli, "100001")
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    code, out, err = cli("backup", "restore", str(junk))
    assert (code, out) == (1, "") and err.startswith(f"shopdesk: FILE: 备份文件不可用：{junk}")
    assert cli("backup", "restore", str(tmp_path / "nope.sqlite3")) == (
        1, "", f"shopdesk: FILE: 没有这个备份文件：{tmp_path / 'nope.sqlite3'}\n")
    assert cli("backup", "restore", str(tmp_path / "nope.sqlite3"), lang="en") == (
        1, "", f"shopdesk: FILE: no such backup file: {tmp_path / 'nope.sqlite3'}\n")
    assert cli("backup", "restore", str(tmp_path)) == (
        1, "", f"shopdesk: FILE: {tmp_path} 是文件夹，不是备份文件\n")
    register_file = home / "shopdesk.sqlite3"
    assert cli("backup", "restore", str(register_file), lang="en") == (
        1, "", f"shopdesk: FILE: {register_file} is the register itself, not a backup\n")
    assert orders(cli) == ["100001"]
    assert not list(home.glob("*.before-restore-*"))
    assert not [p for p in (home / "backups").iterdir() if "pre-restore" in p.name]


def test_latest_with_no_backups_and_usage_errors(cli, home):
    # Nothing in the register yet: no daily backup has been taken.
    assert cli("backup", "restore", "--latest") == (
        1, "", "shopdesk: --latest: 还没有备份（shopdesk backup 可以做一份）\n")
    assert cli("backup", "restore", "--latest", lang="en") == (
        1, "", "shopdesk: --latest: there are no backups yet (shopdesk backup makes one)\n")
    assert cli("backup", "restore")[0] == 2
    assert cli("backup", "restore", "x.sqlite3", "--latest")[0] == 2
    assert cli("backup", "--list", "restore", "--latest") == (
        1, "", "shopdesk: --list: 不能和 restore 一起用\n")


def test_backup_and_list_still_work(cli):
    add(cli, "100001")
    code, out, _ = cli("backup")
    assert code == 0 and Path(out.strip()).is_file()
    code, out, _ = cli("backup", "--list")
    assert code == 0 and "manual" in out
    # The time in shop time, as in the file's name (…-20261123-100000+0800-manual…).
    day, time, _reason, name = out.splitlines()[0].split()
    stamp = day.replace("-", "") + "-" + time.replace(":", "")
    assert "Z" not in out and f"shopdesk-{stamp}+0800-manual" in name
