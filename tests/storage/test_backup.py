from datetime import timedelta

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.storage.backup import BackupManager, verify
from shopdesk.storage.errors import CorruptDatabaseError


def _case(register, order="123456"):
    return register.cases.open_case(
        CaseDraft(platform=Platform.JD, order_no=order, kind=CaseKind.EXCHANGE), "小王")


def test_manual_backup_is_a_complete_database(register):
    _case(register)
    path = register.back_up_now()
    verify(path)
    assert path in [b.path for b in register.list_backups()]


def test_daily_backup_once_a_day_and_pruned_after_14_days(register, clock):
    _case(register)
    manager = BackupManager(register.paths.backups)
    first = manager.daily_if_due(register.db, clock.now())
    assert first is not None
    assert manager.daily_if_due(register.db, clock.now()) is None
    manual = register.back_up_now()
    clock.advance(days=15)
    manager.daily_if_due(register.db, clock.now())
    names = [b.path for b in manager.list()]
    assert first not in names and manual in names
    assert sum(b.reason == "daily" for b in manager.list()) == 1


def test_backups_are_named_in_shop_time_and_the_day_is_the_shops(register, clock, tmp_path):
    from datetime import UTC, datetime

    folder = tmp_path / "b"
    manager = BackupManager(folder, tz="Asia/Shanghai")
    # 22:26 UTC on 12-04 is 06:26 on 12-05 in the shop: the name says what the seller saw.
    at = datetime(2026, 12, 4, 22, 26, 24, tzinfo=UTC)
    path = manager.make(register.db, "manual", at)
    assert path.name == "shopdesk-20261205-062624+0800-manual.sqlite3"
    # A name from before (no offset) is UTC; both list with the right instant.
    old = folder / "shopdesk-20261204-100000-manual.sqlite3"
    old.write_bytes(path.read_bytes())
    listed = {b.path.name: b.taken_at for b in manager.list()}
    assert listed[path.name] == at
    assert listed[old.name] == datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    # The daily backup follows the shop's day: 07:00 and 23:00 shop time are one day, though
    # UTC's date changes between them.
    first = manager.daily_if_due(register.db, datetime(2026, 12, 4, 23, 0, tzinfo=UTC))
    assert first is not None and "20261205-070000+0800-daily" in first.name
    assert manager.daily_if_due(register.db, datetime(2026, 12, 5, 14, 0, tzinfo=UTC)) is None
    assert manager.daily_if_due(register.db, datetime(2026, 12, 5, 16, 30, tzinfo=UTC))


def test_restore_replaces_data_and_keeps_the_current_file(register, clock):
    kept_case = _case(register, "111111")
    backup = register.back_up_now()
    later = _case(register, "222222")
    clock.advance(minutes=5)
    new_reg, kept = register.restore(backup)
    try:
        assert kept.exists()
        orders = {c.order_no for c in new_reg.cases.fetch([kept_case.id, later.id]).values()}
        assert orders == {"111111"}
        assert any(b.reason == "pre-restore" for b in new_reg.list_backups())
    finally:
        new_reg.close()


def test_restore_refuses_a_broken_backup(register, tmp_path):
    bad = tmp_path / "shopdesk-20261101-000000-manual.sqlite3"
    bad.write_bytes(b"garbage" * 50)
    with pytest.raises(CorruptDatabaseError):
        verify(bad)


def test_backup_times_are_recorded(register, clock):
    register.back_up_now()
    clock.advance(seconds=1)
    register.back_up_now()
    times = [b.taken_at for b in register.list_backups()]
    assert times[0] - times[1] == timedelta(seconds=1)


def test_a_bad_backup_leaves_the_open_register_untouched(register, tmp_path):
    case = _case(register, "333333")
    bad = tmp_path / "shopdesk-20261101-000000-manual.sqlite3"
    bad.write_bytes(b"garbage" * 50)
    with pytest.raises(CorruptDatabaseError):
        register.restore(bad)
    assert register.cases.get(case.id).order_no == "333333"  # still open and usable


def test_failed_copy_puts_the_previous_file_back(register, clock, monkeypatch):
    from shopdesk.storage import backup as backup_module

    _case(register, "444444")
    good = register.back_up_now()
    register.close()

    def broken_copy(source, dest):
        raise OSError("disk full")

    monkeypatch.setattr(backup_module, "copy_database", broken_copy)
    with pytest.raises(OSError):
        backup_module.restore_file(good, register.paths.database, clock.now())
    assert register.paths.database.exists()
    import sqlite3

    conn = sqlite3.connect(register.paths.database)
    assert conn.execute("SELECT order_no FROM cases").fetchall() == [("444444",)]
    conn.close()


def test_daily_backup_runs_on_its_own_connection_from_a_thread(register, clock):
    import threading

    _case(register, "555555")
    result = {}
    worker = threading.Thread(target=lambda: result.update(path=register.run_daily_backup()))
    worker.start()
    worker.join(30)
    assert result["path"] is not None and result["path"].exists()
    verify(result["path"])
    assert register.run_daily_backup() is None  # once a day
    assert register.cases.get(1).order_no == "555555"  # the register's own connection is fine
