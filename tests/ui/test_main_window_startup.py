"""Starting up: first-start offers, the language, run_gui's refusals and a full start."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from shopdesk.app import run_gui
from shopdesk.domain.case_query import CaseQuery
from shopdesk.paths import DataPaths
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.services.register import open_register
from shopdesk.ui.controllers.first_start import DEMO_CASES
from shopdesk.ui.dialogs.restore_dialog import RestoreDialog
from shopdesk.ui.dialogs.settings_dialog import SettingsDialog
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.single_instance import SingleInstanceGuard


def test_first_start_offers_demo_data(qtbot, make_window, register, boxes):
    window = make_window(register)
    window.run_first_start()
    assert any("演示" in t for t in boxes.texts("question"))
    assert register.cases.count(CaseQuery()) == DEMO_CASES
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.ALL], Qt.MouseButton.LeftButton)
    assert window.case_list.count() == DEMO_CASES


def test_declined_demo_is_not_offered_again(make_window, register, boxes):
    boxes.answer = QMessageBox.StandardButton.No
    window = make_window(register)
    window.run_first_start()
    window.run_first_start()
    assert len(boxes.texts("question")) == 1
    assert register.cases.count(CaseQuery()) == 0


def test_first_start_without_staff_asks_for_a_name(make_window, data_paths, clock, boxes):
    register = open_register(data_paths, clock)
    try:
        boxes.answer = QMessageBox.StandardButton.No
        boxes.text_answer = ("阿珍", True)
        window = make_window(register)
        assert window.operator_picker.current() == ""
        window.run_first_start()
        assert boxes.texts("input")
        assert register.staff.current_operator() == "阿珍"
        assert window.operator_picker.combo.currentText() == "阿珍"
    finally:
        register.close()


def test_chinese_by_default(window):
    assert window.windowTitle() == "店铺售后台 — ShopDesk"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.filter_bar.quick_buttons[QuickFilter.DUE_TODAY].text() == "今日到期"
    assert window.case_list.model.headerData(0, Qt.Orientation.Horizontal) == "案件号"


def test_english_with_shopdesk_lang(make_window, demo_register):
    window = make_window(demo_register, env={"SHOPDESK_LANG": "en"})
    assert window.windowTitle() == "ShopDesk — after-sales desk"
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Cases", "&View", "Shif&t", "&Settings", "&Help"]
    assert window.filter_bar.kind_combo.itemText(1) == "Refund only"
    assert window.filter_bar.count_label.text().endswith("cases")


def test_saved_language_and_command_line(make_window, demo_register):
    demo_register.set_language("en")
    assert make_window(demo_register).windowTitle() == "ShopDesk — after-sales desk"
    window = make_window(demo_register, args=("--lang", "zh"))
    assert window.windowTitle() == "店铺售后台 — ShopDesk"


# A run_gui test that goes wrong must fail, not wait forever in app.exec(): the window may
# refuse to close (a quit question answered No), or an error may open the crash box.
GIVE_UP_MS = 30_000
GAVE_UP = 99


def _close_when(ready) -> QTimer:
    """Close the shown main window once `ready(window)`, asking again while it stays open;
    leave app.exec() with GAVE_UP after GIVE_UP_MS. Stop the returned timer once run_gui
    has returned."""
    timer = QTimer()
    timer.setInterval(50)
    started = time.monotonic()

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if windows and ready(windows[0]):
            windows[0].close()
        if (time.monotonic() - started) * 1000 > GIVE_UP_MS:
            timer.stop()
            QApplication.exit(GAVE_UP)

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.fixture
def error_boxes(monkeypatch) -> list[str]:
    """The crash box run_gui's excepthook would open, recorded instead of shown modal."""
    from shopdesk.ui.dialogs import error_dialog

    shown: list[str] = []
    monkeypatch.setattr(error_dialog.ErrorDialog, "exec",
                        lambda self: shown.append(self.windowTitle()) or 0)
    return shown


@pytest.fixture
def when_modal():
    """`when_modal(kind, callback)`: run `callback(dialog)` once a modal `kind` dialog is
    up (exec() blocks the test otherwise). The dialog is rejected afterwards if the
    callback left it open (or failed), so a failing callback fails the test instead of
    leaving exec() running; another modal widget that happens to be up first (a
    window-modal box) is passed over. The poll ends with the test, or after 5 s."""
    ended = False

    def arm(kind, callback, tries: int = 250) -> None:
        def poll(left: int = tries) -> None:
            if ended:
                return
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, kind):
                try:
                    callback(dialog)
                finally:
                    if dialog.isVisible():
                        dialog.reject()
            elif left:
                QTimer.singleShot(20, lambda: poll(left - 1))
        QTimer.singleShot(0, poll)

    yield arm
    ended = True


