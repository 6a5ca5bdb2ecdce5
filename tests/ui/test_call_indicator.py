"""CallIndicator: allowed / blocked text for a fixed clock inside and outside the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.ui.views.call_indicator import REFRESH_MS, CallIndicator

from ..services.calls_support import call_service, open_case

MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def make(qtbot, register, lang="en"):
    calls = call_service(register)
    indicator = CallIndicator(calls, lambda: "小王", lang=lang)
    qtbot.addWidget(indicator)
    return calls, indicator


def test_allowed_inside_the_window(qtbot, register):
    case = open_case(register)
    _, indicator = make(qtbot, register)
    assert indicator.state == "none" and not indicator.log_button.isEnabled()
    indicator.set_case(case.id)
    assert indicator.state == "allowed"
    assert indicator.label.text() == "May call now (2 left)"
    assert "#2e7d32" in indicator.label.styleSheet()
    assert indicator.log_button.isEnabled()


def test_blocked_outside_the_window_with_next_time_and_countdown(qtbot, register, clock):
    case = open_case(register)
    clock.set(MON_10 + timedelta(hours=8, minutes=30))  # 18:30 local
    _, indicator = make(qtbot, register)
    indicator.set_case(case.id)
    assert indicator.state == "soft"
    text = indicator.label.text()
    assert text.startswith("Cannot call now: Outside the calling window")
    assert "next possible: 11-24 10:00 (in 15 h 30 min)" in text
    tip = indicator.label.toolTip()
    # Shop time needs no zone; never a raw "Asia/Shanghai" in a sentence.
    assert "local time: 2026-11-23 18:30" in tip and "Asia/" not in tip


def test_quiet_hours_are_red_and_the_timer_refreshes(qtbot, register, clock):
    case = open_case(register)
    clock.set(MON_10 + timedelta(hours=12))  # 22:00 local
    _, indicator = make(qtbot, register)
    indicator.set_case(case.id)
    assert indicator.state == "hard" and "#c62828" in indicator.label.styleSheet()
    assert indicator.timer.interval() == REFRESH_MS and indicator.timer.isActive()
    clock.set(MON_10 + timedelta(days=1))  # the next morning, no set_case needed
    indicator.timer.timeout.emit()
    assert indicator.state == "allowed"


def test_logged_calls_lower_the_count(qtbot, register, clock):
    case = open_case(register)
    calls, indicator = make(qtbot, register)
    indicator.set_case(case.id)
    calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.advance(hours=3)
    indicator.refresh()
    assert indicator.label.text() == "May call now (1 left)"


def test_no_phone_disables_logging(qtbot, register):
    case = open_case(register, phone="")
    _, indicator = make(qtbot, register)
    indicator.set_case(case.id)
    assert indicator.state == "no_phone" and not indicator.log_button.isEnabled()


def test_a_purged_case_clears_the_indicator(qtbot, register):
    case = open_case(register)
    _, indicator = make(qtbot, register)
    indicator.set_case(case.id)
    register.cases.delete([case.id], "小王")
    register.cases.empty_trash("小王")
    indicator.timer.timeout.emit()
    assert indicator.state == "none" and indicator.case_id is None


def test_a_buyer_abroad_without_a_zone_is_amber_even_when_allowed(qtbot, register):
    from shopdesk.domain.enums import Platform
    from shopdesk.ui.widgets.call_texts import AMBER

    case = open_case(register, phone="+13125550100", platform=Platform.ALIEXPRESS)
    calls, indicator = make(qtbot, register)
    indicator.set_case(case.id)
    assert indicator.label.text() == ("May call now (2 left) — the buyer may be abroad: set "
                                      "their time zone")
    assert AMBER in indicator.label.styleSheet()
    calls.set_buyer_tz(case.id, "America/Chicago", "小王")
    indicator.set_case(case.id)
    assert "abroad" not in indicator.label.text()


def test_the_next_time_names_whose_clock_when_the_buyer_lives_elsewhere(qtbot, register,
                                                                         clock):
    from shopdesk.domain.enums import Platform

    case = open_case(register, phone="+12125550100", platform=Platform.ALIEXPRESS)
    calls, indicator = make(qtbot, register)
    calls.set_buyer_tz(case.id, "America/New_York", "小王")  # 21:00 there: quiet hours
    indicator.set_case(case.id)
    text = indicator.label.text()
    assert "next possible: 23:00 Beijing time (10:00 New York time; in 13 h" in text, text
    home = open_case(register, nick="甲", phone="13900000001", order="3700000000001")
    clock.set(MON_10 + timedelta(hours=9))  # 19:00 in Beijing
    indicator.set_case(home.id)
    assert "Beijing time" not in indicator.label.text()
