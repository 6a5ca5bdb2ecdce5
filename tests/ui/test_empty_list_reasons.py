"""An empty case list says why instead of showing a blank table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.services.quick_filters import QuickFilter


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_empty_lists_say_why(qtbot, window):
    quick = window.filter_bar.quick_buttons
    empty = window.case_list.empty_label
    click(qtbot, quick[QuickFilter.ALL])
    qtbot.waitUntil(lambda: window.case_list.count() == 60)
    assert not empty.isVisible()

    click(qtbot, quick[QuickFilter.TRASH])
    qtbot.waitUntil(empty.isVisible, timeout=2000)
    assert "回收站是空的" in empty.text() or "trash is empty" in empty.text()

    click(qtbot, quick[QuickFilter.PROMISE_OVERDUE])  # the demo has none overdue
    qtbot.waitUntil(lambda: "promise" in empty.text() or "承诺" in empty.text(), timeout=2000)
    assert empty.isVisible()
    # The label covers the table's visible area, so it is seen, not hidden off-screen.
    assert empty.geometry() == window.case_list.table.viewport().rect()

    click(qtbot, quick[QuickFilter.ALL])
    qtbot.keyClicks(window.filter_bar.search, "zzqqxx")
    qtbot.waitUntil(lambda: window.case_list.count() == 0, timeout=3000)
    qtbot.waitUntil(lambda: "zzqqxx" in empty.text(), timeout=3000)
    assert empty.isVisible()
    window.filter_bar.search.clear()
    qtbot.waitUntil(lambda: not empty.isVisible(), timeout=3000)
