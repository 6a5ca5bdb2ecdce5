"""The box shown for an unexpected error, and the hook that shows it.

A seller who meets a bug needs two things: to keep working (every saved change is safe) and
something to send to whoever helps them. The box says the first; "Copy details" puts the
version, the system and the traceback (phone numbers masked) on the clipboard, and "Open log
folder" shows the log files in the file manager.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...diagnostics import LOGGER_NAME, environment_summary, mask_for_log
from ...paths import LOG_FILENAME
from ...services import team
from .. import startup_texts as texts

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def error_details(kind: type[BaseException], exc: BaseException,
                  tb: TracebackType | None, log_folder: Path) -> str:
    """What "Copy details" copies: environment, traceback, where the log is. Masked."""
    trace = "".join(traceback.format_exception(kind, exc, tb))
    return mask_for_log(f"{environment_summary()}\nLog: {log_folder / LOG_FILENAME}\n\n{trace}")


def open_log_folder(parent: QWidget | None, folder: Path) -> bool:
    """Show the log folder in the file manager (created if missing); says so if it can't."""
    with contextlib.suppress(OSError):  # then openUrl fails and the path is shown instead
        folder.mkdir(parents=True, exist_ok=True)
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    QMessageBox.information(
        parent, QApplication.translate("ErrorDialog", "Log folder"),
        QApplication.translate("ErrorDialog", "The log files are in:\n{path}").format(
            path=folder))
    return False


class ErrorDialog(QDialog):
    """"Something went wrong" with Copy details / Open log folder / Close."""

    def __init__(self, message: str, details: str, log_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.log_folder = log_folder
        self.details = details
        self.setWindowTitle(self.tr("ShopDesk — unexpected error"))
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setObjectName("error_message")
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setObjectName("error_details")
        self.details_view.setMinimumHeight(160)
        hint = QLabel(self.tr("To get help, send these details or the log files."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copy_details")
        self.folder_button = QPushButton(self.tr("Open log folder"))
        self.folder_button.setObjectName("open_log_folder")
        self.close_button = buttons.addButton(self.tr("Close"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button.clicked.connect(lambda: open_log_folder(self, self.log_folder))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def make_excepthook(log_folder: Path,
                    parent: Callable[[], QWidget | None] = lambda: None, *,
                    offline: Callable[[BaseException], None] | None = None) -> ExceptHook:
    """sys.excepthook for the window: log the error, show it once, keep the window usable.

    The box is not shown again while one is open (its event loop repaints, and a failing
    paint would raise again) nor for the same error twice in a row. A team server out of
    reach is no bug: `offline(exc)` shows it (the window's banner) instead of the box.
    """
    state = {"showing": False, "last": ""}
    log = logging.getLogger(LOGGER_NAME)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        if offline is not None and team.is_offline(exc):
            log.warning("team register offline: %s", exc)
            offline(exc)
            return
        log.error("unexpected error in the window", exc_info=(kind, exc, tb))
        traceback.print_exception(kind, exc, tb, file=sys.stderr)
        text = texts.unexpected_error(exc)
        if state["showing"] or text == state["last"]:
            return
        state["showing"], state["last"] = True, text
        try:
            ErrorDialog(text, error_details(kind, exc, tb, log_folder), log_folder,
                        parent()).exec()
        finally:
            state["showing"] = False
    return hook
