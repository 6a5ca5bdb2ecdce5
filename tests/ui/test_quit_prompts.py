"""Quitting asks first when a typed note is unsaved, a shift is still open or promises to
buyers are overdue; it quits without a question otherwise."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QMessageBox

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.promises import PromiseKind

from ..conftest import T0
from .ui_support import type_with_ime


def _quit(qtbot, window) -> None:
    window.act_quit.trigger()  # File → Exit (Ctrl+Q)
    qtbot.wait(10)


def test_nothing_pending_quits_without_asking(qtbot, window, boxes):
    _quit(qtbot, window)
    assert not window.isVisible()
    assert boxes.texts("question") == []


def test_an_unsaved_note_asks_and_no_keeps_the_window(qtbot, window, boxes):
    window.case_list.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.current_case_id is not None)
    window.detail.note_edit.setFocus()
    type_with_ime(window.detail.note_edit, "买家说明天寄回")
    boxes.answer = QMessageBox.StandardButton.No
    _quit(qtbot, window)
    assert window.isVisible()  # the note is still there to add
    [question] = boxes.texts("question")
    assert "备注" in question
    assert window.detail.note_edit.toPlainText() == "买家说明天寄回"
    boxes.answer = QMessageBox.StandardButton.Yes
    _quit(qtbot, window)
    assert not window.isVisible()


def test_an_open_shift_and_overdue_promises_are_named(qtbot, make_window, demo_register,
                                                      clock, boxes):
    demo_register.shifts.start("小王")
    case_id = demo_register.cases.query_ids(CaseQuery())[0]
    demo_register.promises.make(case_id, PromiseKind.CALL_BACK, T0 + timedelta(hours=1),
                                "小王")
    clock.set(T0 + timedelta(hours=2))
    window = make_window(demo_register)
    boxes.answer = QMessageBox.StandardButton.No
    _quit(qtbot, window)
    assert window.isVisible()
    [question] = boxes.texts("question")
    assert "小王" in question and "班次" in question
    assert "1" in question and "逾期" in question
    boxes.answer = QMessageBox.StandardButton.Yes  # the writer thread stops with the window
    _quit(qtbot, window)
    assert not window.isVisible()
