"""Backups taken at the same time by several processes, stale leftovers, restores with a
-wal left over, and files readable by the user only."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading

import pytest
from filelock import FileLock

from shopdesk.cli import run
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.storage.backup import BackupManager, restore_file, verify

posix_only = pytest.mark.skipif(os.name == "nt", reason="file modes are POSIX")


def _case(register, order="123456"):
    return register.cases.open_case(
        CaseDraft(platform=Platform.JD, order_no=order, kind=CaseKind.EXCHANGE), "小王")


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir()
                  if p.suffix in (".part", ".tmp") or p.name.endswith(".part"))


def _run_together(count, target):
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def one():
        barrier.wait()
        try:
            target()
        except BaseException as exc:  # collected, asserted below
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return errors


def test_six_backups_in_the_same_second_are_six_good_files(register):
    _case(register)
    made = []

    def back_up():
        other = register.open_second()  # each on its own connection, as processes are
        try:
            made.append(other.back_up_now())
        finally:
            other.close()

    assert _run_together(6, back_up) == []
    assert len(set(made)) == 6
    assert sorted(b.path for b in register.list_backups()) == sorted(made)
    for path in made:
        verify(path)
    assert _leftovers(register.paths.backups) == []


def test_exactly_one_daily_backup_when_starts_race(register):
    _case(register)
    assert _run_together(4, register.run_daily_backup) == []
    assert [b.reason for b in register.list_backups()] == ["daily"]


def test_a_daily_backup_another_process_is_taking_is_skipped(register):
    _case(register)
    with FileLock(str(register.paths.backups / ".daily.lock")):
        assert register.run_daily_backup() is None
    assert register.list_backups() == []
    assert register.run_daily_backup() is not None  # taken once the other is done


def test_stale_temporary_files_are_removed(register):
    folder = register.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "shopdesk-20261101-000000-manual.sqlite3.part").write_bytes(b"x" * 100)
    (folder / ".shopdesk-20261101-000000-daily.sqlite3.k2j3.tmp").write_bytes(b"x")
    register.back_up_now()
    assert _leftovers(folder) == []


def test_a_failed_daily_backup_does_not_fail_the_command(tmp_path, clock, monkeypatch):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "en"}

    def cli(*argv):
        out, err = io.StringIO(), io.StringIO()
        return run(["--as", "小王", *argv], clock=clock, env=env, out=out, err=err), err

    assert cli("cases", "add", "--platform", "jd", "--order", "100001",
               "--kind", "exchange")[0] == 0

    def full_disk(self, db, now, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BackupManager, "daily_if_due", full_disk)
    code, err = cli("cases", "add", "--platform", "jd", "--order", "100002",
                    "--kind", "exchange")
    assert code == 0
    assert "warning: The daily backup failed" in err.getvalue()
    assert "No space left" in err.getvalue() and "Traceback" not in err.getvalue()


def _crash_leaving_wal(path, order):
    """A process writes a case and dies before its WAL is folded back."""
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE cases SET order_no = {order!r}")
        os._exit(0)
    """)], check=True, timeout=60)


def test_restore_with_a_wal_left_by_a_crash(register, clock):
    _case(register, "111111")
    backup = register.back_up_now()
    db_path = register.paths.database
    register.close()
    _crash_leaving_wal(db_path, "999999")
    assert (db_path.parent / f"{db_path.name}-wal").exists()
    kept = restore_file(backup, db_path, clock.now())
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT order_no FROM cases").fetchall() == [("111111",)]
    conn.close()
    conn = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)  # the crash's edit was kept
    assert conn.execute("SELECT order_no FROM cases").fetchall() == [("999999",)]
    conn.close()


def test_restore_sets_aside_a_wal_without_its_register(register, clock):
    """The register file was deleted by hand but its -wal stayed: replaying it into the
    restored file would corrupt it."""
    _case(register, "111111")
    backup = register.back_up_now()
    db_path = register.paths.database
    register.close()
    _crash_leaving_wal(db_path, "999999")
    db_path.unlink()
    restore_file(backup, db_path, clock.now())
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT order_no FROM cases").fetchall() == [("111111",)]
    conn.close()


@posix_only
def test_register_backups_and_exports_are_readable_by_the_user_only(register, tmp_path):
    from shopdesk.domain.case_query import CaseQuery
    from shopdesk.services.exports import export_cases

    _case(register)
    backup = register.back_up_now()
    target = tmp_path / "cases.csv"
    export_cases(register.cases, CaseQuery(), target, actor="小王")
    paths = [register.paths.database, backup, target,
             register.paths.database.with_name(register.paths.database.name + "-wal")]
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in paths}
    assert modes == {p.name: 0o600 for p in paths}
