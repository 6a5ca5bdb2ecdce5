"""The malicious-buyer list window (View menu): list, add with the keyboard, remove with
Delete, CSV export and import, Esc closes it; and the case form's offer to list a buyer
when the malicious_reviewer cause is chosen (only with the user's yes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.warnings import RuleKey
from shopdesk.ui.views.blacklist_view import BlacklistView

from .ui_support import choose, open_form, type_text


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


def open_list(qtbot, window) -> BlacklistView:
    view = window.blacklist.open_window()
    assert [w for w in QApplication.topLevelWidgets()
            if isinstance(w, BlacklistView) and w.isVisible()] == [view]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def test_add_with_enter_then_it_warns_the_buyers_open_case(qtbot, make_window, register):
    draft = draft_from_fields({"platform": "taobao", "order_no": "T600001",
                               "kind": "complaint", "buyer_nick": "职业差评"})
    case = register.cases.open_case(draft, "小王")
    window = make_window(register)
    view = open_list(qtbot, window)
    assert view.entry_ids() == [] and view.windowTitle() == "恶意买家名单"  # zh window
    choose(qtbot, view.platform, "taobao")
    type_text(qtbot, view.nick, "职业差评")
    type_text(qtbot, view.phone, "13812345678")
    type_text(qtbot, view.reason, "索要好评返现")
    qtbot.keyClick(view.reason, Qt.Key.Key_Return)
    [entry] = register.blacklist.entries()
    assert (entry.buyer_nick, entry.phone, entry.added_by) == ("职业差评", "13812345678",
                                                               "小王")
    assert view.entry_ids() == [entry.id]
    assert view.table.item(0, 2).text() == "138****5678"  # masked on screen
    assert view.nick.text() == "" and QApplication.focusWidget() is view.nick
    live = {w.rule for w in register.warnings.live([case.id])[case.id]}
    assert RuleKey.BLACKLISTED in live


def test_a_refused_entry_says_why_in_the_window(qtbot, make_window, register):
    window = make_window(register)
    view = open_list(qtbot, window)
    qtbot.keyClick(view.reason, Qt.Key.Key_Return)  # no buyer, no reason
    assert view.message.isVisible() and register.blacklist.entries() == []
    # A case number that is not in the register and a 2-letter address: as the command
    # line refuses them, and the message names each field; what was typed stays.
    type_text(qtbot, view.nick, "zhiye")
    type_text(qtbot, view.reason, "scam")
    type_text(qtbot, view.address, "ab")
    type_text(qtbot, view.case_no, "SD-XYZ")
    qtbot.keyClick(view.reason, Qt.Key.Key_Return)
    assert register.blacklist.entries() == []
    assert "地址：至少填 4 个字" in view.message.text() and "SD-XYZ" in view.message.text()
    assert view.address.text() == "ab" and view.nick.text() == "zhiye"
    type_text(qtbot, view.address, "cd")  # fixing it: the stale message goes
    assert view.message.isHidden()


def test_delete_removes_the_selected_entry_after_a_yes(qtbot, make_window, register, boxes):
    register.blacklist.add(platform="taobao", buyer_nick="甲", reason="r", actor="小王")
    keep = register.blacklist.add(platform="jd", buyer_nick="乙", reason="r", actor="小王")
    window = make_window(register)
    view = open_list(qtbot, window)
    view.table.setFocus()
    view.table.selectRow(0)
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(register.blacklist.entries()) == 2
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert [e.id for e in register.blacklist.entries()] == [keep.id]
    assert view.entry_ids() == [keep.id]


def test_export_then_import_into_another_register(qtbot, make_window, register, tmp_path):
    register.blacklist.add(platform="taobao", buyer_nick="甲", reason="返现", actor="小王",
                           phone="13900001111")
    window = make_window(register)
    view = open_list(qtbot, window)
    path = view.export_csv(tmp_path / "list.csv")
    assert path is not None and "13900001111" in path.read_text(encoding="utf-8-sig")
    assert "1" in view.status.text()
    register.blacklist.remove(register.blacklist.entries()[0].id, "小王")
    assert view.import_csv(path) == (1, 0)
    assert len(view.entry_ids()) == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("platform,buyer_nick\ntaobao,x\n", encoding="utf-8")
    assert view.import_csv(bad) is None and view.message.isVisible()


def test_esc_closes_the_list_opened_from_the_view_menu(qtbot, make_window, register):
    window = make_window(register)
    menu = window.findChild(QMenu, "menu_view")
    assert window.blacklist.act_blacklist in menu.actions()
    window.blacklist.act_blacklist.trigger()
    view = window.blacklist.view
    assert view is not None and view.isVisible()
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes,
                                    QMessageBox.StandardButton.No])
def test_the_malicious_reviewer_cause_offers_to_list_the_buyer(qtbot, register, boxes,
                                                               answer):
    boxes.answer = answer
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    type_text(qtbot, dialog.buyer_nick, "职业差评")
    choose(qtbot, dialog.cause, "malicious_reviewer")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert any("职业差评" in t for t in boxes.texts())  # asked, naming the buyer
    listed = [e.buyer_nick for e in register.blacklist.entries()]
    assert listed == (["职业差评"] if answer == QMessageBox.StandardButton.Yes else [])


def test_no_offer_for_another_cause(qtbot, register, boxes):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    type_text(qtbot, dialog.buyer_nick, "普通买家")
    choose(qtbot, dialog.cause, "item_defective")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert boxes.texts() == [] and register.blacklist.entries() == []


def test_the_cases_menu_lists_the_shown_cases_buyer(qtbot, make_window, register, boxes):
    """From a case already open (no retyping the nickname and phone): Cases → add the
    buyer; the same buyer again is refused with the entry named."""
    draft = draft_from_fields({"platform": "taobao", "order_no": "T600009",
                               "kind": "bad_review", "buyer_nick": "tb_差评专家88",
                               "buyer_phone": "13812345678"})
    case = register.cases.open_case(draft, "小王")
    window = make_window(register)
    assert window.case_list.select_case(case.id)
    qtbot.waitUntil(lambda: window.detail.current_case_id == case.id)
    boxes.text_answer = ("差评师，索要返现", True)
    action = window.blacklist.act_list_buyer
    menu = window.findChild(QMenu, "menu_cases")
    assert action in menu.actions()
    action.trigger()
    [entry] = register.blacklist.entries()
    assert (entry.platform, entry.buyer_nick, entry.phone, entry.case_no, entry.reason) == (
        "taobao", "tb_差评专家88", "13812345678", case.case_no, "差评师，索要返现")
    assert "tb_差评专家88" in window.statusBar().currentMessage()
    action.trigger()  # again
    assert len(register.blacklist.entries()) == 1
    assert any("已在名单中" in t for t in boxes.texts("warning")), boxes.shown


def test_listing_a_buyer_needs_a_case_shown(qtbot, make_window, register, boxes):
    window = make_window(register)
    window.blacklist.act_list_buyer.trigger()
    assert register.blacklist.entries() == [] and boxes.texts("input") == []
