"""The window on a team register whose server goes away: the banner says so at once, an
edit dialog keeps what was typed (no crash box), nothing is written anywhere, and saving
works again once the server is back."""

from __future__ import annotations

import threading

import psycopg
import pytest
from PySide6.QtCore import QTimer

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.register import Register
from shopdesk.storage.pg import connection as pg_connection
from shopdesk.storage.pg.connection import TeamOfflineError
from shopdesk.storage.pg.db import open_team_database
from shopdesk.ui.dialogs import error_dialog
from shopdesk.ui.dialogs.case_form import CaseFormDialog
from tests import pg_support

CLOSED_PORT_URL = "postgresql://postgres@127.0.0.1:1/gone"


def _cut_connections(dbname: str) -> None:
    """What a lost network does to this PC's sessions: the server ends them."""
    with psycopg.connect(pg_support.server_url(), autocommit=True, connect_timeout=3) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", [dbname])


@pytest.fixture
def team_window(make_window, data_paths, clock, monkeypatch):
    monkeypatch.setattr(pg_connection, "RETRY_AFTER_S", 0.0)
    with pg_support.scratch_database("sdoff") as url:
        register = Register(paths=data_paths, db=open_team_database(url), clock=clock)
        window = None
        try:
            register.staff.add("小王", actor="小王")
            register.staff.set_current_operator("小王")
            case = register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="990001",
                                                      kind=CaseKind.EXCHANGE), "小王")
            window = make_window(register)
            yield window, register, case, url
        finally:
            if window is not None:  # before the database goes (see test_team_window)
                for timer in window.findChildren(QTimer):
                    timer.stop()
                window.close()
            register.close()


def test_a_save_while_the_server_is_gone_keeps_the_dialog_and_says_so(
        qtbot, team_window, monkeypatch):
    window, register, case, url = team_window
    dialog = CaseFormDialog(register, "小王", window, case_id=case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.description.setPlainText("买家说耳机左边没声音（断网时输入）")

    # The server goes out of reach: this PC's sessions end and it cannot connect again.
    monkeypatch.setattr(register.db, "url", CLOSED_PORT_URL)
    _cut_connections(psycopg.conninfo.conninfo_to_dict(url)["dbname"])
    dialog.save()

    assert dialog.isVisible()  # no crash box, nothing closed
    assert dialog.description.toPlainText() == "买家说耳机左边没声音（断网时输入）"
    qtbot.waitUntil(window.team.is_offline, timeout=2000)
    assert "无法连接团队登记簿服务器" in window.team.banner.detail.text()
    assert "没有保存任何内容" in window.team.banner.detail.text()

    # The server is back: the banner goes by itself and the same dialog saves.
    monkeypatch.setattr(register.db, "url", url)
    qtbot.waitUntil(lambda: not window.team.is_offline(), timeout=8000)
    assert "Reconnected" in window.statusBar().currentMessage() or \
        "重新连上" in window.statusBar().currentMessage()
    dialog.save()
    assert not dialog.isVisible()
    assert register.cases.get(case.id).description == "买家说耳机左边没声音（断网时输入）"


def test_an_offline_error_that_reaches_the_event_loop_shows_the_banner_not_a_crash_box(
        qtbot, team_window, tmp_path, monkeypatch):
    window, _register, _case, _url = team_window
    shown: list[str] = []
    monkeypatch.setattr(error_dialog.ErrorDialog, "exec", lambda self: shown.append("box"))
    hook = error_dialog.make_excepthook(tmp_path, lambda: window,
                                        offline=window.team.show_offline)
    error = pg_connection.offline_error("127.0.0.1:5432/shop", "Connection refused")
    hook(TeamOfflineError, error, None)
    assert window.team.is_offline() and not shown
    assert "Connection refused" in window.team.banner.detail.text()
    window.team.banner.hide()
    raw = psycopg.OperationalError("server closed the connection unexpectedly")
    hook(psycopg.OperationalError, raw, None)
    assert window.team.is_offline() and not shown
    # Any other error still gets the box.
    hook(ValueError, ValueError("a bug"), None)
    assert shown == ["box"]


def test_asking_a_lost_server_again_never_blocks_the_window(qtbot, team_window, monkeypatch):
    window, register, _case, _url = team_window
    window.team.show_offline(pg_connection.offline_error("127.0.0.1:5432/shop", "timeout"))
    release, asked_on = threading.Event(), []

    def slow_probe() -> bool:  # a host that drops packets: no answer for a while
        asked_on.append(threading.get_ident())
        return release.wait(10)

    monkeypatch.setattr(register, "probe_server", slow_probe)
    window.team.retry()
    window.team.retry()  # the button pressed again while the first question is out
    qtbot.waitUntil(lambda: bool(asked_on), timeout=2000)
    # The question runs on a worker thread; the window goes on (still saying offline).
    assert asked_on[0] != threading.get_ident()
    assert window.team.is_offline()
    release.set()
    qtbot.waitUntil(lambda: not window.team.is_offline(), timeout=4000)
    assert len(asked_on) <= 2  # one question at a time (the timer may have asked once more)
