"""The keyboard from the search box to the case and back: Enter or Down reaches the
results, Esc empties the search, Tab leaves the list for the case panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import CaseStatus
from shopdesk.domain.workflow import Transition


def _open(register, order):
    return register.cases.open_case(draft_from_fields({
        "platform": "taobao", "order_no": order, "kind": "exchange"}), "小王")


def _search(qtbot, window, text):
    bar = window.filter_bar
    window.filter_bar.focus_search()
    qtbot.keyClicks(bar.search, text)
    return bar


def test_enter_in_the_search_goes_to_the_first_result(qtbot, make_window, register):
    _open(register, "T500001")
    wanted = _open(register, "T500002")
    window = make_window(register)
    bar = _search(qtbot, window, "T500002")
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_list.count() == 1)
    assert QApplication.focusWidget() is window.case_list.table
    assert window.case_list.current_id() == wanted.id
    assert window.detail.current_case_id == wanted.id


def test_down_in_the_search_goes_to_the_results_too(qtbot, make_window, register):
    first = _open(register, "T500003")
    window = make_window(register)
    bar = _search(qtbot, window, "T50000")
    qtbot.keyClick(bar.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.case_list.table
    assert window.case_list.current_id() == first.id


def test_esc_empties_the_search_and_the_message_names_the_quick_filter(qtbot, make_window,
                                                                        register):
    done = _open(register, "T500004")
    register.cases.change_status(done.id, Transition(CaseStatus.CLOSED, note="重复单"), "小王")
    window = make_window(register)
    window.filter_bar.set_quick(window.filter_bar.quick().__class__("open"))
    bar = _search(qtbot, window, "T500004")
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_list.count() == 0)
    # The case exists, under All: the message says so instead of suggesting a typo.
    assert "全部" in window.case_list.empty_reason()
    qtbot.keyClick(bar.search, Qt.Key.Key_Escape)
    assert bar.search.text() == ""
    assert window.isVisible()  # Esc in the search box closes nothing


def test_tab_leaves_the_list_for_the_case_panel(qtbot, make_window, register):
    _open(register, "T500005")
    window = make_window(register)
    window.show()
    table = window.case_list.table
    window.case_list.focus_results()
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not table and window.detail.isAncestorOf(focused)
    # And Shift+Tab comes back the same way (not to the toolbar).
    qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is table


def test_after_a_new_case_is_saved_focus_is_on_its_row(qtbot, make_window, register):
    window = make_window(register)
    window.show()
    window.filter_bar.quick_buttons[next(iter(window.filter_bar.quick_buttons))].setFocus()
    dialog = window.cases.new_case()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.order_no, "T500009")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    [case_id] = window.case_list.model.ids()
    assert window.case_list.selected_ids() == [case_id]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.case_list.table)


def test_a_case_resolved_out_of_the_filter_stays_in_the_panel(qtbot, make_window, register):
    from shopdesk.services.quick_filters import QuickFilter

    case = _open(register, "T500010")
    _open(register, "T500011")
    window = make_window(register)
    window.filter_bar.set_quick(QuickFilter.OPEN)
    window.case_list.select_case(case.id)
    register.cases.change_status(case.id, Transition(CaseStatus.CLOSED, note="重复"), "小王")
    window.detail.changed.emit(case.id)  # as the panel's status dialog reports it
    assert case.id not in window.case_list.model.ids()
    assert window.detail.current_case_id == case.id  # not a blank panel
    window.case_list.reload()  # as the 2-second poll for changes elsewhere does (review)
    assert window.detail.current_case_id == case.id
    assert "filters" in window.statusBar().currentMessage() or \
        "筛选" in window.statusBar().currentMessage()


def test_shift_tab_back_to_the_list_survives_a_restore(qtbot, make_window, register):
    case = _open(register, "T500012")
    window = make_window(register)
    window.show()
    window.case_list.select_case(case.id)  # the panel (and its Edit button) built once
    assert window.detail.current_case_id == case.id
    backup = register.back_up_now()
    new_register, _kept = register.restore(backup)
    window.set_register(new_register)  # as File → Restore does: a new case panel
    window.case_list.select_case(case.id)
    table = window.case_list.table
    window.case_list.focus_results()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert window.detail.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is table
