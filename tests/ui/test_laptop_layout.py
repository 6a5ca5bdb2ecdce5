"""A laptop screen (1280×720) with both banners showing: the case's key facts and the
suggested script with its Copy button are on screen without scrolling; combos ignore a
wheel turned while they are not focused; long list values elide with a full tooltip."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.promises import PromiseKind
from shopdesk.ui.models.case_columns import column_of

from ..conftest import T0

LAPTOP = (1280, 720)


def _laptop_window(qtbot, make_window, register, clock, env=None):
    ids = register.cases.query_ids(CaseQuery())
    register.promises.make(ids[0], PromiseKind.CALL_BACK, T0 + timedelta(hours=1), "小王",
                           text="回电说明进度")
    register.shifts.start("小王")
    clock.set(T0 + timedelta(hours=2))  # the promise is overdue now
    register.shifts.end("小王")  # a hand-off nobody has acknowledged
    window = make_window(register, env=env)
    window.resize(*LAPTOP)
    window.promises.banner.refresh()
    window.shifts.refresh()
    qtbot.waitUntil(lambda: window.promises.banner.isVisible()
                    and window.shifts.banner.isVisible())
    return window


def _select_case_with_warning(qtbot, window, register) -> int:
    case_id = window.case_list.model.case_at(0).id
    # A note that makes the scripts panel warn (the seller pays the return postage).
    register.cases.add_note(case_id, "跟买家说了，运费您承担", "小王")
    window.case_list.table.setFocus()
    qtbot.mouseClick(window.case_list.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.case_list.table.visualRect(
                         window.case_list.model.index(0, 0)).center())
    qtbot.waitUntil(lambda: window.detail.current_case_id == case_id)
    return case_id


def _assert_on_screen(widget: QWidget, window: QWidget) -> None:
    """`widget` is shown whole: inside the window and not clipped by any parent (a scroll
    area's viewport clips what lies below its fold)."""
    name = widget.objectName() or type(widget).__name__
    assert widget.isVisible(), name
    assert widget.width() > 0 and widget.height() > 0, name
    parent = widget.parentWidget()
    while parent is not None:
        top_left = widget.mapTo(parent, QPoint(0, 0))
        rect = widget.rect().translated(top_left)
        assert parent.rect().contains(rect), (name, type(parent).__name__, rect, parent.rect())
        if parent is window:
            break
        parent = parent.parentWidget()
    assert parent is window, name


def _scroll_areas_above(widget: QWidget, stop: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, QAbstractScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found


@pytest.mark.parametrize("env", [{}, {"SHOPDESK_LANG": "en"}], ids=["zh", "en"])
def test_key_facts_and_copy_button_fit_a_laptop_screen(qtbot, make_window, demo_register,
                                                       clock, env):
    window = _laptop_window(qtbot, make_window, demo_register, clock, env)
    _select_case_with_warning(qtbot, window, demo_register)
    detail = window.detail
    facts = detail.facts.values
    key = [detail.header.case_no, detail.header.badge, detail.header.summary,
           detail.call_indicator]
    key += [facts[name] for name in ("platform", "order_no", "buyer_nick", "buyer_phone",
                                     "item_title", "amount_paid", "amount_claimed",
                                     "due_at")]
    assert not detail.header.summary.is_elided()  # the kind and cause read whole
    for widget in key:
        _assert_on_screen(widget, window)
        assert not _scroll_areas_above(widget, detail), widget
    # The reply-scripts tab, opened by a click on its tab.
    bar = detail.tabs.tabBar()
    index = detail.tabs.indexOf(detail.scripts_tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert detail.tabs.currentWidget() is detail.scripts_tab
    panel = detail.scripts_panel
    qtbot.waitUntil(lambda: panel.preview.isVisible())
    for widget in (panel.warnings, panel.step_combo, panel.list, panel.preview,
                   panel.copy_button):
        _assert_on_screen(widget, window)
    assert "⚠" in panel.warnings.text()
    # The preview shows several lines, not a sliver; at most one scroll area in the way
    # (the preview's own).
    assert panel.preview.viewport().height() >= 3 * panel.preview.fontMetrics().lineSpacing()
    assert _scroll_areas_above(panel.copy_button, window) == []
    assert panel.preview.toPlainText()


def test_more_details_open_below_the_key_facts(qtbot, make_window, demo_register, clock):
    window = _laptop_window(qtbot, make_window, demo_register, clock)
    _select_case_with_warning(qtbot, window, demo_register)
    facts = window.detail.facts
    assert not facts.values["description"].isVisible()
    qtbot.mouseClick(facts.more_button, Qt.MouseButton.LeftButton)
    assert facts.values["description"].isVisible() and facts.values["shop"].isVisible()
    qtbot.mouseClick(facts.more_button, Qt.MouseButton.LeftButton)
    assert not facts.values["description"].isVisible()


def _wheel(widget: QWidget, delta: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, delta), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_a_combo_takes_the_wheel_only_when_focused(qtbot, make_window, demo_register, clock):
    window = _laptop_window(qtbot, make_window, demo_register, clock)
    _select_case_with_warning(qtbot, window, demo_register)
    panel = window.detail.scripts_panel
    window.detail.tabs.setCurrentWidget(window.detail.scripts_tab)
    combo = panel.step_combo
    combo.setCurrentIndex(1)
    window.case_list.table.setFocus()
    assert not combo.hasFocus()
    _wheel(combo, -120)
    assert combo.currentIndex() == 1  # passing over it while scrolling changes nothing
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, -120)
    assert combo.currentIndex() == 2


def test_the_combos_built_with_the_window_take_the_wheel_only_when_focused(window):
    # Polished when the window showed, before the wheel guard watched the application.
    combo = window.filter_bar.kind_combo
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    window.case_list.table.setFocus()
    _wheel(combo, -120)
    assert combo.currentIndex() == 0


def test_long_order_numbers_elide_in_the_middle_with_the_whole_number_as_tooltip(window):
    table = window.case_list.table
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    index = window.case_list.model.index(0, column_of("order_no"))
    order_no = window.case_list.model.case_at(0).order_no
    assert index.data(Qt.ItemDataRole.ToolTipRole) == order_no
    # A 19-digit order number fits the column a fresh install gives it.
    need = table.fontMetrics().horizontalAdvance("3043750003197657081")
    assert table.columnWidth(column_of("order_no")) > need
    item_visual = table.horizontalHeader().visualIndex(column_of("item"))
    assert item_visual < table.horizontalHeader().visualIndex(column_of("order_no"))




@pytest.mark.parametrize("env", [{}, {"SHOPDESK_LANG": "en"}], ids=["zh", "en"])
def test_the_case_number_reads_whole_beside_a_long_time_left(qtbot, make_window,
                                                             demo_register, clock, env):
    """An overdue deadline ('已超时20小时1分') and the stage menu beside the status badge
    must not squeeze the case number on a laptop screen."""
    from decimal import Decimal

    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, CaseStatus, Platform
    from shopdesk.domain.workflow import Transition

    case = demo_register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3712345678901", kind=CaseKind.RETURN_REFUND,
        amount_paid=Decimal("59.00")), "小王")
    # Waiting for the buyer's return (7 days): the longest status beside the number.
    demo_register.cases.change_status(case.id, Transition(CaseStatus.WAITING_BUYER), "小王")
    clock.set(T0 + timedelta(days=7, hours=20, minutes=1))  # 20 h 1 min past it
    window = make_window(demo_register, env=env)
    window.resize(*LAPTOP)
    window.case_list.table.setFocus()
    row = next(r for r in range(window.case_list.model.rowCount())
               if window.case_list.model.case_at(r).id == case.id)
    qtbot.mouseClick(window.case_list.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.case_list.table.visualRect(
                         window.case_list.model.index(row, 0)).center())
    qtbot.waitUntil(lambda: window.detail.current_case_id == case.id)
    header, strip = window.detail.header, window.detail.deadline_strip
    assert strip.deadline.due_at < clock.now() and strip.isVisible()
    number = header.case_no
    qtbot.waitUntil(lambda: number.width() >= number.sizeHint().width(), timeout=2000)
    _assert_on_screen(number, window)
    _assert_on_screen(strip.left_label, window)
    _assert_on_screen(strip.stage_button, window)


