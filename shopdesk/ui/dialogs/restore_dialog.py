"""Choosing a backup to restore the register from (newest first)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local


class BackupFile(Protocol):
    """A backup as Register.list_backups() lists it (the UI does not import storage)."""

    path: Path
    taken_at: datetime  # UTC
    reason: str

    @property
    def size(self) -> int: ...


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


class RestoreDialog(QDialog):
    """Lists backups; `chosen()` is the selected file after the dialog is accepted."""

    def __init__(self, backups: Sequence[BackupFile], tz: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(640, 400)
        intro = QLabel(self.tr(
            "Choose a backup. The current register is backed up and kept next to it before "
            "it is replaced, so a restore can be undone."), self)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("backup_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Taken at"), self.tr("Kind"), self.tr("Size"),
                                   self.tr("File")])
        reasons = {"daily": self.tr("Daily"), "manual": self.tr("Manual"),
                   "pre-restore": self.tr("Before a restore")}
        ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
        for backup in ordered:
            reason = reasons.get(backup.reason, backup.reason)
            if backup.reason.startswith("pre-migration"):
                reason = self.tr("Before an upgrade")
            item = QTreeWidgetItem([local(backup.taken_at, tz).strftime("%Y-%m-%d %H:%M:%S"),
                                    reason, _size_text(backup.size), backup.path.name])
            item.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(3, str(backup.path))
            self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        self.tree.currentItemChanged.connect(lambda *_: self._update_ok())
        if ordered:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_ok()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        if not ordered:
            layout.addWidget(QLabel(self.tr("There are no backups yet."), self))
        layout.addWidget(self.buttons)

    def chosen(self) -> Path | None:
        item = self.tree.currentItem()
        return Path(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.tree.currentItem() is not None)
