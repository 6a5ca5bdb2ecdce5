"""Every call-policy change is audited; loosening it past the safe preset needs an explicit
confirmation and the operator's PIN when they have one."""

from __future__ import annotations

import pytest

from shopdesk.services.calls import PolicyLoosenedError
from shopdesk.services.staff import PinError

OFF = {"quiet_hours.start": "23:59", "quiet_hours.end": "00:00", "caps.per_day": "50",
       "caps.per_case": "50"}


def test_switching_the_policy_off_needs_a_confirmation(register):
    calls = register.calls
    with pytest.raises(PolicyLoosenedError) as refused:
        calls.set_policy_values(OFF, "小王")
    assert {n.code for n in refused.value.loosened} == {"quiet_hours", "cap_24h", "cap_case"}
    assert "12" in refused.value.zh and "--i-understand" in refused.value.en
    assert calls.policy().max_attempts_per_day == 2  # nothing stored
    calls.set_policy_values(OFF, "小王", confirmed=True)
    assert calls.policy().max_attempts_per_day == 50
    changes = {(e.field, e.old, e.new) for e in calls.policy_history()
               if e.action == "call_policy"}
    assert {("caps.per_day", "2", "50"), ("quiet_hours.start", "21:00", "23:59"),
            ("call_policy", "taobao_safe", "custom")} <= changes
    [loosened] = [e for e in calls.policy_history() if e.action == "call_policy_loosened"]
    assert loosened.actor == "小王" and "cap_24h" in (loosened.field or "")


def test_stricter_values_and_shipped_presets_need_no_confirmation(register):
    calls = register.calls
    calls.set_policy_values({"caps.per_day": "1", "quiet_hours.start": "20:00"}, "小王")
    calls.apply_preset("cross_border", "小王")  # shipped as it is
    assert [e.field for e in calls.policy_history() if e.action == "call_policy"]


def test_the_operators_pin_is_needed_to_loosen(register):
    register.staff.set_pin("小王", "2468", "小王")
    calls = register.calls
    with pytest.raises(PinError):
        calls.set_policy_values(OFF, "小王", confirmed=True)
    with pytest.raises(PinError):
        calls.set_policy_values(OFF, "小王", confirmed=True, pin="1111")
    assert calls.policy().max_attempts_per_day == 2
    calls.set_policy_values(OFF, "小王", confirmed=True, pin="2468")
    assert calls.policy().max_attempts_per_day == 50
