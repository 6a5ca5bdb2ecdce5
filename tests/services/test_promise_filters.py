"""The case list's promise filters and sort: storage query building via quick filters."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.enums import CaseStatus
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.workflow import Transition
from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter

from ..conftest import T0
from .calls_support import open_case


def _ids(register, quick, *, base=None, sort=SortKey.CASE_NO, descending=False):
    query = apply_quick_filter((base or CaseQuery()).with_changes(sort=sort,
                                                                   descending=descending),
                               quick, now=register.clock.now(), tz=register.shop_tz,
                               operator="小王")
    return register.cases.query_ids(query)


def test_overdue_and_today_filters_follow_the_clock(register, clock):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    c = open_case(register, order="3700000000003")
    none = open_case(register, order="3700000000004")
    # T0 is 10:00 in Shanghai: a at 11:00 today, b at 10:00 tomorrow, c at 23:59 today.
    register.promises.make(a.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.promises.make(b.id, PromiseKind.RESHIP, T0 + timedelta(hours=24), "小王")
    register.promises.make(c.id, PromiseKind.REFUND, T0 + timedelta(hours=13, minutes=59),
                           "小王")
    assert _ids(register, QuickFilter.PROMISE_OVERDUE) == []
    assert _ids(register, QuickFilter.PROMISE_TODAY) == [a.id, c.id]
    clock.set(T0 + timedelta(hours=1))  # exactly a's due time: overdue
    assert _ids(register, QuickFilter.PROMISE_OVERDUE) == [a.id]
    assert _ids(register, QuickFilter.PROMISE_TODAY) == [a.id, c.id]  # due today, still
    clock.set(T0 + timedelta(hours=25))  # tomorrow 11:00
    assert _ids(register, QuickFilter.PROMISE_OVERDUE) == [a.id, b.id, c.id]
    assert _ids(register, QuickFilter.PROMISE_TODAY) == [b.id]
    assert none.id not in _ids(register, QuickFilter.ALL, sort=SortKey.PROMISE_DUE)[:3]


def test_a_case_with_an_earlier_promise_still_shows_under_today(register, clock):
    case = open_case(register)
    register.promises.make(case.id, PromiseKind.REPLY, T0 - timedelta(minutes=1), "小王")
    clock.set(T0 + timedelta(days=1))
    register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(days=1, hours=2),
                           "小王")
    # The earliest open promise is yesterday's, but one is due today too.
    assert _ids(register, QuickFilter.PROMISE_TODAY) == [case.id]
    assert _ids(register, QuickFilter.PROMISE_OVERDUE) == [case.id]


def test_kept_broken_and_trashed_leave_the_filters(register, clock):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    c = open_case(register, order="3700000000003")
    pa = register.promises.make(a.id, PromiseKind.REPLY, T0 + timedelta(minutes=30), "小王")
    pb = register.promises.make(b.id, PromiseKind.REPLY, T0 + timedelta(minutes=30), "小王")
    register.promises.make(c.id, PromiseKind.REPLY, T0 + timedelta(minutes=30), "小王")
    clock.advance(hours=1)
    assert _ids(register, QuickFilter.PROMISE_OVERDUE) == [a.id, b.id, c.id]
    register.promises.keep(pa.id, "小王")
    register.promises.break_promise(pb.id, "小王", "缺货")
    register.cases.delete([c.id], "小王")
    assert _ids(register, QuickFilter.PROMISE_OVERDUE) == []
    assert _ids(register, QuickFilter.PROMISE_TODAY) == []


def test_promise_filters_ignore_case_status_but_keep_other_filters(register, clock):
    done = open_case(register, order="3700000000001")
    other = open_case(register, order="3700000000002", nick="大熊")
    for case in (done, other):
        register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(minutes=10), "小王")
    register.cases.change_status(done.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    clock.advance(hours=1)
    # A promise is owed until kept or broken, whatever the case's status.
    assert _ids(register, QuickFilter.PROMISE_OVERDUE) == [done.id, other.id]
    searched = CaseQuery(search="大熊")
    assert _ids(register, QuickFilter.PROMISE_OVERDUE, base=searched) == [other.id]
    # Switching back to another quick filter drops the promise condition.
    assert len(_ids(register, QuickFilter.ALL)) == 2


def test_sort_by_next_promise_due_puts_unpromised_cases_last(register):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    c = open_case(register, order="3700000000003")
    register.promises.make(b.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.promises.make(c.id, PromiseKind.REPLY, T0 + timedelta(hours=3), "小王")
    assert _ids(register, QuickFilter.ALL, sort=SortKey.PROMISE_DUE) == [b.id, c.id, a.id]
    assert _ids(register, QuickFilter.ALL, sort=SortKey.PROMISE_DUE,
                descending=True) == [a.id, c.id, b.id]
    assert register.cases.count(apply_quick_filter(
        CaseQuery(), QuickFilter.PROMISE_TODAY, now=T0, tz=register.shop_tz,
        operator="")) == 2


@pytest.mark.local_only("reads SQLite's EXPLAIN QUERY PLAN")
def test_the_overdue_filter_uses_the_partial_index(register):
    query = apply_quick_filter(CaseQuery(), QuickFilter.PROMISE_OVERDUE, now=T0,
                               tz=register.shop_tz, operator="")
    from shopdesk.storage.cases import _where

    where, params = _where(query)
    plan = " ".join(str(r[-1]) for r in register.db.execute(
        f"EXPLAIN QUERY PLAN SELECT id FROM cases WHERE {where}", params).fetchall())
    assert "idx_live_promise_due" in plan