def test_language_setting_offers_to_reopen_the_window(qtbot, window, demo_register, boxes,
                                                      when_modal):
    def choose_english(dialog):
        combo = dialog.language_combo
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentData() == "en"
        dialog.accept()

    when_modal(SettingsDialog, choose_english)
    with qtbot.waitSignal(window.reopen_requested, timeout=2000):  # app.py reopens it
        window.act_language.trigger()
    assert demo_register.language() == "en"
    assert len(boxes.texts("question")) == 1  # asked, not just told to restart


def test_staff_are_added_and_deactivated_in_settings(qtbot, window, demo_register, when_modal):
    def add_and_deactivate(dialog):
        qtbot.keyClicks(dialog.name_edit, "Lily")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        names = [dialog.staff_list.item(i).text() for i in range(dialog.staff_list.count())]
        assert "Lily" in names
        dialog.staff_list.setCurrentRow(names.index("阿珍"))
        qtbot.mouseClick(dialog.deactivate_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    when_modal(SettingsDialog, add_and_deactivate)
    window.act_staff.trigger()
    names = [m.name for m in demo_register.staff.list()]
    assert "Lily" in names and "阿珍" not in names
    combo = window.operator_picker.combo
    assert [combo.itemText(i) for i in range(combo.count())] == names


def test_back_up_now_and_restore(qtbot, window, demo_register, boxes, when_modal):
    window.act_backup.trigger()
    assert demo_register.list_backups()
    assert str(demo_register.list_backups()[0].path) in boxes.texts("information")[-1]
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.ALL], Qt.MouseButton.LeftButton)
    demo_register.cases.delete(demo_register.cases.query_ids(CaseQuery(), limit=5), "小王")
    window.refresh()
    assert window.case_list.count() == 55

    def pick_newest(dialog):
        assert dialog.tree.topLevelItemCount() >= 1
        assert dialog.tree.currentItem() is dialog.tree.topLevelItem(0)
        dialog.accept()

    # The writer has a connection open on the file the restore is about to move aside.
    opened = window.tasks.write(lambda reg, _p, _c: reg)
    qtbot.waitUntil(opened.is_done, timeout=5000)
    when_modal(RestoreDialog, pick_newest)
    window.act_restore_backup.trigger()
    assert window.register is not demo_register
    assert window.case_list.count() == 60
    # Everything was rebuilt on the restored register: the case panel, the may-call list
    # and the writer (which now writes to the restored file).
    restored = window.register
    assert window.detail.register is restored
    assert window.calls.listing().calls is restored.calls
    live = window.tasks.write(lambda reg, _p, _c: reg.cases.count(CaseQuery()))
    qtbot.waitUntil(live.is_done, timeout=5000)
    assert live.result == 60
    with pytest.raises(Exception, match="closed"):
        opened.result.db.execute("select 1")  # the old writer connection was closed first
    kept = [t for t in boxes.texts("information") if "原来的登记簿文件" in t]
    assert kept and ".before-restore-" in kept[0]
    window.close()  # hidden windows fetch no rows, so the restored register can be closed
    window.register.close()


def test_restore_waits_for_a_read_still_running_in_the_background(
        qtbot, window, demo_register, boxes, monkeypatch, when_modal):
    """A list count (a read on the pool) may still hold the file open when the user
    restores. Windows refuses to move an open file aside, and a reader on an old snapshot
    makes the checkpoint busy: the restore starts once background work is done."""
    import shopdesk.services.register as register_module

    window.act_backup.trigger()
    path = demo_register.paths.database
    reading, finished = threading.Event(), threading.Event()

    def slow_read(_progress, _cancelled):
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM cases").fetchone()  # a read transaction
            reading.set()
            threading.Event().wait(0.3)
        finally:
            conn.close()
            finished.set()

    seen = []
    real_restore = register_module.restore_file

    def restore_file(*args, **kwargs):
        seen.append(finished.is_set())
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(register_module, "restore_file", restore_file)
    window.tasks.run(slow_read, "slow_read")
    assert reading.wait(5)
    when_modal(RestoreDialog, lambda dialog: dialog.accept())
    window.act_restore_backup.trigger()
    assert seen == [True]  # the read had ended when the file was moved
    assert not boxes.texts("critical"), boxes.texts("critical")
    assert window.register is not demo_register and window.register.is_open
    window.close()
    window.register.close()


