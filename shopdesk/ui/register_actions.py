"""File menu commands on the register itself: back up now, restore from a backup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from ..domain.case_query import CaseQuery
from ..services.register import open_register
from ..storage.errors import StorageError
from .dialogs.restore_dialog import RestoreDialog

if TYPE_CHECKING:
    from .main_window import MainWindow


def back_up_now(window: MainWindow) -> None:
    """Take a manual backup and say where it went."""
    try:
        path = window.register.back_up_now()
    except (StorageError, OSError) as exc:
        text = exc.message(window.lang) if isinstance(exc, StorageError) else str(exc)
        QMessageBox.warning(window, QCoreApplication.translate("RegisterActions",
                                                               "Back up now"), text)
        return
    QMessageBox.information(
        window, QCoreApplication.translate("RegisterActions", "Back up now"),
        QCoreApplication.translate("RegisterActions", "Backup saved:\n{path}").format(
            path=path))


def restore_from_backup(window: MainWindow) -> None:
    """Choose a backup, confirm, restore, and switch the window to the restored register."""
    register = window.register
    dialog = RestoreDialog(register.list_backups(), register.shop_tz, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    chosen = dialog.chosen()
    assert chosen is not None
    answer = QMessageBox.question(
        window, QCoreApplication.translate("RegisterActions", "Restore from backup"),
        QCoreApplication.translate(
            "RegisterActions",
            "Replace the current register with the backup “{name}”?\n\nChanges made after "
            "that backup will no longer be shown. The current file is kept and can be "
            "restored again.").format(name=chosen.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        new_register, kept = register.restore(chosen)
    except (StorageError, OSError) as exc:
        text = exc.message(window.lang) if isinstance(exc, StorageError) else str(exc)
        QMessageBox.critical(window, QCoreApplication.translate("RegisterActions",
                                                                "Restore failed"), text)
        _reopen_if_closed(window)
        return
    window.set_register(new_register)
    QMessageBox.information(
        window, QCoreApplication.translate("RegisterActions", "Restore from backup"),
        QCoreApplication.translate(
            "RegisterActions",
            "The register was restored from the backup.\n\nThe previous register file was "
            "kept here:\n{path}").format(path=kept))


def _reopen_if_closed(window: MainWindow) -> None:
    """After a failed restore, make sure the window still has an open register."""
    register = window.register
    try:
        register.cases.count(CaseQuery())
    except Exception:  # closed by the failed restore (sqlite3.ProgrammingError)
        try:
            window.set_register(open_register(register.paths, register.clock,
                                              daily_backup=False))
        except StorageError as exc:
            QMessageBox.critical(window, "ShopDesk", exc.message(window.lang))
            window.close()
