"""bulk_load: a large load sets cases' indexes and day-totals trigger aside and puts them
back exactly, with analysis_daily in step; a small one changes nothing; a failure rolls
the schema back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.case import draft_from_fields
from shopdesk.storage import bulk_load as bulk_module
from shopdesk.storage.analysis import daily_recount, daily_totals
from shopdesk.storage.bulk_load import bulk_load, worth_deferring


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(bulk_module, "MIN_ROWS", 4)


def schema(db) -> set[tuple]:
    return set(db.execute("SELECT type, name, sql FROM sqlite_master "
                          "WHERE tbl_name = 'cases' AND sql IS NOT NULL").fetchall())


def index_names(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                     "AND tbl_name = 'cases' AND sql IS NOT NULL")}


def open_case(register, clock, n: int, **fields):
    values = {"platform": "taobao", "order_no": f"T{100000 + n}", "kind": "refund_only",
              "cause": "item_defective", "sku": "SKU-1", "amount_paid": "100",
              "buyer_address": "浙江省杭州市1号", **fields}
    return register.cases.open_case(draft_from_fields(values), "小王",
                                    at=clock.now() - timedelta(days=n % 5))


def copy_cases(db, source_id: int, count: int, tag: str) -> None:
    """`count` copies of case `source_id` with their own numbers and causes."""
    for i in range(count):
        db.execute(
            "INSERT INTO cases (case_no, platform, shop, order_no, refund_no, buyer_nick, "
            "buyer_name, buyer_phone, buyer_address, item_title, sku, amount_paid_fen, "
            "amount_claimed_fen, kind, cause, customer_type, priority, status, description, "
            "assignee, created_at, created_by, updated_at, last_activity_at, extra, "
            "platform_status, intervention_status, platform_stage, platform_involved, "
            "warning_count, stage, stage_origin, stage_synced, deadline_source, "
            "deadline_estimate, major_owner, province) SELECT ?, platform, shop, order_no, "
            "refund_no, buyer_nick, buyer_name, buyer_phone, buyer_address, item_title, ?, "
            "amount_paid_fen, amount_claimed_fen, kind, ?, customer_type, priority, status, "
            "description, assignee, created_at, created_by, updated_at, last_activity_at, "
            "extra, platform_status, intervention_status, platform_stage, platform_involved, "
            "warning_count, stage, stage_origin, stage_synced, deadline_source, "
            "deadline_estimate, major_owner, province FROM cases WHERE id = ?",
            [f"{tag}-{i}", f"SKU-{i % 3}", ("wrong_item", "slow_delivery")[i % 2], source_id])


def test_a_large_load_defers_and_puts_everything_back(register, clock, small_threshold):
    db = register.db
    first = open_case(register, clock, 1)
    second = open_case(register, clock, 2, cause="slow_delivery")
    before = schema(db)
    with db.atomic(), bulk_load(db, new_rows=10) as load:
        assert load.deferred and load.watermark == second.id
        assert index_names(db) == set()  # only the unique case_no index is left
        copy_cases(db, first.id, 10, "NEW")
        # Edits inside the load, of an older case and of a new one, still count once.
        db.execute("UPDATE cases SET cause = 'misuse' WHERE id = ?", [first.id])
        db.execute("UPDATE cases SET sku = 'SKU-9' WHERE case_no = 'NEW-3'")
        db.execute("UPDATE cases SET deleted_at = updated_at WHERE id = ?", [second.id])
        db.execute("DELETE FROM cases WHERE case_no = 'NEW-4'")
    assert schema(db) == before
    assert daily_totals(db) == daily_recount(db)
    # The triggers are live again: a later edit still keeps the totals in step.
    register.cases.restore([second.id], "小王")
    assert daily_totals(db) == daily_recount(db)


def test_a_failed_load_rolls_the_schema_and_totals_back(register, clock, small_threshold):
    db = register.db
    first = open_case(register, clock, 1)
    before, totals = schema(db), daily_totals(db)
    with (pytest.raises(RuntimeError, match="boom"), db.atomic(),
          bulk_load(db, new_rows=10) as load):
        assert load.deferred
        copy_cases(db, first.id, 10, "NEW")
        raise RuntimeError("boom")
    assert schema(db) == before and daily_totals(db) == totals
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 1


def test_a_small_load_keeps_the_indexes_up(register, clock):
    db = register.db
    first = open_case(register, clock, 1)
    names = index_names(db)
    with db.atomic(), bulk_load(db, new_rows=bulk_module.MIN_ROWS - 1) as load:
        assert not load.deferred
        assert index_names(db) == names
        copy_cases(db, first.id, 3, "NEW")
    assert daily_totals(db) == daily_recount(db)


def test_kept_indexes_stay_for_lookups_inside_the_load(register, clock, small_threshold):
    db = register.db
    open_case(register, clock, 1)
    with db.atomic(), bulk_load(db, new_rows=10, keep=["idx_cases_order"]) as load:
        assert load.deferred and index_names(db) == {"idx_cases_order"}


def test_deferring_weighs_the_load_against_the_live_register(register, clock,
                                                             small_threshold):
    db = register.db
    for n in range(40):
        open_case(register, clock, n)
    assert not worth_deferring(db, 3)  # under MIN_ROWS
    assert not worth_deferring(db, 4)  # 4 x SHARE = 32 < 40 live cases
    assert worth_deferring(db, 5)  # 5 x SHARE = 40


def stat_rows(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT DISTINCT idx FROM sqlite_stat1 "
                                     "WHERE tbl = 'cases' AND idx IS NOT NULL")}


def test_a_measured_register_keeps_every_index_measured_after_a_load(register, clock,
                                                                        small_threshold):
    # DROP INDEX takes an index's statistics away and CREATE INDEX does not bring them
    # back: a load into a register that has statistics measures what it rebuilt.
    db = register.db
    first = open_case(register, clock, 1)
    open_case(register, clock, 2)
    db.execute("ANALYZE")
    measured = stat_rows(db)  # (an empty partial index has no row of its own)
    assert len(measured & index_names(db)) > 10
    with db.atomic(), bulk_load(db, new_rows=10) as load:
        assert load.deferred
        copy_cases(db, first.id, 10, "NEW")
    assert stat_rows(db) >= measured  # (and any index the load gave its first rows)


def test_a_register_without_statistics_gets_none_from_a_load(register, clock,
                                                             small_threshold):
    db = register.db
    first = open_case(register, clock, 1)
    with db.atomic(), bulk_load(db, new_rows=10):
        copy_cases(db, first.id, 10, "NEW")
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                      ).fetchone() is None
