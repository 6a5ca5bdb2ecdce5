"""PolicyDialog: presets, editing, validation naming the field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.domain.call_policy import HolidayMode
from shopdesk.ui.dialogs.policy_dialog import PolicyDialog

from ..services.calls_support import call_service


def make(qtbot, register):
    calls = call_service(register)
    dialog = PolicyDialog(calls, "小王", lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    return calls, dialog


def test_shows_the_stored_policy_and_saves_edits(qtbot, register):
    calls, dialog = make(qtbot, register)
    assert dialog.window_edits["mon"].text() == "10:00–18:00"
    assert dialog.per_day.value() == 2
    dialog.window_edits["sun"].clear()
    dialog.window_edits["sat"].setText("")
    qtbot.keyClicks(dialog.window_edits["sat"], "10:00-12:00, 14:00-16:00")
    dialog.per_day.setValue(1)
    dialog.holiday_mode.set_current(HolidayMode.AVOID_REST_DAYS)
    dialog.checklist.setChecked(True)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    policy = calls.policy()
    assert policy.windows[6] == () and len(policy.windows[5]) == 2
    assert policy.max_attempts_per_day == 1 and policy.require_checklist
    assert policy.holiday_mode is HolidayMode.AVOID_REST_DAYS
    assert policy.name == "custom"


def test_preset_loads_into_the_form(qtbot, register):
    calls, dialog = make(qtbot, register)
    dialog.preset.setCurrentIndex(dialog.preset.findData("strict"))
    qtbot.mouseClick(dialog.load_preset_button, Qt.MouseButton.LeftButton)
    strict = calls.policies.preset("strict")
    assert dialog.per_day.value() == strict.max_attempts_per_day
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert calls.policy() == strict


def test_a_bad_window_is_shown_beside_its_day(qtbot, register):
    calls, dialog = make(qtbot, register)
    dialog.window_edits["tue"].setText("18:00-10:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.window_fields["tue"].has_error and dialog.isVisible()
    assert "window.tue" in dialog.error.text()
    assert calls.policy().name == "taobao_safe"


def test_the_multi_day_cap_is_in_the_form_and_saved(qtbot, register):
    calls, dialog = make(qtbot, register)
    assert (dialog.per_span.value(), dialog.span_days.value()) == (5, 7)
    dialog.per_span.clear()
    qtbot.keyClicks(dialog.per_span, "4")
    dialog.span_days.clear()
    qtbot.keyClicks(dialog.span_days, "10")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = calls.policy()
    assert (saved.max_attempts_per_span, saved.cap_span_days) == (4, 10)


def test_long_spans_read_in_hours_beside_the_minutes(qtbot, register):
    calls, dialog = make(qtbot, register)
    dialog.cooldown.setValue(1440)
    assert dialog.cooldown.hours_label.text() == "= 24 h"  # not only "1440 min"
    dialog.cooldown.setFocus()
    dialog.cooldown.selectAll()
    qtbot.keyClicks(dialog.cooldown, "90")
    assert dialog.cooldown.hours_label.text() == "= 1 h 30 min"
    dialog.min_gap.setValue(30)
    assert dialog.min_gap.hours_label.text() == ""


def test_loosening_past_the_safe_preset_asks_first(qtbot, register):
    from PySide6.QtCore import QTime

    calls, dialog = make(qtbot, register)
    dialog.per_day.setValue(50)
    dialog.quiet_start.setTime(QTime(23, 59))
    dialog.quiet_end.setTime(QTime(0, 0))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = dialog.loosen_box
    assert box.isVisible() and "12 points" in box.informativeText()
    assert "quiet hours 21:00–08:00 → 23:59–00:00" in box.informativeText()
    keep = next(b for b in box.buttons() if b is not dialog.loosen_button)
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert calls.policy().max_attempts_per_day == 2 and dialog.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.loosen_button, Qt.MouseButton.LeftButton)
    assert calls.policy().max_attempts_per_day == 50


def test_stricter_values_save_without_asking(qtbot, register):
    calls, dialog = make(qtbot, register)
    dialog.per_case.setValue(2)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert getattr(dialog, "loosen_box", None) is None
    assert calls.policy().max_attempts_per_case == 2


def test_loosening_asks_for_the_operators_pin(qtbot, register, boxes):
    register.staff.set_pin("小王", "2468", "小王")
    dialog = PolicyDialog(register.calls, "小王", lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.per_day.setValue(9)
    boxes.text_answer = ("1111", True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.loosen_button, Qt.MouseButton.LeftButton)
    assert "Wrong PIN" in dialog.error.text() and register.calls.policy().max_attempts_per_day == 2
    boxes.text_answer = ("2468", True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.loosen_button, Qt.MouseButton.LeftButton)
    assert register.calls.policy().max_attempts_per_day == 9


def test_the_buttons_stay_on_a_short_screen(qtbot, register, monkeypatch):
    """At 655 px the dialog put Save under a laptop's taskbar: the form scrolls, Save and
    Cancel stay inside the dialog, the dialog inside what the screen leaves."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from shopdesk.ui.widgets.screen_fit import TITLE_AND_TASKBAR

    # A 1280x720 laptop less a 48 px taskbar.
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1280, 672))
    calls = call_service(register)
    dialog = PolicyDialog(calls, "小王", lang="zh", holidays=register.holidays)
    qtbot.addWidget(dialog)
    dialog.show()
    room = dialog.screen().availableGeometry().height() - TITLE_AND_TASKBAR
    assert dialog.height() <= room
    bottom = dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
    assert dialog.body.widget().sizeHint().height() + 80 > room  # the form did not fit
    dialog.body.verticalScrollBar().setValue(dialog.body.verticalScrollBar().maximum())
    assert dialog.holiday_box.isVisible()  # the last of the form, reached by scrolling
