"""The follow-up queue: listed by due date, the script shown, results recorded by keyboard,
"problem again" needing the note and reopening the case; the window's menu and indicator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome
from shopdesk.domain.followups import FollowupState
from shopdesk.ui.dialogs.followup_queue import FollowupQueueDialog

from ..services.followup_support import open_kind, resolve
from .ui_support import Operator


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def two_followups(register, clock):
    exchange = open_kind(register, CaseKind.EXCHANGE, order="1111111111111")
    complaint = open_kind(register, CaseKind.COMPLAINT, order="2222222222222")
    resolve(register, exchange.id, Outcome.EXCHANGED)
    resolve(register, complaint.id, Outcome.BUYER_WITHDREW)
    clock.advance(days=4)  # the complaint's (3 days) is due, the exchange's (7) is not
    return complaint, exchange


@pytest.fixture
def dialog(qtbot, register, two_followups):
    d = FollowupQueueDialog(register, "zh", Operator())
    qtbot.addWidget(d)
    with qtbot.waitExposed(d):
        d.show()
    with qtbot.waitActive(d):  # mnemonics (Alt+S ...) need the dialog active
        d.activateWindow()
    return d


def test_queue_by_due_date_with_the_suggested_script(dialog, two_followups):
    complaint, exchange = two_followups
    table = dialog.table
    assert table.rowCount() == 2
    assert [table.item(r, 1).text() for r in range(2)] == [complaint.case_no,
                                                          exchange.case_no]
    assert table.item(0, 0).foreground().color().red() == 200  # due now: red
    assert dialog.script.toPlainText()  # complaint.follow_up.1, filled from the case
    dialog.due_only.setChecked(True)
    assert table.rowCount() == 1


def test_satisfied_by_keyboard(qtbot, dialog, register, two_followups):
    complaint, _ = two_followups
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # A mnemonic "animates" the click: the button fires a moment later.
    qtbot.waitUntil(lambda: not register.followups.for_case(complaint.id)[0].is_open)
    [f] = register.followups.for_case(complaint.id)
    assert f.state is FollowupState.DONE and f.result.value == "satisfied"
    assert dialog.table.rowCount() == 1


def test_problem_again_needs_the_note_then_reopens(qtbot, dialog, register, two_followups):
    complaint, _ = two_followups
    seen = []
    dialog.changed.connect(seen.append)
    qtbot.mouseClick(dialog.buttons[dialog_result("problem_again")], Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and dialog.note.hasFocus()
    assert register.cases.get(complaint.id).status is CaseStatus.RESOLVED
    dialog.note.setText("又收到投诉")  # QTest types ASCII only
    qtbot.mouseClick(dialog.buttons[dialog_result("problem_again")], Qt.MouseButton.LeftButton)
    assert register.cases.get(complaint.id).status is CaseStatus.IN_PROGRESS
    assert seen == [complaint.id]


def test_enter_opens_the_case_and_copy_puts_the_script_on_the_clipboard(qtbot, dialog,
                                                                         two_followups):
    complaint, _ = two_followups
    opened = []
    dialog.open_case.connect(opened.append)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [complaint.id]
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.script.toPlainText()


def test_window_menu_and_indicator(qtbot, make_window, register, two_followups, clock):
    window = make_window(register)
    indicator = window.followups.indicator
    assert indicator.isVisible() and "1" in indicator.text()
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, indicator.height() // 2))  # on the link's text
    qtbot.waitUntil(lambda: window.followups.dialog is not None)
    dialog = window.followups.dialog
    assert dialog.isVisible() and dialog.due_only.isChecked()
    assert dialog.table.rowCount() == 1
    dialog.record(dialog_result("no_reply"))
    assert not indicator.isVisible()
    assert window.followups.act_followups in window.menuBar().findChild(
        type(window.menuBar().actions()[0].menu()), "menu_view").actions()


def dialog_result(key):
    from shopdesk.domain.followups import FollowupResult

    return FollowupResult(key)


def test_settings_tab_changes_the_rules(qtbot, register):
    from shopdesk.ui.dialogs.followup_settings import NONE
    from shopdesk.ui.dialogs.settings_dialog import FOLLOWUPS_TAB, SettingsDialog

    settings = SettingsDialog(register, "zh", tab=FOLLOWUPS_TAB)
    qtbot.addWidget(settings)
    spins = settings.followup_page.spins
    assert spins[CaseKind.EXCHANGE].value() == 7
    assert spins[CaseKind.REFUND_ONLY].value() == NONE
    assert spins[CaseKind.REFUND_ONLY].text() == "No follow-up"
    spins[CaseKind.REFUND_ONLY].setFocus()
    qtbot.keyClick(spins[CaseKind.REFUND_ONLY], Qt.Key.Key_Up)  # -1 -> 0 days
    qtbot.keyClick(spins[CaseKind.REFUND_ONLY], Qt.Key.Key_Up)
    spins[CaseKind.EXCHANGE].setValue(NONE)
    settings.accept()
    rules = register.followups.rules()
    assert rules[CaseKind.REFUND_ONLY].days == 1 and rules[CaseKind.EXCHANGE].days is None


def test_english_settings_show_the_ampersand_of_return_and_refund(qtbot, register):
    from PySide6.QtWidgets import QFormLayout

    from shopdesk.ui.dialogs.settings_dialog import FOLLOWUPS_TAB, SettingsDialog

    settings = SettingsDialog(register, "en", tab=FOLLOWUPS_TAB)
    qtbot.addWidget(settings)
    page = settings.followup_page
    form = page.findChild(QFormLayout)
    label = form.labelForField(page.spins[CaseKind.RETURN_REFUND])
    # "&&" shows one "&"; a single one was taken as a shortcut ("Return _refund").
    assert label.text() == "Return && refund"
