"""Where the window remembers its size, splitter, table header and last filter."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "ShopDesk"
APPLICATION = "ShopDesk"

GEOMETRY = "mainWindow/geometry"
WINDOW_STATE = "mainWindow/state"
SPLITTER = "mainWindow/splitter"
HEADER = "caseTable/header"
QUICK_FILTER = "caseList/quickFilter"


# The language the shared header state was last saved in.
HEADER_LANG = "caseTable/headerLanguage"


def header_key(lang: str) -> str:
    """The case list's header state saved in `lang`: its column widths fit that language's
    labels (HEADER keeps the order, hidden columns and sort shared by both)."""
    return f"{HEADER}/{lang}"


def app_settings() -> QSettings:
    """The user's UI settings (an INI file under the user's config folder).

    Tests redirect it with QSettings.setPath(IniFormat, UserScope, tmp).
    """
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
