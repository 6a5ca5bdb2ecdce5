"""A list page the planner would sort is read by walking the sort index (within a time
budget): the same rows in the same order as the planner's query, with or without the
walk, and the planner's query when the walk runs past its budget."""

from __future__ import annotations

import pytest

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.services.demo import generate_demo
from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
from shopdesk.storage import sort_walk
from shopdesk.storage.cases import CaseStore
from shopdesk.storage.sort_walk import SortWalk

FILTERS = [QuickFilter.OPEN, QuickFilter.OVERDUE, QuickFilter.DUE_TODAY, QuickFilter.MINE,
           QuickFilter.WARNED, QuickFilter.DEADLINE_SOON, QuickFilter.PROMISE_OVERDUE,
           QuickFilter.REFUND_TODAY]


@pytest.fixture
def demo(register):
    generate_demo(register, 120, seed=21)
    register.db.execute("ANALYZE")
    return register


def _query(register, quick: QuickFilter, sort: SortKey, descending: bool) -> CaseQuery:
    query = apply_quick_filter(CaseQuery(), quick, now=register.clock.now(),
                               tz=register.shop_tz, operator="小王")
    return query.with_changes(sort=sort, descending=descending)


def _pages(store: CaseStore, query: CaseQuery) -> list[int]:
    """The whole list in keyset pages of 9 (each page a LIMIT query)."""
    out, after = [], None
    while page := store.query_page(query, after=after, limit=9):
        out += [case_id for case_id, _v in page]
        after = (page[-1][1], page[-1][0])
    return out


class Planner(SortWalk):
    """The planner's query only (what the list ran before)."""

    def rows(self, sql, params, sort, *, memo=None, budget=None, fallback=True,
             planner=None):
        # The planner's own form where the list gives one (due windows: id lists).
        sql, params = planner if planner is not None else (sql, params)
        return self.db.execute(sql, list(params)).fetchall()


@pytest.mark.parametrize("quick", FILTERS)
@pytest.mark.parametrize(("sort", "descending"), [
    (SortKey.LAST_ACTIVITY, True), (SortKey.DUE, False), (SortKey.ITEM, False),
    (SortKey.CREATED, True), (SortKey.STATUS, False), (SortKey.WARNINGS, True)])
def test_walked_pages_are_the_planners_rows(demo, monkeypatch, quick, sort, descending):
    query = _query(demo, quick, sort, descending)
    walks: list[str] = []
    real_walk = SortWalk._walk

    def spy(self, sql, params, *budget):
        walks.append(sql)
        return real_walk(self, sql, params, *budget)

    monkeypatch.setattr(SortWalk, "_walk", spy)
    planner = CaseStore(demo.db)
    planner._walk = Planner(demo.db)
    expected = planner.query_ids(query)
    assert _pages(CaseStore(demo.db), query) == _pages(planner, query) == expected
    assert all("INDEXED BY" in sql for sql in walks)


def test_some_filter_is_walked(demo, monkeypatch):
    """The test above exercises the walk: some quick filter's plan sorts its matches."""
    walks: list[str] = []
    real_walk = SortWalk._walk
    monkeypatch.setattr(SortWalk, "_walk",
                        lambda self, sql, params, *budget: walks.append(sql) or real_walk(
                            self, sql, params, *budget))
    for quick in FILTERS:
        CaseStore(demo.db).query_page(_query(demo, quick, SortKey.LAST_ACTIVITY, True),
                                      limit=9)
    assert walks


