"""Storage errors with messages a person can act on."""

from __future__ import annotations


class StorageError(RuntimeError):
    """Base class; `zh` and `en` carry the user-facing message."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(en)

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


class NewerDatabaseError(StorageError):
    """The file was written by a newer ShopDesk; we refuse to touch it."""


class CorruptDatabaseError(StorageError):
    """The file is not a healthy SQLite database; it is kept, never deleted."""


class NotShopDeskDatabaseError(StorageError):
    """The file is SQLite but belongs to some other program."""
