"""The window on a team register: another PC's case shows within the poll."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.register import Register
from shopdesk.storage.pg.connection import PgDatabase
from shopdesk.storage.pg.db import open_team_database
from shopdesk.ui.controllers.external_changes import TEAM_POLL_MS
from tests import pg_support


def _listed_orders(window):
    model = window.case_list.model
    return {c.order_no for c in model.source.fetch(model.ids()).values()}


def test_another_pcs_case_shows_within_the_poll(qtbot, make_window, data_paths, clock):
    with pg_support.scratch_database("sdwin") as url:
        register = Register(paths=data_paths, db=open_team_database(url), clock=clock)
        window = None
        try:
            register.staff.add("小王", actor="小王")
            register.staff.set_current_operator("小王")
            window = make_window(register)
            other = Register(paths=data_paths, db=PgDatabase(url), clock=clock)
            try:
                other.cases.open_case(CaseDraft(platform=Platform.JD, order_no="777001",
                                                kind=CaseKind.EXCHANGE), "小王")
            finally:
                other.close()
            qtbot.waitUntil(lambda: "777001" in _listed_orders(window),
                            timeout=TEAM_POLL_MS * 3)
        finally:
            # Before the database is dropped, pass or fail: a window left polling a dropped
            # database raised into whichever test ran next in this worker.
            if window is not None:
                for timer in window.findChildren(QTimer):
                    timer.stop()
                window.close()
            register.close()


def test_restore_on_a_team_register_says_where_before_any_list(qtbot, make_window, data_paths,
                                                               clock, boxes, monkeypatch):
    from shopdesk.ui.dialogs import restore_dialog

    shown = []
    monkeypatch.setattr(restore_dialog.RestoreDialog, "exec",
                        lambda dialog: shown.append(dialog) or 0)
    with pg_support.scratch_database("sdres") as url:
        register = Register(paths=data_paths, db=open_team_database(url, listen=False),
                            clock=clock)
        window = None
        try:
            register.staff.add("小王", actor="小王")
            register.staff.set_current_operator("小王")
            window = make_window(register)
            window.act_restore_backup.trigger()
            # Not a list of this PC's old local backups, then a refusal after choosing.
            assert shown == []
            [text] = boxes.texts("information")
            assert "pg_restore" in text and "不能在这台电脑上恢复" in text
        finally:
            if window is not None:
                for timer in window.findChildren(QTimer):
                    timer.stop()
                window.close()
            register.close()
