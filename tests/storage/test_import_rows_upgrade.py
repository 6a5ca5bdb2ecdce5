"""Upgrading a register written before m0026: the import rows stored with a digest of
their case are dropped (nothing checks the digest now), so the first re-import takes the
full path and stores them again; from then on the trigger keeps them. The same on a team
register (PostgreSQL; skipped without a server, see tests/pg_support)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.storage.db import APPLICATION_ID
from shopdesk.storage.migrations import migrations
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import migrate_team
from tests import pg_support
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import write_refunds

from ..conftest import T0

FIRST_NEW = "0026_import_rows_stale"
ROWS = [taobao_refund_row(i) for i in range(1, 4)]
CASE = ("INSERT INTO cases(case_no, platform, order_no, refund_no, kind, created_at, "
        "updated_at, last_activity_at) VALUES (?, 'taobao', ?, ?, 'refund_only', ?, ?, ?)")


def _hashes(register, path) -> list[str]:
    """The row hashes a reading of `path` asks about, in file order."""
    asked: list[str] = []
    known = register.imports.known
    real = known.still_applied
    known.still_applied = lambda hashes, kind: asked.extend(hashes) or real(hashes, kind)
    try:
        register.imports.read(path)
    finally:
        known.still_applied = real
    return asked


def _old_register(paths: DataPaths, rows: list[tuple[str, str]]) -> None:
    """A register as m0025 left it: a case per (refund number, row hash), each with an
    import row whose digest no longer matches its case (it was edited before the upgrade,
    say)."""
    paths.ensure()
    db = Database(sqlite3.connect(paths.database))
    migrations.apply(db, stop_before=FIRST_NEW)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    made = T0.isoformat()
    for n, (refund_no, row_hash) in enumerate(rows):
        case_id = db.execute(CASE, [f"SD-20261120-{n + 1:04d}", f"3700000000{n}", refund_no,
                                    made, made, made]).lastrowid
        db.execute("INSERT INTO import_rows(case_id, row_hash, case_sig) VALUES (?, ?, ?)",
                   [case_id, row_hash, "digest of the case before an edit"])
    db.conn.commit()
    db.close()


def test_rows_stored_with_a_digest_take_the_full_path_once(register, tmp_path, clock):
    path = write_refunds(tmp_path, ROWS)
    hashes = _hashes(register, path)
    assert len(hashes) == 3
    paths = DataPaths(tmp_path / "old")
    _old_register(paths, [(str(158000000000000000 + i), h)
                          for i, h in enumerate(hashes, start=1)])
    upgraded = open_register(paths, clock, daily_backup=False)
    try:
        db = upgraded.db
        assert db.execute("SELECT count(*) FROM import_rows").fetchone()[0] == 0
        assert [r[1] for r in db.execute("PRAGMA table_info(import_rows)")] == \
            ["case_id", "row_hash"]
        assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE "
                                         "type = 'trigger' AND name LIKE 'import_rows_%'")} \
            == {"import_rows_stale", "import_rows_gone"}
        parsed = upgraded.imports.read(path)
        assert len(parsed.records) == 3 and parsed.known == []
        report = upgraded.imports.apply(parsed, path.name, "小王")
        assert (report.created, report.updated) == (0, 3)  # the file's facts put back
        again = upgraded.imports.read(path)
        assert again.records == [] and len(again.known) == 3
    finally:
        upgraded.close()


def test_the_team_register_drops_the_digests_and_keeps_its_rows_by_trigger():
    with pg_support.scratch_database("sdrows") as url:
        team = PgDatabase(url)
        try:
            migrate_team(team, stop_before=FIRST_NEW)
            made = T0.isoformat()
            with team.atomic():
                for n in range(3):
                    team.execute(CASE, [f"SD-20261120-{n + 1:04d}", f"3700000000{n}",
                                        f"15800000000{n}", made, made, made])
                team.execute("INSERT INTO import_rows(case_id, row_hash, case_sig) "
                             "SELECT id, 'h' || id, 'digest' FROM cases")
            migrate_team(team)
            rows = "SELECT case_id FROM import_rows ORDER BY case_id"
            assert team.execute(rows).fetchall() == []
            assert [r[0] for r in team.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = "
                "'import_rows' ORDER BY ordinal_position")] == ["case_id", "row_hash"]
            ids = [r[0] for r in team.execute("SELECT id FROM cases ORDER BY id")]
            with team.atomic():
                team.execute("INSERT INTO import_rows(case_id, row_hash) "
                             "SELECT id, 'h' || id FROM cases")
            with team.atomic():  # not read by an import, or the same value again: kept
                team.execute("UPDATE cases SET warning_count = 3, stage = 'x', "
                             "status = status, extra = extra")
            assert [r[0] for r in team.execute(rows)] == ids
            with team.atomic():
                team.execute("UPDATE cases SET buyer_name = 'x' WHERE id = ?", [ids[0]])
                team.execute("UPDATE cases SET deleted_at = ? WHERE id = ?", [made, ids[1]])
            assert [r[0] for r in team.execute(rows)] == ids[2:]
            with team.atomic():
                team.execute("DELETE FROM cases WHERE id = ?", [ids[2]])
            assert team.execute(rows).fetchall() == []
        finally:
            team.close()
