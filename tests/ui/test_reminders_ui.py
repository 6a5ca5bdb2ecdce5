"""Reminders in the window: the tray icon's count and menu, a (fake) notification whose
click opens its case or the list, closing to the tray, no-tray fallback, the settings
tab and the 今日待退款 quick filter."""

from __future__ import annotations

from datetime import time, timedelta
from typing import ClassVar

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSystemTrayIcon
from shiboken6 import isValid

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.reminders import ReminderKind
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.ui.controllers import reminders as reminders_ui


class FakeTray(QSystemTrayIcon):
    """A real tray icon (signals, menu) whose messages are recorded, not shown."""

    made: ClassVar[list[FakeTray]] = []

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.messages: list[tuple[str, str]] = []
        FakeTray.made.append(self)

    def showMessage(self, title, body, *args) -> None:
        self.messages.append((title, body))


@pytest.fixture
def tray(monkeypatch):
    FakeTray.made.clear()
    monkeypatch.setattr(reminders_ui, "tray_available", lambda: True)
    monkeypatch.setattr(reminders_ui, "make_tray", FakeTray)
    return FakeTray.made


@pytest.fixture
def no_tray(monkeypatch):
    monkeypatch.setattr(reminders_ui, "tray_available", lambda: False)


def open_case(register, order, kind="complaint", description=""):
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": kind,
                               "description": description})
    return register.cases.open_case(draft, "小王")


def promise(register, case, minutes):
    return register.promises.make(case.id, PromiseKind.CALL_BACK,
                                  register.clock.now() + timedelta(minutes=minutes), "小王",
                                  "确认补发时间")


def poll(qtbot, window):
    with qtbot.waitSignal(window.reminders.notified, timeout=3000) as blocker:
        window.reminders.poll()
    return blocker.args[0]


def test_tray_shows_the_count_in_its_tooltip_and_menu(qtbot, make_window, register, clock,
                                                      tray):
    case = open_case(register, "T200001", "refund_only")
    promise(register, case, 5)
    open_case(register, "T200002", description="买家说要找律师")
    clock.advance(minutes=10)  # the promise is now overdue
    window = make_window(register)
    [icon] = tray
    assert window.reminders.has_tray()
    assert not window.reminders.status_label.isVisible()
    # The counts come just after the window has shown its first page.
    qtbot.waitUntil(lambda: window.reminders.counts.total == 2, timeout=3000)
    tip = icon.toolTip()
    assert "逾期承诺：1" in tip and "今日待退款：1" in tip
    assert "有预警的未结案件：1" in tip  # cases, as the list's Warnings button counts
    assert window.reminders.counts.total == 2
    assert window.reminders.counts.refunds_today == 1
    menu = icon.contextMenu()
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["tray_open", "tray_refunds_today", "tray_quit"]
    assert window.reminders.act_refunds.text().endswith("（1）")
    # Clock moves on, the promise is kept: the next poll re-counts.
    [p] = register.promises.for_case(case.id)
    register.promises.keep(p.id, "小王")
    window.reminders.refresh_counts()
    assert window.reminders.counts.total == 1


def test_a_notification_click_opens_its_case(qtbot, make_window, register, clock, tray):
    case = open_case(register, "T200003")
    other = open_case(register, "T200004")
    promise(register, case, 20)  # within the 30-minute lead
    window = make_window(register)
    window.open_case_by_id(other.id)
    note = poll(qtbot, window)
    [icon] = tray
    assert icon.messages and case.case_no in icon.messages[0][0]
    assert note.case_id == case.id
    icon.messageClicked.emit()
    assert window.detail.current_case_id == case.id
    # Said once: the next poll shows nothing new.
    window.reminders.poll()
    window.tasks.wait(3000)
    qtbot.wait(50)
    assert len(icon.messages) == 1


def test_a_grouped_notification_opens_the_filtered_list(qtbot, make_window, register, clock,
                                                        tray):
    cases = [open_case(register, f"T20001{i}") for i in range(3)]
    for c in cases:
        promise(register, c, 5)
    clock.advance(minutes=6)
    window = make_window(register)
    note = poll(qtbot, window)
    assert note.case_id is None and note.kinds == (ReminderKind.PROMISE,)
    assert tray[0].messages[0][0] in ("3 个承诺已逾期", "3 promise(s) overdue")
    window.filter_bar.set_quick(QuickFilter.ALL)
    tray[0].messageClicked.emit()
    assert window.filter_bar.quick() == QuickFilter.PROMISE_OVERDUE
    assert sorted(window.case_list.model.ids()) == sorted(c.id for c in cases)


def test_without_a_tray_the_status_bar_says_it(qtbot, make_window, register, clock, no_tray):
    case = open_case(register, "T200020")
    promise(register, case, 5)
    clock.advance(minutes=6)
    window = make_window(register)
    assert not window.reminders.has_tray()
    qtbot.waitUntil(window.reminders.status_label.isVisible, timeout=3000)
    assert "1" in window.reminders.status_label.text()
    poll(qtbot, window)
    assert case.case_no in window.statusBar().currentMessage()
    # Closing to the tray needs a tray: even when chosen, the window really closes.
    reminders_ui.set_minimise_to_tray(window.settings, True)
    assert not window.reminders.keeps_running()


