"""A large first import builds its new cases' search index in a second process
(storage/search_side.py): the search tables come out as the import's own indexing
writes them, a register already holding cases indexes in the import's process, and a
cancelled import leaves nothing attached."""

from __future__ import annotations

import pytest

from shopdesk.importers import ImportCancelled
from shopdesk.services import imports
from shopdesk.storage import search_side
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import run, write_refunds
from tests.services.test_imports_bulk import open_local, varied_row

TABLES = ("SELECT rowid, body FROM cases_fts ORDER BY rowid",
          "SELECT rowid, grams FROM cases_bigram ORDER BY rowid",
          "SELECT * FROM cases_fts_docsize ORDER BY id",
          "SELECT * FROM cases_bigram_docsize ORDER BY id")


def _spy(monkeypatch) -> list[int]:
    finished: list[int] = []
    real = search_side.SideIndex.finish

    def finish(self, db):
        finished.append(1)
        return real(self, db)
    monkeypatch.setattr(search_side.SideIndex, "finish", finish)
    return finished


def _search(reg, text: str) -> int:
    return reg.db.execute("SELECT count(*) FROM cases_fts WHERE cases_fts MATCH ?",
                          [f'"{text}"']).fetchone()[0]


def test_side_index_writes_what_the_import_would(tmp_path, clock, seed_register,
                                                 monkeypatch):
    rows = [varied_row(i) for i in range(1, 301)]
    rows[5] = taobao_refund_row(6, 买家实际支付金额="一百")  # skipped
    path = write_refunds(tmp_path, rows)
    finished = _spy(monkeypatch)
    monkeypatch.setattr(imports, "SIDE_INDEX_ROWS", 10**9)
    plain = open_local(tmp_path, "plain", clock, seed_register)
    run(plain.imports, path, skip_bad_rows=True)
    assert not finished
    monkeypatch.setattr(imports, "SIDE_INDEX_ROWS", 1)
    side = open_local(tmp_path, "side", clock, seed_register)
    run(side.imports, path, skip_bad_rows=True)
    assert finished == [1]
    for sql in TABLES:
        assert side.db.execute(sql).fetchall() == plain.db.execute(sql).fetchall()
    assert side.db.execute("PRAGMA database_list").fetchall()[1:] == []
    for term in ("SKU-3", "测试宝贝", "割伤了手"):
        assert _search(side, term) == _search(plain, term) > 0
    # A later import into the register that now holds cases indexes in its own process.
    more = write_refunds(tmp_path, [varied_row(i) for i in range(301, 331)], "more.csv")
    run(side.imports, more, skip_bad_rows=True)
    run(plain.imports, more, skip_bad_rows=True)
    assert finished == [1]
    for sql in TABLES:
        assert side.db.execute(sql).fetchall() == plain.db.execute(sql).fetchall()
    plain.close()
    side.close()


def test_cancelled_import_with_side_index_leaves_nothing(tmp_path, clock, seed_register,
                                                         monkeypatch):
    monkeypatch.setattr(imports, "SIDE_INDEX_ROWS", 1)
    monkeypatch.setattr(imports, "CHUNK", 50)
    path = write_refunds(tmp_path, [varied_row(i) for i in range(1, 201)])
    reg = open_local(tmp_path, "r", clock, seed_register)
    service = reg.imports
    parsed = service.read(path)
    calls = iter(range(1000))
    with pytest.raises(ImportCancelled):
        service.apply(parsed, path.name, "小王", skip_bad_rows=True,
                      cancelled=lambda: next(calls) >= 3)
    assert reg.db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    assert reg.db.execute("PRAGMA database_list").fetchall()[1:] == []
    finished = _spy(monkeypatch)
    report = service.apply(parsed, path.name, "小王", skip_bad_rows=True)
    assert finished == [1] and report.created == 200
    assert reg.db.execute("SELECT count(*) FROM cases_fts").fetchone()[0] == 200
    reg.close()


def test_a_failed_worker_leaves_the_indexing_to_the_import(tmp_path, clock, seed_register,
                                                           monkeypatch):
    path = write_refunds(tmp_path, [varied_row(i) for i in range(1, 101)])
    monkeypatch.setattr(imports, "SIDE_INDEX_ROWS", 10**9)
    plain = open_local(tmp_path, "plain", clock, seed_register)
    run(plain.imports, path)
    monkeypatch.setattr(imports, "SIDE_INDEX_ROWS", 1)
    # The worker is handed a statement it cannot run: it exits with an error.
    monkeypatch.setattr(search_side, "_create_sql", lambda db, table: "CREATE TABLE (")
    failed: list[str] = []
    real = search_side.SideIndex.finish

    def finish(self, db):
        try:
            return real(self, db)
        except RuntimeError as exc:
            failed.append(str(exc))
            raise
    monkeypatch.setattr(search_side.SideIndex, "finish", finish)
    reg = open_local(tmp_path, "r", clock, seed_register)
    report = run(reg.imports, path)
    assert failed and report.created == 100
    for sql in TABLES:
        assert reg.db.execute(sql).fetchall() == plain.db.execute(sql).fetchall()
    assert reg.db.execute("PRAGMA database_list").fetchall()[1:] == []
    plain.close()
    reg.close()


def test_no_second_process_leaves_the_indexing_to_the_import(tmp_path, clock, seed_register,
                                                             monkeypatch):
    monkeypatch.setattr(imports, "SIDE_INDEX_ROWS", 1)

    def no_process(*_a, **_k):
        raise OSError("no more processes")
    monkeypatch.setattr(search_side.subprocess, "Popen", no_process)
    reg = open_local(tmp_path, "r", clock, seed_register)
    report = run(reg.imports, write_refunds(tmp_path, [varied_row(i) for i in range(1, 51)]))
    assert report.created == 50
    assert reg.db.execute("SELECT count(*) FROM cases_fts").fetchone()[0] == 50
    reg.close()
