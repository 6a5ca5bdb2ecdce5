"""Storage errors with messages a person can act on (all are domain `ShopDeskError`s)."""

from __future__ import annotations

from ..domain.errors import DamagedRegisterError, ShopDeskError


class StorageError(ShopDeskError, RuntimeError):
    """Base class for the register file's failures; `zh` and `en` carry the message."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer ShopDesk; we refuse to touch it."""


class CorruptDatabaseError(StorageError, DamagedRegisterError):
    """The file is not a healthy SQLite database; it is kept, never deleted."""


class RegisterUnavailableError(StorageError):
    """The file cannot be read or opened here and now (no permission, a drive that cannot
    share its -wal/-shm, another program holding it), though nothing says it is damaged:
    kept as it is, and the message says what to check."""


class NotShopDeskDatabaseError(StorageError):
    """The file is SQLite but belongs to some other program."""


class RegisterBusyError(StorageError):
    """Another process held the register's write lock for longer than the busy timeout;
    nothing was written."""
