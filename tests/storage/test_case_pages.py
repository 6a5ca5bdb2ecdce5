"""A deep keyset page of the case list seeks its sort index to the page (SQLite's plan
says SEARCH, not SCAN), majors first or not: it costs what its rows cost."""

from __future__ import annotations

import pytest

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.services.register import open_register


@pytest.mark.parametrize(("sort", "index"), [(SortKey.LAST_ACTIVITY, "idx_live_activity"),
                                             (SortKey.CREATED, "idx_live_created"),
                                             (SortKey.DUE, "idx_live_due_sort")])
@pytest.mark.parametrize("major_first", [True, False])
def test_a_deep_page_seeks_the_sort_index(data_paths, clock, seed_register, sort, index,
                                          major_first):
    reg = open_register(seed_register(data_paths), clock)
    try:
        reg.staff.add("老板", actor="小王")
        for i in range(30):
            clock.advance(minutes=1)
            case = reg.cases.open_case(draft_from_fields(
                {"platform": "taobao", "order_no": f"T3000{i:02d}", "kind": "refund_only",
                 "amount_paid": "10"}), "小王")
        reg.major.mark(case.id, "老板", "小王")
        query = CaseQuery(sort=sort, descending=True, major_first=major_first)
        last = reg.cases.query_page(query, limit=20)[-1]
        seen: list[tuple[str, list]] = []
        execute = reg.db.execute

        def recording(sql, params=()):
            seen.append((sql, list(params)))
            return execute(sql, params)

        reg.db.execute = recording  # type: ignore[method-assign]
        page = reg.cases.query_page(query, after=(last[1], last[0]), limit=5)
        reg.db.execute = execute  # type: ignore[method-assign]
        assert len(page) == 5
        sql, params = seen[-1]
        plan = " ".join(r[3] for r in execute("EXPLAIN QUERY PLAN " + sql, params))
        assert f"SEARCH cases USING INDEX {index}" in plan, plan
        assert "NOT IN" not in sql
    finally:
        reg.close()


def test_finding_the_majors_reads_their_own_index_not_the_register(data_paths, clock,
                                                                   seed_register):
    """Every list query with majors first asks for the major cases' ids first: that must
    read the few rows of idx_live_major, not walk another index through every case (it
    cost 300 ms per query at 100k)."""
    reg = open_register(seed_register(data_paths), clock)
    try:
        for i in range(5):
            reg.cases.open_case(draft_from_fields(
                {"platform": "taobao", "order_no": f"T4000{i:02d}", "kind": "refund_only"}),
                "小王")
        seen: list[tuple[str, list]] = []
        execute = reg.db.execute

        def recording(sql, params=()):
            seen.append((sql, list(params)))
            return execute(sql, params)

        reg.db.execute = recording  # type: ignore[method-assign]
        reg.cases.query_page(CaseQuery(major_first=True), limit=5)
        reg.db.execute = execute  # type: ignore[method-assign]
        sql, params = next((s, p) for s, p in seen if "major_owner != ''" in s)
        plan = " ".join(str(r[-1]) for r in execute("EXPLAIN QUERY PLAN " + sql,
                                                    params).fetchall())
        assert "idx_live_major" in plan, plan
    finally:
        reg.close()


# The ORDER BY of these sorts is their index's own order (value, status, id): no sort.
# Activity's index has more columns before the id, and created keeps ties in creation
# order: SQLite sorts each run of equal rows ("RIGHT PART"), never the whole list.
_NOT_SORTED = [k for k in SortKey if k not in (SortKey.LAST_ACTIVITY, SortKey.CREATED)]


@pytest.mark.parametrize("sort", [*_NOT_SORTED, SortKey.LAST_ACTIVITY, SortKey.CREATED])
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_reads_its_first_page_from_its_index(register, sort, descending):
    """Ties came ordered by id, which no sort index holds: SQLite sorted every run of
    equal values before the first row (65 ms at 1M for kind, a fifth of the register)."""
    from shopdesk.services.demo import generate_demo

    generate_demo(register, 40, seed=11)
    register.db.execute("ANALYZE")
    seen: list[tuple[str, list]] = []
    execute = register.db.execute

    def recording(sql, params=()):
        seen.append((sql, list(params)))
        return execute(sql, params)

    query = CaseQuery(sort=sort, descending=descending, major_first=False)
    first = register.cases.query_page(query, limit=10)
    register.db.execute = recording  # type: ignore[method-assign]
    register.cases.query_page(query, after=(first[-1][1], first[-1][0]), limit=10)
    register.db.execute = execute  # type: ignore[method-assign]
    sql, params = next((s, p) for s, p in reversed(seen) if "ORDER BY" in s)
    plan = [r[3] for r in execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
    assert all("INDEX" in p for p in plan if p.startswith("SCAN cases")), plan
    if sort in _NOT_SORTED:
        assert not any("TEMP B-TREE" in p for p in plan), plan
    else:
        assert not any(p == "USE TEMP B-TREE FOR ORDER BY" for p in plan), plan


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_pages_over_long_ties_give_the_whole_order_once(register, sort, descending):
    """Keyset pages of 7 over a list whose sort values repeat in long runs (every case
    copied 5 times) list every case once, in the order of the whole query."""
    from shopdesk.services.demo import generate_demo
    from shopdesk.storage.rows import CASE_COLUMNS

    generate_demo(register, 20, seed=13)
    cols = [c for c in CASE_COLUMNS if c not in ("id", "case_no")]
    with register.db.atomic():
        register.db.execute(
            f"INSERT INTO cases (case_no, {', '.join(cols)}) SELECT 'T-' || n.v || '-' "
            f"|| c.id, {', '.join('c.' + c for c in cols)} FROM (SELECT 1 AS v UNION "
            "SELECT 2 UNION SELECT 3 UNION SELECT 4) n, cases c")
    query = CaseQuery(sort=sort, descending=descending)
    whole = register.cases.query_ids(query)
    paged, after = [], None
    while page := register.cases.query_page(query, after=after, limit=7):
        paged += [case_id for case_id, _v in page]
        after = (page[-1][1], page[-1][0])
    assert paged == whole and len(set(whole)) == len(whole) == 100
    target = whole[60]
    through = register.cases.query_page(query, through=register.cases.sort_value(query,
                                                                                target))
    assert [i for i, _v in through] == whole[:61]


def test_list_rows_hold_each_cases_own_stored_values(register):
    """A list row is the case's own columns in stored form, for every demo case, trashed
    ones too (the trash view lists them)."""
    from shopdesk.domain.case_list import list_row
    from shopdesk.services.demo import generate_demo

    generate_demo(register, 60, seed=7)
    ids = [r[0] for r in register.db.execute("SELECT id FROM cases").fetchall()]
    with register.db.atomic():
        register.cases.store.set_deleted(ids[:1], register.clock.now())
    rows = register.cases.list_rows(ids)
    assert sorted(rows) == sorted(ids) and len(ids) >= 60
    for case_id, row in rows.items():
        assert row == list_row(register.cases.store.get(case_id, include_deleted=True))
    assert register.cases.list_rows([]) == {}
