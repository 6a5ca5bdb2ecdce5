"""The environment programs started from the bundle get (Linux).

PyInstaller's bootloader puts the bundle's own library folder first in LD_LIBRARY_PATH so the
bundled Python finds its libraries, keeping the user's value in LD_LIBRARY_PATH_ORIG. Every
program the app starts inherits it: the file manager (打开日志文件夹), the PDF viewer (打开 PDF),
pg_dump — and the bundle's older libraries can stop them from starting on a newer system.
The loader read the variable when the app started, so putting the user's value back changes
nothing for the app itself (PyInstaller's documented fix).
"""

from __future__ import annotations

from collections.abc import MutableMapping

_PATH, _ORIG = "LD_LIBRARY_PATH", "LD_LIBRARY_PATH_ORIG"


def restore_library_path(env: MutableMapping[str, str], *, frozen: bool,
                         platform: str) -> None:
    """Give programs started later the user's own LD_LIBRARY_PATH (none when they had
    none); only in a frozen Linux bundle."""
    if not frozen or not platform.startswith("linux"):
        return
    original = env.pop(_ORIG, None)
    if original:
        env[_PATH] = original
    else:
        env.pop(_PATH, None)
