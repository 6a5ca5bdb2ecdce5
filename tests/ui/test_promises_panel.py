"""The promises tab on a case: make one through the dialog by keyboard, keep one, break one
with a reason; refusals shown in the dialog; read-only in the trash; timeline wording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.promises import PromiseKind, PromiseState, QuickDue
from shopdesk.ui.dialogs.promise_dialog import (
    BreakPromiseDialog,
    CancelPromiseDialog,
    PromiseDialog,
)
from shopdesk.ui.views.case_detail import CaseDetailView

from ..conftest import T0
from .ui_support import Operator, make_case


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def operator() -> Operator:
    return Operator()


@pytest.fixture
def view(qtbot, register, operator) -> CaseDetailView:
    widget = CaseDetailView(register, operator)
    qtbot.addWidget(widget)
    widget.resize(560, 700)
    with qtbot.waitActive(widget):
        widget.show()
    return widget


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def modal(qtbot, kind):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=2000)
    return QApplication.activeModalWidget()


def test_make_a_promise_with_keys_and_clicks(qtbot, view, register):
    case = make_case(register)
    view.show_case(case.id)
    panel = view.promises_panel
    assert view.tabs.tabText(view.tabs.indexOf(panel)) == panel.tr("Promises")
    view.tabs.setCurrentWidget(panel)
    click(qtbot, panel.new_button)
    dialog = modal(qtbot, PromiseDialog)
    qtbot.waitUntil(dialog.kind.hasFocus, timeout=2000)  # keyboard first: the kind combo
    assert dialog.windowTitle().endswith(case.case_no)
    # Default due: an hour from now (10:00 Shanghai -> 11:00).
    assert dialog.due_at() == T0 + timedelta(hours=1)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # reply -> call back
    assert dialog.kind.current() is PromiseKind.CALL_BACK
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    assert dialog.text.hasFocus()
    dialog.text.insert("确认补发时间")  # Chinese cannot be typed through QTest
    click(qtbot, dialog.quick_buttons[QuickDue.TOMORROW_12])
    assert dialog.due_at() == datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
    dialog.text.setFocus()
    with qtbot.waitSignal(dialog.made):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # Enter saves
    [promise] = register.promises.for_case(case.id)
    assert promise.kind is PromiseKind.CALL_BACK and promise.text == "确认补发时间"
    assert promise.made_by == "小王" and promise.due_at == datetime(2026, 11, 24, 4, 0,
                                                                  tzinfo=UTC)
    assert panel.rows()[0][:4] == ["待兑现", "11-24 12:00", "回电：确认补发时间", "小王"]
    assert view.tabs.tabText(view.tabs.indexOf(panel)) == \
        panel.tr("Promises (%1)").replace("%1", "1")
    assert any("确认补发时间" in t for t in view.timeline_texts())


def test_today_18_is_offered_only_before_six(qtbot, register, clock):
    case = make_case(register)
    dialog = PromiseDialog(register.promises, case.id, case.case_no, "小王")
    qtbot.addWidget(dialog)
    today = dialog.quick_buttons[QuickDue.TODAY_18]
    assert today.isEnabled()
    click(qtbot, today)
    assert dialog.due_at() == T0 + timedelta(hours=8)
    clock.set(T0 + timedelta(hours=9))  # 19:00
    late = PromiseDialog(register.promises, case.id, case.case_no, "小王")
    qtbot.addWidget(late)
    assert not late.quick_buttons[QuickDue.TODAY_18].isEnabled()


def test_refusals_show_at_the_field_and_save_nothing(qtbot, register):
    case = make_case(register)
    dialog = PromiseDialog(register.promises, case.id, case.case_no, "小王")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.set_current(PromiseKind.OTHER)  # "other" needs a text
    click(qtbot, dialog.save_button)
    assert dialog.text_field.has_error and "其他" in dialog.text_field.error.text()
    dialog.text.insert("寄小样")
    dialog.set_due(T0 - timedelta(days=1))
    click(qtbot, dialog.save_button)
    assert dialog.due_field.has_error and not dialog.text_field.has_error
    assert register.promises.for_case(case.id) == [] and dialog.isVisible()


def test_keep_the_selected_promise(qtbot, view, register, clock):
    case = make_case(register)
    first = register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.promises.make(case.id, PromiseKind.REFUND, T0 + timedelta(hours=3), "小王")
    clock.advance(hours=2)  # the reply is overdue now
    view.show_case(case.id)
    panel = view.promises_panel
    view.tabs.setCurrentWidget(panel)
    assert panel.rows()[0][0] == panel.tr("Overdue")
    assert view.tabs.tabText(view.tabs.indexOf(panel)) == \
        panel.tr("Promises (%1 late)").replace("%1", "1")
    assert panel.selected_id() == first.id  # the first open one is preselected
    with qtbot.waitSignal(view.changed):
        click(qtbot, panel.keep_button)
    kept = register.promises.get(first.id)
    assert kept.state is PromiseState.KEPT and kept.resolved_by == "小王" and kept.was_late()
    assert [r[0] for r in panel.rows()] == ["待兑现", "已兑现"]
    assert view.tabs.tabText(view.tabs.indexOf(panel)) == \
        panel.tr("Promises (%1)").replace("%1", "1")
    assert any(view.text.tr("Promise kept: %1").replace("%1", "回复买家") in t
               for t in view.timeline_texts())
    # The kept one cannot be kept or broken again.
    panel.select(first.id)
    assert not panel.keep_button.isEnabled() and not panel.break_button.isEnabled()


def test_break_asks_for_a_reason(qtbot, view, register, clock):
    case = make_case(register)
    promise = register.promises.make(case.id, PromiseKind.RESHIP, T0 + timedelta(hours=1),
                                     "小王")
    view.show_case(case.id)
    panel = view.promises_panel
    view.tabs.setCurrentWidget(panel)
    click(qtbot, panel.break_button)
    dialog = modal(qtbot, BreakPromiseDialog)
    click(qtbot, dialog.save_button)  # no reason yet
    assert dialog.reason_field.has_error and dialog.isVisible()
    assert register.promises.get(promise.id).state is PromiseState.OPEN
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # the first usual reason
    assert dialog.reason.currentText() == dialog.tr("Out of stock")
    dialog.reason.setEditText("仓库缺货，改为退款")
    with qtbot.waitSignal(dialog.broken):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    broken = register.promises.get(promise.id)
    assert broken.state is PromiseState.BROKEN and broken.broken_reason == "仓库缺货，改为退款"
    assert panel.rows()[0][0] == "未兑现" and panel.rows()[0][4] == "仓库缺货，改为退款"
    assert any("仓库缺货，改为退款" in t for t in view.timeline_texts())


def test_no_operator_no_change(qtbot, view, register, operator):
    case = make_case(register)
    register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    view.show_case(case.id)
    view.tabs.setCurrentWidget(view.promises_panel)
    operator.name = ""
    click(qtbot, view.promises_panel.keep_button)
    assert view.promises_panel.message.isVisible()
    assert register.promises.for_case(case.id)[0].is_open
    assert view.promises_panel.new_promise() is None


def test_a_trashed_case_shows_its_promises_read_only(qtbot, view, register):
    case = make_case(register)
    register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.cases.delete([case.id], "小王")
    view.show_case(case.id)
    panel = view.promises_panel
    view.tabs.setCurrentWidget(panel)
    assert len(panel.rows()) == 1
    assert not panel.new_button.isEnabled() and not panel.keep_button.isEnabled()
    view.show_case(None)
    assert panel.rows() == []


def test_timeline_lines_in_english(qtbot, register, clock):
    from shopdesk.ui.views.case_detail_text import CaseText

    case = make_case(register)
    p = register.promises.make(case.id, PromiseKind.SEND_TRACKING, T0 + timedelta(hours=1),
                               "小王", text="SF1234")
    clock.advance(hours=2)
    register.promises.keep(p.id, "小王")
    text = CaseText("en", register.shop_tz)
    made, kept = [e for e in register.cases.timeline(case.id) if e.type.startswith("promise")]
    assert text.event_line(made.type, made.text, made.data) == \
        "Promise to the buyer: Send tracking number: SF1234 (due 2026-11-23 11:00)"
    assert text.event_line(kept.type, kept.text, kept.data) == \
        "Promise kept: Send tracking number: SF1234 (after the due time 2026-11-23 11:00)"
    assert text.action("promise_broken") == "Promise not kept"


def test_a_call_back_at_a_forbidden_time_offers_the_earliest_allowed_one(qtbot, register,
                                                                        chinese_ui):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    case = make_case(register)
    dialog = PromiseDialog(register.promises, case.id, case.case_no, "小王",
                           calls=register.calls)
    qtbot.addWidget(dialog)
    dialog.kind.set_current(PromiseKind.CALL_BACK)
    dialog.set_due(T0 + timedelta(hours=13))  # 23:00: quiet hours
    shown: list[str] = []

    def answer(label: str):
        def click_it() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            shown.append(box.text())
            [button] = [b for b in box.buttons() if b.text() == label]
            button.click()
        QTimer.singleShot(0, click_it)

    answer("使用最早可以打的时间")
    dialog.apply()
    assert shown[0].startswith("按通话规范，那时不能给这位买家打电话：")
    assert "静默时段" in shown[0] and shown[0].endswith("最早 11-24 10:00 可以打")
    assert register.promises.for_case(case.id) == []  # not made: the time moved
    later = dialog.due_at()
    assert later == datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 the next morning
    with qtbot.waitSignal(dialog.made):
        dialog.apply()  # now allowed: no question
    assert len(shown) == 1
    [promise] = register.promises.for_case(case.id)
    assert promise.due_at == later

    # Quiet hours are never overridden: no "anyway" for 23:00.
    labels = []
    QTimer.singleShot(0, lambda: (labels.extend(b.text() for b in
                                                QApplication.activeModalWidget().buttons()),
                                  QApplication.activeModalWidget().reject()))
    dialog.set_due(T0 + timedelta(hours=13))
    dialog.apply()
    assert "仍然承诺这个时间" not in labels and "使用最早可以打的时间" in labels
    # Outside the calling window (19:00, a soft rule): the time the buyer asked for stays.
    again = PromiseDialog(register.promises, case.id, case.case_no, "小王",
                          calls=register.calls)
    qtbot.addWidget(again)
    again.kind.set_current(PromiseKind.CALL_BACK)
    again.set_due(T0 + timedelta(hours=9))
    answer("仍然承诺这个时间")
    with qtbot.waitSignal(again.made):
        again.apply()
    assert len(register.promises.for_case(case.id)) == 2


def test_no_longer_needed_asks_for_a_reason(qtbot, view, register, clock):
    case = make_case(register)
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=1),
                                     "小王")
    clock.set(T0 + timedelta(hours=2))  # overdue: what the red banner counted for ever
    view.show_case(case.id)
    panel = view.promises_panel
    view.tabs.setCurrentWidget(panel)
    assert panel.cancel_button.isEnabled()
    click(qtbot, panel.cancel_button)
    dialog = modal(qtbot, CancelPromiseDialog)
    click(qtbot, dialog.save_button)  # no reason yet
    assert dialog.reason_field.has_error and dialog.isVisible()
    assert register.promises.get(promise.id).state is PromiseState.OPEN
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # the first usual reason
    assert dialog.reason.currentText() == dialog.reason.tr("Buyer withdrew the request")
    dialog.reason.setEditText("买家撤销申请")
    with qtbot.waitSignal(dialog.cancelled):
        click(qtbot, dialog.save_button)
    done = register.promises.get(promise.id)
    assert done.state is PromiseState.CANCELLED and done.broken_reason == "买家撤销申请"
    assert panel.rows()[0][0] == "不再需要" and panel.rows()[0][4] == "买家撤销申请"
    assert register.promises.overdue_count() == 0
    assert not panel.cancel_button.isEnabled()  # settled: nothing more to do
    assert any("买家撤销申请" in t for t in view.timeline_texts())
