"""A large import builds `cases`' indexes once at the end (storage/bulk_load) and writes new
cases with their stage and deadline: the register it leaves is the one the row-by-row path
leaves, the analysis day totals included, and a batch raises the warnings that importing
its rows one at a time raises."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.paths import DataPaths
from shopdesk.services.register import Register, open_register
from shopdesk.storage import bulk_load as bulk_module
from shopdesk.storage.analysis import daily_recount, daily_totals
from shopdesk.storage.cases import CaseStore
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import run, write_refunds

ROWS = 2_500  # above bulk_load's MIN_ROWS, so an empty register defers


def varied_row(i: int) -> list[object]:
    """Rows that exercise the stages, deadlines and every import-time warning rule."""
    cells: dict[str, object] = {
        "商品编码": f"SKU-{i % 40}",
        "买家退款原因": ("质量问题", "七天无理由退换货", "少件/漏发")[i % 3],
    }
    if i % 7 == 0:
        cells.update({"退款状态": "退款成功", "退款完结时间": "2026-11-22 18:00:00"})
    if i % 11 == 0:
        cells["买家退款说明"] = "不退就要求赔偿一万元"
    if i % 13 == 0:
        cells["买家退款说明"] = "收到后割伤了手，要打12315投诉"
    if i % 17 == 0:
        cells["客服介入状态"] = "客服介入中"
    if i % 19 == 0:
        cells["超时时间"] = ""
    return taobao_refund_row(i, **cells)


def open_local(tmp_path, name: str, clock, seed_register) -> Register:
    reg = open_register(seed_register(DataPaths(tmp_path / name)), clock)
    reg.staff.add("小王", actor="小王")
    reg.staff.set_current_operator("小王")
    return reg


def recorded_bulk_loads(monkeypatch) -> list[bool]:
    """Whether each bulk_load the import entered deferred the indexes."""
    seen: list[bool] = []
    real = bulk_module.bulk_load

    @contextmanager
    def spy(db, **kw):
        with real(db, **kw) as state:
            seen.append(state.deferred)
            yield state

    monkeypatch.setattr("shopdesk.services.imports.bulk_load", spy)
    return seen


def snapshot(reg: Register) -> dict[str, object]:
    """Everything an import writes, in comparable form (ids included: both registers
    start empty and number alike)."""
    db = reg.db

    def rows(sql: str) -> list[tuple]:
        return [tuple(r) for r in db.execute(sql).fetchall()]

    return {
        "cases": rows("SELECT * FROM cases ORDER BY id"),
        "events": rows("SELECT case_id, at, actor, type, text, data FROM case_events "
                       "ORDER BY id"),
        "audit": rows("SELECT * FROM audit_log ORDER BY id"),
        "warnings": rows("SELECT case_id, rule, reason_zh, reason_en, raised_at, cleared_at "
                         "FROM case_warnings ORDER BY case_id, rule, id"),
        "followups": rows("SELECT * FROM followups ORDER BY id"),
        "import_rows": rows("SELECT * FROM import_rows ORDER BY case_id"),
        "fts": rows("SELECT rowid, body FROM cases_fts ORDER BY rowid"),
        "bigram": rows("SELECT rowid, grams FROM cases_bigram ORDER BY rowid"),
        "daily": sorted(daily_totals(db)),
        "schema": rows("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"),
        "deadlines": [(d.case_id, d.stage, d.due_at, d.source) for d in reg.deadlines.list()],
        "search": {term: reg.cases.query_ids(CaseQuery(search=term)) for term in
                   ("测试宝贝 12", "割伤", "伤", "SKU-7", "12315")},
    }


@pytest.mark.local_only("bulk_load defers only on SQLite")
def test_a_large_import_gives_the_register_the_row_by_row_path_gives(
        register, tmp_path, clock, seed_register, monkeypatch):
    path = write_refunds(tmp_path, [varied_row(i) for i in range(ROWS)])
    seen = recorded_bulk_loads(monkeypatch)
    fast = run(register.imports, path, skip_bad_rows=True)
    assert seen == [True]
    assert fast.created == ROWS

    # The same file through the row-by-row path: every index kept up per row ...
    monkeypatch.setattr(bulk_module, "worth_deferring", lambda db, n: False)
    slow_reg = open_local(tmp_path, "slow", clock, seed_register)
    try:
        # ... and the new cases' deadlines computed after the insert, as other writes do.
        slow_reg.imports.settle_new = None
        slow = run(slow_reg.imports, path, skip_bad_rows=True)
        assert seen == [True, False]
        assert (slow.created, slow.updated) == (fast.created, fast.updated)
        a, b = snapshot(register), snapshot(slow_reg)
        assert a["warnings"] and a["deadlines"] and a["search"]["割伤"] and a["search"]["伤"]
        for key in a:
            assert a[key] == b[key], key
    finally:
        slow_reg.close()


def test_a_bulk_import_keeps_the_day_totals_in_step(register, tmp_path, monkeypatch):
    """Old cases updated by the same import still move their totals (the guarded update
    trigger), the new ones are summed at the end."""
    run(register.imports, write_refunds(tmp_path, [varied_row(i) for i in range(40)], "a.csv"))
    assert daily_totals(register.db) == daily_recount(register.db)
    seen = recorded_bulk_loads(monkeypatch)
    # The first 40 rows again, now refunded (updates), and many new ones.
    rows = [taobao_refund_row(i, **{"退款状态": "退款成功",
                                    "退款完结时间": "2026-11-22 20:00:00"})
            for i in range(40)] + [varied_row(i) for i in range(40, 40 + ROWS)]
    report = run(register.imports, write_refunds(tmp_path, rows, "b.csv"), skip_bad_rows=True)
    assert (report.created, report.updated) == (ROWS, 40)
    assert seen == [register.db.conn.__class__.__module__ == "sqlite3"]
    assert daily_totals(register.db) == daily_recount(register.db) != set()


@pytest.mark.local_only("500 imports one row at a time: the judging is the same code")
def test_a_500_row_import_raises_the_warnings_of_its_rows_imported_one_by_one(
        register, tmp_path, clock, seed_register):
    rows = [varied_row(i) for i in range(500)]
    run(register.imports, write_refunds(tmp_path, rows), skip_bad_rows=True)
    one_by_one = open_local(tmp_path, "single", clock, seed_register)
    try:
        for i, row in enumerate(rows):
            run(one_by_one.imports, write_refunds(tmp_path, [row], f"row{i}.csv"),
                skip_bad_rows=True)

        def live(reg: Register) -> set[tuple[str, str]]:
            # A counted rule's wording keeps the count it was raised with, so the rules
            # per case are compared, not the words.
            return {(r[0], r[1]) for r in reg.db.execute(
                "SELECT c.refund_no, w.rule FROM case_warnings w JOIN cases c "
                "ON c.id = w.case_id WHERE w.cleared_at IS NULL AND w.ack_at IS NULL")}

        def counts(reg: Register) -> dict[str, int]:
            return dict(reg.db.execute("SELECT refund_no, warning_count FROM cases"))

        batch = live(register)
        assert {rule for _, rule in batch} >= {"group_complaint", "safety", "media_threat",
                                               "excessive_claim"}
        assert batch == live(one_by_one)
        assert counts(register) == counts(one_by_one)
    finally:
        one_by_one.close()


def test_a_small_import_into_a_large_register_matches_by_looking_its_numbers_up(
        register, tmp_path, monkeypatch):
    """A few rows against many cases read only the cases sharing their numbers, and
    match as reading every case does: the trash, a case logged by hand by order number,
    a case to update, new cases."""
    run(register.imports, write_refunds(tmp_path, [taobao_refund_row(i) for i in range(60)],
                                        "old.csv"))
    register.cases.delete([register.cases.store.find(refund_no="158000000000000003")[0].id],
                          "小王")
    typed = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                               order_no="3126112300000000070",
                                               kind=CaseKind.REFUND_ONLY, buyer_nick="小蜜蜂"),
                                     "小王")
    asked: list[bool] = []
    real = CaseStore.match_keys

    def spy(self, **kw):
        asked.append(bool(kw))
        return real(self, **kw)
    monkeypatch.setattr(CaseStore, "match_keys", spy)
    rows = [taobao_refund_row(3), taobao_refund_row(70),
            taobao_refund_row(5, 退款状态="退款成功", 退款完结时间="2026-11-22 20:00:00"),
            taobao_refund_row(6), taobao_refund_row(100), taobao_refund_row(101)]
    report = run(register.imports, write_refunds(tmp_path, rows, "new.csv"))
    assert asked == [True]  # looked up, not every case read
    assert (report.in_trash, report.updated, report.unchanged, report.created) == (1, 2, 1, 2)
    assert register.cases.get(typed.id).refund_no == "158000000000000070"


@pytest.mark.local_only("the page cache is SQLite's")
def test_a_large_import_keeps_its_pages_in_a_roomy_cache_and_gives_it_back(
        register, tmp_path, monkeypatch):
    """A large import runs with a page cache of about 1 KiB a record (its pages are not
    written out and read back mid-transaction), and the connection has its own cache size
    again after; a small import keeps the connection's cache."""
    before = register.db.execute("PRAGMA cache_size").fetchone()[0]
    seen: list[int] = []
    real = register.imports.after_write

    def spy(ids, **kw):
        seen.append(register.db.execute("PRAGMA cache_size").fetchone()[0])
        return real(ids, **kw)
    monkeypatch.setattr(register.imports, "after_write", spy)
    run(register.imports, write_refunds(tmp_path, [varied_row(i) for i in range(ROWS)]),
        skip_bad_rows=True)
    run(register.imports, write_refunds(
        tmp_path, [varied_row(i) for i in range(ROWS, ROWS + 20)], "small.csv"))
    assert seen == [-ROWS, before]
    assert register.db.execute("PRAGMA cache_size").fetchone()[0] == before
