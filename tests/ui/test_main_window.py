"""The main window driven like a user: quick filters, combos, search, sorting, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
from shopdesk.ui.models.case_columns import CASE_ID_ROLE, column_of


def quick_query(register, quick: QuickFilter, base: CaseQuery | None = None) -> CaseQuery:
    return apply_quick_filter(base or CaseQuery(), quick, now=register.clock.now(),
                              tz=register.shop_tz, operator=register.staff.current_operator())


def expected_count(register, quick: QuickFilter, base: CaseQuery | None = None) -> int:
    return register.cases.count(quick_query(register, quick, base))


def ids_of(register, quick: QuickFilter) -> list[int]:
    return register.cases.query_ids(quick_query(register, quick))


def listed(model) -> list[int]:
    """Every case the list shows, in its order, as scrolling to the end would load it."""
    while model.canFetchMore():
        model.fetchMore()
    return model.ids()


def count_text(window) -> str:
    return window.filter_bar.count_label.text()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_opens_on_open_cases_with_a_count(window, demo_register):
    open_count = expected_count(demo_register, QuickFilter.OPEN)
    assert window.filter_bar.quick_buttons[QuickFilter.OPEN].isChecked()
    assert window.case_list.table.model().rowCount() == open_count
    assert count_text(window) == f"共 {open_count:,} 条"
    assert str(demo_register.paths.root) in window.path_label.toolTip()


def test_quick_filter_buttons_filter_the_list(qtbot, window, demo_register):
    table = window.case_list.table
    for quick in (QuickFilter.ALL, QuickFilter.OVERDUE, QuickFilter.DUE_TODAY,
                  QuickFilter.MINE, QuickFilter.OPEN):
        click(qtbot, window.filter_bar.quick_buttons[quick])
        assert window.filter_bar.quick_buttons[quick].isChecked()
        assert window.case_list.count() == expected_count(demo_register, quick)
        assert listed(table.model()) == ids_of(demo_register, quick)
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    assert len(listed(table.model())) == 60


def test_kind_and_platform_combos(qtbot, window, demo_register):
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    kinds = window.filter_bar.kind_combo
    kinds.setCurrentIndex(kinds.findData(CaseKind.BAD_REVIEW.value))
    assert kinds.currentText() == "中差评"
    expected = demo_register.cases.count(CaseQuery(kinds=(CaseKind.BAD_REVIEW,)))
    assert 0 < window.case_list.count() == expected
    column = column_of("kind")
    rows = range(window.case_list.count())
    assert {window.case_list.model.index(r, column).data() for r in rows} == {"中差评"}
    platforms = window.filter_bar.platform_combo
    platforms.setCurrentIndex(platforms.findData(Platform.TAOBAO.value))
    expected = demo_register.cases.count(CaseQuery(kinds=(CaseKind.BAD_REVIEW,),
                                                   platforms=(Platform.TAOBAO,)))
    assert window.case_list.count() == expected
    click(qtbot, window.filter_bar.clear_button)
    assert window.case_list.count() == 60


def test_chinese_search_is_debounced_and_matches_the_service(qtbot, window, demo_register):
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    search = window.filter_bar.search
    for text in ("耳机", "枕", "四件套"):
        search.clear()
        qtbot.waitUntil(lambda: window.case_list.count() == 60, timeout=2000)
        type_with_ime(search, text)
        assert search.text() == text
        expected = demo_register.cases.count(CaseQuery(search=text))
        assert 0 < expected < 60
        qtbot.waitUntil(lambda e=expected: window.case_list.count() == e, timeout=2000)
        assert count_text(window) == f"共 {expected} 条"


def test_search_waits_for_the_pause(qtbot, window):
    before = window.case_list.count()
    type_with_ime(window.filter_bar.search, "不会有这样的案件")
    assert window.case_list.count() == before  # not yet: the query runs after ~150 ms
    qtbot.waitUntil(lambda: window.case_list.count() == 0, timeout=2000)


def test_clicking_a_header_sorts_in_sql(qtbot, window, demo_register):
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.ALL])
    header = window.case_list.table.horizontalHeader()
    col = column_of("amount")
    header_pos = QPoint(header.sectionViewportPosition(col) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header_pos)
    query = window.case_list.model.query
    assert query.sort == SortKey.AMOUNT
    expected = demo_register.cases.query_ids(CaseQuery(sort=SortKey.AMOUNT,
                                                       descending=query.descending))
    model = window.case_list.model
    while model.canFetchMore():  # the first batch is a screenful; the rest as scrolled
        model.fetchMore()
    assert model.ids() == expected
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header_pos)
    assert model.query.descending != query.descending
    # The demo's major complaint stays on top either way; the rest turn round.
    majors = sum(1 for i in expected if demo_register.cases.get(i).major_owner)
    while model.canFetchMore():
        model.fetchMore()
    ids = model.ids()
    assert ids[:majors] == expected[:majors]
    assert ids[majors:] == list(reversed(expected[majors:]))


def type_with_ime(widget, text: str) -> None:
    """Type Chinese the way a pinyin input method delivers it: as a committed string.

    (QTest.keyClicks only knows Latin-1 keys.)
    """
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def row_point(table, row: int) -> QPoint:
    rect = table.visualRect(table.model().index(row, 0))
    return rect.center()


def test_enter_and_double_click_open_the_case(qtbot, window):
    table = window.case_list.table
    second = table.model().index(1, 0).data(CASE_ID_ROLE)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_point(table, 1))
    table.setFocus()
    with qtbot.waitSignal(window.case_list.case_activated) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [second]
    assert window.detail.current_case_id == second
    third = table.model().index(2, 0).data(CASE_ID_ROLE)
    with qtbot.waitSignal(window.case_list.case_activated) as opened:
        # A real double-click starts with a press; QTest's mouseDClick alone does not.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_point(table, 2))
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton,
                          pos=row_point(table, 2))
    assert opened.args == [third]
    assert window.detail.current_case_id == third


def test_ctrl_f_focuses_search_and_f5_refreshes(qtbot, window, demo_register):
    window.activateWindow()
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.filter_bar.search.hasFocus(), timeout=2000)
    before = window.case_list.count()
    from shopdesk.domain.case import CaseDraft
    demo_register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="JD-NEW-1",
                                            kind=CaseKind.COMPLAINT), "小王")
    assert window.case_list.count() == before  # not re-queried by itself
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_F5)
    assert window.case_list.count() == before + 1


def test_operator_picker_sets_the_operator_and_mine(qtbot, window, demo_register):
    combo = window.operator_picker.combo
    assert combo.currentText() == "小王"
    click(qtbot, window.filter_bar.quick_buttons[QuickFilter.MINE])
    assert window.case_list.count() == expected_count(demo_register, QuickFilter.MINE)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "小李"
    assert demo_register.staff.current_operator() == "小李"
    expected = expected_count(demo_register, QuickFilter.MINE)
    assert window.case_list.count() == expected
    assert {window.case_list.model.case_at(r).assignee
            for r in range(window.case_list.count())} <= {"小李"}


def test_ctrl_n_opens_the_case_form_and_a_saved_case_is_selected(qtbot, window, demo_register):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.ui.dialogs.case_form import CaseFormDialog as form_class

    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), form_class),
                    timeout=2000)
    dialog = QApplication.activeModalWidget()
    assert dialog.operator == "小王"
    # The form's own tests fill it in; here the window's reaction to `saved` is checked.
    case = demo_register.cases.open_case(
        CaseDraft(platform=Platform.DOUYIN, order_no="DY-20261123-1", kind=CaseKind.EXCHANGE),
        "小王")
    dialog.saved.emit(case.id)
    dialog.accept()
    assert window.case_list.current_id() == case.id
    assert window.detail.current_case_id == case.id
    assert window.case_list.count() == expected_count(demo_register, QuickFilter.OPEN)


def test_a_change_in_the_detail_panel_refreshes_the_list(qtbot, window, demo_register):
    table = window.case_list.table
    before = window.case_list.count()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_point(table, 0))
    case_id = window.case_list.current_id()
    assert window.detail.current_case_id == case_id
    qtbot.mouseClick(window.detail.delete_button, Qt.MouseButton.LeftButton)  # confirmed
    assert window.case_list.count() == before - 1
    assert case_id not in window.case_list.model.ids()
    assert count_text(window) == f"共 {before - 1} 条"


def test_created_date_range(qtbot, window, demo_register):
    from datetime import date

    from PySide6.QtCore import QDate

    from shopdesk.ui.views.query_builder import local_day_start

    bar = window.filter_bar
    qtbot.mouseClick(bar.quick_buttons[QuickFilter.ALL], Qt.MouseButton.LeftButton)
    assert not bar.created_from.isEnabled()
    qtbot.mouseClick(bar.created_check, Qt.MouseButton.LeftButton)
    assert bar.created_from.isEnabled()
    bar.created_from.setDate(QDate(2026, 11, 1))
    bar.created_to.setDate(QDate(2026, 11, 15))
    tz = demo_register.shop_tz
    expected = demo_register.cases.count(CaseQuery(
        created_from=local_day_start(date(2026, 11, 1), tz),
        created_before=local_day_start(date(2026, 11, 16), tz)))
    assert 0 < expected < 60
    assert window.case_list.count() == expected
    qtbot.mouseClick(bar.created_check, Qt.MouseButton.LeftButton)
    assert window.case_list.count() == 60


def test_fits_a_1366x768_screen_in_both_languages(make_window, demo_register):
    # 768 px high minus a title bar and a taskbar leaves about 690 px for the window.
    for env in ({}, {"SHOPDESK_LANG": "en"}):
        window = make_window(demo_register, env=env)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 690, (env, hint)
        bar = window.filter_bar
        assert bar.minimumSizeHint().width() <= 1366 - 8, env
        window.resize(1366, 690)
        for button in bar.quick_buttons.values():  # no quick filter squeezed or cut
            assert button.width() >= button.sizeHint().width()
        assert bar.count_label.width() >= bar.count_label.sizeHint().width()


def test_menus_shortcuts_banners_and_status_bar_stay_where_users_know_them(window):
    """The features' controllers make their own actions and widgets; the window places
    them as before (object names are what saved layouts and tests rely on)."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QLabel, QMenu

    def names(menu: QMenu) -> list[str]:
        return ["-" if a.isSeparator() else a.objectName() for a in menu.actions()]

    menus = {a.menu().objectName(): names(a.menu()) for a in window.menuBar().actions()}
    assert list(menus) == ["menu_file", "menu_cases", "menu_view", "menu_shift",
                           "menu_settings", "menu_help"]
    assert menus["menu_file"] == ["action_new_case", "action_import",
                                  "action_import_history", "action_export",
                                  "action_monthly_report", "-",
                                  "action_backup", "action_restore_backup", "-",
                                  "action_load_demo", "action_remove_demo", "-",
                                  "action_quit"]
    assert menus["menu_cases"] == ["action_new_promise", "action_find", "action_refresh", "-",
                                   "action_trash", "action_untrash", "action_empty_trash", "-",
                                   "action_print_summary", "action_mark_major",
                                   "action_list_case_buyer"]
    assert menus["menu_view"] == ["action_may_call", "action_call_compliance",
                                  "action_script_library", "-", "action_followups",
                                  "action_analysis", "action_blacklist"]
    assert menus["menu_shift"] == ["action_shift_start", "action_shift_end", "-",
                                   "action_handoff_history"]
    assert menus["menu_settings"] == ["action_staff", "action_shop_profile", "action_language",
                                      "action_shift_settings", "action_reminder_settings",
                                      "action_call_policy", "action_team_mode"]
    keys = {"action_new_case": "Ctrl+N", "action_print_summary": "Ctrl+P",
            "action_new_promise": "Ctrl+Shift+N", "action_shift_start": "Ctrl+Shift+B",
            "action_shift_end": "Ctrl+Shift+E", "action_handoff_history": "Ctrl+Shift+H",
            "action_import": "Ctrl+I", "action_export": "Ctrl+E",
            "action_script_library": "Ctrl+Shift+S", "action_may_call": "Ctrl+Shift+P",
            "action_refresh": "F5", "action_trash": "Del", "action_find": "Ctrl+F"}
    for name, shortcut in keys.items():
        action = window.findChild(QAction, name)
        assert action.shortcut().toString(QKeySequence.SequenceFormat.PortableText) == shortcut
    # These work wherever the focus is, not only through the menu bar.
    assert {a.objectName() for a in window.actions()} >= {
        "action_new_promise", "action_print_summary", "action_shift_start",
        "action_shift_end", "action_handoff_history"}
    layout = window.centralWidget().layout()
    order = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert order == [window.team.banner, window.promises.banner, window.shifts.banner,
                     window.filter_bar, window.splitter]
    assert [w.objectName() for w in order[:3]] == ["offline_banner", "overdue_banner",
                                                   "handoff_banner"]
    status = window.statusBar().findChild(QLabel, "shift_status_label")
    folder = window.statusBar().findChild(QLabel, "data_folder_label")
    assert status.isVisible() and status.x() < folder.x()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_menu_uses_each_mnemonic_once(make_window, register, lang):
    """Alt+letter inside a menu must reach one item: two items with (&P) make the keyboard
    user press P twice and guess."""
    import re

    window = make_window(register, env={"SHOPDESK_LANG": lang} if lang == "en" else {})
    for top in window.menuBar().actions():
        letters = [m.group(1).lower() for a in top.menu().actions()
                   if (m := re.search(r"&([^&\s])", a.text()))]
        clashes = {x for x in letters if letters.count(x) > 1}
        assert not clashes, (lang, top.menu().objectName(), clashes)
