"""Every write takes the write lock up front (BEGIN IMMEDIATE) and waits its turn."""

from __future__ import annotations

import io
import sqlite3
import threading
import time

import pytest

from shopdesk.cli import run
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.storage import transactions
from shopdesk.storage.errors import RegisterBusyError


def _case(register, order="123456"):
    return register.cases.open_case(
        CaseDraft(platform=Platform.JD, order_no=order, kind=CaseKind.EXCHANGE), "小王")


def _hold_write_lock(path, seconds: float, started: threading.Event) -> None:
    """Another connection (as another process would) holds the write lock, then commits
    a write of its own: a deferred BEGIN in the other writer would now be stale."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings(key, value) VALUES ('held', '1')")
    started.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_a_write_that_reads_first_waits_for_the_other_writer(register):
    case = _case(register)
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock,
                              args=(register.paths.database, 0.6, started))
    holder.start()
    started.wait(5)
    t0 = time.monotonic()
    # add_note reads the case, then writes: with a plain BEGIN it failed at once with
    # "database is locked" when the other writer committed first.
    register.cases.add_note(case.id, "等对方写完再写", "小王")
    waited = time.monotonic() - t0
    holder.join()
    assert waited >= 0.3
    notes = [e for e in register.cases.timeline(case.id) if e.text == "等对方写完再写"]
    assert len(notes) == 1


def test_atomic_takes_the_lock_before_reading(register):
    seen: list[str] = []
    register.db.conn.set_trace_callback(seen.append)
    with register.db.atomic():
        register.db.execute("SELECT 1").fetchall()
    register.db.conn.set_trace_callback(None)
    assert seen[0] == "BEGIN IMMEDIATE"


def test_a_lock_held_too_long_is_a_clear_error_and_nothing_is_written(register, monkeypatch):
    case = _case(register)
    monkeypatch.setattr(transactions, "BUSY_TIMEOUT_MS", 100)
    other = register.open_second()  # its busy timeout is the tiny one
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock,
                              args=(register.paths.database, 1.0, started))
    holder.start()
    started.wait(5)
    try:
        with pytest.raises(RegisterBusyError) as info:
            other.cases.add_note(case.id, "写不进去", "小王")
        assert "busy" in info.value.en and "稍后再试" in info.value.zh
    finally:
        holder.join()
    assert not [e for e in register.cases.timeline(case.id) if e.text == "写不进去"]
    other.cases.add_note(case.id, "现在可以了", "小王")  # the connection is still usable
    other.close()


def test_cli_says_the_register_is_busy_without_a_traceback(tmp_path, clock, monkeypatch):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "en"}
    out, err = io.StringIO(), io.StringIO()
    assert run(["--as", "小王", "cases", "add", "--platform", "jd", "--order", "100001",
                "--kind", "exchange"], clock=clock, env=env, out=out, err=err) == 0
    monkeypatch.setattr(transactions, "BUSY_TIMEOUT_MS", 100)
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock,
                              args=(tmp_path / "home" / "shopdesk.sqlite3", 1.0, started))
    holder.start()
    started.wait(5)
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run(["--as", "小王", "cases", "note", "SD-20261123-0001", "hello"], clock=clock,
                   env=env, out=out, err=err)
    finally:
        holder.join()
    assert code == 1
    assert err.getvalue().startswith("shopdesk: The register is busy")
    assert "Traceback" not in err.getvalue()
