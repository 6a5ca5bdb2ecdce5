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


class HeldCounts:
    """A count runner that holds each count until the test hands its result back."""

    def __init__(self) -> None:
        self.pending: list = []

    def __call__(self, work, done) -> None:
        self.pending.append((work, done))


def test_an_older_count_coming_back_last_is_ignored(qtbot, window):
    held = HeldCounts()
    window.case_list.set_count_runner(held)
    show_all(qtbot, window)
    window.refresh()  # F5: the same query runs again and is counted again
    (first_work, first_done), (second_work, second_done) = held.pending
    second_done(second_work())
    assert window.filter_bar.count_label.text() == "共 60 条"
    first_done(59)  # an older count (made before an edit, say) coming back last
    assert window.filter_bar.count_label.text() == "共 60 条"
    assert window.case_list.model.total() == 60


def test_a_failed_background_count_is_made_on_the_windows_connection(qtbot, window):
    held = HeldCounts()
    window.case_list.set_count_runner(held)
    show_all(qtbot, window)
    (_work, done), = held.pending
    done(None)  # what the window's runner passes when the count's task failed
    assert window.filter_bar.count_label.text() == "共 60 条"
    assert window.case_list.model.total() == 60


def test_the_windows_runner_reports_a_failed_count(qtbot, window, monkeypatch):
    cases = window.case_list.model.source

    def failing_counter():
        def count(_query):
            raise OSError("the file is being replaced")
        return count

    monkeypatch.setattr(cases, "background_counter", failing_counter)
    show_all(qtbot, window)
    qtbot.waitUntil(lambda: window.filter_bar.count_label.text() == "共 60 条", timeout=3000)
