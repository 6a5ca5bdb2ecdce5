"""A domestic platform's buyer lives on the shop's clock: another zone never moves the
quiet hours into their night (a Taobao buyer set to New York, called at 23:30 Beijing)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.domain.call_policy import CallOutcome, ReasonCode
from shopdesk.domain.enums import Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.services.calls import CallRefusedError

from .calls_support import call_service, open_case

NIGHT = datetime(2026, 12, 4, 15, 30, tzinfo=UTC)  # 23:30 in Beijing, 10:30 in New York


@pytest.mark.parametrize("platform", [Platform.TAOBAO, Platform.JD, Platform.PINDUODUO,
                                      Platform.DOUYIN, Platform.KUAISHOU])
def test_a_foreign_zone_is_refused_for_a_domestic_buyer(register, platform):
    calls = call_service(register)
    case = open_case(register, platform=platform)
    with pytest.raises(ValidationError) as refused:
        calls.set_buyer_tz(case.id, "America/New_York", "小王")
    assert "国内平台" in refused.value.zh and "America/New_York" in refused.value.en
    assert calls.buyer(case.id).tz is None
    calls.set_buyer_tz(case.id, "Asia/Chongqing", "小王")  # the same clock: fine


def test_a_buyer_abroad_may_have_their_zone(register):
    calls = call_service(register)
    cross = open_case(register, nick="sam", phone="+14155550100", order="8100000000001",
                      platform=Platform.ALIEXPRESS)
    calls.set_buyer_tz(cross.id, "America/New_York", "小王")
    taobao_abroad = open_case(register, nick="lin", phone="+12125550100", order="3700000000009")
    calls.set_buyer_tz(taobao_abroad.id, "America/New_York", "小王")
    assert calls.buyer(taobao_abroad.id).tz == "America/New_York"


def test_a_zone_stored_before_is_ignored_and_the_night_call_refused(register, clock):
    calls = call_service(register)
    case = open_case(register)
    calls.store.set_tz("taobao:小蜜蜂", "America/New_York")  # written by an older ShopDesk
    clock.set(NIGHT + timedelta(minutes=1))
    decision = calls.can_call(case.id)
    assert decision.buyer_tz == "Asia/Shanghai" and ReasonCode.QUIET_HOURS in decision.codes
    with pytest.raises(CallRefusedError):
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", NIGHT)
    # A call logged that night by an older version shows as outside the window.
    calls.store.add(case_id=case.id, buyer_key="taobao:小蜜蜂", at=NIGHT,
                    outcome=CallOutcome.NO_ANSWER, actor="小王", created_at=NIGHT)
    report = calls.compliance_report(NIGHT - timedelta(days=1))
    assert [r.buyer_tz for r in report.outside_window] == ["Asia/Shanghai"]
