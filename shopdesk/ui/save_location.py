"""Where save dialogs start: the folder the user last saved into, else Documents.

Not the process's working folder: started from a menu or a desktop icon that is somewhere
the seller never looks (or cannot write).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

LAST_FOLDER_KEY = "ui/lastSaveFolder"


def _documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


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
