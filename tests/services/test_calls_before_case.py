"""A call dated before its case was opened is refused unless marked as written down
afterwards (补登); an override's reason reaches the timeline."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.errors import ValidationError

from .calls_support import call_service, open_case


def test_a_call_before_the_case_needs_the_before_case_mark(register, clock):
    clock.advance(days=2)
    case = open_case(register)
    calls = call_service(register)
    earlier = case.created_at - timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", earlier)
    assert refused.value.errors[0].field == "at" and "补登" in refused.value.zh
    assert calls.calls_for_buyer(case.id) == []
    record = calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", earlier,
                            before_case=True)
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "call"]
    assert event.data["before_case"] is True and event.data["call_id"] == record.id
    assert calls.can_call(case.id).remaining_case == 2  # it counts


def test_the_timeline_carries_an_overrides_reason(register, clock):
    case = open_case(register)
    calls = call_service(register)
    calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王")
    clock.advance(minutes=30)  # inside the 2 h gap: an override
    calls.log_call(case.id, CallOutcome.CONNECTED, "小王", override_reason="买家要求马上回电")
    [_, event] = [e for e in register.cases.timeline(case.id) if e.type == "call"]
    assert event.data["override_reason"] == "买家要求马上回电"
    # An event written before the reason was kept in it gets it from the call log.
    register.db.execute("UPDATE case_events SET data = ? WHERE id = ?",
                        [json.dumps({"call_id": event.data["call_id"], "overridden": True}),
                         event.id])
    [_, event] = [e for e in register.cases.timeline(case.id) if e.type == "call"]
    assert event.data["override_reason"] == "买家要求马上回电"
