"""The case list's total is counted off the UI thread once the list is longer than its
first query; a count that comes back after its register or its list is gone is dropped
(a restore, a switch to another register, a language switch's new window)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from shopdesk.services.quick_filters import QuickFilter


def show_all(qtbot, window) -> None:
    """The whole 60-case demo list: longer than the first query, so counted later."""
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.ALL],
                     Qt.MouseButton.LeftButton)


def test_the_total_arrives_from_the_background_count(qtbot, window):
    show_all(qtbot, window)
    model = window.case_list.model
    assert model.rowCount() < 60 and model.canFetchMore()
    qtbot.waitUntil(lambda: window.filter_bar.count_label.text() == "共 60 条", timeout=3000)
    assert model.total() == 60


def test_a_count_back_after_the_register_closed_is_dropped(qtbot, make_window,
                                                           demo_register):
    window = make_window(demo_register)
    show_all(qtbot, window)
    assert window.case_list.model.total() is None  # on its way
    window.close()  # waits for the count's work; its result is still to be delivered
    demo_register.close()
    # Delivered now: before, the overdue banner and the warnings count read the closed
    # register ("Cannot operate on a closed database" in the event loop).
    qtbot.wait(50)
    assert window.case_list.model.total() is None


def test_a_count_back_after_the_window_was_deleted_is_dropped(qtbot, make_window,
                                                              demo_register):
    window = make_window(demo_register)
    show_all(qtbot, window)
    assert window.case_list.model.total() is None  # on its way
    # As a language switch does: the old window closes and is deleted, the register
    # stays open for the new window.
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Before, the deleted list's count_changed was emitted ("Signal source has been
    # deleted" in the event loop).
    qtbot.wait(50)
    assert demo_register.is_open