def test_window_remembers_splitter_and_quick_filter(qtbot, make_window, demo_register):
    first = make_window(demo_register)
    qtbot.mouseClick(first.filter_bar.quick_buttons[QuickFilter.OVERDUE],
                     Qt.MouseButton.LeftButton)
    first.splitter.setSizes([1000, 340])
    sizes = first.splitter.sizes()
    first.case_list.table.horizontalHeader().setSectionHidden(2, True)
    first.close()
    second = make_window(demo_register)
    assert second.filter_bar.quick() == QuickFilter.OVERDUE
    assert second.splitter.sizes() == sizes
    assert second.case_list.table.horizontalHeader().isSectionHidden(2)


def test_run_gui_reports_a_damaged_register_and_keeps_it(tmp_path, boxes):
    paths = DataPaths(tmp_path / "data")
    paths.ensure()
    paths.database.write_bytes(b"this is not a database" * 100)
    before = paths.database.read_bytes()
    code = run_gui([], env={"SHOPDESK_HOME": str(paths.root)})
    assert code == 1
    assert any("损坏" in t or "校验" in t or "不是" in t for t in boxes.texts("critical"))
    assert paths.database.read_bytes() == before


def test_run_gui_second_copy_raises_the_first(qtbot, tmp_path, boxes, capsys):
    paths = DataPaths(tmp_path / "data")
    first = SingleInstanceGuard.for_paths(paths)
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            code = run_gui([], env={"SHOPDESK_HOME": str(paths.root)})
        assert code == 0
        assert "登记簿已在另一个窗口中打开" in capsys.readouterr().err
        assert QCoreApplication.translate("MainWindowChrome", "&File") == "&File"  # cleaned up
        assert not paths.database.exists()  # the second copy never opened the register
    finally:
        first.release()


def test_run_gui_takes_the_daily_backup_on_the_writer_thread(qtbot, qapp, tmp_path, boxes,
                                                            monkeypatch, error_boxes):
    from shopdesk.domain.clock import SystemClock
    from shopdesk.services.demo import generate_demo
    from shopdesk.ui.controllers.backup import BackupController

    paths = DataPaths(tmp_path / "data")
    register = open_register(paths, SystemClock(), daily_backup=False)
    register.staff.add("小王", actor="小王")
    generate_demo(register, 5, seed=1)
    register.close()
    started = []
    real = BackupController.start_daily

    def spy(controller):
        started.append(real(controller))
        return started[-1]

    monkeypatch.setattr(BackupController, "start_daily", spy)

    closer = _close_when(lambda _window: bool(started) and started[0].is_done())
    try:
        code = run_gui([], env={"SHOPDESK_HOME": str(paths.root)})
    finally:
        closer.stop()  # never left to close later tests' windows
    assert code == 0
    assert error_boxes == []
    [task] = started
    assert task.thread_id not in (0, threading.get_ident()) and task.error is None
    assert task.result is not None and task.result.exists()
    assert "daily" in task.result.name


def test_a_failed_daily_backup_is_reported_and_the_window_keeps_working(
        qtbot, window, monkeypatch, capsys):
    from shopdesk.services.register import Register

    def broken(self):
        raise OSError("no space left on device")

    monkeypatch.setattr(Register, "run_daily_backup", broken)
    task = window.backup.start_daily()
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert "daily backup failed: no space left on device" in capsys.readouterr().err
    # Said in the status bar's warning label until the next start (and logged).
    qtbot.waitUntil(lambda: "no space left" in window.background_warning.text())
    assert window.background_warning.isVisible()
    assert window.isVisible() and window.case_list.count() > 0


def test_run_gui_starts_and_exits_cleanly(qtbot, qapp, tmp_path, boxes, error_boxes):
    home = tmp_path / "data"
    boxes.answer = QMessageBox.StandardButton.No  # no demo data
    boxes.text_answer = ("小王", True)

    closer = _close_when(lambda window: bool(window.operator()))
    try:
        code = run_gui([], env={"SHOPDESK_HOME": str(home), "SHOPDESK_LANG": "en"})
    finally:
        closer.stop()
    assert code == 0 and error_boxes == []
    with sqlite3.connect(home / "shopdesk.sqlite3") as conn:
        assert conn.execute("SELECT name FROM staff").fetchall() == [("小王",)]
    again = SingleInstanceGuard.for_paths(DataPaths(home))
    assert again.acquire()  # the lock was released on exit
    again.release()
