from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery, Scope, SortKey
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome, Platform
from shopdesk.domain.errors import ValidationError, WorkflowError
from shopdesk.domain.workflow import Transition
from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter, day_bounds


def draft(**kw):
    base = dict(platform=Platform.TAOBAO, order_no="3712345678901", kind=CaseKind.REFUND_ONLY,
                buyer_nick="小蜜蜂", buyer_phone="13812345678", amount_paid=Decimal("59.00"),
                amount_claimed=Decimal("59.00"))
    base.update(kw)
    return CaseDraft(**base)


def test_case_numbers_are_per_shop_day(register, clock):
    a = register.cases.open_case(draft(), "小王")
    b = register.cases.open_case(draft(), "小王")
    assert (a.case_no, b.case_no) == ("SD-20261123-0001", "SD-20261123-0002")
    # 16:30 UTC is already 00:30 the next day in Shanghai.
    clock.set(datetime(2026, 11, 23, 16, 30, tzinfo=UTC))
    assert register.cases.open_case(draft(), "小王").case_no == "SD-20261124-0001"


def test_open_case_records_who_and_timeline(register):
    case = register.cases.open_case(draft(), "小王")
    assert case.status is CaseStatus.NEW and case.created_by == "小王"
    events = register.cases.timeline(case.id)
    assert [(e.type, e.actor) for e in events] == [("created", "小王")]
    assert register.cases.audit(case.id)[0].action == "create"


def test_invalid_draft_is_refused_and_nothing_saved(register):
    with pytest.raises(ValidationError):
        register.cases.open_case(draft(order_no=""), "小王")
    with pytest.raises(ValidationError):
        register.cases.open_case(draft(), "")  # nobody at the keyboard
    assert register.cases.count(CaseQuery()) == 0


def test_update_writes_one_audit_row_per_changed_field(register, clock):
    case = register.cases.open_case(draft(), "小王")
    clock.advance(minutes=3)
    changed = register.cases.get(case.id)
    changed.amount_claimed = Decimal("20.00")
    changed.item_title = "保温杯"
    register.cases.update(case.id, changed, "小李")
    rows = [(a.actor, a.field, a.old, a.new) for a in register.cases.audit(case.id)
            if a.action == "update"]
    assert sorted(rows) == [("小李", "amount_claimed", "59.00", "20.00"),
                            ("小李", "item_title", "", "保温杯")]
    after = register.cases.get(case.id)
    assert after.amount_claimed == Decimal("20.00")
    assert after.last_activity_at == clock.now()


def test_update_without_changes_writes_nothing(register):
    case = register.cases.open_case(draft(), "小王")
    register.cases.update(case.id, register.cases.get(case.id), "小王")
    assert [a.action for a in register.cases.audit(case.id)] == ["create"]


def test_status_workflow_with_outcome_and_reopen(register, clock):
    case = register.cases.open_case(draft(), "小王")
    register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    clock.advance(hours=1)
    resolved = register.cases.change_status(
        case.id, Transition(CaseStatus.RESOLVED, Outcome.PARTIAL_REFUND, Decimal("20"),
                            "协商部分退款"), "小王")
    assert resolved.outcome is Outcome.PARTIAL_REFUND
    assert resolved.amount_settled == Decimal("20.00")
    with pytest.raises(WorkflowError):
        register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    reopened = register.cases.change_status(
        case.id, Transition(CaseStatus.IN_PROGRESS, note="买家反馈还有问题"), "小李")
    assert reopened.outcome is None and reopened.status is CaseStatus.IN_PROGRESS
    statuses = [(e.data["from"], e.data["to"], e.actor) for e in register.cases.timeline(case.id)
                if e.type == "status"]
    assert statuses == [("new", "in_progress", "小王"), ("in_progress", "resolved", "小王"),
                        ("resolved", "in_progress", "小李")]


def test_refund_above_paid_is_refused_by_service(register):
    case = register.cases.open_case(draft(), "小王")
    with pytest.raises(WorkflowError):
        register.cases.change_status(
            case.id, Transition(CaseStatus.RESOLVED, Outcome.FULL_REFUND, Decimal("60")), "小王")
    assert register.cases.get(case.id).status is CaseStatus.NEW


def test_notes_on_timeline_and_empty_note_refused(register):
    case = register.cases.open_case(draft(), "小王")
    register.cases.add_note(case.id, "已联系买家，等待照片", "小王")
    with pytest.raises(ValidationError):
        register.cases.add_note(case.id, "   ", "小王")
    notes = [e.text for e in register.cases.timeline(case.id) if e.type == "note"]
    assert notes == ["已联系买家，等待照片"]


def test_reveal_phone_is_audited(register):
    case = register.cases.open_case(draft(), "小王")
    assert register.cases.reveal_phone(case.id, "小李") == "13812345678"
    reveals = [a for a in register.cases.audit(case.id) if a.action == "reveal_phone"]
    assert len(reveals) == 1 and reveals[0].actor == "小李"


def test_soft_delete_restore_and_empty_trash(register):
    a = register.cases.open_case(draft(), "小王")
    b = register.cases.open_case(draft(), "小王")
    assert register.cases.delete([a.id], "小王") == 1
    assert register.cases.query_ids(CaseQuery()) == [b.id]
    assert register.cases.query_ids(CaseQuery(scope=Scope.TRASH)) == [a.id]
    assert register.cases.restore([a.id], "小王") == 1
    assert register.cases.count(CaseQuery()) == 2
    register.cases.delete([a.id, b.id], "小王")
    assert register.cases.empty_trash("小王") == 2
    assert register.cases.count(CaseQuery(scope=Scope.TRASH)) == 0
    assert {x.action for x in register.cases.audit_log.latest()} >= {"delete", "restore", "purge"}


