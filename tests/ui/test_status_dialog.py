"""The status dialog: only allowed moves, and what each move needs, refused in the dialog."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome, Platform
from shopdesk.domain.workflow import Transition, allowed_targets
from shopdesk.ui.dialogs.status_dialog import StatusDialog

from .ui_support import choose, type_text


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    """Enum labels and domain messages in Chinese, whatever the developer's SHOPDESK_LANG."""
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def case(register):
    draft = CaseDraft(platform=Platform.TAOBAO, order_no="1234567890123",
                      kind=CaseKind.REFUND_ONLY, amount_paid=Decimal("120.00"),
                      amount_claimed=Decimal("80.00"))
    return register.cases.open_case(draft, "小王")


def open_dialog(qtbot, register, case_id: int, operator: str = "小王") -> StatusDialog:
    dialog = StatusDialog(register, case_id, operator)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.open()  # window-modal but non-blocking, as the detail view opens it
    return dialog


def pick(qtbot, radio) -> None:
    """Click a radio button on its circle: a click at the middle of a wide row misses a
    short label."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))


def press_enter(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_lists_only_the_allowed_targets(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    keys = [dialog.target.itemData(i) for i in range(dialog.target.count())]
    assert keys == [s.value for s in allowed_targets(CaseStatus.NEW)]
    assert CaseStatus.NEW.value not in keys
    assert QApplication.focusWidget() is dialog.target


def test_outcome_and_amount_appear_only_when_resolving(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "in_progress")
    assert not dialog.outcome.isVisible() and not dialog.amount.isVisible()
    choose(qtbot, dialog.target, "resolved")
    assert dialog.outcome.isVisible() and dialog.amount.isVisible()


def test_new_to_in_progress_to_resolved_with_outcome_and_amount(qtbot, register, case):
    changed: list[int] = []
    dialog = open_dialog(qtbot, register, case.id)
    dialog.changed.connect(changed.append)
    choose(qtbot, dialog.target, "in_progress")
    press_enter(qtbot)
    assert dialog.result() == StatusDialog.DialogCode.Accepted
    assert register.cases.get(case.id).status == CaseStatus.IN_PROGRESS

    dialog = open_dialog(qtbot, register, case.id)
    dialog.changed.connect(changed.append)
    keys = [dialog.target.itemData(i) for i in range(dialog.target.count())]
    assert keys == [s.value for s in allowed_targets(CaseStatus.IN_PROGRESS)]
    choose(qtbot, dialog.target, "resolved")
    qtbot.keyClick(dialog.target, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.outcome
    choose(qtbot, dialog.outcome, "partial_refund")
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.amount
    type_text(qtbot, dialog.amount, "¥30.50")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    stored = register.cases.get(case.id)
    assert stored.status == CaseStatus.RESOLVED
    assert stored.outcome == Outcome.PARTIAL_REFUND
    assert stored.amount_settled == Decimal("30.50")
    assert changed == [case.id, case.id]


def test_full_refund_fills_in_the_claimed_amount(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "full_refund")
    assert dialog.amount.text() == "80.00"
    choose(qtbot, dialog.outcome, "exchanged")      # the suggestion leaves with its outcome
    assert dialog.amount.text() == ""
    choose(qtbot, dialog.outcome, "full_refund")
    press_enter(qtbot)
    assert register.cases.get(case.id).amount_settled == Decimal("80.00")


def test_finishing_asks_about_open_promises(qtbot, register, case, clock):
    from datetime import timedelta

    from shopdesk.domain.promises import PromiseKind, PromiseState

    register.promises.make(case.id, PromiseKind.REFUND, clock.now() + timedelta(hours=2),
                           "小王", "今天内退款")
    other = register.promises.make(case.id, PromiseKind.CALL_BACK,
                                   clock.now() + timedelta(hours=3), "小王", "回电确认")
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "in_progress")
    assert dialog.promises_box.isHidden()  # not finishing: nothing to ask
    choose(qtbot, dialog.target, "resolved")
    # Three answers; the default assumes nothing: they stay open and reminded.
    assert dialog.promises_box.isVisible() and dialog.promises_open.isChecked()
    assert not dialog.promises_kept.isChecked() and not dialog.promises_not_needed.isChecked()
    assert dialog.promises_reason.isHidden()  # asked only for "no longer needed"
    assert "(2)" in dialog.promises_box.title()
    assert "今天内退款" in dialog.promises_list.text() and "回电确认" in dialog.promises_list.text()
    choose(qtbot, dialog.outcome, "full_refund")
    pick(qtbot, dialog.promises_kept)
    press_enter(qtbot)
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED
    states = {p.id: p.state for p in register.promises.for_case(case.id)}
    assert set(states.values()) == {PromiseState.KEPT} and other.id in states


def test_a_promise_kept_elsewhere_meanwhile_does_not_stop_the_change(qtbot, register, case,
                                                                     clock):
    from datetime import timedelta

    from shopdesk.domain.promises import PromiseKind, PromiseState

    first = register.promises.make(case.id, PromiseKind.REFUND,
                                   clock.now() + timedelta(hours=2), "小王", "今天内退款")
    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=3),
                           "小王", "回电确认")
    dialog = open_dialog(qtbot, register, case.id)
    register.promises.keep(first.id, "小李")  # a colleague, while the dialog is open
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "full_refund")
    pick(qtbot, dialog.promises_kept)
    press_enter(qtbot)
    assert dialog.result() == StatusDialog.DialogCode.Accepted
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED
    states = [p.state for p in register.promises.for_case(case.id)]
    assert states == [PromiseState.KEPT, PromiseState.KEPT]
    assert register.promises.get(first.id).resolved_by == "小李"  # not kept twice


def test_the_buyer_withdrew_so_the_promises_are_no_longer_needed(qtbot, register, case,
                                                                 clock):
    from datetime import timedelta

    from shopdesk.domain.promises import PromiseKind, PromiseState

    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=3),
                           "小王", "回电确认")
    register.promises.make(case.id, PromiseKind.REFUND, clock.now() + timedelta(hours=4),
                           "小王", "今天内退款")
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "buyer_withdrew")
    pick(qtbot, dialog.promises_not_needed)
    assert dialog.promises_reason.isVisible()
    # No reason: refused in the dialog, nothing written (the case stays as it was).
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and dialog.isVisible()
    assert register.cases.get(case.id).status == CaseStatus.NEW
    assert all(p.is_open for p in register.promises.for_case(case.id))
    assert dialog.promises_reason.hasFocus()
    type_text(qtbot, dialog.promises_reason.lineEdit(), "买家撤销申请")
    assert not dialog.error.isVisible()  # the refusal goes once the reason is typed
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == StatusDialog.DialogCode.Accepted
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED
    promises = register.promises.for_case(case.id)
    assert [(p.state, p.broken_reason, p.resolved_by) for p in promises] == \
        [(PromiseState.CANCELLED, "买家撤销申请", "小王")] * 2
    assert register.promises.overdue_count(clock.now() + timedelta(days=1)) == 0


def test_switching_back_from_no_longer_needed_hides_the_reason(qtbot, register, case, clock):
    from datetime import timedelta

    from shopdesk.domain.promises import PromiseKind

    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=3),
                           "小王", "回电确认")
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "full_refund")
    pick(qtbot, dialog.promises_not_needed)
    pick(qtbot, dialog.promises_open)
    assert dialog.promises_reason.isHidden()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason needed now
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED
    assert [p.is_open for p in register.promises.for_case(case.id)] == [True]


def test_resolving_leaves_unticked_promises_open(qtbot, register, case, clock):
    from datetime import timedelta

    from shopdesk.domain.promises import PromiseKind

    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=3),
                           "小王", "回电确认")
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "full_refund")
    press_enter(qtbot)
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED
    assert [p.is_open for p in register.promises.for_case(case.id)] == [True]


def test_resolving_without_outcome_is_refused_in_the_dialog(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    press_enter(qtbot)
    assert dialog.isVisible() and dialog.result() != StatusDialog.DialogCode.Accepted
    assert dialog.error.isVisible() and "处理结果" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.outcome
    assert register.cases.get(case.id).status == CaseStatus.NEW


def test_money_outcome_needs_an_amount(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "compensated")
    assert dialog.amount_label.text() == dialog.tr("Amount (required)")
    press_enter(qtbot)
    assert "金额" in dialog.error.text()
    assert register.cases.get(case.id).status == CaseStatus.NEW


@pytest.mark.parametrize(("amount", "where"), [("abc", "field"), ("500", "dialog")])
def test_bad_or_too_large_amount_is_refused(qtbot, register, case, amount, where):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "partial_refund")
    type_text(qtbot, dialog.amount, amount)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    if where == "field":
        assert dialog.amount_field.has_error
    else:
        assert "退款金额不能超过实付金额" in dialog.error.text()
    assert register.cases.get(case.id).status == CaseStatus.NEW


def test_closing_unresolved_needs_a_reason(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "closed")
    assert dialog.note_label.text() == dialog.tr("Reason (required)")
    press_enter(qtbot)
    assert "原因" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.note
    type_text(qtbot, dialog.note, "Duplicate of another case")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert register.cases.get(case.id).status == CaseStatus.CLOSED


def test_reopening_needs_a_reason(qtbot, register, case):
    register.cases.change_status(case.id, Transition(CaseStatus.RESOLVED,
                                                     Outcome.BUYER_WITHDREW), "小王")
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "in_progress")
    assert dialog.note_label.text() == dialog.tr("Reason (required)")
    press_enter(qtbot)
    assert dialog.isVisible()
    assert "重新打开案件需要写明原因" in dialog.error.text()
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED

    type_text(qtbot, dialog.note, "买家又联系了")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = register.cases.get(case.id)
    assert stored.status == CaseStatus.IN_PROGRESS and stored.outcome is None
    last = register.cases.timeline(case.id)[-1]
    assert last.type == "status" and last.text == "买家又联系了"


def test_no_operator_is_refused_in_the_dialog(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id, operator="")
    choose(qtbot, dialog.target, "in_progress")
    press_enter(qtbot)
    assert dialog.error.isVisible()
    assert register.cases.get(case.id).status == CaseStatus.NEW


def test_escape_changes_nothing(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "closed")
    qtbot.keyClick(dialog.target, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert register.cases.get(case.id).status == CaseStatus.NEW


def test_the_refusal_clears_once_the_field_is_filled(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "resolved")
    press_enter(qtbot)
    assert dialog.error.isVisible() and "处理结果" in dialog.error.text()
    choose(qtbot, dialog.outcome, "compensated")
    assert not dialog.error.isVisible()  # the outcome asked for is chosen
    press_enter(qtbot)
    assert dialog.error.isVisible() and "金额" in dialog.error.text()
    type_text(qtbot, dialog.amount, "5")
    assert not dialog.error.isVisible()


def test_the_reason_refusal_clears_when_a_reason_is_typed(qtbot, register, case):
    dialog = open_dialog(qtbot, register, case.id)
    choose(qtbot, dialog.target, "closed")
    press_enter(qtbot)
    assert dialog.error.isVisible()
    type_text(qtbot, dialog.note, "dup")
    assert not dialog.error.isVisible()
