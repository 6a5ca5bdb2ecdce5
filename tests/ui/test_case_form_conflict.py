"""Two people editing the same case (two PCs, one register): the second save is refused;
the form then brings in the other person's changes for every field not typed in, keeps
what was typed, and marks a field both changed; saving again keeps their work."""

from __future__ import annotations

from dataclasses import fields as dc_fields
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform, Priority
from shopdesk.ui.dialogs.case_form import CaseFormDialog

from .ui_support import open_form, type_text

DUE = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
LI_DUE = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    """Enum labels and service messages in Chinese, whatever SHOPDESK_LANG says."""
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def case(register):
    register.staff.add("小李", actor="小王")
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="1234567890123", shop="暖暖家居旗舰店",
        kind=CaseKind.REFUND_ONLY, buyer_nick="tb_lemon", buyer_phone="13812345678",
        amount_paid=Decimal("99.00"), amount_claimed=Decimal("99.00"),
        cause=Cause.LATE_SHIPMENT, due_at=DUE, assignee="小王"), "小王")


def li_saves(register, case_id: int, clock, **changes) -> None:
    """小李, on PC1, saves their own edit of the case while 小王's form is open."""
    clock.advance(minutes=1)
    opened = register.cases.get(case_id)
    draft = CaseDraft(**{**{f.name: getattr(opened, f.name) for f in dc_fields(CaseDraft)},
                         **changes})
    register.cases.update(case_id, draft, "小李", expected_updated_at=opened.updated_at)
    clock.advance(minutes=1)


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, text)


def test_the_refused_save_brings_in_their_changes_and_the_second_keeps_them(
        qtbot, register, clock, case):
    dialog = open_form(qtbot, register, case_id=case.id)
    retype(qtbot, dialog.shop, "暖暖家居二店")                       # 小王 changes the shop only
    li_saves(register, case.id, clock, due_at=LI_DUE, priority=Priority.URGENT,
             buyer_name="李四")
    qtbot.keyClick(dialog.shop, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.result() != CaseFormDialog.DialogCode.Accepted
    assert register.cases.get(case.id).shop == "暖暖家居旗舰店"  # refused: nothing written
    # The fields 小王 did not touch now show 小李's values; the typed shop stays.
    assert dialog.priority.current() == Priority.URGENT
    assert dialog.buyer_name.text() == "李四"
    assert dialog.due.value() == LI_DUE
    assert dialog.shop.text() == "暖暖家居二店"
    message = dialog.general_error.text()
    assert "小李" in message
    brought = message.splitlines()[-1]
    assert brought.startswith("Their changes are now in the form:")
    assert all(label in brought for label in ("Buyer name", "Priority", "Due"))
    assert "Shop" not in brought
    assert not any(f.has_error for f in dialog.fields.values())  # nobody typed over anyone

    qtbot.keyClick(dialog.shop, Qt.Key.Key_Return)                  # the second save
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    stored = register.cases.get(case.id)
    assert stored.shop == "暖暖家居二店"
    assert (stored.due_at, stored.priority, stored.buyer_name) == \
        (LI_DUE, Priority.URGENT, "李四")
    second = [(a.actor, a.field) for a in register.cases.audit(case.id)
              if a.action == "update" and a.actor == "小王"]
    assert second == [("小王", "shop")]  # only what 小王 typed, nothing of 小李's undone


def test_a_field_both_changed_keeps_the_typed_value_and_says_theirs(qtbot, register, clock,
                                                                   case):
    dialog = open_form(qtbot, register, case_id=case.id)
    retype(qtbot, dialog.amount_claimed, "49.50")
    retype(qtbot, dialog.buyer_nick, "tb_apple")
    li_saves(register, case.id, clock, amount_claimed=Decimal("60.00"), sku="CUP-316",
             buyer_nick="tb_apple")  # the nickname: the same value, nothing to say
    qtbot.keyClick(dialog.buyer_nick, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.amount_claimed.text() == "49.50" and dialog.sku.text() == "CUP-316"
    claimed = dialog.fields["amount_claimed"]
    assert claimed.has_error and "小李" in claimed.error.text()
    assert "¥60.00" in claimed.error.text()
    assert not dialog.fields["buyer_nick"].has_error
    assert "You both changed Amount claimed" in dialog.general_error.text()
    assert QApplication.focusWidget() is dialog.amount_claimed

    qtbot.keyClick(dialog.amount_claimed, Qt.Key.Key_Return)  # a knowing overwrite
    stored = register.cases.get(case.id)
    assert (stored.amount_claimed, stored.sku) == (Decimal("49.50"), "CUP-316")


def test_a_due_time_and_masked_phone_changed_elsewhere_come_in(qtbot, register, clock, case):
    """The date-time box (its tick too) and the masked phone are brought in like text: the
    phone masked again, read back from the case."""
    dialog = open_form(qtbot, register, case_id=case.id)
    retype(qtbot, dialog.sku, "CUP-1")
    li_saves(register, case.id, clock, due_at=None, buyer_phone="13900001111",
             assignee="小李")
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert not dialog.due.enabled_box.isChecked() and dialog.due.value() is None
    assert dialog.buyer_phone.text() == "139****1111" and dialog.buyer_phone.isReadOnly()
    assert dialog.assignee.currentData() == "小李"
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Return)
    stored = register.cases.get(case.id)
    assert (stored.sku, stored.due_at, stored.buyer_phone, stored.assignee) == \
        ("CUP-1", None, "13900001111", "小李")


def test_escape_after_their_changes_came_in_asks_only_for_what_was_typed(qtbot, register,
                                                                        clock, case, boxes):
    dialog = open_form(qtbot, register, case_id=case.id)
    retype(qtbot, dialog.sku, "CUP-1")
    li_saves(register, case.id, clock, priority=Priority.HIGH)
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Return)
    assert dialog.priority.current() == Priority.HIGH
    dialog.sku.setFocus()
    dialog.sku.selectAll()
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Delete)  # the typed change undone: none is left
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Escape)
    assert boxes.shown == [] and not dialog.isVisible()


LI_ASKED = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai


def test_a_buyer_s_application_time_changed_elsewhere_comes_in(qtbot, register, clock, case):
    dialog = open_form(qtbot, register, case_id=case.id)
    retype(qtbot, dialog.sku, "CUP-1")
    li_saves(register, case.id, clock, applied_at=LI_ASKED)
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.applied.enabled_box.isChecked() and dialog.applied.value() == LI_ASKED
    assert "Buyer asked at" in dialog.general_error.text().splitlines()[-1]
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Return)
    stored = register.cases.get(case.id)
    assert (stored.sku, stored.applied_at) == ("CUP-1", LI_ASKED)


def test_an_application_time_both_changed_keeps_the_typed_one_and_says_theirs(
        qtbot, register, clock, case):
    dialog = open_form(qtbot, register, case_id=case.id)
    dialog.applied.enabled_box.setFocus()
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.applied.edit, "202611230900")
    li_saves(register, case.id, clock, applied_at=LI_ASKED)
    qtbot.keyClick(dialog.applied.edit, Qt.Key.Key_Return)

    assert dialog.isVisible()
    field = dialog.fields["applied_at"]
    assert field.has_error
    assert field.error.text() == "小李 changed this too, to: 2026-11-23 08:30"
    assert "You both changed Buyer asked at" in dialog.general_error.text()
    qtbot.keyClick(dialog.applied.edit, Qt.Key.Key_Return)  # a knowing overwrite
    assert register.cases.get(case.id).applied_at == datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
