"""A promise to call the buyer back at a time the call policy forbids would push the seller
into a call the shop can be penalised for: the policy's refusal at that time is found
(preparation the seller does before calling does not count)."""

from __future__ import annotations

from datetime import timedelta

from shopdesk.domain.call_policy import ReasonCode
from shopdesk.services.calls import call_back_warning

from ..conftest import T0
from .shift_support import open_case

H = timedelta(hours=1)


def test_quiet_hours_are_found_with_the_earliest_allowed_time(register):
    case = open_case(register, "小蜜蜂", "13812345678")
    night = T0 + 13 * H  # 23:00 shop time
    refused = register.calls.call_back_refused(case.id, night)
    assert refused is not None
    assert ReasonCode.QUIET_HOURS in refused.codes
    assert refused.next_slot_at is not None and refused.next_slot_at > night
    text = call_back_warning(refused, register.shop_tz, "zh")
    assert text.startswith("按通话规范，那时不能给这位买家打电话：") and "最早 11-24 " in text
    assert register.calls.call_back_refused(case.id, T0 + 4 * H) is None  # 14:00


def test_preparation_before_the_call_does_not_count(register):
    case = open_case(register, "小蜜蜂", "13812345678")
    policy = register.calls.policy()
    register.calls.set_policy(type(policy)(**{**policy.__dict__, "require_chat_first": True}),
                              "小王")
    assert ReasonCode.CHAT_FIRST_MISSING in register.calls.can_call(case.id, T0 + 4 * H).codes
    assert register.calls.call_back_refused(case.id, T0 + 4 * H) is None


def test_a_follow_up_call_on_a_finished_case_gets_its_earliest_time(register):
    from shopdesk.domain.enums import CaseStatus, Outcome
    from shopdesk.domain.workflow import Transition

    case = open_case(register, "小蜜蜂", "13812345678")
    register.cases.change_status(case.id, Transition(CaseStatus.RESOLVED,
                                                     Outcome.BUYER_WITHDREW), "小王")
    refused = register.calls.call_back_refused(case.id, T0 + 13 * H)
    assert ReasonCode.CASE_FINISHED not in refused.codes and refused.next_slot_at is not None
    assert register.calls.call_back_refused(case.id, T0 + 4 * H) is None


def test_a_buyer_abroad_without_a_zone_is_said_even_in_the_shops_window(register):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    case = register.cases.open_case(CaseDraft(platform=Platform.ALIEXPRESS, order_no="81234567",
                                              kind=CaseKind.REFUND_ONLY,
                                              buyer_phone="+1 312 555 0100"), "小王")
    refused = register.calls.call_back_refused(case.id, T0 + 4 * H)  # 14:00 in Shanghai
    assert refused is not None and refused.reasons == ()
    assert call_back_warning(refused, register.shop_tz, "zh").startswith(
        "这位买家可能在海外，但未设置时区")


def test_a_year_without_holiday_data_is_said(register):
    # Walkthrough (session 17): a call-back on 2027-01-01 (New Year's Day) was taken without
    # a word while `calls can-call` warned that the year has no holiday data.
    from datetime import UTC, datetime

    case = open_case(register, "小蜜蜂", "13812345678")
    far = datetime(2040, 1, 3, 3, 0, tzinfo=UTC)  # a Tuesday, 11:00 shop time
    assert "holiday_data_missing" in {w.code for w in register.calls.can_call(
        case.id, far).warnings}
    refused = register.calls.call_back_refused(case.id, far)
    assert refused is not None and refused.reasons == ()
    assert call_back_warning(refused, register.shop_tz, "zh") == \
        "缺少2040年的节假日数据，暂只避开周末；请更新节假日数据"
    assert call_back_warning(refused, register.shop_tz, "en").startswith(
        "No holiday data for 2040")


def test_a_time_zone_set_later_names_the_call_backs_now_in_the_buyers_night(register):
    # Deadlines walkthrough: a call-back agreed for 14:00 shop time stood unchanged after
    # the buyer's zone was set to Los Angeles, where 14:00 Shanghai is 22:00/23:00.
    from shopdesk.domain.promises import PromiseKind

    case = open_case(register, "Sam", "+14155550100")  # abroad: their own zone
    register.calls.set_buyer_tz(case.id, "Asia/Shanghai", "小王")  # first thought: ours
    afternoon = T0 + 4 * H  # 14:00 in Shanghai
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK, afternoon, "小王",
                                     text="回电确认")
    kept = register.promises.make(case.id, PromiseKind.REFUND, afternoon, "小王")
    assert register.calls.call_backs_refused(case.id) == []
    register.calls.set_buyer_tz(case.id, "America/Los_Angeles", "小王")
    [(found, decision)] = register.calls.call_backs_refused(case.id)
    assert found.id == promise.id and found.id != kept.id  # call-backs only
    assert ReasonCode.QUIET_HOURS in decision.codes or decision.reasons
    assert call_back_warning(decision, register.shop_tz, "zh").startswith(
        "按通话规范，那时不能给这位买家打电话：")