def test_the_stage_menu_goes_up_beside_the_status_when_the_pane_has_room(
        qtbot, make_window, demo_register, clock):
    """A wide pane: the time left and the stage menu on the top line (what happens at
    zero reads whole on the kind line); a narrow one: they move down, the number whole."""
    window = make_window(demo_register)
    window.resize(1600, 800)
    window.splitter.setSizes([700, 900])
    row_case = next(window.case_list.model.case_at(r) for r in
                    range(window.case_list.model.rowCount())
                    if window.case_list.model.case_at(r).status.is_open)
    window.detail.show_case(row_case.id)
    header, strip = window.detail.header, window.detail.deadline_strip
    assert strip.isVisible()
    qtbot.waitUntil(lambda: header.top.indexOf(strip.stage_button) >= 0)
    assert header.top.indexOf(strip) >= 0
    window.splitter.setSizes([1130, 470])  # the laptop's pane
    qtbot.waitUntil(lambda: header.width() < 500)
    qtbot.waitUntil(lambda: header.row.indexOf(strip.stage_button) >= 0)
    qtbot.waitUntil(lambda: header.case_no.width() >= header.case_no.sizeHint().width())
    window.splitter.setSizes([700, 900])
    qtbot.waitUntil(lambda: header.top.indexOf(strip.stage_button) >= 0)
    assert header.row.indexOf(strip.stage_button) < 0 and header.row.indexOf(strip) < 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_case_number_reads_whole_beside_a_long_status_and_mark_major(
        qtbot, make_window, demo_register, lang):
    """'Waiting for platform' and 'Mark major?' beside the number cut it on the laptop's
    pane ('DEMO-20261205-0'): the button goes down to the kind line, the number whole."""
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, CaseStatus, Platform
    from shopdesk.domain.workflow import Transition

    case = demo_register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3712345678902", kind=CaseKind.COMPLAINT,
        description="孩子被烫伤了，去了医院"), "小王")
    demo_register.cases.change_status(case.id, Transition(CaseStatus.WAITING_PLATFORM), "小王")
    assert demo_register.major.suggestion(case.id)  # "Mark major?" is offered
    window = make_window(demo_register, env={"SHOPDESK_LANG": lang})
    window.resize(*LAPTOP)
    window.detail.show_case(case.id)
    header, button = window.detail.header, window.detail.major_button
    qtbot.waitUntil(lambda: header.width() < 520)
    assert button.isVisible()
    number = header.case_no
    qtbot.waitUntil(lambda: number.width() >= number.sizeHint().width(), timeout=2000)
    _assert_on_screen(number, window)
    _assert_on_screen(button, window)
    window.resize(1900, 900)  # room again: back beside the number
    window.splitter.setSizes([900, 1000])
    qtbot.waitUntil(lambda: header.top.indexOf(button) >= 0, timeout=2000)


def test_alt_digits_bring_up_the_case_tabs_from_the_list(qtbot, make_window, demo_register):
    """Keyboard-first: from the list, Alt+3 shows the case's scripts (then Ctrl+Shift+C
    copies the reply); a tab the case does not have (the review of another kind) stays
    hidden."""
    window = make_window(demo_register)
    window.resize(*LAPTOP)
    table = window.case_list.table
    table.setFocus()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(window.case_list.model.index(0, 0)).center())
    qtbot.waitUntil(lambda: window.detail.current_case_id is not None)
    tabs = window.detail.tabs
    qtbot.keyClick(table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentWidget() is window.detail.scripts_tab.parentWidget() \
        or tabs.currentIndex() == 2
    qtbot.keyClick(table, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentWidget() is window.detail.evidence_panel
    if not tabs.isTabVisible(4):
        qtbot.keyClick(table, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
        assert tabs.currentWidget() is window.detail.evidence_panel
    qtbot.keyClick(table, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentIndex() == 0
