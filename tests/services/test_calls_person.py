"""The call policy holds for the person, not for a nickname: the same phone line under
any nickname or platform, and the same platform and nickname, are one buyer."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.domain.call_policy import CallOutcome, ReasonCode
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import Platform
from shopdesk.services.calls import CallRefusedError

from .calls_support import call_service, open_case

MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def calls(register):
    return call_service(register)


def rename(register, case, nick: str):
    fields = {f.name: getattr(case, f.name) for f in dataclasses.fields(CaseDraft)}
    return register.cases.update(case.id, CaseDraft(**{**fields, "buyer_nick": nick}),
                                 "小王")


def test_a_new_nickname_keeps_do_not_call_and_the_case_count(register, calls, clock):
    case = open_case(register, nick="小蜜蜂")
    calls.set_do_not_call(case.id, True, "小王")
    rename(register, case, "另一个号_")
    decision = calls.can_call(case.id)
    assert ReasonCode.DO_NOT_CALL in decision.codes
    assert calls.buyer(case.id).do_not_call

    other = open_case(register, nick="大熊", phone="13900000001", order="3700000000009")
    for day in range(3):
        clock.set(MON_10 + timedelta(days=day))
        calls.log_call(other.id, CallOutcome.NO_ANSWER, "小王")
    rename(register, other, "大熊2")
    clock.set(MON_10 + timedelta(days=3))
    decision = calls.can_call(other.id)
    assert ReasonCode.CAP_CASE in decision.codes and decision.remaining_case == 0


def test_one_phone_under_two_nicknames_and_platforms_shares_the_caps(register, calls, clock):
    a = open_case(register, nick="甲", phone="13812345678", order="3700000000001")
    b = open_case(register, nick="乙", phone="+86 138-1234-5678", order="3700000000002",
                  platform=Platform.JD)
    calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.set(MON_10 + timedelta(hours=3))
    calls.log_call(b.id, CallOutcome.NO_ANSWER, "小王")
    clock.set(MON_10 + timedelta(hours=6))
    decision = calls.can_call(b.id)
    assert ReasonCode.CAP_24H in decision.codes and decision.remaining_24h == 0
    with pytest.raises(CallRefusedError):
        calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王")
    assert len(calls.calls_for_buyer(a.id)) == 2

    # Do-not-call set on one of them holds on the other.
    calls.set_do_not_call(a.id, True, "小王")
    assert ReasonCode.DO_NOT_CALL in calls.can_call(b.id).codes
    calls.set_do_not_call(b.id, False, "小王")  # lifted: for the person, both keys
    assert not calls.buyer(a.id).do_not_call


def test_calls_and_flags_stored_the_old_way_still_count(register, calls, clock):
    """Rows written before the person rule: keyed platform:nickname only."""
    a = open_case(register, nick="甲", phone="13812345678", order="3700000000001")
    b = open_case(register, nick="乙", phone="13812345678", order="3700000000002")
    for case, hours in ((a, 0), (b, 3), (a, 6)):  # three calls to one phone in 6 h
        calls.store.add(case_id=case.id, buyer_key=f"taobao:{case.buyer_nick}",
                        at=MON_10 + timedelta(hours=hours), outcome=CallOutcome.NO_ANSWER,
                        actor="小王", created_at=MON_10 + timedelta(hours=hours))
    c = open_case(register, nick="丙", phone="13900000003", order="3700000000003")
    calls.store.set_do_not_call("taobao:丙", True, MON_10)
    register.db.execute(
        "INSERT INTO audit_log(at, actor, entity, entity_id, action, field, old, new) "
        "VALUES (?, '小王', 'case', ?, 'do_not_call', 'taobao:丙', '0', '1')",
        ["2026-11-23T02:00:00+00:00", c.id])
    rename(register, c, "丙丙")
    clock.set(MON_10 + timedelta(hours=7))

    assert ReasonCode.CAP_24H in calls.can_call(b.id).codes
    assert ReasonCode.DO_NOT_CALL in calls.can_call(c.id).codes

    report = calls.compliance_report(MON_10 - timedelta(days=1))
    assert [line.attempts for line in report.buyers] == [3]
    assert report.buyers[0].also  # the other nickname is named
    assert [(x.record.at, x.caps_broken) for x in report.breaches] == [
        (MON_10 + timedelta(hours=6), (ReasonCode.CAP_24H,))]
