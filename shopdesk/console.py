"""Standard streams fit for a Chinese Windows laptop, set up by the entry points.

A console on Windows may run in code page 936 (GBK): Python then writes a redirected
`shopdesk cases list > f.txt` in GBK and stops at the first character GBK lacks (¥ is one
in some code pages; emoji and most non-Chinese scripts are many). Output is UTF-8 always,
so files and pipes read the same on every computer and `--json` is valid JSON (RFC 8259
asks for UTF-8). An interactive Windows console is unaffected: Python writes to it
through the wide-character API whatever the encoding says.

A windowed program (pythonw, the PyInstaller `ShopDesk` app) has no stdout or stderr at all
(`sys.stdout is None`): anything that prints would raise. They become a sink instead, and
what matters goes to the log file (shopdesk.diagnostics).
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

_ERRORS = {"stdout": "surrogateescape", "stderr": "backslashreplace"}


def _utf8(stream: TextIO, errors: str) -> TextIO:
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors=errors)
    return stream


def prepare_streams() -> bool:
    """Make sys.stdout/sys.stderr UTF-8 text streams that exist. Idempotent.

    Returns True when there was no console at all (both were None): a windowed start.
    Surrogate escapes (undecodable bytes in a Linux file name) are written back as the
    bytes they stood for; on stderr they are shown as escapes rather than failing.
    """
    windowed = sys.stdout is None and sys.stderr is None
    for name, errors in _ERRORS.items():
        stream = getattr(sys, name)
        if stream is None:
            # A real file, not io.StringIO: faulthandler and subprocesses want a fileno.
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        else:
            _utf8(stream, errors)
    return windowed
