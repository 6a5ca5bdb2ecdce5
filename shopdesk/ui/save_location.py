"""Where file dialogs start: save dialogs in the folder the user last saved into, else
Documents; open dialogs in the folder last opened from, else Downloads (where a platform's
export lands).

Never the process's working folder: started from a menu or a desktop icon that is
somewhere the seller never looks (or cannot write). A standard folder that does not exist
(a fresh Linux account has no Documents) counts as none: the dialog would fall back to
the working folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

LAST_FOLDER_KEY = "ui/lastSaveFolder"
LAST_OPEN_FOLDER_KEY = "ui/lastOpenFolder"


def _standard(location: QStandardPaths.StandardLocation) -> Path:
    """The standard folder when it exists, else the home folder."""
    found = QStandardPaths.writableLocation(location)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def _documents() -> Path:
    return _standard(QStandardPaths.StandardLocation.DocumentsLocation)


def suggested_path(file_name: str, settings: QSettings | None = None) -> str:
    """`file_name` inside the last folder saved into (if it still exists), else Documents."""
    settings = settings or QSettings()
    last = settings.value(LAST_FOLDER_KEY, "")
    folder = Path(str(last)) if last else None
    if folder is None or not folder.is_dir():
        folder = _documents()
    return str(folder / file_name)


def remember_folder(saved_path: str | Path, settings: QSettings | None = None) -> None:
    """Remember the folder of a file the user just chose to save."""
    (settings or QSettings()).setValue(LAST_FOLDER_KEY, str(Path(saved_path).parent))


def suggested_open_folder(settings: QSettings | None = None) -> str:
    """Where an open dialog starts: the folder last opened from (if it still exists), else
    Downloads, else the home folder."""
    last = (settings or QSettings()).value(LAST_OPEN_FOLDER_KEY, "")
    folder = Path(str(last)) if last else None
    if folder is None or not folder.is_dir():
        folder = _standard(QStandardPaths.StandardLocation.DownloadLocation)
    return str(folder)


def remember_open_folder(opened_path: str | Path, settings: QSettings | None = None) -> None:
    """Remember the folder of a file the user just chose to open."""
    (settings or QSettings()).setValue(LAST_OPEN_FOLDER_KEY, str(Path(opened_path).parent))
