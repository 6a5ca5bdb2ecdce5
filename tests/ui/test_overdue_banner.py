"""Main screen: the red overdue-promise banner follows the clock and filters the list when
clicked; the promise column; Ctrl+Shift+N makes a promise on the selected case."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.promises import PromiseKind, PromiseState
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.ui.dialogs.promise_dialog import PromiseDialog
from shopdesk.ui.models.case_columns import column_of

from ..conftest import T0


def _two_promises(register):
    ids = register.cases.query_ids(CaseQuery())
    soon = register.promises.make(ids[3], PromiseKind.CALL_BACK, T0 + timedelta(hours=1),
                                  "小王", text="确认补发时间")
    later = register.promises.make(ids[5], PromiseKind.REFUND, T0 + timedelta(hours=5), "小王")
    return soon, later


def test_banner_appears_when_the_clock_passes_the_due_time(qtbot, make_window,
                                                          demo_register, clock):
    soon, later = _two_promises(demo_register)
    window = make_window(demo_register)
    banner = window.promises.banner
    assert banner.isHidden() and banner.count == 0
    # The promise column shows the next due time, not yet red.
    row = window.case_list.model.row_of(soon.case_id)
    cell = window.case_list.model.index(row, column_of("promise"))
    assert cell.data() == "11-23 11:00"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is None

    clock.set(T0 + timedelta(hours=1))  # exactly due: overdue
    banner.timer.setInterval(20)  # the real 30 s, shortened
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.count == 1
    assert banner.label.text() == banner.tr("1 promise to a buyer is overdue")
    case_no = demo_register.cases.get(soon.case_id).case_no
    assert case_no in banner.detail.text() and "回电：确认补发时间" in banner.detail.text()
    # The banner sits above everything in the central area.
    assert banner.geometry().bottom() < window.filter_bar.geometry().top()

    clock.set(T0 + timedelta(hours=6))
    qtbot.waitUntil(lambda: banner.count == 2, timeout=2000)
    assert "2" in banner.label.text()


def test_clicking_the_banner_lists_the_overdue_cases(qtbot, make_window, demo_register,
                                                     clock):
    soon, later = _two_promises(demo_register)
    clock.set(T0 + timedelta(hours=6))
    window = make_window(demo_register)
    banner = window.promises.banner
    assert banner.isVisible() and banner.count == 2
    qtbot.mouseClick(banner, Qt.MouseButton.LeftButton)
    assert window.filter_bar.quick_buttons[QuickFilter.PROMISE_OVERDUE].isChecked()
    # Longest overdue first, shown on its promises tab (not the last tab used).
    assert window.case_list.model.ids() == [soon.case_id, later.case_id]
    assert window.detail.current_case_id == soon.case_id
    assert window.detail.tabs.currentWidget() is window.detail.promises_panel
    cell = window.case_list.model.index(0, column_of("promise"))
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().red() > 150

    # Keeping one from the case panel re-counts at once and the list follows.
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.ALL],
                     Qt.MouseButton.LeftButton)
    window.case_list.select_case(soon.case_id)
    panel = window.detail.promises_panel
    window.detail.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert demo_register.promises.get(soon.id).state is PromiseState.KEPT
    # The banner re-counts when the reloaded list's count comes back (off the UI thread
    # once the list is longer than its first query).
    qtbot.waitUntil(lambda: banner.count == 1, timeout=2000)
    assert banner.isVisible()
    demo_register.promises.break_promise(later.id, "小王", "缺货")
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)  # the button does the same
    assert window.case_list.count() == 0 and banner.isHidden()


def test_ctrl_shift_n_makes_a_promise_on_the_selected_case(qtbot, window, demo_register):
    table = window.case_list.table
    table.setFocus()
    window.case_list.select_case(window.case_list.model.case_id_at(2))
    case_id = window.case_list.current_id()
    qtbot.keyClick(table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PromiseDialog),
                    timeout=2000)
    dialog = QApplication.activeModalWidget()
    assert dialog.case_id == case_id
    assert window.detail.tabs.currentWidget() is window.detail.promises_panel
    qtbot.keyClicks(dialog.text, "reply with the courier's answer")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    [promise] = demo_register.promises.for_case(case_id)
    assert promise.kind is PromiseKind.REPLY and promise.due_at == T0 + timedelta(hours=1)
    row = window.case_list.model.row_of(case_id)
    assert window.case_list.model.index(row, column_of("promise")).data() == "11-23 11:00"


def test_new_promise_without_a_selection_says_so(qtbot, window):
    window.case_list.table.clearSelection()
    window.case_list.table.setCurrentIndex(window.case_list.model.index(-1, -1))
    assert window.promises.new_promise() is None
    assert window.statusBar().currentMessage()


def test_ctrl_shift_n_on_a_case_in_the_trash_says_why_nothing_opens(qtbot, window,
                                                                     demo_register):
    from PySide6.QtCore import QCoreApplication

    case_id = next(i for i in window.case_list.model.ids()
                   if not demo_register.promises.for_case(i))
    demo_register.cases.delete([case_id], "小王")
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.TRASH],
                     Qt.MouseButton.LeftButton)
    window.case_list.select_case(case_id)
    assert window.detail.current_case_id == case_id
    window.statusBar().clearMessage()
    table = window.case_list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.activeModalWidget() is None
    assert window.statusBar().currentMessage() == QCoreApplication.translate(
        "PromiseController", "This case is in the trash; restore it to record a promise")
    assert demo_register.promises.for_case(case_id) == []
