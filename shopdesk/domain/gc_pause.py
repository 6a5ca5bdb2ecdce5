"""Python's cycle collector paused around bulk work (reading an export, applying an import,
generating a demo).

Such work makes many objects that all stay alive to its end; each full collection walked
all of them again for nothing (a quarter of reading a 50,000-row export, more in a big
demo). Reference counting still frees as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The collector off for the block; enabled again after it only if it was before
    (a caller that had paused it, or another thread's pause, ends with its own)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
