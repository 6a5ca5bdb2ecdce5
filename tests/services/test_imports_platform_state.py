"""The platform's own state drives the case: finished refunds are not open work."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.workflow import Transition
from shopdesk.services.imports import ImportService
from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
from tests.importers.helpers import TAOBAO_42_STATES, csv_bytes, taobao42_rows, xlsx_bytes

S = CaseStatus


@pytest.fixture
def service(register) -> ImportService:
    return register.imports


def write(tmp_path: Path, states: list[dict[str, object]], name: str = "refunds.csv") -> Path:
    path = tmp_path / name
    if name.endswith(".xlsx"):
        rows = [[c[2:-1] if isinstance(c, str) and c.startswith('="') else c for c in row]
                for row in taobao42_rows(states)]
        path.write_bytes(xlsx_bytes(rows))
    else:
        path.write_bytes(csv_bytes(taobao42_rows(states), "gbk"))
    return path


def run(service: ImportService, path: Path, **kw):
    return service.apply(service.read(path), path.name, "小王", **kw)


def by_refund(register, i: int):
    return register.cases.store.find(refund_no=str(158000000000000000 + i))[0]


def count(register, clock, quick: QuickFilter) -> int:
    query = apply_quick_filter(CaseQuery(), quick, now=clock.now(), tz=register.shop_tz,
                               operator="小王")
    return register.cases.count(query)


@pytest.mark.parametrize("name", ["first-month.csv", "first-month.xlsx"])
def test_a_first_import_puts_only_open_work_in_the_open_queue(service, register, clock,
                                                             tmp_path, name):
    report = run(service, write(tmp_path, TAOBAO_42_STATES, name))
    assert (report.created, report.resolved_by_platform, report.closed_by_platform) == (10, 3, 1)
    assert report.conflicts == [] and report.unknown_statuses == []
    statuses = [by_refund(register, i).status for i in range(1, 11)]
    assert statuses == [S.NEW, S.WAITING_BUYER, S.IN_PROGRESS, S.WAITING_BUYER, S.RESOLVED,
                        S.RESOLVED, S.CLOSED, S.WAITING_PLATFORM, S.WAITING_PLATFORM,
                        S.RESOLVED]
    # All ten had their platform deadline in the past; only open work is open or overdue.
    assert count(register, clock, QuickFilter.OPEN) == 6
    assert count(register, clock, QuickFilter.OVERDUE) == 6
    assert count(register, clock, QuickFilter.ALL) == 10


def test_finished_rows_are_resolved_with_outcome_amount_and_time(service, register,
                                                                 tmp_path):
    run(service, write(tmp_path, TAOBAO_42_STATES))
    full, partial, closed, ruled = (by_refund(register, i) for i in (5, 6, 7, 10))
    assert (full.outcome, full.amount_settled) == (Outcome.FULL_REFUND, Decimal("100.00"))
    assert (partial.outcome, partial.amount_settled) == (Outcome.PARTIAL_REFUND,
                                                         Decimal("35.50"))
    assert (closed.outcome, closed.amount_settled) == (Outcome.BUYER_WITHDREW, None)
    assert full.resolved_at.isoformat() == "2026-11-03T04:00:00+00:00"  # 退款完结时间
    assert partial.resolved_at.isoformat() == "2026-11-06T00:30:00+00:00"  # 完结时间
    assert closed.resolved_at.isoformat() == "2026-11-07T12:00:00+00:00"
    assert ruled.platform_involved and ruled.status is S.RESOLVED
    # Refund speed counts from the buyer's request to the refund.
    assert full.applied_at.isoformat() == "2026-11-02T01:00:00+00:00"
    assert (full.resolved_at - full.applied_at).total_seconds() == 27 * 3600
    open_case = by_refund(register, 1)
    assert open_case.resolved_at is None and open_case.outcome is None
    dispute = by_refund(register, 8)
    assert dispute.platform_involved and dispute.platform_stage.value == "platform_intervention"
    assert dispute.extra["platform_evidence_deadline"] == "2026-11-09T01:00:00+00:00"
    assert dispute.due_at.isoformat() == "2026-11-04T01:00:00+00:00"


def test_a_later_export_moves_the_case_with_a_platform_event(service, register, tmp_path):
    first = [TAOBAO_42_STATES[0], TAOBAO_42_STATES[1], TAOBAO_42_STATES[7]]
    run(service, write(tmp_path, first, "monday.csv"))
    later = [
        {"退款状态": "退款成功", "退款完结时间": "2026-11-10 10:00:00"},
        {"退款状态": "买家已经退货，等待卖家确认收货", "是否需要退货": "是",
         "退货物流单号": "SF1234567890", "退货物流公司": "顺丰速运"},
        {"退款状态": "退款关闭", "客服介入状态": "客服处理完成", "完结时间": "2026-11-11 09:00:00"},
    ]
    report = run(service, write(tmp_path, later, "tuesday.csv"))
    assert (report.updated, report.resolved_by_platform, report.closed_by_platform) == (3, 1, 1)
    refunded, returned, closed = (by_refund(register, i) for i in (1, 2, 3))
    assert (refunded.status, refunded.outcome, refunded.amount_settled) == (
        S.RESOLVED, Outcome.FULL_REFUND, Decimal("100.00"))
    assert refunded.resolved_at.isoformat() == "2026-11-10T02:00:00+00:00"
    assert returned.status is S.IN_PROGRESS
    assert returned.extra["platform_fields"]["return_waybill"] == "SF1234567890"
    assert (closed.status, closed.outcome) == (S.CLOSED, Outcome.BUYER_WITHDREW)
    moved = [e for e in register.cases.timeline(refunded.id) if e.type == "status"]
    assert [e.text for e in moved] == ["平台：退款成功"]
    data = moved[0].data
    assert (data["from"], data["to"], data["outcome"], data["amount"]) == (
        "new", "resolved", "full_refund", "100.00")
    assert data["platform_status"] == {"old": "买家已经申请退款，等待卖家同意", "new": "退款成功"}
    assert data["by"] == "platform" and data["source"] == "tuesday.csv"
    audited = {(a.field, a.old, a.new) for a in register.cases.audit(refunded.id)}
    assert ("status", "new", "resolved") in audited
    # The same file again changes nothing.
    again = run(service, write(tmp_path, later, "tuesday.csv"))
    assert (again.updated, again.unchanged, again.resolved_by_platform) == (0, 3, 0)


def test_a_status_set_by_hand_wins_and_the_conflict_is_listed(service, register, clock,
                                                              tmp_path):
    run(service, write(tmp_path, [TAOBAO_42_STATES[0], TAOBAO_42_STATES[1]], "monday.csv"))
    mine = by_refund(register, 1)
    register.cases.change_status(mine.id, Transition(S.IN_PROGRESS), "小王")
    clock.advance(hours=2)
    later = write(tmp_path, [{"退款状态": "退款成功", "退款完结时间": "2026-11-10 10:00:00"},
                             {"退款状态": "退款成功", "退款完结时间": "2026-11-10 11:00:00"}],
                  "tuesday.csv")
    parsed = service.read(later)
    preview = service.preview(parsed, later.name)
    (conflict,) = preview.conflicts
    assert (conflict.case_no, conflict.field, conflict.ours, conflict.platform) == (
        mine.case_no, "status", "in_progress", "resolved")
    row_text = dict(preview.changes)[conflict.row]
    assert "冲突" in row_text and "处理中" in row_text
    assert register.cases.get(mine.id).status is S.IN_PROGRESS  # a preview writes nothing

    report = service.apply(parsed, later.name, "小王")
    assert [c.case_no for c in report.conflicts] == [mine.case_no]
    assert report.resolved_by_platform == 1  # the other, untouched case
    case = register.cases.get(mine.id)
    assert case.status is S.IN_PROGRESS and case.outcome is None  # the user's choice
    assert case.platform_status == "退款成功"  # the platform's facts are still recorded
    assert "保留" in report.message() and "keep the status you set" in report.message("en")
    data = report.to_json()
    assert data["conflicts"][0]["case_no"] == mine.case_no
    assert {k: data["conflicts"][0][k] for k in ("field", "ours", "platform")} == {
        "field": "status", "ours": "in_progress", "platform": "resolved"}
    assert by_refund(register, 2).status is S.RESOLVED
    # Listed once: importing the same export again raises no new conflict.
    assert run(service, later).conflicts == []


def test_an_outcome_set_by_hand_is_kept(service, register, tmp_path):
    run(service, write(tmp_path, [TAOBAO_42_STATES[0]], "monday.csv"))
    case = by_refund(register, 1)
    register.cases.change_status(case.id, Transition(S.RESOLVED, Outcome.COMPENSATED,
                                                     Decimal("10.00")), "小王")
    report = run(service, write(tmp_path, [{"退款状态": "退款成功"}], "tuesday.csv"))
    (conflict,) = report.conflicts
    assert (conflict.field, conflict.ours, conflict.platform) == (
        "outcome", "compensated", "full_refund")
    case = register.cases.get(case.id)
    assert (case.outcome, case.amount_settled) == (Outcome.COMPENSATED, Decimal("10.00"))


def test_a_case_typed_by_hand_follows_the_platform_until_someone_moves_it(
        service, register, tmp_path):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    untouched = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                                   order_no="3126112300000000001",
                                                   kind=CaseKind.REFUND_ONLY), "小王")
    worked = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                                order_no="3126112300000000002",
                                                kind=CaseKind.REFUND_ONLY), "小王")
    register.cases.change_status(worked.id, Transition(S.WAITING_BUYER), "小王")
    report = run(service, write(tmp_path, [{"退款状态": "退款成功"}, {"退款状态": "退款成功"}]))
    assert register.cases.get(untouched.id).status is S.RESOLVED
    assert register.cases.get(worked.id).status is S.WAITING_BUYER
    assert [c.case_no for c in report.conflicts] == [worked.case_no]


def test_only_open_leaves_finished_refunds_out_of_a_first_import(service, register, clock,
                                                                 tmp_path):
    path = write(tmp_path, TAOBAO_42_STATES)
    preview = service.preview(service.read(path), path.name, only_open=True)
    assert (preview.created, preview.left_out) == (6, 4)
    report = run(service, path, only_open=True)
    assert (report.created, report.left_out, report.resolved_by_platform) == (6, 4, 0)
    assert report.to_json()["left_out_finished"] == 4
    assert count(register, clock, QuickFilter.ALL) == count(register, clock, QuickFilter.OPEN)
    # A case already in the register is still moved when its refund finishes.
    later = write(tmp_path, [{"退款状态": "退款成功"}], "later.csv")
    moved = run(service, later, only_open=True)
    assert (moved.updated, moved.left_out, moved.resolved_by_platform) == (1, 0, 1)


def test_finished_since_keeps_what_ended_on_or_after_the_day(service, register, tmp_path):
    report = run(service, write(tmp_path, TAOBAO_42_STATES), finished_since=date(2026, 11, 6))
    # Row 5 ended on 2026-11-03: left out; 2026-11-06 08:30, -07 and -08 are kept.
    assert (report.created, report.left_out) == (9, 1)
    assert register.cases.store.find(refund_no="158000000000000005") == []
    assert by_refund(register, 6).status is S.RESOLVED


def test_a_finished_row_without_an_end_time_is_kept(service, register, tmp_path):
    report = run(service, write(tmp_path, [{"退款状态": "退款成功"}]),
                 finished_since=date(2026, 11, 6))
    assert (report.created, report.left_out) == (1, 0)
    assert by_refund(register, 1).resolved_at is not None  # the import's time


def test_unknown_platform_wordings_are_reported_and_leave_the_case_new(service, register,
                                                                       tmp_path):
    report = run(service, write(tmp_path, [{"退款状态": "退款成功（极速）"}]))
    assert report.unknown_statuses == ["退款成功（极速）"]
    assert report.to_json()["unknown_platform_statuses"] == ["退款成功（极速）"]
    case = by_refund(register, 1)
    assert case.status is S.NEW and case.platform_status == "退款成功（极速）"
    assert case.platform_stage is None


def test_the_responsible_party_never_touches_the_cause(service, register, tmp_path):
    run(service, write(tmp_path, [{"责任方": "卖家", "买家退款原因": "不想要了"}]))
    case = by_refund(register, 1)
    assert case.extra["cause_side_hint"] == "seller"
    assert case.cause is not None and case.cause.side.value == "buyer"


def test_an_outcome_filled_from_the_platform_is_on_the_timeline(service, register,
                                                                 tmp_path):
    run(service, write(tmp_path, [{}], "monday.csv"))
    case = by_refund(register, 1)
    register.cases.change_status(case.id, Transition(S.CLOSED, note="买家说不退了"), "小王")
    # The user closed it before the platform did: same status, the outcome is filled in.
    run(service, write(tmp_path, [{"退款状态": "退款关闭", "完结时间": "2026-11-20 10:00:00"}],
                       "tuesday.csv"))
    case = register.cases.get(case.id)
    assert (case.status, case.outcome) == (S.CLOSED, Outcome.BUYER_WITHDREW)
    update = register.cases.timeline(case.id)[-1]
    assert update.type == "platform_update" and "买家撤销" in update.text
    assert update.data["fields"]["outcome"] == {"old": None, "new": "buyer_withdrew"}
