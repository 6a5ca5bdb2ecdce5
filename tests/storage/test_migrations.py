import sqlite3

import pytest

from shopdesk.services.register import open_register
from shopdesk.storage.db import APPLICATION_ID, open_database
from shopdesk.storage.errors import (
    CorruptDatabaseError,
    NewerDatabaseError,
    NotShopDeskDatabaseError,
)
from shopdesk.storage.migrations import migrations


def test_migrates_from_empty_with_the_pragmas_we_rely_on(tmp_path):
    db = open_database(tmp_path / "r.sqlite3")
    names = set(db.table_names())
    assert {"cases", "case_events", "audit_log", "staff", "settings", "cases_fts"} <= names
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    db.close()


def test_reopening_is_idempotent(tmp_path):
    open_database(tmp_path / "r.sqlite3").close()
    db = open_database(tmp_path / "r.sqlite3")
    assert len(migrations.applied(db)) == len(migrations._migrations)
    db.close()


def test_newer_database_is_refused_and_not_modified(tmp_path):
    path = tmp_path / "r.sqlite3"
    db = open_database(path)
    db.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
               "VALUES ('shopdesk', '9999_from_the_future', 'x')")
    db.conn.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as info:
        open_database(path)
    assert "9999_from_the_future" in info.value.en and info.value.zh
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotShopDeskDatabaseError):
        open_database(path)


def test_garbage_file_is_kept_and_reported(tmp_path):
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorruptDatabaseError):
        open_database(path)
    assert path.read_bytes().startswith(b"this is not")


def test_backup_is_taken_before_a_pending_migration(tmp_path, clock, monkeypatch):
    from shopdesk.paths import DataPaths

    paths = DataPaths(tmp_path / "d")
    reg = open_register(paths, clock)
    reg.close()
    # Simulate an older file: forget the last migration so it is pending again.
    conn = sqlite3.connect(paths.database)
    last = migrations._migrations[-1].name
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    conn.commit()
    conn.close()
    calls = []

    def fake_migration(db):  # the tables are there already: only record it
        calls.append([m.name for m in migrations.pending(db)])

    monkeypatch.setattr(migrations._migrations[-1], "fn", fake_migration)
    reg = open_register(paths, clock, daily_backup=False)
    reg.close()
    backups = list(paths.backups.glob("*pre-migration*"))
    assert calls == [[last]] and len(backups) == 1
