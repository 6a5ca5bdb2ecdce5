"""Changing the language reopens the window in it, without restarting the program."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from shopdesk.app import create_main_window, reopen_window
from shopdesk.ui.i18n import Translators


def menu_titles(window) -> list[str]:
    return [m.title() for m in window.menuBar().findChildren(QMenu)
            if m.objectName().startswith("menu_")]


def test_choosing_english_offers_to_reopen_and_the_new_window_speaks_it(
        qtbot, qapp, demo_register, boxes):
    # Built as app.py does, with the one Translators object the reopened window reuses.
    translators = Translators(qapp)
    window = create_main_window(demo_register, {}, [], translators)
    window.resize(1280, 720)
    window.show()
    assert any("文件" in t for t in menu_titles(window))
    chosen = window.case_list.model.case_id_at(3)
    window.case_list.select_case(chosen)
    number = demo_register.cases.get(chosen).case_no
    window.filter_bar.search.setText(number[:-1])
    window.filter_bar.flush_search()
    boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(window.reopen_requested, timeout=2000):
        window.apply_language_choice("en")
    assert "reopen" in boxes.texts("question")[-1].lower() or "重新打开" in \
        boxes.texts("question")[-1]
    assert demo_register.language() == "en"

    new = reopen_window(window, {}, [], translators)
    try:
        assert new is not None and new is not window
        assert not window.isVisible() and new.isVisible()
        assert any(t == "&File" for t in menu_titles(new))
        assert new.case_list.count() == window.case_list.count()
        # The case and the search the user had are kept, as the question promised.
        assert new.filter_bar.search.text() == number[:-1]
        assert new.detail.current_case_id == chosen == new.case_list.current_id()
        assert QApplication.quitOnLastWindowClosed()  # restored after the swap
    finally:
        new.close()
        new.deleteLater()
        qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        translators.remove()


def test_declining_keeps_the_window_and_says_when_it_applies(
        qtbot, make_window, demo_register, boxes):
    window = make_window(demo_register)
    boxes.answer = QMessageBox.StandardButton.No
    with qtbot.assertNotEmitted(window.reopen_requested):
        window.apply_language_choice("en")
    assert demo_register.language() == "en"
    assert "next start" in window.statusBar().currentMessage() or "下次启动" in \
        window.statusBar().currentMessage()


def test_an_unsaved_note_can_stop_the_reopening(qtbot, qapp, make_window, demo_register,
                                                boxes):
    window = make_window(demo_register)
    window.detail.note_edit.setPlainText("还没保存的备注")
    boxes.answer = QMessageBox.StandardButton.No
    translators = Translators(qapp)
    try:
        assert reopen_window(window, {}, [], translators) is None
        assert window.isVisible() and not window.reopening
        assert "Reopen anyway?" in boxes.texts("question")[-1] or "仍要重新打开" in \
            boxes.texts("question")[-1]
    finally:
        translators.remove()
        window.detail.note_edit.clear()


def test_keeping_the_window_after_a_team_switch_says_which_register_shows(
        qtbot, qapp, make_window, demo_register, boxes):
    window = make_window(demo_register)
    window.detail.note_edit.setPlainText("还没保存的备注")
    other = demo_register.open_second()  # stands for the register this PC switched to
    window.next_register = other
    boxes.answer = QMessageBox.StandardButton.No
    translators = Translators(qapp)
    try:
        assert reopen_window(window, {}, [], translators) is None
        assert window.isVisible() and window.register is demo_register
        assert other.closed and window.next_register is None
        said = boxes.texts("information")[-1]
        assert "starts again" in said or "重新启动" in said or "再次启动" in said
    finally:
        translators.remove()
        window.detail.note_edit.clear()
