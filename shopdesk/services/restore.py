"""Restoring the register from a backup, checking the backup before anything is closed."""

from __future__ import annotations

from pathlib import Path

from ..storage.backup import verify
from .register import Register


def restore_from_backup(register: Register, backup: Path) -> tuple[Register, Path]:
    """Verify `backup`, then Register.restore(): returns (new register, kept old file).

    Register.restore() closes the open register before it verifies the backup, so a damaged
    backup would leave the caller with a closed register; checking first keeps the open
    register untouched (raises CorruptDatabaseError) when the backup is bad.
    """
    verify(backup)
    return register.restore(backup)
