"""The case form, driven by the keyboard like a seller logging a dispute between parcels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import local
from shopdesk.domain.enums import CaseKind, Cause, Platform, Priority
from shopdesk.ui.dialogs.case_form import CaseFormDialog

from .ui_support import choose, type_text


def tab(qtbot) -> QWidget:
    """Press Tab where the focus is; return the widget that has it next."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def open_form(qtbot, register, **kwargs) -> CaseFormDialog:
    dialog = CaseFormDialog(register, "小王", **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    return dialog


def live_count(register) -> int:
    return register.cases.count(CaseQuery())


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    """Enum labels and domain messages in Chinese, whatever the developer's SHOPDESK_LANG."""
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def sample_case(register):
    draft = CaseDraft(platform=Platform.TAOBAO, order_no="1234567890123", shop="暖暖家居旗舰店",
                      kind=CaseKind.REFUND_ONLY, buyer_nick="tb_lemon", buyer_name="王芳",
                      buyer_phone="13812345678", buyer_address="浙江省杭州市西湖区1号",
                      amount_paid=Decimal("99.00"), amount_claimed=Decimal("99.00"),
                      cause=Cause.LATE_SHIPMENT, assignee="阿珍")
    return register.cases.open_case(draft, "小王")


# --- creating --------------------------------------------------------------------
def test_new_case_typed_field_by_field_is_stored(qtbot, register):
    dialog = open_form(qtbot, register)
    saved: list[int] = []
    dialog.saved.connect(saved.append)
    assert QApplication.focusWidget() is dialog.platform  # the first field has focus

    choose(qtbot, dialog.platform, "jd")
    type_text(qtbot, tab(qtbot), "WarmHome JD")                  # shop
    type_text(qtbot, tab(qtbot), "240101-88886666")              # order no.
    type_text(qtbot, tab(qtbot), "R20261123001")                 # refund no.
    type_text(qtbot, tab(qtbot), "保温杯 500ml")                   # item
    type_text(qtbot, tab(qtbot), "CUP-316-500")                  # SKU
    type_text(qtbot, tab(qtbot), "¥1,234.50")                    # amount paid
    type_text(qtbot, tab(qtbot), "1000")                         # amount claimed
    assert tab(qtbot) is dialog.applied.enabled_box              # unticked: Tab passes on
    type_text(qtbot, tab(qtbot), "tb_lemon88")                   # buyer nickname
    type_text(qtbot, tab(qtbot), "李雷")                           # buyer name
    type_text(qtbot, tab(qtbot), "138 1234 5678")                # phone
    type_text(qtbot, tab(qtbot), "浙江省杭州市西湖区文三路1号")        # address
    choose(qtbot, tab(qtbot), "return_refund")                   # kind
    choose(qtbot, tab(qtbot), "item_defective")                  # cause
    assert tab(qtbot) is dialog.customer_type
    choose(qtbot, tab(qtbot), "high")                            # priority
    assert tab(qtbot) is dialog.due.enabled_box
    assert tab(qtbot) is dialog.due.edit
    assert tab(qtbot) is dialog.assignee  # one Tab passes the date-time box (not five)
    assert dialog.assignee.currentData() == "小王"               # the operator's by default
    description = tab(qtbot)
    assert description is dialog.description
    type_text(qtbot, description, "Lid leaks")
    qtbot.keyClick(description, Qt.Key.Key_Return)               # a new line, not a save
    type_text(qtbot, description, "Buyer sent photos")
    assert not saved
    qtbot.keyClick(description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert len(saved) == 1 and dialog.result() == CaseFormDialog.DialogCode.Accepted
    case = register.cases.get(saved[0])
    assert case.platform == Platform.JD
    assert case.shop == "WarmHome JD"
    assert case.order_no == "240101-88886666"
    assert case.refund_no == "R20261123001"
    assert case.item_title == "保温杯 500ml"
    assert case.amount_paid == Decimal("1234.50")
    assert case.amount_claimed == Decimal("1000.00")
    assert case.buyer_name == "李雷"
    assert case.buyer_phone == "13812345678"
    assert case.buyer_address == "浙江省杭州市西湖区文三路1号"
    assert case.kind == CaseKind.RETURN_REFUND
    assert case.cause == Cause.ITEM_DEFECTIVE
    assert case.priority == Priority.HIGH
    assert case.description == "Lid leaks\nBuyer sent photos"
    assert case.created_by == "小王" and case.assignee == "小王"
    # Default due time: 24 hours from now, in the shop's zone.
    assert case.due_at == register.clock.now() + timedelta(hours=24)
    assert case.applied_at is None  # not said: unknown


def test_enter_in_a_field_saves(qtbot, register):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    assert live_count(register) == 1


@pytest.mark.parametrize("where", ["kind", "cause", "due_box", "due_edit"])
def test_enter_on_combos_and_due_time_saves_too(qtbot, register, where):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    widget = {"kind": dialog.kind, "cause": dialog.cause, "due_box": dialog.due.enabled_box,
              "due_edit": dialog.due.edit}[where]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    assert live_count(register) == 1


def test_escape_cancels_and_saves_nothing(qtbot, register, boxes):
    dialog = open_form(qtbot, register)
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible() and boxes.shown == []
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    boxes.answer = QMessageBox.StandardButton.No  # typed: asks first; No keeps the form
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.order_no.text() == "9988776655"
    assert boxes.texts("question") == ["Discard what you typed in this form?"]
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Escape)
    assert dialog.result() == CaseFormDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert live_count(register) == 0


def test_a_due_time_typed_from_the_keyboard(qtbot, register):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    dialog.due.enabled_box.setChecked(True)
    dialog.due.enabled_box.setFocus()
    assert tab(qtbot) is dialog.due.edit
    qtbot.keyClicks(dialog.due.edit, "202612041500")  # the digits, section after section
    assert tab(qtbot) is dialog.assignee
    # Back with Shift+Tab: the whole date is ready to be typed again (not the minutes).
    qtbot.keyClick(dialog.assignee, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.due.edit
    qtbot.keyClicks(dialog.due.edit, "202612051630")
    qtbot.keyClick(dialog.due.edit, Qt.Key.Key_Return)
    [case_id] = register.cases.query_ids(CaseQuery())
    due = register.cases.get(case_id).due_at
    assert due is not None and local(due, register.shop_tz).strftime("%Y-%m-%d %H:%M") == \
        "2026-12-05 16:30"


def test_due_time_is_optional_and_read_in_shop_time(qtbot, register):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    qtbot.keyClick(dialog.due.enabled_box, Qt.Key.Key_Space)  # untick: no due time
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert register.cases.get(register.cases.query_ids(CaseQuery())[0]).due_at is None

    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776656")
    edit = dialog.due.edit
    edit.setFocus()
    edit.setCurrentSection(edit.Section.HourSection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)                      # one hour later
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    case = register.cases.get_by_no("SD-20261123-0002")
    # Now is 10:00 in Shanghai; default 10:00 tomorrow; +1h = 11:00 Shanghai = 03:00 UTC.
    assert case.due_at == datetime(2026, 11, 24, 3, 0, tzinfo=UTC)


# --- refusing bad input ------------------------------------------------------------
@pytest.mark.parametrize(("field", "text", "message"), [
    ("amount_paid", "-5", "金额不能为负数"),
    ("buyer_phone", "12ab", "手机号格式不正确"),
    ("amount_paid", "12.345", "金额最多两位小数"),
])
def test_bad_input_is_refused_next_to_the_field(qtbot, register, field, text, message):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    editor = getattr(dialog, field)
    type_text(qtbot, editor, text)
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)

    assert live_count(register) == 0
    assert dialog.isVisible() and dialog.result() != CaseFormDialog.DialogCode.Accepted
    error = dialog.fields[field].error
    assert error.isVisible() and message in error.text()
    assert dialog.fields[field].frame.styleSheet()  # outlined
    assert QApplication.focusWidget() is editor
    others = [n for n, f in dialog.fields.items() if n != field and f.has_error]
    assert others == []


def test_empty_order_number_is_refused(qtbot, register):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.amount_paid, "10")
    qtbot.keyClick(dialog.amount_paid, Qt.Key.Key_Return)
    assert live_count(register) == 0
    assert dialog.fields["order_no"].error.isVisible()
    assert "订单号不能为空" in dialog.fields["order_no"].error.text()
    assert QApplication.focusWidget() is dialog.order_no


