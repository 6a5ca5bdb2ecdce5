"""Delete -> trash -> restore, and emptying the trash, through keys and toolbar buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from shopdesk.domain.case_query import CaseQuery, Scope
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.ui.models.case_columns import CASE_ID_ROLE


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def select_rows(qtbot, table, rows):
    for n, row in enumerate(rows):
        pos = table.visualRect(table.model().index(row, 0)).center()
        modifier = (Qt.KeyboardModifier.ControlModifier if n
                    else Qt.KeyboardModifier.NoModifier)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, pos)
    return [table.model().index(r, 0).data(CASE_ID_ROLE) for r in rows]


def test_delete_key_moves_to_trash_then_restore(qtbot, window, demo_register, boxes):
    quick = window.filter_bar.quick_buttons
    click(qtbot, quick[QuickFilter.ALL])
    table = window.case_list.table
    chosen = select_rows(qtbot, table, [0, 2])
    assert window.case_list.selected_ids() == chosen
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert boxes.texts("question") and "2" in boxes.texts("question")[-1]
    assert window.case_list.count() == 58
    assert not set(chosen) & set(window.case_list.model.ids())
    assert demo_register.cases.count(CaseQuery(scope=Scope.TRASH)) == 2

    click(qtbot, quick[QuickFilter.TRASH])
    assert sorted(window.case_list.model.ids()) == sorted(chosen)
    restore = window.main_toolbar.widgetForAction(window.act_untrash)
    qtbot.waitUntil(restore.isVisible, timeout=2000)  # the toolbar lays out on its next turn
    assert not restore.isEnabled()  # nothing selected yet
    assert not window.main_toolbar.widgetForAction(window.act_trash).isVisible()
    select_rows(qtbot, table, [0])
    click(qtbot, restore)
    assert window.case_list.count() == 1
    click(qtbot, quick[QuickFilter.ALL])
    assert window.case_list.count() == 59


def test_declining_the_confirmation_keeps_the_case(qtbot, window, demo_register, boxes):
    boxes.answer = QMessageBox.StandardButton.No
    table = window.case_list.table
    select_rows(qtbot, table, [0])
    before = window.case_list.count()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(boxes.texts("question")) == 1  # asked, and the answer was No
    assert window.case_list.count() == before
    assert demo_register.cases.count(CaseQuery(scope=Scope.TRASH)) == 0


def test_delete_in_the_search_box_edits_text(qtbot, window, boxes):
    search = window.filter_bar.search
    select_rows(qtbot, window.case_list.table, [0])
    qtbot.keyClicks(search, "abc")
    qtbot.keyClick(search, Qt.Key.Key_Home)
    qtbot.keyClick(search, Qt.Key.Key_Delete)
    assert search.text() == "bc"
    assert not boxes.texts("question")


def test_empty_trash_after_confirmation(qtbot, window, demo_register, boxes):
    ids = demo_register.cases.query_ids(CaseQuery(), limit=3)
    demo_register.cases.delete(ids, "小王")
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.TRASH])
    assert window.case_list.count() == 3
    empty = window.main_toolbar.widgetForAction(window.act_empty_trash)
    qtbot.waitUntil(empty.isVisible, timeout=2000)
    assert empty.isEnabled()
    click(qtbot, empty)
    assert "3" in boxes.texts("question")[-1]
    assert window.case_list.count() == 0
    assert not empty.isEnabled()
    assert demo_register.cases.count(CaseQuery(scope=Scope.TRASH)) == 0
    assert demo_register.cases.count(CaseQuery()) == 57


def test_trash_needs_an_operator(qtbot, make_window, register, boxes):
    # Someone else on the staff list, so the toolbar has a name to choose (with nobody on
    # it the name is asked instead: tests/ui/test_first_start_operator.py).
    register.staff.add("小李", actor="小王")
    register.staff.deactivate(register.staff.list()[0].id, "小王")
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="JD-1",
                                       kind=CaseKind.COMPLAINT), "小王")
    window = make_window(register)
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    select_rows(qtbot, window.case_list.table, [0])
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Delete)
    assert boxes.texts("information")  # "choose the operator first"
    assert window.case_list.count() == 1


def test_ctrl_a_selects_every_listed_case_not_only_the_loaded_rows(qtbot, window,
                                                                   demo_register, boxes):
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    table = window.case_list.table
    assert table.model().canFetchMore()  # 60 cases, fewer rows loaded
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    every = demo_register.cases.query_ids(window.case_list.model.query)
    assert len(every) == 60
    assert window.case_list.selected_ids() == every
    # What acts on the selection acts on all of them.
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "60" in boxes.texts("question")[-1]
    assert demo_register.cases.count(CaseQuery(scope=Scope.TRASH)) == 60


def test_ctrl_a_past_its_limit_says_what_it_selected(qtbot, window, monkeypatch):
    from shopdesk.ui.views import case_list_view

    monkeypatch.setattr(case_list_view, "SELECT_ALL_LOADS", 5)  # 10 more than loaded
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    table = window.case_list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    loaded = table.model().rowCount()
    assert len(window.case_list.selected_ids()) == loaded < 60
    assert window.statusBar().currentMessage() == (
        f"已选中已加载的 {loaded} 个案件（共 60 个）：全选最多再加载 5 个。"
        "向下滚动可加载更多，或缩小筛选范围。")


def test_after_trashing_the_next_case_is_selected_and_shown(qtbot, window, demo_register,
                                                              boxes):
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    table = window.case_list.table
    [gone] = select_rows(qtbot, table, [1])
    following = table.model().index(2, 0).data(CASE_ID_ROLE)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    # The list and the panel agree, and the actions apply to what is shown.
    assert window.case_list.selected_ids() == [following] != [gone]
    assert window.detail.current_case_id == following
    assert window.act_trash.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # again: the next one goes too
    assert demo_register.cases.count(CaseQuery(scope=Scope.TRASH)) == 2


def test_a_current_row_without_selection_is_selected(qtbot, window, demo_register):
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    table = window.case_list.table
    table.clearSelection()
    from PySide6.QtCore import QItemSelectionModel

    table.selectionModel().setCurrentIndex(  # as focus (Tab into the list) makes it
        table.model().index(3, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    assert window.case_list.selected_ids() == [table.model().index(3, 0).data(CASE_ID_ROLE)]
    assert window.act_trash.isEnabled()


def test_trashing_deep_in_the_list_selects_the_case_that_followed(qtbot, make_window,
                                                                  register, boxes):
    from shopdesk.domain.case import draft_from_fields

    for n in range(130):  # more than the first page the list loads after a reload
        register.cases.open_case(draft_from_fields({
            "platform": "taobao", "order_no": f"T7{n:05d}", "kind": "exchange"}), "小王")
    window = make_window(register)
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    model, table = window.case_list.model, window.case_list.table
    model.load_rest(1000)
    gone, following = model.case_id_at(120), model.case_id_at(121)
    window.case_list.select_case(gone)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert window.case_list.selected_ids() == [following]
    assert window.detail.current_case_id == following


def test_ctrl_navigation_selects_nothing_behind_the_users_back(qtbot, window, demo_register):
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    table = window.case_list.table
    select_rows(qtbot, table, [2])
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)  # deselect
    assert window.case_list.selected_ids() == []
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.case_list.selected_ids() == []  # moved, selected nothing
