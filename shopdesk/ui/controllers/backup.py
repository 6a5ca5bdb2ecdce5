"""Backups of the register: back up now and restore (File menu), and the daily backup
taken in the background after start-up."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ...diagnostics import LOGGER_NAME
from ...domain.case_query import CaseQuery
from ...domain.errors import DamagedRegisterError, ShopDeskError
from ...services.register import open_register
from ..tasks import Task
from .host import Host, make_action


class BackupController(QObject):
    """Owns the File menu's backup actions."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_backup = make_action(parent, "action_backup", self.tr("&Back up now"),
                                      self.back_up_now)
        self.act_restore_backup = make_action(parent, "action_restore_backup",
                                              self.tr("&Restore from backup…"),
                                              self.restore_from_backup)

    def _error_text(self, exc: Exception) -> str:
        return exc.message(self._host.lang) if isinstance(exc, ShopDeskError) else str(exc)

    def start_daily(self) -> Task:
        """Check the file and take today's backup on the writer thread, after the window
        shows (both read the whole file: seconds on a large register). A damaged file is
        shown in a message and nothing is written; other failures are printed, never fatal:
        the next start tries again."""
        task = self._host.tasks.write(lambda register, _p, _c: register.run_daily_backup(),
                                      "daily_backup")
        task.failed.connect(self._daily_failed)
        return task

    def _daily_failed(self, exc: BaseException) -> None:
        # Logged and shown in the status bar; the next start tries again.
        logging.getLogger(LOGGER_NAME).error("daily backup failed: %s", exc)
        print(f"shopdesk: daily backup failed: {exc}", file=sys.stderr)
        self._host.background_failed.emit(exc)
        if isinstance(exc, DamagedRegisterError):
            box = QMessageBox(QMessageBox.Icon.Critical, self._parent.windowTitle(),
                              self._error_text(exc), QMessageBox.StandardButton.Ok,
                              self._parent)
            box.setObjectName("integrity_failed")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not modal to the event loop: the user can still read and export

    def back_up_now(self) -> None:
        """Take a manual backup and say where it went."""
        try:
            path = self._host.register.back_up_now()
        except (ShopDeskError, OSError) as exc:
            QMessageBox.warning(self._parent, self.tr("Back up now"), self._error_text(exc))
            return
        QMessageBox.information(self._parent, self.tr("Back up now"),
                                self.tr("Backup saved:\n{path}").format(path=path))

    def restore_from_backup(self) -> None:
        """Choose a backup, confirm, restore, and switch the window to the restored
        register."""
        from ..dialogs.restore_dialog import RestoreDialog

        register = self._host.register
        refused = register.restore_refused()
        if refused is not None:  # a team register: say so before offering a list
            QMessageBox.information(self._parent, self.tr("Restore from backup"),
                                    self._error_text(refused))
            return
        dialog = RestoreDialog(register.list_backups(), register.shop_tz, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        answer = QMessageBox.question(
            self._parent, self.tr("Restore from backup"),
            self.tr("Replace the current register with the backup “{name}”?\n\nChanges made "
                    "after that backup will no longer be shown. The current file is kept and "
                    "can be restored again.").format(name=chosen.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # Background work goes first: the writer's connection, whose file is about to be
        # replaced, and any read still open on it (a list count), which would make the
        # restore's checkpoint busy and the restore refused as "in use". (A team register
        # refuses to be restored here: no need to wait for an offline server's probe.)
        if not register.is_team:
            self._host.tasks.wait()
        self._host.tasks.close_writer()
        try:
            new_register, kept = register.restore(chosen)
        except (ShopDeskError, OSError) as exc:
            QMessageBox.critical(self._parent, self.tr("Restore failed"),
                                 self._error_text(exc))
            self._reopen_if_closed()
            return
        self._host.set_register(new_register)
        QMessageBox.information(
            self._parent, self.tr("Restore from backup"),
            self.tr("The register was restored from the backup.\n\nThe previous register "
                    "file was kept here:\n{path}").format(path=kept))

    def _reopen_if_closed(self) -> None:
        """After a failed restore, make sure the window still has an open register."""
        register = self._host.register
        try:
            register.cases.count(CaseQuery())
        except Exception:  # closed by the failed restore (sqlite3.ProgrammingError)
            try:
                self._host.set_register(open_register(register.paths, register.clock,
                                                      daily_backup=False))
            except ShopDeskError as exc:
                QMessageBox.critical(self._parent, "ShopDesk", exc.message(self._host.lang))
                self._parent.close()
