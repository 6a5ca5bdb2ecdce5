"""MayCallList and CallComplianceView."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.enums import Platform
from shopdesk.ui.views.call_compliance import CallComplianceView
from shopdesk.ui.views.may_call_list import MayCallList

from ..services.calls_support import call_service, open_case

MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def test_may_call_list_double_click_selects_the_case(qtbot, register, clock):
    a = open_case(register, nick="甲", order="3700000000001")
    b = open_case(register, nick="乙", phone="13900000002", order="3700000000002")
    calls = call_service(register)
    calls.log_call(b.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.advance(minutes=30)
    view = MayCallList(calls)
    qtbot.addWidget(view)
    view.show()
    assert view.case_ids() == [a.id]
    item = view.tree.topLevelItem(0)
    assert [item.text(i) for i in range(3)] == [a.case_no, "甲", "2"]
    rect = view.tree.visualItemRect(item)
    # A real double-click starts with a press; QTest's DClick alone is not enough.
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.case_selected) as got:
        qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert got.args == [a.id]
    clock.advance(hours=3)
    view.refresh()
    assert sorted(view.case_ids()) == sorted([a.id, b.id])


def test_may_call_list_marks_a_buyer_abroad_without_a_time_zone(qtbot, register):
    home = open_case(register, nick="甲", order="3700000000001")
    abroad = open_case(register, nick="john_d", order="8100000000001",
                       phone="+1 312 555 0100", platform=Platform.ALIEXPRESS)
    view = MayCallList(call_service(register), lang="zh")
    qtbot.addWidget(view)
    view.show()
    rows = {view.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole):
            view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())}
    assert rows.keys() == {home.id, abroad.id}
    assert rows[home.id].text(1) == "甲" and not rows[home.id].toolTip(1)
    marked = rows[abroad.id]
    assert marked.text(1).startswith("john_d ⚠")
    assert marked.foreground(0).color() == QColor("#a15c00")
    assert "时区" in marked.toolTip(1)


def test_compliance_view_lists_overrides_and_off_window_calls(qtbot, register, clock):
    a = open_case(register, nick="甲", order="3700000000001")
    calls = call_service(register)
    calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.advance(hours=9)  # 19:00 local
    calls.log_call(a.id, CallOutcome.CONNECTED, "店长", override_reason="约好晚上回电")
    clock.advance(days=1)
    view = CallComplianceView(calls, lang="en")
    qtbot.addWidget(view)
    assert view.buyers.topLevelItemCount() == 1
    assert view.buyers.topLevelItem(0).text(1) == "2"
    # The buyer by platform label and nick, not the raw key "taobao:甲".
    assert view.buyers.topLevelItem(0).text(0) == "Taobao/Tmall · 甲"
    row = view.overrides.topLevelItem(0)
    assert row.text(2) == "Taobao/Tmall · 甲"
    assert row.text(3) == "店长" and row.text(5) == "约好晚上回电"
    assert "Outside the calling window" in row.text(4)
    assert view.outside.topLevelItemCount() == 1
    assert view.outside.topLevelItem(0).text(0) == "2026-11-23 19:00"  # shop time: no zone
    clock.advance(days=40)
    view.period.setCurrentIndex(0)  # last 7 days: nothing
    assert view.buyers.topLevelItemCount() == 0
    assert view.report is not None and view.report.total_attempts == 0


def test_compliance_view_shows_a_back_dated_breach(qtbot, register, clock):
    a = open_case(register, nick="甲", order="3700000000001")
    calls = call_service(register)
    for day in range(3):  # the case cap of 3, one call a day at 10:00
        clock.set(MON_10.replace(day=23 + day))
        calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王")
    clock.set(MON_10.replace(day=27))
    # Written down afterwards: a fourth call on Monday at 14:00, over the case cap.
    calls.log_call(a.id, CallOutcome.CONNECTED, "店长", MON_10.replace(hour=6),
                   override_reason="补记：周一下午买家来电后回拨")
    view = CallComplianceView(calls, lang="en")
    qtbot.addWidget(view)
    assert view.breaches.topLevelItemCount() == 1
    row = view.breaches.topLevelItem(0)
    assert row.text(3) == "店长" and "补记" in row.text(5)
    assert "Case attempts used up" in row.text(4)


def test_may_call_list_is_worked_out_off_the_ui_thread(qtbot, register, tasks, monkeypatch):
    """Every open case's buyer is judged: 15 s at a 1M register, every 30 s, froze the
    window. The list is worked out on a connection of its own on a worker thread."""
    import threading

    a = open_case(register, nick="甲", order="3700000000001")
    b = open_case(register, nick="乙", phone="13900000002", order="3700000000002")
    ui_thread = threading.get_ident()

    def on_ui_thread():
        raise AssertionError("judged on the UI thread")

    monkeypatch.setattr(register.calls, "may_call_now", on_ui_thread)
    seen: list[int] = []
    real_open = register.open_second

    def open_reader():
        seen.append(threading.get_ident())
        return real_open()

    view = MayCallList(register.calls, tasks=tasks, open_reader=open_reader)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.busy and sorted(view.case_ids()) == sorted([a.id, b.id]),
                    timeout=5000)
    assert seen and all(t != ui_thread for t in seen)
    view.refresh()
    view.refresh()  # asked again while it works: one more run after, not two at once
    qtbot.waitUntil(lambda: not view.busy, timeout=5000)
    assert sorted(view.case_ids()) == sorted([a.id, b.id])
