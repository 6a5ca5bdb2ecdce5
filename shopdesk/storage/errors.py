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
    """SQLite cannot open the file here and now (no permission for its -wal/-shm, a drive
    that cannot share them, another program holding it), though a read-only look finds
    it intact: not damaged, kept as it is."""


class NotShopDeskDatabaseError(StorageError):
    """The file is SQLite but belongs to some other program."""


class RegisterBusyError(StorageError):
    """Another process held the register's write lock for longer than the busy timeout;
    nothing was written."""
