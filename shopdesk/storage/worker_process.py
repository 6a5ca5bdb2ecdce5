"""A helper process of the loader (`python -m module`): started the same way on every
platform, its error output kept for the message when it fails. Used by the search index
worker (storage/search_side.py) and the demo's row worker (services/demo_side.py); never
in a frozen bundle, where a spawned child starts the application instead."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from typing import BinaryIO


def spawn(module: str, *args: str, stdin: int | None, stdout: int | None
          ) -> tuple[subprocess.Popen, BinaryIO]:
    """Start `python -m module args`; returns the process and the file its error output
    goes to (the caller closes it)."""
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", module, *args], stdin=stdin, stdout=stdout, stderr=errors,
            # Ctrl-C in a terminal is the loader's to handle (it stops the worker).
            start_new_session=os.name == "posix")
    except BaseException:
        errors.close()
        raise
    return process, errors


def failure(what: str, code: int, errors: BinaryIO, failed: BaseException | None
            ) -> RuntimeError:
    """The error for a worker that ended with `code` or broke its stream (`failed`):
    what it wrote to its error output, else the stream's error."""
    errors.seek(0)
    detail = errors.read().decode("utf-8", "replace").strip()
    return RuntimeError(f"the {what} failed ({code}): {detail or failed!r}")
