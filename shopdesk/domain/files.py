"""Files only the user may read: the register, backups, exports (standard library only;
here so that storage, reports and services can all use it).

Every layer that writes a file next to its target uses `temp_beside`: a unique name made
by mkstemp (so two processes never share one, and it is created 0600), never a fixed
`<target>.part`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def make_private(path: Path) -> None:
    """Make `path` readable and writable by its owner only (0600). Windows: left alone,
    the user's profile folder already keeps other users out."""
    if os.name == "nt":
        return
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, 0o600)


def temp_beside(target: Path) -> Path:
    """A new empty file with a unique name in `target`'s folder, readable by the user
    only; the caller writes it, then moves it onto `target` with os.replace. A missing
    folder is an error (FileNotFoundError), never created behind the user's back."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX,
                                dir=target.parent)
    os.close(fd)
    return Path(name)