def test_a_walk_past_its_budget_gives_way_to_the_planner(demo, monkeypatch):
    monkeypatch.setattr(sort_walk, "BUDGET", -1.0)  # every walk is over at once
    monkeypatch.setattr(sort_walk, "STEP", 1)
    walk = SortWalk(demo.db)
    query = _query(demo, QuickFilter.OVERDUE, SortKey.LAST_ACTIVITY, True)
    store = CaseStore(demo.db)
    store._walk = walk
    sql = ("SELECT id FROM cases WHERE deleted_at IS NULL AND due_at < ? "
           "ORDER BY last_activity_at DESC, id DESC LIMIT 5")
    params = [demo.clock.now().isoformat()]
    assert walk._walk(sql.replace("WHERE", "INDEXED BY idx_live_activity WHERE", 1),
                      params) is None
    expected = demo.db.execute(sql, params).fetchall()
    assert walk.rows(sql, params, SortKey.LAST_ACTIVITY) == expected
    assert _pages(store, query) == store.query_ids(query)
    # The handler is gone: a long query afterwards runs to its end.
    assert demo.db.execute("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 "
                           "FROM n WHERE v < 200000) SELECT count(*) FROM n"
                           ).fetchone()[0] == 200000


def _skew_statistics(db) -> None:
    """Statistics like those of the 1M benchmark register: ANALYZE's sampled estimate
    makes the activity sort's partial index look five times the size of another live
    index, so the planner scans that one and sorts every case."""
    db.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'cases' "
               "AND idx IN ('idx_live_activity', 'idx_live_deadline_sort')")
    db.execute("INSERT INTO sqlite_stat1 VALUES "
               "('cases', 'idx_live_activity', '925650 1 1 1 1 1 1 1'), "
               "('cases', 'idx_live_deadline_sort', '192600 1')")
    db.execute("ANALYZE sqlite_schema")  # the planner reads the edited statistics
    db.conn.commit()


def _walk_spy(monkeypatch) -> list[str]:
    walks: list[str] = []
    real_walk = SortWalk._walk
    monkeypatch.setattr(SortWalk, "_walk",
                        lambda self, sql, params, *budget: walks.append(sql) or real_walk(
                            self, sql, params, *budget))
    return walks


@pytest.mark.parametrize("text", ["买家", "耳机 买家"])
def test_a_common_terms_search_the_planner_would_sort_is_walked(demo, monkeypatch, text):
    _skew_statistics(demo.db)
    query = CaseQuery(search=text)
    store = CaseStore(demo.db)
    where, params = store._where(query)
    plan = demo.db.execute(f"EXPLAIN QUERY PLAN SELECT id FROM cases WHERE {where} "
                           "ORDER BY last_activity_at DESC, id DESC LIMIT 9",
                           params).fetchall()
    assert any(row[-1] == "USE TEMP B-TREE FOR ORDER BY" for row in plan)  # the trap
    walks = _walk_spy(monkeypatch)
    planner = CaseStore(demo.db)
    planner._walk = Planner(demo.db)
    expected = planner.query_ids(query)
    assert expected
    assert _pages(store, query) == _pages(planner, query) == expected
    assert walks and all("INDEXED BY idx_live_activity" in sql for sql in walks)


def test_a_rare_terms_search_is_sorted_by_the_planner(demo, monkeypatch):
    _skew_statistics(demo.db)
    nick = demo.db.execute("SELECT buyer_nick FROM cases WHERE deleted_at IS NULL "
                           "ORDER BY id LIMIT 1").fetchone()[0]
    query = CaseQuery(search=f"{nick} 买家")  # one term from the index: its few hits
    walks = _walk_spy(monkeypatch)
    store = CaseStore(demo.db)
    assert " MATCH " in store._where(query)[0]
    ids = store.query_ids(query, limit=9)
    assert ids and not walks


