"""may_call_now and the compliance report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.enums import CaseStatus
from shopdesk.domain.workflow import Transition

from .calls_support import call_service, open_case

MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def test_may_call_now_lists_callable_buyers_once(register, clock):
    calls = call_service(register)
    ok_a = open_case(register, nick="可拨", order="3700000000001")
    open_case(register, nick="可拨", order="3700000000002")  # same buyer: listed once
    open_case(register, nick="没电话", phone="", order="3700000000003")
    dnc = open_case(register, nick="勿扰", phone="13900000004", order="3700000000004")
    calls.set_do_not_call(dnc.id, True, "小王")
    closed = open_case(register, nick="已关闭", phone="13900000005", order="3700000000005")
    register.cases.change_status(closed.id, Transition(CaseStatus.CLOSED, note="无需处理"),
                                 "小王")
    recent = open_case(register, nick="刚打过", phone="13900000006", order="3700000000006")
    calls.log_call(recent.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.set(MON_10 + timedelta(minutes=30))  # inside the minimum gap for 刚打过

    listed = calls.may_call_now()
    assert [c.case.buyer_nick for c in listed] == ["可拨"]
    assert listed[0].case.id == ok_a.id and listed[0].decision.remaining_case == 3

    clock.set(MON_10 + timedelta(hours=10))  # 20:00 local: nobody
    assert calls.may_call_now() == []


def test_compliance_report_counts_overrides_and_off_window_calls(register, clock):
    calls = call_service(register)
    a = open_case(register, nick="甲", order="3700000000001")
    b = open_case(register, nick="乙", phone="13900000012", order="3700000000002")
    calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.set(MON_10 + timedelta(minutes=40))
    calls.log_call(a.id, CallOutcome.CONNECTED, "店长", override_reason="买家要求回电")
    clock.set(MON_10 + timedelta(hours=9))  # 19:00 local: outside 10–18, not quiet
    calls.log_call(b.id, CallOutcome.NO_ANSWER, "小王", override_reason="约好晚上联系")

    report = calls.compliance_report(MON_10 - timedelta(days=1))
    lines = {line.buyer_key: line for line in report.buyers}
    assert lines["taobao:甲"].attempts == 2 and lines["taobao:甲"].overrides == 1
    assert lines["taobao:甲"].connected == 1 and lines["taobao:甲"].outside_window == 0
    assert lines["taobao:乙"].outside_window == 1
    assert [(o.record.actor, o.record.override_reason) for o in report.overrides] == [
        ("店长", "买家要求回电"), ("小王", "约好晚上联系")]
    assert [o.case_no for o in report.outside_window] == [b.case_no]
    assert "19:00" in report.outside_window[0].buyer_local
    assert calls.compliance_report(MON_10 + timedelta(days=1)).buyers == ()
