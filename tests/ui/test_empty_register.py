"""A register that never had a case says how to start, not that everything is handled."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.cases import CaseDraft
from shopdesk.services.quick_filters import QuickFilter

NO_CASES_YET = "还没有案件"
ALL_HANDLED = "全部已处理完"


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_new_register_says_how_to_log_the_first_case(qtbot, make_window, register):
    window = make_window(register)
    empty = window.case_list.empty_label
    qtbot.waitUntil(empty.isVisible, timeout=2000)
    assert window.filter_bar.quick_buttons[QuickFilter.OPEN].isChecked()
    assert NO_CASES_YET in empty.text() and "Ctrl+N" in empty.text() \
        and "Ctrl+I" in empty.text()
    assert ALL_HANDLED not in empty.text()
    # Every list but the trash says the same: there is nothing to filter or search yet.
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.DUE_TODAY])
    qtbot.waitUntil(lambda: NO_CASES_YET in empty.text(), timeout=2000)
    qtbot.keyClicks(window.filter_bar.search, "zzqqxx")
    qtbot.waitUntil(lambda: window.case_list.model.query.search == "zzqqxx", timeout=3000)
    assert NO_CASES_YET in empty.text() and "zzqqxx" not in empty.text()
    window.filter_bar.search.clear()
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.TRASH])
    qtbot.waitUntil(lambda: "回收站是空的" in empty.text(), timeout=2000)


def test_a_register_with_cases_only_in_the_trash_keeps_the_list_reason(qtbot, make_window,
                                                                      register):
    case = register.cases.open_case(CaseDraft(
        platform=Platform.DOUYIN, order_no="DY-20261123-1", kind=CaseKind.EXCHANGE), "小王")
    register.cases.delete([case.id], "小王")
    window = make_window(register)
    empty = window.case_list.empty_label
    qtbot.waitUntil(empty.isVisible, timeout=2000)
    assert ALL_HANDLED in empty.text()
    assert NO_CASES_YET not in empty.text()
