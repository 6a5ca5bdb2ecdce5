"""Settings → Team mode, driven with qtbot against the real test server (tests/pg_support):
creating the team register from the local one, connecting, going back, and the messages
for what can go wrong."""

from __future__ import annotations

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from psycopg.conninfo import conninfo_to_dict
from PySide6.QtCore import QEvent, QTimer

from shopdesk.app import create_main_window, reopen_window
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services import team
from shopdesk.ui.dialogs.settings_dialog import TEAM_TAB, SettingsDialog
from shopdesk.ui.i18n import Translators
from tests import pg_support


class MemoryKeyring(KeyringBackend):
    """A keyring of this test's own (the test machine has none)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.saved[(service, username)] = password

    def get_password(self, service, username):
        return self.saved.get((service, username))

    def delete_password(self, service, username):
        self.saved.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def _page(qtbot, register):
    dialog = SettingsDialog(register, "en", tab=TEAM_TAB)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, dialog.team_page


def _fill(page, url: str, *, password: str = "", tls: str = "prefer", port: int | None = None):
    info = conninfo_to_dict(url)
    page.host.setText(info.get("host", "127.0.0.1"))
    page.port.setValue(port or int(info.get("port") or 5432))
    page.database.setText(info["dbname"])
    page.user.setText(info.get("user", "postgres"))
    page.password.setText(password)
    page.tls.setCurrentIndex(page.tls.findData(tls))


def _run(qtbot, page, button) -> bool:
    with qtbot.waitSignal(page.setup_ended, timeout=60_000) as blocker:
        button.click()
    qtbot.waitUntil(lambda: not page.busy())
    return blocker.args[0]


def _close_window(window) -> None:
    for timer in window.findChildren(QTimer):
        timer.stop()
    window.close()


def test_the_page_says_where_the_local_register_is(qtbot, register):
    _dialog, page = _page(qtbot, register)
    assert str(register.paths.database) in page.where_label.text()
    assert not page.disconnect_button.isEnabled()


def test_owner_creates_the_team_register_and_the_window_reopens_on_it(
        qtbot, qapp, register, boxes, memory_keyring):
    register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="880001",
                                       kind=CaseKind.EXCHANGE), "小王")
    translators = Translators(qapp)  # as app.py does: the reopened window reuses them
    window = create_main_window(register, {}, [], translators)
    window.show()
    with pg_support.scratch_database("sdpage") as url:
        new = None
        try:
            dialog, page = _page(qtbot, register)
            _fill(page, url, password="s3cret-pw")
            assert _run(qtbot, page, page.init_button)
            assert page.switched and not dialog.isVisible()  # the other tabs were the old one's
            result = page.result.text()
            assert "cases 1" in result and "staff 1" in result
            assert "checksummed" in result or "校验和" in result
            assert any("reopens" in t or "重新打开" in t for t in boxes.texts("information"))
            # The password went to the keyring, never to the settings file or the page.
            saved = register.paths.team_config.read_text(encoding="utf-8")
            assert "s3cret-pw" not in saved and "s3cret-pw" in memory_keyring.saved.values()
            assert page.password.text() == ""
            assert register.paths.database.exists()  # the local file is kept

            # The window reopens on the team register (as app.py does on reopen_requested).
            with qtbot.waitSignal(window.reopen_requested, timeout=2000):
                window.team.switch_register()
            assert window.next_register is not None and window.next_register.is_team
            new = reopen_window(window, {}, [], translators)
            assert new is not None and new.register.is_team and register.closed
            assert new.case_list.count() == 1
            dialog2, page2 = _page(qtbot, new.register)
            where = page2.where_label.text()
            assert "127.0.0.1" in where and ("team register on" in where or "团队登记簿" in where)
            assert "s3cret-pw" not in page2.where_label.text()
            assert page2.password.text() == "" and page2.database.text() == \
                conninfo_to_dict(url)["dbname"]
            assert page2.password.placeholderText() in ("kept in the keyring", "已保存在钥匙串中")
            dialog2.close()
        finally:
            for shown in (new, window):
                if shown is not None and shown.isVisible():
                    _close_window(shown)
            if new is not None:
                new.register.close()
                new.deleteLater()
            window.deleteLater()
            qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            translators.remove()


def test_a_staff_pc_connects_and_goes_back_to_its_local_register(
        qtbot, register, data_paths, clock, boxes):
    with pg_support.scratch_database("sdpage") as url:
        other = data_paths.root.parent / "owner"
        from shopdesk.paths import DataPaths
        team.init(DataPaths(other), clock, url)
        _dialog, page = _page(qtbot, register)
        _fill(page, url)
        assert _run(qtbot, page, page.connect_button)
        assert "This PC now uses the team register" in page.result.text()
        assert team.where(register.paths).mode == "team"
    _dialog, page = _page(qtbot, register)
    assert page.disconnect_button.isEnabled()
    # The test server trusts this PC: no password was kept, and the page does not say so.
    assert page.password.placeholderText() == "none saved on this PC"
    boxes.answer = boxes.answer.Yes
    page.disconnect_button.click()
    assert page.switched and team.where(register.paths).mode == "local"
    assert "local register again" in page.result.text()


@pytest.mark.parametrize(("change", "expected"), [
    ({"port": 1}, "Cannot reach the team register's server"),
    ({"tls": "require"}, "does not accept TLS"),
    ({"dbname": "no_such_db_shopdesk"}, "does not exist"),
    ({"host": ""}, "Fill in the server"),
])
def test_what_goes_wrong_is_said_and_nothing_changes(qtbot, register, boxes, change, expected):
    pg_support.require_server()
    _dialog, page = _page(qtbot, register)
    _fill(page, pg_support.server_url(), tls=change.get("tls", "prefer"),
          port=change.get("port"))
    if "dbname" in change:
        page.database.setText(change["dbname"])
    if "host" in change:
        page.host.setText(change["host"])
        page.connect_button.click()
        ok = False
    else:
        ok = _run(qtbot, page, page.connect_button)
    assert not ok and expected in page.result.text()
    assert "Traceback" not in page.result.text()
    assert not page.switched and not register.paths.team_config.exists()
    assert page.connect_button.isEnabled()


def test_a_server_without_a_register_is_refused_on_connect(qtbot, register, boxes):
    with pg_support.scratch_database("sdpage") as url:
        _dialog, page = _page(qtbot, register)
        _fill(page, url)
        assert not _run(qtbot, page, page.connect_button)
        assert "team init" in page.result.text()
    assert not register.paths.team_config.exists()


def test_the_settings_menu_opens_the_team_tab(qtbot, make_window, register, monkeypatch):
    opened: list[int] = []

    def fake_exec(dialog):
        opened.append(dialog.tabs.currentIndex())
        return SettingsDialog.DialogCode.Rejected
    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window = make_window(register)
    window.team.act_team.trigger()
    assert opened == [TEAM_TAB]
    assert window.next_register is None  # nothing switched: the window stays


def test_without_a_keyring_a_password_is_refused_before_anything_is_copied(
        qtbot, register, boxes):
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pg_support.scratch_database("sdpage") as url:
            _dialog, page = _page(qtbot, register)
            _fill(page, url, password="s3cret-pw")
            assert not _run(qtbot, page, page.init_button)
            assert "pgpass" in page.result.text() and "s3cret-pw" not in page.result.text()
            with psycopg.connect(url, connect_timeout=3) as conn:  # not even the schema was made
                assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                    "'public'").fetchone()[0] == 0
    finally:
        keyring.set_keyring(before)
    assert not page.switched and not register.paths.team_config.exists()


def test_edits_on_other_tabs_are_saved_before_a_team_action_starts(qtbot, register, boxes):
    dialog, page = _page(qtbot, register)
    lead = dialog.reminder_page.leads[next(iter(dialog.reminder_page.leads))]
    lead.setValue(lead.value() + 15)
    wanted = lead.value()
    _fill(page, "postgresql://postgres@127.0.0.1:1/test", port=1)
    assert not _run(qtbot, page, page.connect_button)  # nothing listens on port 1
    kind = next(iter(dialog.reminder_page.leads))
    saved = register.reminders.settings().lead(kind).total_seconds() // 60
    assert saved == wanted  # the reminder tab's edit reached the register


def test_a_refused_tab_stops_the_team_action(qtbot, register, boxes):
    dialog, page = _page(qtbot, register)
    dialog.limits_page.default.setText("not money")
    _fill(page, "postgresql://postgres@127.0.0.1:1/test", port=1)
    page.connect_button.click()
    assert not page.busy() and dialog.tabs.currentWidget() is dialog.limits_page
    assert page.connect_button.isEnabled() and not page.switched
