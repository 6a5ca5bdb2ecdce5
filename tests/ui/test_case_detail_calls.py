"""The case panel tells whether the buyer may be phoned now, and logged calls reach the timeline."""

from __future__ import annotations

from datetime import UTC, datetime

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.ui.views.case_detail import CaseDetailView

from .ui_support import Operator, make_case


def test_indicator_follows_the_clock_and_the_case(qtbot, register, clock):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    case = make_case(register)
    view.show_case(case.id)
    assert view.call_indicator.state == "allowed"  # 10:00 in Shanghai
    clock.set(datetime(2026, 11, 23, 14, 0, tzinfo=UTC))  # 22:00 in Shanghai: quiet hours
    view.refresh()
    assert view.call_indicator.state == "hard"
    assert view.call_indicator.decision is not None
    assert "quiet_hours" in view.call_indicator.decision.codes
    no_phone = make_case(register, order_no="999999999", phone="")
    view.show_case(no_phone.id)
    assert view.call_indicator.state == "no_phone"


def test_a_logged_call_shows_on_the_timeline(qtbot, register):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    case = make_case(register)
    view.show_case(case.id)
    register.calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", summary="无人接听")
    with qtbot.waitSignal(view.changed, timeout=1000):
        view.call_indicator.call_logged.emit(case.id)
    assert any("无人接听" in line for line in view.timeline_texts())