def test_a_new_case_claims_what_was_paid_unless_told(qtbot, register):
    dialog = open_form(qtbot, register)
    assert dialog.amount_claimed.placeholderText() == "= amount paid"  # no translator here
    type_text(qtbot, dialog.order_no, "9988776655")
    type_text(qtbot, dialog.amount_paid, "59.90")
    qtbot.keyClick(dialog.amount_paid, Qt.Key.Key_Return)
    [case_id] = register.cases.query_ids(CaseQuery())
    assert register.cases.get(case_id).amount_claimed == Decimal("59.90")  # as `cases add`


def test_claimed_more_than_paid_is_refused(qtbot, register):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    type_text(qtbot, dialog.amount_paid, "50")
    type_text(qtbot, dialog.amount_claimed, "80")
    qtbot.keyClick(dialog.amount_claimed, Qt.Key.Key_Return)
    assert live_count(register) == 0
    assert "申请金额 ¥80.00 不能超过实付金额 ¥50.00" in dialog.fields["amount_claimed"].error.text()


def test_focus_goes_to_the_first_bad_field_and_errors_clear_when_fixed(qtbot, register):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.buyer_phone, "12ab")
    type_text(qtbot, dialog.amount_paid, "-1")
    qtbot.keyClick(dialog.buyer_phone, Qt.Key.Key_Return)
    bad = {n for n, f in dialog.fields.items() if f.has_error}
    assert bad == {"order_no", "amount_paid", "buyer_phone"}
    assert QApplication.focusWidget() is dialog.order_no      # first in visual order

    type_text(qtbot, dialog.order_no, "9988776655")
    assert not dialog.fields["order_no"].has_error
    assert not dialog.fields["order_no"].frame.styleSheet()
    dialog.amount_paid.clear()
    type_text(qtbot, dialog.amount_paid, "1")
    dialog.buyer_phone.clear()
    type_text(qtbot, dialog.buyer_phone, "13812345678")
    qtbot.keyClick(dialog.buyer_phone, Qt.Key.Key_Return)
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    assert live_count(register) == 1


