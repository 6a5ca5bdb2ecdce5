"""Work-arounds for bugs in the installed PySide6, each detected before it is applied.

PySide6 6.12.0 returns `True` from `SignalInstance.emit()` without taking a reference to it,
so every emit from Python code lowers the reference count of `True` by one. On Python 3.11
(where True is not yet immortal, unlike 3.12+) the count reaches zero after a few thousand
emits and the interpreter aborts with "Fatal Python error: bool_dealloc". PySide6 6.11.3
does not have the bug. The proper fix is a dependency pin (see the UI shell report); until
then `protect_bool_refcounts()` detects the leak and makes `True` immortal the way Python
3.12 does, by giving it a reference count that cannot reach zero.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_IMMORTAL_BOOST = 1 << 40  # more emits than any process will ever make


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true_references() -> bool:
    """True when emitting a Python-side signal lowers True's reference count."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    leaked = sys.getrefcount(True) < before
    probe.deleteLater()
    return leaked


def protect_bool_refcounts() -> bool:
    """Apply the work-around if this PySide6 leaks; returns whether it was applied."""
    if sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False  # only for release builds of CPython, where ob_refcnt comes first
    if not emit_leaks_true_references():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(True))
    refcount.value += _IMMORTAL_BOOST
    return True
