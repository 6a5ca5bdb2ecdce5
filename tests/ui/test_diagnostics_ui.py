"""The unexpected-error dialog, Help → Open log folder, a failed backup in the status bar,
and the holiday-data box of the call-policy dialog."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from shopdesk.diagnostics import start_diagnostics
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.holidays import InMemoryHolidayCalendar
from shopdesk.services.calls import CallService
from shopdesk.services.holidays import ShopHolidays
from shopdesk.services.register import Register
from shopdesk.storage.errors import StorageError
from shopdesk.ui.dialogs import error_dialog
from shopdesk.ui.dialogs.error_dialog import ErrorDialog, make_excepthook
from shopdesk.ui.dialogs.holiday_dialog import HolidayYearDialog
from shopdesk.ui.dialogs.policy_dialog import PolicyDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Folders the app asked the file manager to show (none is really opened)."""
    folders: list[str] = []

    def open_url(url):
        folders.append(url.toLocalFile())
        return True
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return folders


@pytest.fixture
def logged(tmp_path, monkeypatch):
    monkeypatch.setattr("faulthandler.enable", lambda *a, **k: None)
    monkeypatch.setattr("faulthandler.disable", lambda: None)
    diag = start_diagnostics(tmp_path / "logs", role="test")
    yield diag
    diag.close()


def when_shown(qtbot, kind, act, tries: int = 40) -> None:
    """Run `act(dialog)` once a `kind` dialog is visible (from inside its exec loop)."""
    def poll(left: int = tries) -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)
                 and w.isVisible()]
        if found:
            try:
                act(found[0])
            finally:
                if found[0].isVisible():  # never leave a modal loop running, whatever failed
                    found[0].reject()
        elif left:
            QTimer.singleShot(50, lambda: poll(left - 1))
    QTimer.singleShot(0, poll)


def test_an_unexpected_error_opens_the_dialog_with_copy_and_log_folder(
        qtbot, tmp_path, opened, logged):
    seen: dict[str, str] = {}

    def use(dialog: ErrorDialog) -> None:
        seen["message"] = dialog.message.text()
        qtbot.mouseClick(dialog.copy_button, LEFT)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        seen["copy_label"] = dialog.copy_button.text()
        qtbot.mouseClick(dialog.folder_button, LEFT)
        qtbot.mouseClick(dialog.close_button, LEFT)

    button = QPushButton("save")
    qtbot.addWidget(button)

    def failing_slot() -> None:
        raise RuntimeError("paint failed for buyer 13812345678")
    button.clicked.connect(failing_slot)
    previous = sys.excepthook
    sys.excepthook = make_excepthook(logged.folder)
    try:
        when_shown(qtbot, ErrorDialog, use)
        qtbot.mouseClick(button, LEFT)  # the slot raises; Qt hands it to sys.excepthook
    finally:
        sys.excepthook = previous
    assert "paint failed" in seen["message"]
    clip = seen["clipboard"]
    assert clip.startswith("ShopDesk ") and "Traceback" in clip and "failing_slot" in clip
    assert "138****5678" in clip and "13812345678" not in clip
    assert str(logged.log_file) in clip and seen["copy_label"] == "Copied"
    assert opened == [str(logged.folder)]
    logged.handler.flush()
    text = logged.log_file.read_text(encoding="utf-8")
    assert "unexpected error in the window" in text and "failing_slot" in text
    assert "13812345678" not in text


def test_the_same_error_twice_in_a_row_is_shown_once(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.message.text()))
    hook = make_excepthook(tmp_path)
    for _ in range(2):
        try:
            raise ValueError("same")
        except ValueError as exc:
            hook(type(exc), exc, exc.__traceback__)
    try:
        raise ValueError("other")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 2 and "other" in shown[1]


def test_open_log_folder_says_where_it_is_when_no_file_manager_opens(
        qtbot, tmp_path, monkeypatch, boxes):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    folder = tmp_path / "logs"
    assert not error_dialog.open_log_folder(None, folder)
    assert folder.is_dir()
    assert any(str(folder) in t for t in boxes.texts("information"))


def test_help_menu_opens_the_log_folder(make_window, demo_register, tmp_path, opened):
    window = make_window(demo_register, env={"SHOPDESK_HOME": str(tmp_path / "shop")})
    help_menu = window.findChild(QMenu, "menu_help")
    action = window.act_log_folder
    assert action in help_menu.actions()
    action.trigger()
    assert opened == [str(tmp_path / "shop" / "logs")]


def test_a_failed_daily_backup_is_logged_and_shown_in_the_status_bar(
        qtbot, make_window, demo_register, monkeypatch, logged):
    window = make_window(demo_register)
    assert not window.background_warning.isVisible()

    def broken_backup(_register):
        raise StorageError("备份校验失败：backup.sqlite3", "The backup failed its integrity "
                           "check: backup.sqlite3")
    # The daily backup runs on the writer's own register (a second connection).
    monkeypatch.setattr(Register, "run_daily_backup", broken_backup)
    task = window.backup.start_daily()
    qtbot.waitUntil(task.is_done, timeout=10_000)
    qtbot.waitUntil(window.background_warning.isVisible, timeout=3000)
    assert "备份校验失败" in window.background_warning.text()
    logged.handler.flush()
    assert "daily backup failed" in logged.log_file.read_text(encoding="utf-8")


def shop_holidays(register, year: int = 2026) -> tuple[CallService, ShopHolidays]:
    clock = FixedClock(datetime(year, 12, 3, 2, 0, tzinfo=UTC))
    library = InMemoryHolidayCalendar.of(holidays=[date(2026, 10, 1)], years=[2026])
    holidays = ShopHolidays(register.db, register.settings, clock, library)
    return CallService(register.db, clock, register.settings, holidays), holidays


def test_policy_dialog_warns_when_next_year_has_no_holiday_data_and_takes_it(
        qtbot, register):
    calls, holidays = shop_holidays(register)
    dialog = PolicyDialog(calls, "小王", lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.holiday_box
    assert "2026: built-in holiday data" in box.status.text()
    assert "2027: NOT COVERED" in box.status.text()

    def enter(year_dialog: HolidayYearDialog) -> None:
        assert year_dialog.year.value() == 2027  # the missing year is proposed
        qtbot.keyClicks(year_dialog.days, "2027-02-06..2027-02-12")
        qtbot.keyClicks(year_dialog.makeup, "2027-02-15")  # a Monday: refused
        qtbot.mouseClick(year_dialog.save_button, LEFT)
        assert year_dialog.makeup_field.has_error and year_dialog.isVisible()
        year_dialog.makeup.clear()
        qtbot.keyClicks(year_dialog.makeup, "2027-02-14")
        with qtbot.waitSignal(year_dialog.accepted):
            qtbot.mouseClick(year_dialog.save_button, LEFT)

    when_shown(qtbot, HolidayYearDialog, enter)
    with qtbot.waitSignal(box.changed, timeout=5000):
        qtbot.mouseClick(box.enter_button, LEFT)
    assert "2027: entered by the shop (7 days off, 1 make-up working days)" in box.status.text()
    assert holidays.missing_years() == []
    assert holidays.is_makeup_workday(date(2027, 2, 14))


def test_policy_dialog_without_shop_holidays_has_no_box(qtbot, register):
    calls = CallService(register.db, register.clock, register.settings,
                        InMemoryHolidayCalendar.of(years=[2026]))
    dialog = PolicyDialog(calls, "小王", lang="en")
    qtbot.addWidget(dialog)
    assert dialog.holiday_box is None
