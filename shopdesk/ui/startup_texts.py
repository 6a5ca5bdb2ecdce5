"""Messages shown while starting, before any window exists (translated like the rest)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def already_running() -> str:
    return QCoreApplication.translate("Startup",
                                      "The register is already open in another window.")


def cannot_open_title() -> str:
    return QCoreApplication.translate("Startup", "Cannot open the register")


def cannot_create_folder(path: object, error: object) -> str:
    return QCoreApplication.translate(
        "Startup", "Cannot create the data folder {path}:\n{error}").format(path=path,
                                                                            error=error)


def unexpected_error(error: object) -> str:
    return QCoreApplication.translate(
        "Startup", "Something went wrong:\n{error}\n\nEvery change you saved before this is "
                   "safe in the register.").format(error=error)
