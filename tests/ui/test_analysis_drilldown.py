"""From the analysis window to the cases: a bar or a row lists its cases in the main list,
with a notice saying which and a way back."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt

from shopdesk.domain.case import draft_from_fields
from shopdesk.services.quick_filters import QuickFilter


def add(register, cause, n=1, *, at=None, status_closed=False):
    ids = []
    for _ in range(n):
        draft = draft_from_fields({"platform": "taobao", "order_no": "T100001",
                                   "kind": "refund_only", "cause": cause})
        ids.append(register.cases.open_case(draft, "小王", at=at).id)
    return ids


def listed(window):
    return set(window.case_list.model.ids())


def test_double_clicking_a_row_lists_its_cases_then_clear_shows_all(qtbot, make_window,
                                                                   register):
    defective = add(register, "item_defective", 3)
    add(register, "slow_delivery", 2)
    old = add(register, "item_defective", 1, at=register.clock.now() - timedelta(days=60))
    window = make_window(register)
    before = listed(window)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.item(0, 0).text() == "宝贝有问题"
    rect = table.visualItemRect(table.item(0, 0))
    # A double-click is a press on the row, then the double-click on the same row.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: listed(window) == set(defective))
    bar = window.filter_bar
    assert bar.group_chip.isVisible()
    assert "原因：宝贝有问题" in bar.group_label.toolTip()
    assert bar.quick() == QuickFilter.ALL  # resolved cases of the row are listed too
    assert old[0] not in listed(window)  # outside the period
    qtbot.mouseClick(bar.group_clear, Qt.MouseButton.LeftButton)
    assert not bar.group_chip.isVisible()
    assert bar.quick() == QuickFilter.OPEN  # as before the drill-down
    qtbot.waitUntil(lambda: listed(window) == before)


def test_clicking_a_bar_lists_that_bars_cases(qtbot, make_window, register):
    add(register, "item_defective", 3)
    slow = add(register, "slow_delivery", 2)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    chart = dialog.chart
    # Find the second bar by its position: the widget stretches the drawing to its width.
    second = next(x for x in range(chart.width()) if chart.row_at(x) == 1)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                     pos=QPoint(second + 5, chart.height() // 2))
    qtbot.waitUntil(lambda: listed(window) == set(slow))
    assert "送货慢" in window.filter_bar.group_label.toolTip()
    assert chart.row_at(1) is None  # the count axis is not a bar


def test_clear_filters_also_leaves_the_drill_down(qtbot, make_window, register):
    add(register, "item_defective", 2)
    add(register, "changed_mind", 1)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    dialog.activate_row(1)
    qtbot.waitUntil(lambda: len(listed(window)) == 1)
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert window.filter_bar.group is None
    qtbot.waitUntil(lambda: len(listed(window)) == 3)


def test_the_drill_down_notice_shows_as_much_as_the_laptop_row_has_room_for(
        qtbot, make_window, register):
    """At 1280 px the notice was cut at a fixed 360 px the row did not have ("Complaint
    analysis: Cause: … (2026-1"): it takes the room left and elides in the middle, the
    period's end still readable, the whole text as its tooltip."""
    from PySide6.QtCore import QPoint

    add(register, "item_defective", 3)
    window = make_window(register)
    window.resize(1280, 720)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    table = dialog.table
    rect = table.visualItemRect(table.item(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    bar = window.filter_bar
    qtbot.waitUntil(bar.group_chip.isVisible)
    label = bar.group_label
    qtbot.waitUntil(lambda: label.width() > 0)
    shown = label.shown_text()
    assert label.toolTip().startswith("投诉分析：原因：宝贝有问题")  # the whole text
    assert shown.startswith("原因：宝贝有问题")  # the group first: cut last, if at all
    chip = bar.group_chip
    right = chip.mapTo(bar, QPoint(chip.width(), 0)).x()
    assert right <= bar.width()  # on screen, not pushed off the row
