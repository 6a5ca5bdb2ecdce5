"""Change status on a case someone else moved while the dialog was open (another PC, the
same register): refused, saying who moved it from what to what; the dialog stays open with
the choice and shows the status now; pressing again is a knowing change."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome, Platform
from shopdesk.domain.workflow import Transition, allowed_targets
from shopdesk.ui.dialogs.status_dialog import StatusDialog

from .ui_support import choose, type_text


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    """Enum labels and service messages in Chinese, whatever SHOPDESK_LANG says."""
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def case(register):
    register.staff.add("小李", actor="小王")
    opened = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="1234567890123", kind=CaseKind.REFUND_ONLY,
        amount_paid=Decimal("500.00"), amount_claimed=Decimal("500.00")), "小王")
    return register.cases.change_status(opened.id, Transition(CaseStatus.IN_PROGRESS), "小王")


def open_dialog(qtbot, register, case_id: int) -> StatusDialog:
    dialog = StatusDialog(register, case_id, "小王")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.open()
    return dialog


def targets(dialog: StatusDialog) -> list[str]:
    return [dialog.target.itemData(i) for i in range(dialog.target.count())]


def test_a_status_changed_elsewhere_is_not_overwritten(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    assert dialog.current_label.text() == "处理中"
    # PC2, while PC1's dialog is open.
    register.cases.change_status(case.id, Transition(CaseStatus.WAITING_PLATFORM), "小李")
    choose(qtbot, dialog.target, "waiting_buyer")
    type_text(qtbot, dialog.note, "催买家寄回")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result() != StatusDialog.DialogCode.Accepted
    assert register.cases.get(case.id).status == CaseStatus.WAITING_PLATFORM
    message = dialog.error.text()
    assert dialog.error.isVisible()
    assert "小李" in message and "处理中" in message and "等待平台" in message
    assert "Your choice is kept" in message  # and only then (see the next test)
    # The status now, the moves it allows, and what was chosen and typed.
    assert dialog.current_label.text() == "等待平台"
    assert targets(dialog) == [s.value for s in allowed_targets(CaseStatus.WAITING_PLATFORM)]
    assert dialog.target.currentData() == "waiting_buyer"
    assert dialog.note.toPlainText() == "催买家寄回"

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # a knowing change
    assert dialog.result() == StatusDialog.DialogCode.Accepted
    assert register.cases.get(case.id).status == CaseStatus.WAITING_BUYER
    last = register.cases.timeline(case.id)[-1]
    assert (last.actor, last.data["from"], last.data["to"], last.text) == \
        ("小王", "waiting_platform", "waiting_buyer", "催买家寄回")


def test_a_choice_the_new_status_no_longer_allows_asks_again(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    register.cases.change_status(case.id, Transition(
        CaseStatus.RESOLVED, Outcome.FULL_REFUND, Decimal("500.00")), "小李")
    choose(qtbot, dialog.target, "waiting_buyer")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    stored = register.cases.get(case.id)
    assert (stored.status, stored.outcome) == (CaseStatus.RESOLVED, Outcome.FULL_REFUND)
    assert dialog.isVisible() and "小李" in dialog.error.text()
    assert dialog.current_label.text() == "已解决"
    # Nothing slipped in for the choice that no longer applies (the first move from 已解决
    # is a reopen): the user chooses again, and a second press changes nothing meanwhile.
    assert targets(dialog) == [None, *(s.value for s in allowed_targets(CaseStatus.RESOLVED))]
    assert dialog.target.currentData() is None and "choose again" in dialog.error.text()
    assert "Your choice is kept" not in dialog.error.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and register.cases.get(case.id).status == CaseStatus.RESOLVED
    # What the target shown now needs is asked for: reopening needs a reason.
    choose(qtbot, dialog.target, "in_progress")
    assert dialog.note_label.text() == "Reason (required)"


def test_an_owners_approval_is_not_recorded_for_a_case_moved_meanwhile(qtbot, register,
                                                                       case):
    register.staff.add("老板", actor="小王")
    register.staff.set_pin("老板", "2468", "老板")
    register.major.set_limit(None, Decimal(100), "老板")
    register.major.mark(case.id, "老板", "小王")
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "partial_refund")
    type_text(qtbot, dialog.amount, "300")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.approval_pin.isVisible()
    register.cases.change_status(case.id, Transition(CaseStatus.WAITING_PLATFORM), "小李")
    type_text(qtbot, dialog.approval_pin, "2468")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert "小李" in dialog.error.text()
    assert register.major.approvals(case.id) == []
    assert register.cases.get(case.id).status == CaseStatus.WAITING_PLATFORM
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # chosen again: goes
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED
    [approval] = register.major.approvals(case.id)
    assert approval.amount == Decimal("300.00")
