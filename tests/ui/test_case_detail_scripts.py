"""The case panel carries the reply scripts for the case on screen."""

from __future__ import annotations

import threading

from shopdesk.ui.views.case_detail import CaseDetailView

from .ui_support import Operator, make_case


def test_scripts_tab_follows_the_shown_case(qtbot, register):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    case = make_case(register)
    view.show_case(case.id)
    panel = view.scripts_panel
    assert panel is not None
    ids = panel.script_ids()
    assert ids, "a return_refund / item_defective case gets suggestions"
    kinds = {register.scripts.get(i).kinds for i in ids}
    assert all(not k or "return_refund" in {x.value for x in k} for k in kinds)
    view.show_case(None)
    assert panel.script_ids() == []


def test_the_window_starts_without_loading_the_script_library(qtbot, make_window, register):
    case = make_case(register)
    window = make_window(register)
    window.detail.show_case(case.id)
    # Loading the library is most of a second: not while the window is built.
    assert not register.scripts_loaded and not window.detail.scripts_tab.loaded
    window.detail.tabs.setCurrentWidget(window.detail.scripts_tab)
    assert register.scripts_loaded
    panel = window.detail.scripts_panel
    assert panel is not None and panel.isVisible()
    assert panel.script_ids(), "the case shown before the tab was opened gets its scripts"


def test_the_library_is_preloaded_on_a_worker_thread(qtbot, make_window, register):
    case = make_case(register)
    window = make_window(register)
    window.detail.show_case(case.id)
    task = window.detail.preload_scripts(window.tasks)
    assert task is not None
    qtbot.waitUntil(lambda: window.detail.scripts_tab.loaded)
    assert task.thread_id != threading.get_ident()
    assert register.scripts_loaded
    assert window.detail.scripts_panel.script_ids()
    assert window.detail.preload_scripts(window.tasks) is None  # once is enough


def test_the_preloaded_panel_fills_the_deadline_as_the_cli_does(qtbot, make_window, register):
    from datetime import UTC, datetime

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Cause, Platform

    # Due at 18:00 tomorrow in Shanghai (the clock is 10:00 on 23 Nov there).
    case = register.cases.open_case(CaseDraft(
        Platform.PINDUODUO, "240512000001", CaseKind.COMPLAINT, cause=Cause.SLOW_DELIVERY,
        buyer_nick="多多", due_at=datetime(2026, 11, 24, 10, 0, tzinfo=UTC)), "小王")
    window = make_window(register)
    window.detail.show_case(case.id)
    task = window.detail.preload_scripts(window.tasks)
    assert task is not None
    qtbot.waitUntil(lambda: window.detail.scripts_tab.loaded)
    window.detail.tabs.setCurrentWidget(window.detail.scripts_tab)
    panel = window.detail.scripts_panel
    panel.list.setCurrentRow(panel.script_ids().index("complaint.respond.1"))
    assert panel.missing.text() == ""
    QGuiApplication.clipboard().setText("")
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert panel.placeholder_dialog is None
    text = QGuiApplication.clipboard().text()
    assert "明天18:00前一定给您一个明确答复" in text and "{" not in text
    assert text == register.scripts.render_for_case(
        "complaint.respond.1", case.id, agent="小王").text
