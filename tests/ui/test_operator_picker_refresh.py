"""The operator box: staff added or deactivated elsewhere show after the external-change
poll, the box and what the window records always agree, and on a team register another
PC's choice is not this window's operator."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.paths import DataPaths
from shopdesk.services.register import Register, open_register
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import open_team_database
from shopdesk.ui.controllers.external_changes import POLL_MS
from tests import pg_support


def _names(window) -> list[str]:
    combo = window.operator_picker.combo
    return [combo.itemData(i) for i in range(combo.count())]


def _shown(window) -> str:
    return window.operator_picker.combo.currentData() or ""


def test_staff_added_elsewhere_shows_in_the_box_after_the_poll(qtbot, make_window, register,
                                                               clock):
    register.staff.add("小李", actor="小王")
    window = make_window(register)
    assert _names(window) == ["小王", "小李"] and _shown(window) == "小王"
    other = open_register(register.paths, clock, daily_backup=False)  # the command line
    try:
        other.staff.add("阿珍", actor="小王")
    finally:
        other.close()
    qtbot.waitUntil(lambda: "阿珍" in _names(window), timeout=POLL_MS * 3)
    assert _shown(window) == "小王" and window.operator() == "小王"  # the choice is kept


def test_an_operator_deactivated_elsewhere_leaves_nobody_chosen(qtbot, make_window, register,
                                                                clock):
    register.staff.add("小李", actor="小王")
    window = make_window(register)
    other = open_register(register.paths, clock, daily_backup=False)
    try:
        other.staff.deactivate_named("小王", actor="小李")
    finally:
        other.close()
    qtbot.waitUntil(lambda: "小王" not in _names(window), timeout=POLL_MS * 3)
    assert _shown(window) == "" and window.operator() == ""


def test_the_box_follows_an_operator_set_outside_it(qtbot, make_window, register):
    """A shift started for someone else (the shift offer's dialog, the command line on this
    PC) makes them this PC's operator: the next action records them and the box says so."""
    register.staff.add("小李", actor="小王")
    window = make_window(register)
    register.shifts.start("小李")
    assert window.operator() == "小李"
    assert _shown(window) == "小李"


def test_a_reload_while_the_pin_is_asked_keeps_the_choice(qtbot, make_window, register):
    """The poll runs inside the PIN box's event loop: its reload waits for the choice."""
    register.staff.add("小李", actor="小王")
    window = make_window(register)
    picker = window.operator_picker

    def pin_check(name: str) -> bool:
        register.staff.add("阿珍", actor="小王")  # a colleague, meanwhile
        picker.reload()  # what the poll does
        return True

    picker.set_pin_check(pin_check)
    picker.combo.setCurrentIndex(picker.combo.findData("小李"))
    assert _shown(window) == "小李" and window.operator() == "小李"
    assert register.staff.current_operator() == "小李"
    assert "阿珍" in _names(window)


def test_another_pcs_choice_is_not_this_windows_operator(qtbot, make_window, tmp_path,
                                                        data_paths, clock):
    with pg_support.scratch_database("sdop") as url:
        register = Register(paths=data_paths, db=open_team_database(url), clock=clock)
        window = None
        other = Register(paths=DataPaths(tmp_path / "pc2"), db=PgDatabase(url), clock=clock)
        try:
            register.staff.add("小李", actor="小李")
            register.staff.add("小王", actor="小李")
            # On shift, so no "start a shift?" offer follows the note (after the test).
            register.shifts.start("小李")
            window = make_window(register)
            other.staff.set_current_operator("小王")  # PC2 picks 小王
            case = other.cases.open_case(CaseDraft(platform=Platform.JD, order_no="777003",
                                                   kind=CaseKind.EXCHANGE), "小王")
            qtbot.waitUntil(lambda: window.case_list.model.ids() != [], timeout=POLL_MS * 3)
            assert window.operator() == "小李" and _shown(window) == "小李"
            window.open_case_by_id(case.id)
            window.detail.note_edit.setPlainText("电话已联系")
            window.detail.add_note()
            notes = [e for e in register.cases.timeline(case.id) if e.type == "note"]
            assert [(n.text, n.actor) for n in notes] == [("电话已联系", "小李")]
            assert other.staff.current_operator() == "小王"
        finally:
            # Before the database is dropped: a window left polling a dropped database
            # raised into whichever test ran next in this worker.
            if window is not None:
                qtbot.wait(20)  # what the note queued (the shift offer's check) runs now
                for timer in window.findChildren(QTimer):
                    timer.stop()
                window.close()
            other.close()
            register.close()


def test_an_operator_set_outside_the_box_is_announced(qtbot, make_window, register):
    """The "mine" filter and the shift panel follow `operator_changed`: a name set outside
    the box (a shift started on the command line) must be announced like a choice."""
    register.staff.add("小李", actor="小王")
    window = make_window(register)
    with qtbot.waitSignal(window.operator_picker.operator_changed, timeout=2000) as signal:
        register.shifts.start("小李")
        window.operator()  # what every action asks first
    assert signal.args == ["小李"]
    assert "小李" in window.statusBar().currentMessage()


def test_an_operator_deactivated_elsewhere_is_announced_as_nobody(qtbot, make_window,
                                                                  register, clock):
    register.staff.add("小李", actor="小王")
    window = make_window(register)
    other = open_register(register.paths, clock, daily_backup=False)
    try:
        with qtbot.waitSignal(window.operator_picker.operator_changed,
                              timeout=POLL_MS * 3) as signal:
            other.staff.deactivate_named("小王", actor="小李")
    finally:
        other.close()
    assert signal.args == [""]
    shown = window.statusBar().currentMessage()
    assert shown and shown != window.tr("Operator: {name}").format(name="")  # says nobody


def test_choosing_in_the_box_announces_once(qtbot, make_window, register):
    register.staff.add("小李", actor="小王")
    window = make_window(register)
    heard: list[str] = []
    window.operator_picker.operator_changed.connect(heard.append)
    combo = window.operator_picker.combo
    combo.setCurrentIndex(combo.findData("小李"))
    assert heard == ["小李"]
