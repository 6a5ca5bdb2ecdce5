"""LogCallDialog: typing and clicking writes the call; override reason when blocked.

QTest types ASCII only (non-ASCII keys abort in qasciikey.cpp), hence English text.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.enums import Platform
from shopdesk.ui.dialogs.log_call_dialog import LogCallDialog
from shopdesk.ui.views.call_indicator import CallIndicator

from ..services.calls_support import call_service, open_case

MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def dialog_for(qtbot, register, case):
    calls = call_service(register)
    dialog = LogCallDialog(calls, case.id, "小王", lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    return calls, dialog


def test_typing_and_clicking_logs_the_call(qtbot, register, clock):
    case = open_case(register)
    clock.advance(minutes=20)
    calls, dialog = dialog_for(qtbot, register, case)
    assert dialog.override_field.isHidden() and dialog.save_button.isEnabled()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("connected"))
    dialog.duration.selectAll()  # as tabbing into it does
    qtbot.keyClicks(dialog.duration, "4")
    qtbot.keyClicks(dialog.summary, "buyer agrees to a reship")
    qtbot.keyClicks(dialog.agreed, "reship tomorrow")
    with qtbot.waitSignal(dialog.logged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [record] = calls.calls_for_buyer(case.id)
    assert record.outcome is CallOutcome.CONNECTED and record.duration_seconds == 240
    assert record.summary == "buyer agrees to a reship" and record.agreed == "reship tomorrow"
    assert record.at == MON_10 + timedelta(minutes=20) and not record.overridden
    assert register.cases.timeline(case.id)[-1].type == "call"


def test_nobody_talked_no_duration_or_agreement(qtbot, register, clock):
    case = open_case(register)
    calls, dialog = dialog_for(qtbot, register, case)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("connected"))
    dialog.duration.setValue(3)
    dialog.agreed.setText("reship tomorrow")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("rejected"))
    assert not dialog.duration.isEnabled() and not dialog.agreed.isEnabled()
    with qtbot.waitSignal(dialog.logged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [record] = calls.calls_for_buyer(case.id)
    assert record.outcome is CallOutcome.REJECTED
    assert record.duration_seconds is None and record.agreed == ""


def test_soft_block_requires_an_override_reason(qtbot, register, clock):
    case = open_case(register)
    calls = call_service(register)
    calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", MON_10)
    clock.advance(minutes=30)  # inside the 2 h minimum gap
    calls, dialog = dialog_for(qtbot, register, case)
    assert not dialog.override_field.isHidden()
    assert "Too soon" in dialog.policy_label.text() or "apart" in dialog.policy_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.override_field.has_error and len(calls.calls_for_buyer(case.id)) == 1
    qtbot.keyClicks(dialog.override_edit, "buyer asked to be called back now")
    with qtbot.waitSignal(dialog.logged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    last = calls.calls_for_buyer(case.id)[-1]
    assert last.overridden and last.override_reason == "buyer asked to be called back now"


def test_allowed_call_to_a_buyer_abroad_without_a_zone_says_so(qtbot, register):
    case = open_case(register, nick="john_d", order="8100000000001",
                     phone="+1 312 555 0100", platform=Platform.ALIEXPRESS)
    calls, dialog = dialog_for(qtbot, register, case)
    text = dialog.policy_label.text()
    assert text.startswith("Within the call policy") and "time zone" in text
    assert "#a15c00" in dialog.policy_label.styleSheet()  # amber, not green
    assert dialog.save_button.isEnabled() and dialog.override_field.isHidden()
    home = open_case(register, nick="甲", order="3700000000001")
    _, plain = dialog_for(qtbot, register, home)
    assert "#2e7d32" in plain.policy_label.styleSheet()


def test_hard_block_disables_saving(qtbot, register, clock):
    case = open_case(register)
    clock.set(MON_10 + timedelta(hours=13))  # 23:00 local: quiet hours
    calls, dialog = dialog_for(qtbot, register, case)
    assert not dialog.save_button.isEnabled() and dialog.override_field.isHidden()
    assert "no override" in dialog.policy_label.text()
    # Moving the time back into the window makes it loggable again.
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(-9 * 3600))  # 14:00
    assert dialog.save_button.isEnabled()


def test_indicator_button_opens_the_dialog_and_refreshes(qtbot, register, clock):
    case = open_case(register)
    calls = call_service(register)
    indicator = CallIndicator(calls, lambda: "小王", lang="en")
    qtbot.addWidget(indicator)
    indicator.set_case(case.id)
    qtbot.mouseClick(indicator.log_button, Qt.MouseButton.LeftButton)
    dialog = indicator.dialog
    with qtbot.waitSignal(indicator.call_logged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert indicator.state == "soft"  # the minimum gap now applies


def test_required_checklist_turns_green_once_filled_in(qtbot, register):
    case = open_case(register)
    calls = call_service(register)
    calls.set_policy_values({"preparation.require_checklist": "true"})
    calls, dialog = dialog_for(qtbot, register, case)
    assert not dialog.override_field.isHidden()
    assert "checklist" in dialog.policy_label.text()
    qtbot.keyClicks(dialog.goal, "get the buyer to accept a reship")
    qtbot.keyClicks(dialog.offers[0], "reship")
    qtbot.keyClicks(dialog.offers[1], "refund 20 yuan")
    qtbot.keyClicks(dialog.bottom_line, "30 yuan")
    qtbot.keyClicks(dialog.max_grant, "30 yuan")
    assert dialog.override_field.isHidden() and "Within the call policy" in \
        dialog.policy_label.text()
    with qtbot.waitSignal(dialog.logged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    event = register.cases.timeline(case.id)[-1]
    assert event.data["checklist"]["fallback_offers"] == ["reship", "refund 20 yuan"]
    assert not calls.calls_for_buyer(case.id)[-1].overridden


def test_the_dialog_lists_earlier_calls_to_the_buyer_across_cases(qtbot, register):
    from shopdesk.domain.call_policy import CallOutcome
    from shopdesk.ui.dialogs.log_call_dialog import LogCallDialog

    from .ui_support import make_case

    first = make_case(register, order_no="1111111111")
    second = make_case(register, order_no="2222222222")  # same buyer, another order
    register.calls.log_call(first.id, CallOutcome.NO_ANSWER, "小李", summary="第一次没接")
    dialog = LogCallDialog(register.calls, second.id, "小王")
    qtbot.addWidget(dialog)
    lines = [dialog.history.item(i).text() for i in range(dialog.history.count())]
    assert len(lines) == 1 and "小李" in lines[0] and "第一次没接" in lines[0]


def test_an_untouched_time_is_the_moment_of_saving_to_the_second(qtbot, register, clock):
    # New-seller walkthrough: the box shows minutes only, so a call logged 40 s after a
    # shift began was stored at the minute before it, and the hand-off said 无人当班.
    case = open_case(register)
    clock.advance(seconds=40)
    calls, dialog = dialog_for(qtbot, register, case)
    clock.advance(seconds=30)  # talked, then saved
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("connected"))
    with qtbot.waitSignal(dialog.logged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [record] = calls.calls_for_buyer(case.id)
    assert record.at == MON_10 + timedelta(seconds=70)
    # A time the user chose is taken as chosen (to the minute).
    other = open_case(register, order="3712345678902")
    _, dialog = dialog_for(qtbot, register, other)
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(-600))
    assert dialog.call_time() == MON_10 + timedelta(minutes=1) - timedelta(seconds=600)


def test_a_time_before_the_case_is_logged_only_marked_as_such(qtbot, register, clock):
    from PySide6.QtCore import QDateTime

    from shopdesk.ui.views.case_detail import CaseDetailView

    from .ui_support import Operator

    clock.advance(days=2)
    case = open_case(register)
    calls, dialog = dialog_for(qtbot, register, case)
    assert dialog.before_case.isVisible() and not dialog.before_case.isEnabled()
    dialog.when.setDateTime(QDateTime.fromString("2026-11-23 11:00", "yyyy-MM-dd HH:mm"))
    assert not dialog.save_button.isEnabled()
    assert "before the case was opened (2026-11-25 10:00)" in dialog.policy_label.text()
    qtbot.mouseClick(dialog.before_case, Qt.MouseButton.LeftButton)
    assert dialog.before_case.isChecked() and dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.logged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.show_case(case.id)
    assert any("Logged afterwards: a contact from before the case was opened" in line
               or "补登" in line for line in view.timeline_texts())


def test_the_timeline_names_an_overrides_reason(qtbot, register, clock):
    from shopdesk.ui.views.case_detail import CaseDetailView

    from .ui_support import Operator

    case = open_case(register)
    calls = call_service(register)
    calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王")
    clock.advance(minutes=30)
    calls.log_call(case.id, CallOutcome.CONNECTED, "小王", override_reason="buyer asked")
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.show_case(case.id)
    assert any("buyer asked" in line for line in view.timeline_texts())


def test_a_future_time_gets_one_message_and_the_dialog_keeps_its_height(qtbot, register,
                                                                        clock):
    from PySide6.QtCore import QDateTime

    case = open_case(register)
    calls, dialog = dialog_for(qtbot, register, case)
    allowed_height = dialog.sizeHint().height()
    assert "Within the call policy" in dialog.policy_label.text()
    dialog.when.setDateTime(QDateTime.fromString("2026-11-23 15:00", "yyyy-MM-dd HH:mm"))
    text = dialog.policy_label.text()
    assert "in the future" in text and "Within the call policy" not in text
    assert not dialog.save_button.isEnabled() and dialog.error.isHidden()
    assert dialog.sizeHint().height() == allowed_height

    # An override asked for (inside the 2 h gap): more lines, the same height.
    calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王")
    clock.advance(minutes=30)
    dialog.when.setDateTime(QDateTime.fromString("2026-11-23 10:30", "yyyy-MM-dd HH:mm"))
    assert dialog.override_required and "Outside the call policy" in dialog.policy_label.text()
    assert dialog.sizeHint().height() == allowed_height


def test_a_refusal_goes_once_the_form_changes(qtbot, register, clock):
    from PySide6.QtCore import QDateTime

    case = open_case(register)
    calls, dialog = dialog_for(qtbot, register, case)
    dialog.error.show_error("Busy")
    dialog.when.setDateTime(QDateTime.fromString("2026-11-23 09:58", "yyyy-MM-dd HH:mm"))
    assert dialog.error.isHidden()


def test_save_stays_in_view_on_a_short_screen(qtbot, register, clock, monkeypatch):
    """About 650 px tall, the call form left Save under a laptop's taskbar: the form
    scrolls, the error line and Save stay inside the dialog."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from shopdesk.ui.widgets.screen_fit import TITLE_AND_TASKBAR

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1280, 600))
    _calls, dialog = dialog_for(qtbot, register, open_case(register))
    room = dialog.screen().availableGeometry().height() - TITLE_AND_TASKBAR
    assert dialog.height() <= room
    bottom = dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
