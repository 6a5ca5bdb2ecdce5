"""A damaged register found by the background check is shown; the window keeps working."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from shopdesk.storage.errors import CorruptDatabaseError


def test_a_failed_integrity_check_is_shown_and_the_window_keeps_working(
        qtbot, window, monkeypatch):
    from shopdesk.services.register import Register

    def damaged(self):
        raise CorruptDatabaseError("登记簿文件校验失败：x", "The register file failed its "
                                   "integrity check: x")

    monkeypatch.setattr(Register, "run_daily_backup", damaged)
    task = window.backup.start_daily()
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass

    def shown() -> QMessageBox | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.objectName() == "integrity_failed"
                     and w.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None)
    box = shown()
    assert box is not None and "登记簿文件校验失败" in box.text()
    assert window.isVisible() and window.case_list.count() > 0
    box.accept()
