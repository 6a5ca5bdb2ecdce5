"""Major complaints in the window: the suggestion on the Major button, marking with an
owner, the red rows first in the list, the owner's approval in Change status, and
similar-case links that open the case."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import CaseStatus
from shopdesk.ui.dialogs.major_dialog import MajorDialog
from shopdesk.ui.dialogs.status_dialog import StatusDialog
from shopdesk.ui.models.case_columns import MAJOR_ROLE

from .ui_support import choose, type_text


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


def open_case(register, order, description="", sku="", cause="", amount="500"):
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": "complaint",
                               "buyer_nick": f"买家{order}", "description": description,
                               "sku": sku, "cause": cause, "amount_paid": amount})
    return register.cases.open_case(draft, "小王")


def test_suggestion_bar_marks_the_case_major_and_it_lists_first(qtbot, make_window,
                                                                register, clock):
    register.staff.add("老板", actor="小王")
    hurt = open_case(register, "T300001", "孩子被割伤了")
    clock.advance(minutes=5)
    open_case(register, "T300002")  # newer: first until the other is major
    window = make_window(register)
    assert window.case_list.model.ids()[0] != hurt.id
    window.open_case_by_id(hurt.id)
    detail = window.detail
    button = detail.major_button
    assert detail.major_state() == "suggested" and "人身安全/健康" in button.toolTip()
    assert register.cases.get(hurt.id).major_owner == ""  # only suggested
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.detail.findChild(MajorDialog)
    assert dialog is not None
    qtbot.waitActive(dialog)
    choose(qtbot, dialog.owner, "老板")
    type_text(qtbot, dialog.note, "买家受伤")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # the default button: Mark as major
    assert register.cases.get(hurt.id).major_owner == "老板"
    assert detail.major_state() == "major" and "老板" in button.text()
    model = window.case_list.model
    assert model.ids()[0] == hurt.id
    index = model.index(0, 0)
    assert index.data(MAJOR_ROLE) == "老板"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert any("老板" in t for t in window.detail.timeline_texts())


def test_unmarking_in_the_dialog_needs_a_reason(qtbot, register):
    register.staff.add("老板", actor="小王")
    case = open_case(register, "T300003")
    register.major.mark(case.id, "老板", "小王")
    dialog = MajorDialog(register, case.id, "小王")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.mouseClick(dialog.unmark_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and register.cases.get(case.id).major_owner == "老板"
    type_text(qtbot, dialog.note, "误判")
    qtbot.mouseClick(dialog.unmark_button, Qt.MouseButton.LeftButton)
    assert register.cases.get(case.id).major_owner == ""


def test_change_status_asks_for_the_owners_approval_with_pin(qtbot, register):
    register.staff.add("老板", actor="小王")
    register.staff.set_pin("老板", "2468", "老板")
    register.major.set_limit(None, Decimal(100), "老板")
    case = open_case(register, "T300004", amount="500")
    register.major.mark(case.id, "老板", "小王")
    dialog = StatusDialog(register, case.id, "小王")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.open()
    choose(qtbot, dialog.target, "resolved")
    choose(qtbot, dialog.outcome, "partial_refund")
    type_text(qtbot, dialog.amount, "300")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.approval_label.isVisible() and "老板" in dialog.approval_label.text()
    assert dialog.approval_pin.isVisible()
    assert QApplication.focusWidget() is dialog.approval_pin
    assert register.cases.get(case.id).status == CaseStatus.NEW
    type_text(qtbot, dialog.approval_pin, "1111")  # wrong: refused, nothing changes
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and register.major.approvals(case.id) == []
    dialog.approval_pin.clear()
    type_text(qtbot, dialog.approval_pin, "2468")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert register.cases.get(case.id).status == CaseStatus.RESOLVED
    [approval] = register.major.approvals(case.id)
    assert (approval.approved_by, approval.amount) == ("老板", Decimal("300.00"))


def test_a_similar_case_link_opens_that_case(qtbot, make_window, register):
    first = open_case(register, "T300010", sku="CUP-1", cause="item_defective")
    second = open_case(register, "T300011", sku="CUP-1", cause="item_defective")
    window = make_window(register)
    window.open_case_by_id(second.id)
    badge = window.detail.warning_badge
    assert badge.similar_ids() == [first.id]
    badge.similar.linkActivated.emit(f"case:{first.id}")  # what a click on the link sends
    assert window.detail.current_case_id == first.id
    assert window.case_list.current_id() == first.id


def test_settings_limits_tab_sets_the_default_and_one_persons_limit(qtbot, register):
    from shopdesk.ui.dialogs.settings_dialog import LIMITS_TAB, SettingsDialog

    register.staff.add("老板", actor="小王")
    dialog = SettingsDialog(register, "zh", tab=LIMITS_TAB)
    qtbot.addWidget(dialog)
    page = dialog.limits_page
    assert dialog.tabs.currentWidget() is page and page.default.text() == "200.00"
    page.default.clear()
    type_text(qtbot, page.default, "150")
    type_text(qtbot, page.per_staff["小王"], "abc")
    dialog.accept()
    assert not page.error.isHidden() and dialog.result() != dialog.DialogCode.Accepted
    # The message names the box at fault and what was typed there; focus goes to it.
    assert page.error.text().startswith("小王: “abc”") and "150" not in page.error.text()
    assert page.per_staff["小王"].hasFocus() or not dialog.isVisible()
    page.per_staff["小王"].clear()
    type_text(qtbot, page.per_staff["小王"], "80")
    dialog.accept()
    limits = register.major.limits()
    assert (limits.default, limits.staff) == (Decimal(150), {"小王": Decimal(80)})
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_plain_case_hides_the_major_button_and_the_cases_menu_marks_it(
        qtbot, make_window, register, monkeypatch):
    """Beside the case number the button shows only when it says something, so a laptop
    never cuts the number; marking a plain case goes through Cases → Mark as major."""
    from shopdesk.ui.views.case_detail import CaseDetailView

    opened: list[int] = []
    monkeypatch.setattr(CaseDetailView, "mark_major",
                        lambda self: opened.append(self._case.id if self._case else -1))
    case = open_case(register, "T300009")
    window = make_window(register)
    window.resize(1280, 720)
    window.show()
    window.open_case_by_id(case.id)
    assert window.detail.major_state() == ""
    assert not window.detail.major_button.isVisible()
    number = window.detail.header.case_no
    assert number.width() >= number.sizeHint().width()  # the case number is whole
    window.act_mark_major.trigger()
    assert opened == [case.id]
