"""The offer to start a shift: the first change made in the window while nobody is on
shift asks once (per stretch with nobody on shift) whether to start the operator's shift;
not when a shift is open or the setting is off."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from shopdesk.domain.case_query import CaseQuery
from shopdesk.ui.shift_offer import OFFER_KEY, offer_enabled


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftController", text)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def add_note(qtbot, window, text: str) -> None:
    """Type a note on the selected case and press 添加备注, as a person does."""
    detail = window.detail
    detail.note_edit.setFocus()
    qtbot.keyClicks(detail.note_edit, text)
    click(qtbot, detail.note_button)


def wait_offer(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox),
                    timeout=3000)
    box = QApplication.activeModalWidget()
    assert box is window.shift_offer.box and box.objectName() == "shift_offer"
    return box


def no_offer(qtbot, window) -> bool:
    """True when, after the events of the change ran, no offer is showing."""
    qtbot.wait(50)
    return window.shift_offer.box is None and not isinstance(
        QApplication.activeModalWidget(), QMessageBox)


def select_first_case(window, register) -> int:
    case_id = register.cases.query_ids(CaseQuery())[0]
    window.case_list.select_case(case_id)
    assert window.detail.current_case_id == case_id
    return case_id


def test_the_first_change_with_nobody_on_shift_offers_once(qtbot, window, demo_register, clock):
    assert demo_register.shifts.current() is None
    assert window.shifts.status_label.text() == _tr("Nobody on shift")
    case_id = select_first_case(window, demo_register)
    add_note(qtbot, window, "first note")
    box = wait_offer(qtbot, window)
    assert "小王" in box.text()
    click(qtbot, window.shift_offer.later_button)
    assert window.shift_offer.box is None and demo_register.shifts.current() is None
    assert [e.text for e in demo_register.cases.timeline(case_id)][-1] == "first note"

    # Declined: not asked again for the rest of this stretch with nobody on shift.
    add_note(qtbot, window, "second note")
    assert no_offer(qtbot, window)
    assert window.shifts.status_label.text() == _tr("Nobody on shift")

    # A shift started and ended elsewhere (the command line): a new stretch, asked again.
    demo_register.shifts.start("小王")
    clock.advance(hours=1)
    demo_register.shifts.end("小王")
    add_note(qtbot, window, "after the hand-off")
    wait_offer(qtbot, window)
    click(qtbot, window.shift_offer.later_button)


def test_starting_the_shift_from_the_offer_after_a_status_change(qtbot, window, demo_register):
    from shopdesk.ui.dialogs.status_dialog import StatusDialog

    select_first_case(window, demo_register)
    click(qtbot, window.detail.status_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StatusDialog),
                    timeout=3000)
    dialog = QApplication.activeModalWidget()
    click(qtbot, dialog.ok_button)  # the first allowed status, as offered
    box = wait_offer(qtbot, window)
    assert box.defaultButton() is window.shift_offer.start_button
    click(qtbot, window.shift_offer.start_button)
    current = demo_register.shifts.current()
    assert current is not None and current.staff == "小王"
    assert "小王" in window.shifts.status_label.text()
    assert window.shifts.status_label.text() != _tr("Nobody on shift")
    # On shift now: a change asks nothing.
    add_note(qtbot, window, "on shift")
    assert no_offer(qtbot, window)


def test_a_new_case_offers_too_and_a_pin_is_asked_in_the_start_dialog(qtbot, window,
                                                                      demo_register):
    from shopdesk.ui.dialogs.case_form import CaseFormDialog
    from shopdesk.ui.dialogs.shift_start_dialog import ShiftStartDialog

    demo_register.staff.set_pin("小王", "2468", "小王")
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form_class = CaseFormDialog
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), form_class),
                    timeout=3000)
    form = QApplication.activeModalWidget()
    form.order_no.setFocus()
    qtbot.keyClicks(form.order_no, "9988776655")
    qtbot.keyClick(form.order_no, Qt.Key.Key_Return)
    wait_offer(qtbot, window)
    click(qtbot, window.shift_offer.start_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ShiftStartDialog),
                    timeout=3000)
    start = QApplication.activeModalWidget()
    assert start.staff_combo.currentData() == "小王"
    assert demo_register.shifts.current() is None  # not without the PIN
    qtbot.keyClicks(start.pin, "2468")
    click(qtbot, start.start_button)
    qtbot.waitUntil(lambda: demo_register.shifts.current() is not None, timeout=3000)
    qtbot.waitUntil(lambda: "小王" in window.shifts.status_label.text(), timeout=3000)


def test_no_offer_when_the_setting_is_off_or_a_shift_is_open(qtbot, window, demo_register):
    from shopdesk.ui.dialogs.settings_dialog import SHIFTS_TAB, SettingsDialog

    settings = SettingsDialog(demo_register, "zh", tab=SHIFTS_TAB)
    qtbot.addWidget(settings)
    box = settings.shift_page.offer
    assert box.isChecked()  # on by default
    click(qtbot, box)
    settings.accept()
    assert not offer_enabled(window.settings)
    select_first_case(window, demo_register)
    add_note(qtbot, window, "setting off")
    assert no_offer(qtbot, window)

    window.settings.setValue(OFFER_KEY, True)
    demo_register.shifts.start("小王")
    add_note(qtbot, window, "shift open")
    assert no_offer(qtbot, window)


def test_dont_offer_again_turns_the_setting_off(qtbot, window, demo_register):
    from shopdesk.ui.dialogs.settings_dialog import SHIFTS_TAB, SettingsDialog

    select_first_case(window, demo_register)
    add_note(qtbot, window, "first")
    box = wait_offer(qtbot, window)
    click(qtbot, box.checkBox())
    click(qtbot, window.shift_offer.later_button)
    assert not offer_enabled(window.settings)
    settings = SettingsDialog(demo_register, "zh", tab=SHIFTS_TAB)
    qtbot.addWidget(settings)
    assert not settings.shift_page.offer.isChecked()  # where it is turned back on


def test_the_settings_menu_reaches_the_shift_settings_the_offer_names(qtbot, window,
                                                                      monkeypatch):
    from PySide6.QtGui import QAction

    from shopdesk.ui.dialogs.settings_tabs import SHIFTS_TAB

    opened: list[int] = []
    monkeypatch.setattr(window, "open_settings", lambda tab=0: opened.append(tab))
    action = window.findChild(QAction, "action_shift_settings")
    assert action is not None and action in window.findChild(
        QAction, "action_staff").associatedObjects()[0].actions()
    action.trigger()
    assert opened == [SHIFTS_TAB]
