"""Other processes on the same register: their changes show within the poll, and a write
that cannot get the lock leaves the dialog open with what was typed."""

from __future__ import annotations

import sqlite3
import threading
import time

from PySide6.QtCore import Qt

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.register import open_register
from shopdesk.ui.controllers.external_changes import POLL_MS
from shopdesk.ui.dialogs.case_form import CaseFormDialog


def _other_process(register, clock):
    """The command line or a colleague: a register of its own on the same file."""
    return open_register(register.paths, clock, daily_backup=False)


def _listed_orders(window):
    model = window.case_list.model
    cases = model.source.fetch(model.ids())
    return {c.order_no for c in cases.values()}


def test_a_case_added_elsewhere_appears_in_the_list(qtbot, make_window, register, clock):
    window = make_window(register)
    other = _other_process(register, clock)
    try:
        other.cases.open_case(CaseDraft(platform=Platform.JD, order_no="777001",
                                        kind=CaseKind.EXCHANGE), "小王")
    finally:
        other.close()
    qtbot.waitUntil(lambda: "777001" in _listed_orders(window), timeout=POLL_MS * 3)


def test_a_note_being_typed_survives_a_change_made_elsewhere(qtbot, make_window, register,
                                                             clock):
    case = register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="777002",
                                              kind=CaseKind.EXCHANGE), "小王")
    window = make_window(register)
    window.case_list.reload()
    assert window.case_list.select_case(case.id)
    qtbot.waitUntil(lambda: window.detail.current_case_id == case.id)
    window.detail.note_edit.setFocus()
    qtbot.keyClicks(window.detail.note_edit, "buyer says parcel arrived")
    other = _other_process(register, clock)
    try:
        other.cases.add_note(case.id, "from the command line", "小王")
    finally:
        other.close()
    qtbot.waitUntil(lambda: any("from the command line" in t
                                for t in window.detail.timeline_texts()),
                    timeout=POLL_MS * 3)
    assert window.detail.note_edit.toPlainText() == "buyer says parcel arrived"
    assert window.detail.current_case_id == case.id


def _hold_lock(path, seconds, started):
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def test_a_busy_register_keeps_the_case_form_open_with_what_was_typed(qtbot, register):
    from tests.ui.ui_support import open_form, type_text

    register.db.execute("PRAGMA busy_timeout = 100")  # not 15 s in a test
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    started = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(register.paths.database, 1.5, started))
    holder.start()
    started.wait(5)
    try:
        qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.result() != CaseFormDialog.DialogCode.Accepted
        assert dialog.order_no.text() == "9988776655"
        assert dialog.general_error.isVisible()
        assert "稍后再试" in dialog.general_error.text()
    finally:
        holder.join()
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)  # free again: saved as typed
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    assert register.cases.count(CaseQuery()) == 1


def test_a_promise_made_elsewhere_shows_in_the_list(qtbot, make_window, register, clock):
    """The reliability work's poll (controllers/external_changes.py) covers promises too:
    the 'promises due today' list picks up one made from the command line."""
    from datetime import timedelta

    from shopdesk.domain.promises import PromiseKind
    from shopdesk.services.quick_filters import QuickFilter

    case = register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="777003",
                                              kind=CaseKind.EXCHANGE), "小王")
    window = make_window(register)
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.PROMISE_TODAY],
                     Qt.MouseButton.LeftButton)
    assert window.case_list.count() == 0
    other = _other_process(register, clock)
    try:
        other.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=2),
                            "小王", "回电确认")
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.case_list.model.ids() == [case.id], timeout=POLL_MS * 3)


def test_a_plan_added_elsewhere_shows_in_the_open_analysis_window(qtbot, make_window,
                                                                  register, clock):
    register.analysis.add_plan(dimension="cause", category="item_defective",
                               root_cause="漏检", plan="抽检", actor="小王")
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    plans = dialog.plans
    assert len(plans.plans) == 1
    plans.table.selectRow(0)
    other = _other_process(register, clock)
    try:
        other.analysis.add_plan(dimension="cause", category="slow_delivery",
                                root_cause="快递爆仓", plan="换快递", actor="阿珍")
    finally:
        other.close()
    qtbot.waitUntil(lambda: plans.table.rowCount() == 2, timeout=POLL_MS * 3)
    assert plans.table.item(plans.table.currentRow(), 3).text() == "抽检"  # kept selected


def test_the_list_does_not_move_under_the_pointer(qtbot, make_window, register, clock,
                                                  monkeypatch):
    """A change made elsewhere re-sorts the list: with the pointer on it the row under it
    changed just before a click opened another case. The reload waits for the pointer to
    leave (or LIST_HOLD_MS)."""
    import shopdesk.ui.controllers.external_changes as external

    window = make_window(register)
    window.external_changes.timer.stop()  # polled by hand below
    viewport = window.case_list.table.viewport()
    viewport.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # the pointer is on it
    other = _other_process(register, clock)
    try:
        other.cases.open_case(CaseDraft(platform=Platform.JD, order_no="777011",
                                        kind=CaseKind.EXCHANGE), "小王")
    finally:
        other.close()
    assert window.external_changes.poll()
    window.external_changes.poll()
    assert "777011" not in _listed_orders(window)
    viewport.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)  # the pointer left
    window.external_changes.poll()
    qtbot.waitUntil(lambda: "777011" in _listed_orders(window), timeout=POLL_MS * 3)
    # Resting on the list does not hold a change back for ever.
    monkeypatch.setattr(external, "LIST_HOLD_MS", 0)
    viewport.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)
    other = _other_process(register, clock)
    try:
        other.cases.open_case(CaseDraft(platform=Platform.JD, order_no="777012",
                                        kind=CaseKind.EXCHANGE), "小王")
    finally:
        other.close()
    window.external_changes.poll()
    qtbot.waitUntil(lambda: "777012" in _listed_orders(window), timeout=POLL_MS * 3)
