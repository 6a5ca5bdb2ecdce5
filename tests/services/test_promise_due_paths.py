"""cases.next_promise_due (the list's promise column, sort and overdue filter) stays right on
the paths that change a case without going through PromiseService: platform import
updates, the trash (delete, restore, empty) and restoring a backup."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.promises import PromiseKind
from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
from tests.importers.helpers import taobao_refund_row

from ..conftest import T0
from .calls_support import open_case
from .imports_support import run, write_refunds


def _column(register, case_id):
    return register.db.execute("SELECT next_promise_due FROM cases WHERE id = ?",
                               [case_id]).fetchone()[0]


def _overdue_ids(register):
    query = apply_quick_filter(CaseQuery(), QuickFilter.PROMISE_OVERDUE,
                               now=register.clock.now(), tz=register.shop_tz, operator="")
    return register.cases.query_ids(query)


def test_a_platform_update_leaves_the_promise_due_alone(register, tmp_path, clock):
    service = register.imports
    run(service, write_refunds(tmp_path, [taobao_refund_row(1)], "monday.csv"))
    [case] = register.cases.store.find(refund_no="158000000000000001")
    register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(hours=3), "小王")
    clock.advance(hours=4)
    later = taobao_refund_row(1, 退款状态="退款成功", 买家退款金额="60.00",
                              超时时间="2026-11-27 09:30:00")
    report = run(service, write_refunds(tmp_path, [later], "tuesday.csv"))
    assert report.updated == 1
    assert _column(register, case.id) == "2026-11-23T05:00:00+00:00"
    assert _overdue_ids(register) == [case.id]


def test_trash_restore_and_emptying_keep_the_column_and_the_lists_agreeing(register, clock):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    register.promises.make(a.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.promises.make(b.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    clock.advance(hours=2)
    register.cases.delete([a.id, b.id], "小王")
    assert _overdue_ids(register) == [] and register.promises.overdue_count() == 0
    register.cases.restore([a.id], "小王")
    assert _overdue_ids(register) == [a.id] and register.promises.overdue_count() == 1
    register.cases.empty_trash("小王")  # b and its promise go for good
    assert register.db.execute("SELECT count(*) FROM promises WHERE case_id = ?",
                               [b.id]).fetchone()[0] == 0
    assert _overdue_ids(register) == [a.id] and register.promises.overdue_count() == 1


@pytest.mark.local_only("a team register is restored on its server (pg_restore)")
def test_restoring_a_backup_brings_back_the_column_as_it_was(register, clock):
    case = open_case(register)
    first = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    backup = register.back_up_now()
    register.promises.keep(first.id, "小王")
    register.promises.make(case.id, PromiseKind.RESHIP, T0 + timedelta(hours=5), "小王")
    assert _column(register, case.id) == "2026-11-23T07:00:00+00:00"
    clock.advance(minutes=5)
    restored, _kept = register.restore(backup)
    try:
        assert _column(restored, case.id) == "2026-11-23T03:00:00+00:00"
        assert [p.id for p in restored.promises.open_promises()] == [first.id]
        assert restored.promises.next_due([case.id]) == {case.id: first.due_at}
    finally:
        restored.close()