def test_a_walk_that_waited_for_the_clock_is_tried_again(demo, monkeypatch):
    """Over the clock's deadline only (the disk, at a cold start): this time the planner's
    query, next time the walk again; over its processor time: the planner's from then."""
    walk = SortWalk(demo.db)
    sql = ("SELECT id FROM cases WHERE deleted_at IS NULL AND status = 'open' "
           "ORDER BY last_activity_at DESC, id DESC LIMIT 5")
    calls: list[str] = []
    real_walk = SortWalk._walk

    def slow_clock(self, sql, params, *budget):
        calls.append(sql)
        self.over_cpu = False
        return None  # as if the clock's deadline passed

    monkeypatch.setattr(walk, "_worth_walking", lambda key, sql, params: walk._walks.get(
        key, True))
    monkeypatch.setattr(SortWalk, "_walk", slow_clock)
    expected = demo.db.execute(sql).fetchall()
    assert walk.rows(sql, [], SortKey.LAST_ACTIVITY) == expected
    assert walk.rows(sql, [], SortKey.LAST_ACTIVITY) == expected
    assert len(calls) == 2  # tried both times
    monkeypatch.setattr(SortWalk, "_walk", real_walk)
    monkeypatch.setattr(sort_walk, "BUDGET", -1.0)  # out of processor time at once
    monkeypatch.setattr(sort_walk, "STEP", 1)
    assert walk.rows(sql, [], SortKey.LAST_ACTIVITY) == expected
    assert walk._walks[sql] == "over"


def test_a_search_walk_past_its_budget_is_remembered_for_its_term_only(demo, monkeypatch):
    walk = SortWalk(demo.db)
    sql = ("SELECT id FROM cases WHERE deleted_at IS NULL AND EXISTS (SELECT 1 FROM "
           "cases_fts_content f WHERE f.id = cases.id AND f.c0 LIKE ?) "
           "ORDER BY last_activity_at DESC, id DESC LIMIT 5")
    monkeypatch.setattr(walk, "_worth_walking", lambda key, sql, params: walk._walks.get(
        key, True))
    monkeypatch.setattr(sort_walk, "BUDGET", -1.0)
    monkeypatch.setattr(sort_walk, "STEP", 1)
    walk.rows(sql, ["%买家%"], SortKey.LAST_ACTIVITY, memo=(sql, ("%买家%",)))
    assert walk._walks == {(sql, ("%买家%",)): "over"}
    monkeypatch.setattr(sort_walk, "BUDGET", 10.0)
    found = walk.rows(sql, ["%耳机%"], SortKey.LAST_ACTIVITY, memo=(sql, ("%耳机%",)))
    assert found == demo.db.execute(sql, ["%耳机%"]).fetchall()
    assert (sql, ("%耳机%",)) not in walk._walks  # walked: nothing to remember against it


def test_a_searchs_pages_share_one_memo(demo, monkeypatch):
    _skew_statistics(demo.db)
    store = CaseStore(demo.db)
    query = CaseQuery(search="买家")
    assert len(_pages(store, query)) > 9  # several pages, each with its own keyset
    search_keys = [k for k in store._walk._walks if isinstance(k, tuple)]
    assert {k[1] for k in search_keys} == {("%买家%",)}
    assert len(search_keys) <= 2  # the first page's SQL and the later pages' SQL


def test_a_search_walk_out_of_time_gives_way_to_the_index_not_the_planners_scan(
        demo, monkeypatch):
    from shopdesk.storage import cases as cases_module

    _skew_statistics(demo.db)  # the planner's scan would sort every case
    monkeypatch.setattr(cases_module, "walk_budget", lambda top: -1.0)
    monkeypatch.setattr(sort_walk, "STEP", 1)
    query = CaseQuery(search="买家")
    store = CaseStore(demo.db)
    planner = CaseStore(demo.db)
    planner._walk = Planner(demo.db)
    expected = _pages(planner, query)
    statements: list[str] = []
    demo.db.conn.set_trace_callback(statements.append)
    try:
        assert _pages(store, query) == expected
    finally:
        demo.db.conn.set_trace_callback(None)
    pages = [s for s in statements if s.startswith("SELECT id, ")]
    # The first page's row-by-row check ran only as the (abandoned) walk; later pages seek
    # the sort index to their keyset, and the majors' tier is a list of ids.
    scans = [s for s in pages if "cases_fts_content" in s and "INDEXED BY" not in s
             and " id IN (" not in s and "last_activity_at <=" not in s]
    assert not scans
    assert any("cases_bigram" in s for s in pages)
