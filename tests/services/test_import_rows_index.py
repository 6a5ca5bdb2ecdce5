"""Storing many import rows makes the index by hash again after them (import_known): the
index is back as it was, the rows are found by hash, a rolled-back import leaves it too."""

from __future__ import annotations

import pytest

from shopdesk.importers import ImportCancelled
from shopdesk.services import import_known
from tests.services.imports_support import run, write_refunds
from tests.services.test_imports_bulk import open_local, varied_row

INDEX = "SELECT sql FROM sqlite_master WHERE name = 'idx_import_rows_hash'"


def _drops(monkeypatch, reg) -> list[str]:
    seen: list[str] = []
    real = reg.db.execute

    def execute(sql, *args, **kw):
        if str(sql).startswith("DROP INDEX idx_import_rows_hash"):
            seen.append(sql)
        return real(sql, *args, **kw)
    monkeypatch.setattr(reg.db, "execute", execute)
    return seen


def test_many_rows_rebuild_the_hash_index(tmp_path, clock, seed_register, monkeypatch):
    reg = open_local(tmp_path, "r", clock, seed_register)
    if getattr(reg.db, "dialect", "sqlite") == "postgresql":  # pragma: no cover
        return
    before = reg.db.execute(INDEX).fetchone()
    monkeypatch.setattr(import_known, "_SET_ASIDE_ROWS", 10)
    monkeypatch.setattr(import_known, "_SET_ASIDE_SHARE", 2)
    drops = _drops(monkeypatch, reg)
    path = write_refunds(tmp_path, [varied_row(i) for i in range(1, 41)])
    report = run(reg.imports, path)
    assert drops and report.created == 40
    assert reg.db.execute(INDEX).fetchone() == before
    assert reg.db.execute("SELECT count(*) FROM import_rows").fetchone()[0] == 40
    # ... and the re-import finds every row by its hash (the fast path).
    again = reg.imports.read(path)
    assert len(again.known) == 40 and not again.records
    # Rows under half the table's (the share patched to 2) keep the index up.
    drops.clear()
    run(reg.imports, write_refunds(tmp_path, [varied_row(i) for i in range(41, 52)], "b.csv"))
    assert not drops
    reg.close()


def test_a_failed_import_keeps_the_hash_index(tmp_path, clock, seed_register, monkeypatch):
    reg = open_local(tmp_path, "r", clock, seed_register)
    if getattr(reg.db, "dialect", "sqlite") == "postgresql":  # pragma: no cover
        return
    before = reg.db.execute(INDEX).fetchone()
    monkeypatch.setattr(import_known, "_SET_ASIDE_ROWS", 10)
    real = import_known.KnownRows.remember

    def remember(self, pairs):
        real(self, pairs)
        raise ImportCancelled()
    monkeypatch.setattr(import_known.KnownRows, "remember", remember)
    with pytest.raises(ImportCancelled):
        run(reg.imports, write_refunds(tmp_path, [varied_row(i) for i in range(1, 41)]))
    assert reg.db.execute(INDEX).fetchone() == before
    assert reg.db.execute("SELECT count(*) FROM import_rows").fetchone()[0] == 0
    reg.close()
