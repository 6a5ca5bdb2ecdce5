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