def test_no_operator_is_refused_without_saving(qtbot, register):
    dialog = CaseFormDialog(register, "")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.order_no, "9988776655")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert live_count(register) == 0
    assert dialog.general_error.isVisible()


# --- layout and memory ------------------------------------------------------------
def test_tab_order_follows_the_columns(qtbot, register):
    dialog = open_form(qtbot, register)
    seen = [QApplication.focusWidget()]
    for _ in range(20):
        seen.append(tab(qtbot))  # one Tab passes the date-time box too
    expected = [dialog.platform, dialog.shop, dialog.order_no, dialog.refund_no,
                dialog.item_title, dialog.sku, dialog.amount_paid, dialog.amount_claimed,
                dialog.applied.enabled_box,  # unticked for a new case: its time is skipped
                dialog.buyer_nick, dialog.buyer_name, dialog.buyer_phone,
                dialog.buyer_address, dialog.kind, dialog.cause, dialog.customer_type,
                dialog.priority, dialog.due.enabled_box, dialog.due.edit, dialog.assignee,
                dialog.description]
    assert seen[:len(expected)] == expected


def test_causes_are_grouped_by_side(qtbot, register):
    dialog = open_form(qtbot, register)
    combo = dialog.cause
    texts = [combo.itemText(i) for i in range(combo.count())]
    for heading in ("卖家原因", "快递原因", "买家原因", "其他"):
        assert heading in texts
    # Headings cannot be chosen; each cause sits under its own side's heading.
    heading_of = {}
    current = None
    for i in range(1, combo.count()):
        key = combo.itemData(i)
        if not key:
            current = combo.itemText(i)
            assert not combo.model().item(i).isEnabled()
        else:
            heading_of[Cause(key)] = current
    assert all(heading_of[c] == c.side.zh for c in Cause)


def test_last_platform_and_shop_are_remembered(qtbot, register):
    dialog = open_form(qtbot, register)
    choose(qtbot, dialog.platform, "pinduoduo")
    dialog.shop.clear()
    type_text(qtbot, dialog.shop, "好物优选拼多多店")
    type_text(qtbot, dialog.order_no, "9988776655")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)

    again = open_form(qtbot, register)
    assert again.platform.current() == Platform.PINDUODUO
    assert again.shop.text() == "好物优选拼多多店"
    assert again.order_no.text() == ""


