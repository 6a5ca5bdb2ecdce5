"""A stage an export shows first counts from when it was seen, as an estimate.

An export read days after the buyer asked may show the request further on (the seller
already agreed, the buyer is sending the goods back): that stage began at some unknown
time since the request, not when the buyer asked. Counting its rule from the application
showed the deadline long overdue (walkthrough, session 17).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shopdesk.domain.deadlines import DeadlineSource, StageOrigin, StageState, current_stage
from shopdesk.domain.enums import CaseKind, CaseStatus
from shopdesk.domain.platform_state import PlatformStage
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import write_refunds

ASKED = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # 退款的申请时间 2026-11-23 09:30 Beijing
NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
NEVER = StageState(None, StageOrigin.DERIVED, None)


def test_the_opening_stage_counts_from_the_request():
    state = current_stage(NEVER, kind=CaseKind.RETURN_REFUND, status=CaseStatus.NEW,
                          platform_stage=PlatformStage.AWAITING_SELLER, now=NOW, started=ASKED)
    assert state.since == ASKED


def test_a_later_stage_seen_first_counts_from_now():
    state = current_stage(NEVER, kind=CaseKind.RETURN_REFUND, status=CaseStatus.WAITING_BUYER,
                          platform_stage=PlatformStage.AWAITING_RETURN, now=NOW, started=ASKED)
    assert state.since == NOW


def _import(register, clock, tmp_path, status: str):
    clock.advance(days=6)  # the export is read on 11-29
    path = write_refunds(tmp_path, [taobao_refund_row(1, 退款状态=status, 超时时间="")])
    return register.imports.apply(register.imports.read(path), path.name, "小王"
                                  ).created_ids[0]


def test_an_imported_return_under_way_is_not_shown_overdue(register, clock, tmp_path):
    case_id = _import(register, clock, tmp_path, "卖家已经同意退款，等待买家退货")
    deadline = register.deadlines.for_case(case_id)
    assert deadline.stage is PlatformStage.AWAITING_RETURN
    assert deadline.source is DeadlineSource.RULE
    # Taobao's 7 days for the buyer's return, from when the export showed it (11-29),
    # not from the application (11-23: it would read overdue since 11-30 09:30).
    assert deadline.due_at == clock.now() + timedelta(days=7)
    assert deadline.estimate  # shown as 约: the stage began before it was seen
    listed = [d for d in register.deadlines.list() if d.case_id == case_id]
    assert listed and listed[0].estimate and listed[0].due_at == deadline.due_at


def test_an_imported_new_request_counts_from_the_application_exactly(register, clock,
                                                                     tmp_path):
    case_id = _import(register, clock, tmp_path, "买家已经申请退款，等待卖家同意")
    deadline = register.deadlines.for_case(case_id)
    assert deadline.stage is PlatformStage.AWAITING_SELLER
    rule_length = deadline.rule.days or deadline.rule.hours / 24
    assert deadline.due_at is not None and deadline.due_at <= ASKED + timedelta(
        days=rule_length + 1)
    assert not deadline.start_unknown


def test_the_next_stage_runs_from_its_move_exactly(register, clock, tmp_path):
    case_id = _import(register, clock, tmp_path, "卖家已经同意退款，等待买家退货")
    clock.advance(days=2)
    path = write_refunds(tmp_path, [taobao_refund_row(1, 退款状态="买家已经退货，等待卖家确认收货",
                                                      超时时间="")], name="later.csv")
    register.imports.apply(register.imports.read(path), path.name, "小王")
    deadline = register.deadlines.for_case(case_id)
    assert deadline.stage is PlatformStage.RETURN_TO_CHECK
    assert deadline.due_at == clock.now() + timedelta(days=10) and not deadline.estimate


def test_a_typed_case_moved_on_at_once_is_not_an_estimate(register, clock):
    # Review: the guess also caught a case typed by hand (buyer asked 3 h before) and
    # approved within its first minute.
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import Platform
    from shopdesk.domain.workflow import Transition

    case = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="371299", kind=CaseKind.RETURN_REFUND,
        applied_at=clock.now() - timedelta(hours=3)), "小王")
    clock.advance(seconds=30)
    register.cases.change_status(case.id, Transition(CaseStatus.WAITING_BUYER), "小王")
    deadline = register.deadlines.for_case(case.id)
    assert deadline.stage is PlatformStage.AWAITING_RETURN
    assert not deadline.start_unknown and not deadline.estimate


def test_a_typed_dispute_does_not_count_its_evidence_window_from_the_application(
        register, clock):
    # Review: a dispute typed with the buyer's application 5 days ago showed its evidence
    # deadline 2 days overdue; the window opens when the platform steps in.
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import Platform

    case = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="371298", kind=CaseKind.PLATFORM_DISPUTE,
        applied_at=clock.now() - timedelta(days=5)), "小王")
    deadline = register.deadlines.for_case(case.id)
    assert deadline.stage is PlatformStage.PLATFORM_EVIDENCE
    assert deadline.due_at is not None and deadline.due_at > clock.now()