def test_quick_filters(register, clock):
    now = clock.now()
    due_today = register.cases.open_case(draft(due_at=now + timedelta(hours=3)), "小王")
    overdue = register.cases.open_case(draft(due_at=now - timedelta(hours=1)), "小李")
    later = register.cases.open_case(draft(due_at=now + timedelta(days=3)), "小王")
    later2 = register.cases.open_case(draft(assignee="小王"), "小王")
    register.cases.change_status(later.id, Transition(CaseStatus.RESOLVED,
                                                      Outcome.EXCHANGED), "小王")

    def q(quick):
        query = apply_quick_filter(CaseQuery(sort=SortKey.CREATED, descending=False), quick,
                                   now=now, tz="Asia/Shanghai", operator="小王")
        return register.cases.query_ids(query)

    assert q(QuickFilter.OPEN) == [due_today.id, overdue.id, later2.id]
    # overdue (earlier today) also falls due today
    assert q(QuickFilter.DUE_TODAY) == [due_today.id, overdue.id]
    assert q(QuickFilter.OVERDUE) == [overdue.id]
    assert q(QuickFilter.MINE) == [later2.id]
    assert len(q(QuickFilter.ALL)) == 4


def test_sorting_in_sql(register):
    a = register.cases.open_case(draft(amount_claimed=Decimal("5")), "小王")
    b = register.cases.open_case(draft(amount_claimed=Decimal("50")), "小王")
    c = register.cases.open_case(draft(amount_claimed=None), "小王")
    up = register.cases.query_ids(CaseQuery(sort=SortKey.AMOUNT, descending=False))
    assert up == [c.id, a.id, b.id]
    assert register.cases.query_ids(CaseQuery(sort=SortKey.AMOUNT)) == [b.id, a.id, c.id]


def test_staff_and_operator(register):
    register.staff.add("阿珍", actor="小王")
    with pytest.raises(ValidationError):
        register.staff.add("阿珍", actor="小王")
    register.staff.set_current_operator("阿珍")
    assert register.staff.current_operator() == "阿珍"
    member = next(m for m in register.staff.list() if m.name == "阿珍")
    register.staff.deactivate(member.id, "小王")
    assert register.staff.current_operator() == ""
    assert "阿珍" not in [m.name for m in register.staff.list()]


def test_contradictory_quick_filters_match_nothing(register, clock):
    register.cases.open_case(draft(assignee=""), "小王")
    closed_only = CaseQuery(statuses=(CaseStatus.CLOSED,))
    for quick in (QuickFilter.OPEN, QuickFilter.DUE_TODAY, QuickFilter.OVERDUE):
        q = apply_quick_filter(closed_only, quick, now=clock.now(), tz="Asia/Shanghai",
                               operator="小王")
        assert register.cases.query_ids(q) == []
    mine_nobody = apply_quick_filter(CaseQuery(), QuickFilter.MINE, now=clock.now(),
                                     tz="Asia/Shanghai", operator="")
    assert register.cases.query_ids(mine_nobody) == []
    # and back to ALL the contradiction is gone
    assert len(register.cases.query_ids(apply_quick_filter(
        mine_nobody, QuickFilter.ALL, now=clock.now(), tz="Asia/Shanghai", operator=""))) == 1


def test_overdue_and_due_today_count_the_platform_deadline_too(register, clock):
    # Walkthrough (session 17): a JD refund whose platform clock ran out, with no due time
    # of its own, stood "overdue 281 d" in 剩余时间 while 已逾期 said nothing was overdue.
    ran_out = register.cases.open_case(draft(platform=Platform.JD, order_no="JD2002",
                                             kind=CaseKind.REFUND_ONLY, due_at=None), "小王")
    deadline = register.deadlines.for_case(ran_out.id).due_at
    assert deadline is not None
    clock.advance(hours=(deadline - clock.now()).total_seconds() / 3600 + 1)
    ends_today = register.cases.open_case(draft(platform=Platform.JD, order_no="JD2001",
                                                kind=CaseKind.REFUND_ONLY, due_at=None),
                                          "小王")
    now = clock.now()
    mine = register.cases.open_case(draft(due_at=now - timedelta(minutes=5)), "小王")

    def q(quick):
        query = apply_quick_filter(CaseQuery(sort=SortKey.CREATED, descending=False), quick,
                                   now=now, tz="Asia/Shanghai", operator="小王")
        return register.cases.query_ids(query)

    assert q(QuickFilter.OVERDUE) == [ran_out.id, mine.id]
    today = register.deadlines.for_case(ends_today.id).due_at
    start, end = day_bounds(now, "Asia/Shanghai")
    assert (start <= today < end) == (ends_today.id in q(QuickFilter.DUE_TODAY))
    assert mine.id in q(QuickFilter.DUE_TODAY)
    # Resolved: neither its own due time nor its (ended) clock lists it.
    register.cases.change_status(ran_out.id, Transition(CaseStatus.RESOLVED,
                                                        Outcome.EXCHANGED), "小王")
    assert q(QuickFilter.OVERDUE) == [mine.id]