# --- editing -----------------------------------------------------------------------
def test_edit_shows_the_case_and_stores_changes(qtbot, register, sample_case):
    dialog = open_form(qtbot, register, case_id=sample_case.id)
    assert dialog.order_no.text() == "1234567890123"
    assert dialog.amount_paid.text() == "99.00"
    assert dialog.cause.current() == Cause.LATE_SHIPMENT
    assert dialog.buyer_phone.text() == "138****5678"
    assert dialog.buyer_phone.isReadOnly()

    dialog.amount_claimed.selectAll()
    type_text(qtbot, dialog.amount_claimed, "49.50")
    qtbot.keyClick(dialog.amount_claimed, Qt.Key.Key_Return)

    case = register.cases.get(sample_case.id)
    assert case.amount_claimed == Decimal("49.50")
    # Fields the form does not show, and the unrevealed phone, are kept as they were.
    assert case.buyer_phone == "13812345678"
    assert case.buyer_address == "浙江省杭州市西湖区1号"
    assert case.assignee == "阿珍"
    updates = [a for a in register.cases.audit(case.id) if a.action == "update"]
    assert [(a.field, a.old, a.new) for a in updates] == [("amount_claimed", "99.00", "49.50")]
    assert not any(a.action == "reveal_phone" for a in register.cases.audit(case.id))


def test_reveal_phone_is_audited_before_it_can_be_edited(qtbot, register, sample_case):
    dialog = open_form(qtbot, register, case_id=sample_case.id)
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)

    reveals = [a for a in register.cases.audit(sample_case.id) if a.action == "reveal_phone"]
    assert len(reveals) == 1 and reveals[0].actor == "小王"
    assert dialog.buyer_phone.text() == "13812345678"
    assert not dialog.buyer_phone.isReadOnly()
    assert not dialog.reveal_button.isVisible()
    assert QApplication.focusWidget() is dialog.buyer_phone

    dialog.buyer_phone.selectAll()
    type_text(qtbot, dialog.buyer_phone, "13900001111")
    qtbot.keyClick(dialog.buyer_phone, Qt.Key.Key_Return)
    assert register.cases.get(sample_case.id).buyer_phone == "13900001111"


