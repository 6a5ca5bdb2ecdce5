"""A first start killed half-way is finished later; a refused file is never modified."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from shopdesk.storage.db import APPLICATION_ID, open_database
from shopdesk.storage.errors import NewerDatabaseError, NotShopDeskDatabaseError
from shopdesk.storage.migrations import migrations


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=False, timeout=120)


def _hashes(path: Path) -> dict[str, str | None]:
    found = {}
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        found[p.name] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return found


def test_a_first_start_killed_during_migrations_opens_next_time(tmp_path):
    path = tmp_path / "shopdesk.sqlite3"
    # Killed (no clean-up at all) while the fourth migration runs.
    _python(f"""
        import os
        from shopdesk.storage.migrations import migrations
        from shopdesk.storage.db import open_database
        migrations._migrations[3].fn = lambda db: os._exit(9)
        open_database({str(path)!r})
    """)
    assert path.exists()
    db = open_database(path)
    try:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert [m.name for m in migrations.applied(db)] == [m.name for m in
                                                              migrations._migrations]
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(migrations._migrations)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_a_newer_user_version_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "shopdesk.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = _hashes(path)
    with pytest.raises(NewerDatabaseError):
        open_database(path)
    assert _hashes(path) == before
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 999
    conn.close()


def test_a_refused_file_with_a_wal_beside_it_keeps_all_three_files(tmp_path):
    path = tmp_path / "shopdesk.sqlite3"
    open_database(path).close()
    # The newer version's change sits in the WAL of a process that died.
    _python(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("INSERT INTO settings(key, value) VALUES ('x', 'y')")
        conn.execute("PRAGMA user_version = 999")
        os._exit(0)
    """)
    before = _hashes(path)
    assert before["shopdesk.sqlite3-wal"] is not None
    assert before["shopdesk.sqlite3-shm"] is not None
    with pytest.raises(NewerDatabaseError):
        open_database(path)
    assert _hashes(path) == before


def test_an_unknown_migration_in_the_wal_is_refused_untouched(tmp_path):
    path = tmp_path / "shopdesk.sqlite3"
    open_database(path).close()
    _python(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                     "VALUES ('shopdesk', '0001_initial_x', 'x')")
        conn.execute("PRAGMA user_version = 3")
        os._exit(0)
    """)
    before = _hashes(path)
    with pytest.raises(NewerDatabaseError) as info:
        open_database(path)
    assert "0001_initial_x" in info.value.en
    assert _hashes(path) == before


def test_a_foreign_wal_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    _python(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.execute("INSERT INTO invoices VALUES (1)")
        os._exit(0)
    """)
    before = _hashes(path)
    assert before["other.sqlite3-wal"] is not None
    with pytest.raises(NotShopDeskDatabaseError):
        open_database(path)
    assert _hashes(path) == before
