"""The full integrity check runs off the start path (with the daily backup), never at open."""

from __future__ import annotations

import pytest

from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage.db import check_integrity, open_database
from shopdesk.storage.errors import CorruptDatabaseError

PAGE = 4096


def _damage_table_pages(path) -> bytes:
    """Garble b-tree pages near the end of the file (the filler table), leaving the
    header and the schema page whole: opening still works, reading every page does not."""
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    for page in range(pages - 20, pages - 2):
        data[page * PAGE + 8:page * PAGE + 72] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return bytes(data)


def _register_with_filler(paths: DataPaths, clock) -> None:
    reg = open_register(paths, clock, daily_backup=False)
    with reg.db.atomic():
        reg.db.execute("CREATE TABLE filler (x TEXT)")
        for i in range(3000):
            reg.db.execute("INSERT INTO filler VALUES (?)", ["x" * 200 + str(i)])
        reg.db.execute("INSERT INTO settings(key, value) VALUES ('k', 'v')")
    reg.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    reg.close()


def test_a_healthy_register_passes(tmp_path, clock):
    paths = DataPaths(tmp_path / "d")
    _register_with_filler(paths, clock)
    check_integrity(paths.database)  # no error


def test_damage_is_found_by_the_background_check_not_at_open(tmp_path, clock):
    paths = DataPaths(tmp_path / "d")
    _register_with_filler(paths, clock)
    _damage_table_pages(paths.database)
    db = open_database(paths.database)  # cheap checks only: opens
    db.close()
    damaged = paths.database.read_bytes()
    with pytest.raises(CorruptDatabaseError) as info:
        check_integrity(paths.database)
    assert "integrity" in info.value.en and info.value.zh
    assert paths.database.read_bytes() == damaged  # the check never writes


def test_a_damaged_register_gets_no_daily_backup(tmp_path, clock):
    paths = DataPaths(tmp_path / "d")
    _register_with_filler(paths, clock)
    _damage_table_pages(paths.database)
    reg = open_register(paths, clock, daily_backup=False)
    try:
        with pytest.raises(CorruptDatabaseError):
            reg.run_daily_backup()
    finally:
        reg.close()
    assert not any("daily" in p.name for p in paths.backups.glob("*"))