def test_enter_on_the_show_button_reveals_rather_than_saves(qtbot, register, sample_case):
    dialog = open_form(qtbot, register, case_id=sample_case.id)
    dialog.buyer_phone.setFocus()
    assert tab(qtbot) is dialog.reveal_button
    qtbot.keyClick(dialog.reveal_button, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.buyer_phone.text() == "13812345678"
    qtbot.keyClick(dialog.buyer_phone, Qt.Key.Key_Return)  # back in a field: Enter saves
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted


def test_edit_with_bad_input_changes_nothing(qtbot, register, sample_case):
    dialog = open_form(qtbot, register, case_id=sample_case.id)
    dialog.order_no.clear()
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert dialog.fields["order_no"].has_error
    assert register.cases.get(sample_case.id).order_no == "1234567890123"
    assert not [a for a in register.cases.audit(sample_case.id) if a.action == "update"]


# --- handing a case over, the buyer's address ----------------------------------------
def test_reassigning_a_case_is_on_the_timeline_and_in_the_audit(qtbot, register,
                                                               sample_case):
    register.staff.add("小李", actor="小王")
    register.staff.add("老周", actor="小王")
    register.staff.deactivate(register.staff.store.by_name("老周").id, "小王")
    dialog = open_form(qtbot, register, case_id=sample_case.id)
    names = [dialog.assignee.itemData(i) for i in range(dialog.assignee.count())]
    # Nobody, the active staff, and the current assignee even though not on the list;
    # a deactivated colleague cannot be handed a case.
    assert names == ["", "小王", "小李", "阿珍"]
    assert dialog.assignee.currentData() == "阿珍"

    dialog.assignee.setFocus()
    choose(qtbot, dialog.assignee, "小李")
    qtbot.keyClick(dialog.assignee, Qt.Key.Key_Return)

    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    assert register.cases.get(sample_case.id).assignee == "小李"
    updates = [(a.actor, a.field, a.old, a.new) for a in register.cases.audit(sample_case.id)
               if a.action == "update"]
    assert updates == [("小王", "assignee", "阿珍", "小李")]
    last = register.cases.timeline(sample_case.id)[-1]
    assert (last.type, last.actor, last.data["fields"]) == ("edit", "小王", ["assignee"])


def test_a_new_case_can_go_to_a_colleague_or_to_nobody(qtbot, register):
    register.staff.add("小李", actor="小王")
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    dialog.assignee.setFocus()
    choose(qtbot, dialog.assignee, "小李")
    qtbot.keyClick(dialog.assignee, Qt.Key.Key_Return)
    assert register.cases.get_by_no("SD-20261123-0001").assignee == "小李"

    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776656")
    dialog.assignee.setFocus()
    choose(qtbot, dialog.assignee, "")
    assert dialog.assignee.currentText() == "(nobody)"
    qtbot.keyClick(dialog.assignee, Qt.Key.Key_Return)
    assert register.cases.get_by_no("SD-20261123-0002").assignee == ""


def test_a_colleague_deactivated_while_the_form_was_open_is_refused(qtbot, register):
    register.staff.add("小李", actor="小王")
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    dialog.assignee.setFocus()
    choose(qtbot, dialog.assignee, "小李")
    register.staff.deactivate_named("小李", "小王")
    qtbot.keyClick(dialog.assignee, Qt.Key.Key_Return)
    assert live_count(register) == 0
    assert dialog.isVisible()
    assert "员工已停用" in dialog.fields["assignee"].error.text()
    assert QApplication.focusWidget() is dialog.assignee


def test_address_is_masked_until_revealed_and_the_reveal_is_audited(qtbot, register,
                                                                    sample_case):
    dialog = open_form(qtbot, register, case_id=sample_case.id)
    assert dialog.buyer_address.text() != "浙江省杭州市西湖区1号"
    assert dialog.buyer_address.text().startswith("浙江省杭州市")  # masked, the city kept
    assert dialog.buyer_address.isReadOnly()

    # Saving another change keeps the address as stored, not the masked text.
    dialog.sku.setFocus()
    type_text(qtbot, dialog.sku, "CUP-1")
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Return)
    assert register.cases.get(sample_case.id).buyer_address == "浙江省杭州市西湖区1号"
    assert not any(a.action == "reveal_address" for a in register.cases.audit(sample_case.id))

    dialog2 = open_form(qtbot, register, case_id=sample_case.id)

    qtbot.mouseClick(dialog2.reveal_address_button, Qt.MouseButton.LeftButton)
    reveals = [a for a in register.cases.audit(sample_case.id)
               if a.action == "reveal_address"]
    assert len(reveals) == 1 and reveals[0].actor == "小王"
    assert dialog2.buyer_address.text() == "浙江省杭州市西湖区1号"
    assert not dialog2.buyer_address.isReadOnly()
    assert QApplication.focusWidget() is dialog2.buyer_address
    dialog2.buyer_address.selectAll()
    type_text(qtbot, dialog2.buyer_address, "上海市浦东新区2号")
    qtbot.keyClick(dialog2.buyer_address, Qt.Key.Key_Return)
    case = register.cases.get(sample_case.id)
    assert case.buyer_address == "上海市浦东新区2号" and case.sku == "CUP-1"
    updates = [(a.field, a.new) for a in register.cases.audit(case.id) if a.action == "update"]
    assert ("buyer_address", "上海市浦东新区2号") in updates


def test_a_new_case_for_a_known_order_gets_its_buyer_and_item(qtbot, register, tmp_path):
    """The seller types only the order number of an order an export brought in: the saved
    case has the buyer, phone, address, item and SKU, and what was typed stays."""
    from tests.services.test_orders import ORDER_HEADER, order_row, write

    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    register.imports.apply(register.imports.read(path), path.name, "小王")
    dialog = open_form(qtbot, register)
    saved = []
    dialog.saved.connect(saved.append)
    type_text(qtbot, dialog.order_no, "3126112300000000001")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    case = register.cases.get(saved[0])
    assert (case.buyer_nick, case.buyer_phone, case.item_title, case.sku) == \
        ("tb_buyer_1", "13812345678", "纯棉短袖T恤 白色 L", "TS-WHITE-L")
    assert register.cases.timeline(case.id)[-1].type == "enriched"