def test_closing_minimises_to_the_tray_when_chosen(qtbot, make_window, register, tray,
                                                   monkeypatch):
    window = make_window(register)
    assert not window.reminders.keeps_running()  # off by default
    reminders_ui.set_minimise_to_tray(window.settings, True)
    window.close()
    assert not window.isVisible()
    assert window.reminders.timer.isActive()  # still polling
    assert tray[0].messages and tray[0].messages[0][0] == "店铺售后台仍在运行"
    tray[0].contextMenu().actions()[0].trigger()  # Open ShopDesk
    assert window.isVisible()
    # The tray's Quit closes for real (and ends the app), the setting notwithstanding.
    quits: list[bool] = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", lambda *_: quits.append(True))
    window.reminders.act_quit.trigger()
    assert not window.isVisible() and quits == [True]
    assert not window.reminders.timer.isActive()
    reminders_ui.set_minimise_to_tray(window.settings, False)


def test_refunds_today_quick_filter_and_tray_menu(qtbot, make_window, register, tray):
    wanted = open_case(register, "T200030", "refund_only")
    agreed = open_case(register, "T200031", "exchange")
    register.promises.make(agreed.id, PromiseKind.REFUND,
                           register.clock.now() + timedelta(hours=1), "小王")
    open_case(register, "T200032", "return_refund")
    window = make_window(register)
    button = window.filter_bar.quick_buttons[QuickFilter.REFUND_TODAY]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sorted(window.case_list.model.ids()) == sorted([wanted.id, agreed.id])
    window.filter_bar.set_quick(QuickFilter.OPEN)
    window.reminders.act_refunds.trigger()
    assert window.filter_bar.quick() == QuickFilter.REFUND_TODAY


def test_reminder_settings_tab(qtbot, window, demo_register):
    from shopdesk.ui.dialogs.settings_dialog import REMINDERS_TAB, SettingsDialog

    dialog = SettingsDialog(demo_register, "zh", tab=REMINDERS_TAB)
    qtbot.addWidget(dialog)
    page = dialog.reminder_page
    assert dialog.tabs.currentWidget() is page
    assert page.leads[ReminderKind.PROMISE].value() == 30
    assert not page.minimise.isChecked()
    page.leads[ReminderKind.PROMISE].setValue(45)
    page.cutoff.setTime(page.cutoff.time().fromString("22:30", "HH:mm"))
    page.quiet_start.setTime(page.quiet_start.time().fromString("08:00", "HH:mm"))
    page.quiet_end.setTime(page.quiet_end.time().fromString("08:00", "HH:mm"))
    dialog.accept()  # refused: quiet hours start and end at the same time
    assert dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted
    assert not page.quiet_error.isHidden()
    page.quiet_start.setTime(page.quiet_start.time().fromString("22:00", "HH:mm"))
    qtbot.mouseClick(page.minimise, Qt.MouseButton.LeftButton)
    dialog.accept()
    saved = demo_register.reminders.settings()
    assert saved.lead(ReminderKind.PROMISE) == timedelta(minutes=45)
    assert (saved.quiet_start, saved.quiet_end, saved.refund_cutoff) == (
        time(22, 0), time(8, 0), time(22, 30))
    assert reminders_ui.minimise_to_tray(window.settings)
    reminders_ui.set_minimise_to_tray(window.settings, False)


def test_the_minute_poll_counts_on_the_writer_and_shows_the_new_count(
        qtbot, make_window, register, clock, tray, monkeypatch):
    window = make_window(register)
    [icon] = tray
    assert window.reminders.counts.refunds_today == 0
    open_case(register, "T400001", "refund_only")
    ui_thread_counts = []
    real = type(register.reminders).counts

    def spy(self, *a, **kw):
        if self is register.reminders:
            ui_thread_counts.append(1)
        return real(self, *a, **kw)

    monkeypatch.setattr(type(register.reminders), "counts", spy)
    window.reminders.poll()
    qtbot.waitUntil(lambda: window.reminders.counts.refunds_today == 1, timeout=3000)
    assert "今日待退款：1" in icon.toolTip()
    assert ui_thread_counts == []  # counted by the writer's register, not the window's


def test_a_poll_answered_after_the_window_is_gone_is_dropped(
        qtbot, qapp, make_window, register, tray):
    """The answer's connection is a lambda, which Qt keeps after the window is deleted
    (a language switch deletes it): the answer must find nothing to update, not raise."""
    window = make_window(register)
    open_case(register, "T400002", "refund_only")
    window.reminders.poll()  # answered on the writer, delivered through the event queue
    window.close()  # waits for the writer: the answer is queued, not yet delivered
    window.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(window)
    qtbot.wait(50)  # the queued answer arrives now; an exception here fails the test


def test_a_change_made_elsewhere_recounts_the_status_bar(qtbot, make_window, register, clock,
                                                         no_tray):
    """After the command line cleared what was due, the status bar kept the old count
    until F5 (or the next minute)."""
    from shopdesk.services.register import open_register

    case = open_case(register, "T200030")
    made = promise(register, case, 5)
    clock.advance(minutes=6)
    window = make_window(register)
    qtbot.waitUntil(lambda: window.reminders.counts.total == 1, timeout=3000)
    window.reminders.timer.stop()  # only the outside change may recount
    other = open_register(register.paths, clock, daily_backup=False)
    try:
        other.promises.keep(made.id, "小王")
    finally:
        other.close()
    window.external_changes.poll()
    assert window.reminders.counts.total == 0
    assert window.reminders.status_label.text().endswith("0")
