"""File → 清除演示数据 removes the demo cases, keeps the user's own, and refreshes the list."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.cases import CaseDraft
from shopdesk.services.quick_filters import QuickFilter


def click_menu_item(qtbot, window, menu_name, action):
    menu = window.findChild(QMenu, menu_name)
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert action.isEnabled()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                     pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)
    return menu


def test_clear_demo_data_from_the_file_menu(qtbot, make_window, demo_register, boxes):
    mine = demo_register.cases.open_case(CaseDraft(
        platform=Platform.JD, order_no="123456789012", kind=CaseKind.EXCHANGE,
        buyer_nick="自己的买家", amount_paid=Decimal("10")), "小王")
    window = make_window(demo_register)
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.ALL], Qt.MouseButton.LeftButton)
    assert window.case_list.count() == 61
    action = window.demo.act_remove_demo

    boxes.answer = QMessageBox.StandardButton.No
    click_menu_item(qtbot, window, "menu_file", action)
    assert "60" in boxes.texts("question")[-1]
    assert window.case_list.count() == 61  # declined: nothing gone

    window.reminders.refresh_counts()
    before = window.reminders.counts.total
    boxes.answer = QMessageBox.StandardButton.Yes
    click_menu_item(qtbot, window, "menu_file", action)
    assert window.case_list.count() == 1
    assert demo_register.cases.query_ids(CaseQuery()) == [mine.id]
    # The reminders count follows at once (it said 61 over no case until the next poll).
    assert before > 0 and window.reminders.counts == demo_register.reminders.counts()
    # With no demo left the menu item is greyed out.
    menu = window.findChild(QMenu, "menu_file")
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert not action.isEnabled()
    menu.close()
