"""CallService: counting across cases, overrides, hard blocks, do-not-call, timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.domain.call_policy import CallOutcome, ReasonCode
from shopdesk.domain.enums import Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.services.calls import CallRefusedError

from .calls_support import call_service, open_case

# Monday 2026-11-23, Shanghai local time = UTC + 8.
MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
def calls(register):
    return call_service(register)


def test_calls_of_one_buyer_count_across_their_cases(register, calls, clock):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")  # same buyer, another order
    other = open_case(register, nick="大熊", phone="13900000003", order="3700000000003")
    calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.set(MON_10 + timedelta(hours=2))
    calls.log_call(b.id, CallOutcome.NO_ANSWER, "小王")
    clock.set(MON_10 + timedelta(hours=4))
    decision = calls.can_call(b.id)
    assert not decision.allowed
    assert ReasonCode.CAP_24H in decision.codes
    assert decision.remaining_24h == 0
    assert len(calls.calls_for_buyer(a.id)) == 2
    assert calls.can_call(other.id).allowed


def test_a_blocked_call_needs_a_reason_and_the_override_is_audited(register, calls, clock):
    case = open_case(register)
    calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.set(MON_10 + timedelta(minutes=30))  # inside the 2 h minimum gap
    with pytest.raises(CallRefusedError) as refused:
        calls.log_call(case.id, CallOutcome.CONNECTED, "小王")
    assert refused.value.needs_reason
    assert len(calls.calls_for_buyer(case.id)) == 1  # nothing written

    record = calls.log_call(case.id, CallOutcome.CONNECTED, "小王",
                            override_reason="买家在聊天里要求马上回电")
    assert record.overridden and record.override_codes == (ReasonCode.MIN_GAP,)
    audit = [a for a in register.cases.audit(case.id) if a.action == "call_override"]
    assert len(audit) == 1
    assert audit[0].actor == "小王" and audit[0].new == "买家在聊天里要求马上回电"
    assert "min_gap" in audit[0].field

    # The override counted: 2 attempts in 24 h, and a new cool-down after talking.
    after = calls.can_call(case.id)
    assert after.remaining_24h == 0 and after.remaining_case == 1
    assert {ReasonCode.CAP_24H, ReasonCode.COOLDOWN} <= after.codes


def test_hard_blocks_are_refused_even_with_a_reason(register, calls, clock):
    case = open_case(register)
    clock.set(datetime(2026, 11, 23, 14, 30, tzinfo=UTC))  # 22:30 in Shanghai
    with pytest.raises(CallRefusedError) as refused:
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", override_reason="急事")
    assert not refused.value.needs_reason
    assert "quiet_hours" in {p.code for p in refused.value.problems}
    assert calls.calls_for_buyer(case.id) == []


def test_case_cap_is_hard(register, calls, clock):
    case = open_case(register)
    for day in range(3):
        clock.set(MON_10 + timedelta(days=day))
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王")
    clock.set(MON_10 + timedelta(days=3))
    decision = calls.can_call(case.id)
    assert decision.codes == {ReasonCode.CAP_CASE} and not decision.overridable
    with pytest.raises(CallRefusedError):
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", override_reason="最后一次")


def test_asked_not_to_call_marks_the_buyer_do_not_call(register, calls, clock):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    calls.log_call(a.id, CallOutcome.ASKED_NOT_TO_CALL, "小王", MON_10)
    assert calls.buyer(b.id).do_not_call
    clock.set(MON_10 + timedelta(days=5))
    decision = calls.can_call(b.id)
    assert ReasonCode.DO_NOT_CALL in decision.codes and not decision.overridable
    assert any(x.action == "do_not_call" and x.new == "1" for x in register.cases.audit(a.id))
    with pytest.raises(ValidationError):  # what the buyer said on the phone stands
        calls.set_do_not_call(b.id, False, "店长")


def test_manual_do_not_call_can_be_lifted(register, calls):
    case = open_case(register)
    calls.set_do_not_call(case.id, True, "店长")
    assert ReasonCode.DO_NOT_CALL in calls.can_call(case.id).codes
    calls.set_do_not_call(case.id, False, "店长")
    assert calls.can_call(case.id).allowed


def test_each_call_lands_on_the_timeline_and_bumps_activity(register, calls, clock):
    case = open_case(register)
    clock.set(MON_10 + timedelta(hours=1))
    calls.log_call(case.id, CallOutcome.CONNECTED, "小王", duration=95,
                   summary="同意补发", agreed="明天补发")
    event = register.cases.timeline(case.id)[-1]
    assert event.type == "call"
    assert "已接通" in event.text and "同意补发" in event.text
    assert event.data["outcome"] == "connected" and event.data["duration"] == 95
    assert event.data["overridden"] is False
    assert register.cases.get(case.id).last_activity_at == MON_10 + timedelta(hours=1)


def test_buyer_time_zone_moves_the_window(register, calls, clock):
    case = open_case(register, platform=Platform.ALIEXPRESS)
    assert calls.can_call(case.id).allowed  # 10:00 in Shanghai
    calls.set_buyer_tz(case.id, "Europe/Madrid")  # 03:00 there: quiet hours
    decision = calls.can_call(case.id)
    assert ReasonCode.QUIET_HOURS in decision.codes and decision.buyer_tz == "Europe/Madrid"
    with pytest.raises(ValidationError):
        calls.set_buyer_tz(case.id, "Mars/Base")


def test_naive_and_future_times_are_refused(register, calls):
    case = open_case(register)
    with pytest.raises(ValueError):
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", datetime(2026, 11, 23, 10))
    with pytest.raises(ValidationError):
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", MON_10 + timedelta(hours=1))


def test_seven_cases_of_one_buyer_take_at_most_five_calls_in_seven_days(register, clock):
    # The issue: 7 cases from one buyer took 14 unanswered calls in 7 days, no refusal.
    calls = call_service(register)
    cases = [open_case(register, order=f"37123456789{i:02d}") for i in range(7)]
    logged = []
    for day in range(7):
        for slot, case in enumerate(cases[day:day + 2]):
            # 10:30 and 14:30 in Shanghai: inside the window, 4 h apart, 2 a day.
            clock.set(datetime(2026, 11, 23 + day, 2 + 4 * slot, 30, tzinfo=UTC))
            if calls.can_call(case.id).allowed:
                calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王")
                logged.append(clock.now())
    assert len(logged) == 5
    refused = calls.can_call(cases[-1].id)
    assert ReasonCode.CAP_SPAN in refused.codes
    assert refused.next_allowed_at == logged[0] + timedelta(days=7)


def test_a_back_dated_call_is_checked_against_the_calls_around_it(register, clock):
    # The issue: 6 calls logged with a case cap of 3 by giving each an earlier --at.
    calls = call_service(register)
    case = open_case(register)
    clock.set(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))  # Friday 20:00 in Shanghai
    kept = []
    for day in range(6):
        at = datetime(2026, 11, 23 + day % 3, 2 + 4 * (day // 3), 30, tzinfo=UTC)
        try:
            kept.append(calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", at))
        except CallRefusedError as refused:
            assert refused.needs_reason and "补记" in refused.zh
    assert len(kept) == 3  # the case cap, whatever order the calls are logged in
    # Logged back-dated between calls already on record: over the daily cap too.
    at = datetime(2026, 11, 23, 4, 30, tzinfo=UTC)
    with pytest.raises(CallRefusedError) as refused:
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", at)
    assert "cap_case" in {p.code for p in refused.value.problems}
    # It did happen: with a reason it is kept, and reported as a breach.
    record = calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", at,
                            override_reason="补记：当天实际打过")
    assert record.overridden and ReasonCode.CAP_CASE in record.override_codes
    report = calls.compliance_report(datetime(2026, 11, 22, tzinfo=UTC))
    assert [c.record.id for c in report.breaches] == [record.id]


def test_a_call_logged_now_still_refuses_a_hard_rule(register, clock):
    calls = call_service(register)
    case = open_case(register)
    for hour in (2, 5, 8):  # 10:00, 13:00, 16:00 in Shanghai, on three days
        clock.set(datetime(2026, 11, 23 + hour // 3, hour, 0, tzinfo=UTC))
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王")
    clock.set(datetime(2026, 11, 27, 3, 0, tzinfo=UTC))
    with pytest.raises(CallRefusedError) as refused:
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", override_reason="再试")
    assert not refused.value.needs_reason  # the per-case cap is hard for a call now


def test_a_finished_case_needs_no_call_and_a_call_needs_a_reason(register, clock):
    from shopdesk.domain.enums import CaseStatus
    from shopdesk.domain.workflow import Transition
    calls = call_service(register)
    case = open_case(register)
    assert calls.can_call(case.id).allowed
    register.cases.change_status(case.id, Transition(CaseStatus.CLOSED, note="买家撤销"),
                                 "小王")
    decision = calls.can_call(case.id)
    assert decision.codes == {ReasonCode.CASE_FINISHED} and decision.overridable
    assert decision.next_allowed_at is None  # waiting never makes a call needed
    assert "不需要再打电话" in decision.reasons[0].zh
    with pytest.raises(CallRefusedError) as refused:
        calls.log_call(case.id, CallOutcome.CONNECTED, "小王")
    assert refused.value.needs_reason
    record = calls.log_call(case.id, CallOutcome.CONNECTED, "小王",
                            override_reason="买家来电要求回电确认退款")
    assert record.override_codes == (ReasonCode.CASE_FINISHED,)
