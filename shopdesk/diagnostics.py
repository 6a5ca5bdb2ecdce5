"""What a user can send when something breaks: a rotating log file and a crash file.

`start_diagnostics` is called by the entry points (`shopdesk`, `ShopDesk`), never at import:
tests and library users get no log file unless they ask for one. Every record is masked on
its way to the file, so a log never holds a buyer's full phone number, whatever a message or a
traceback quoted. No Qt here: the command line logs too.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import platform
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from . import __version__
from .domain.text_masking import contact_masker
from .paths import CRASH_FILENAME, LOG_FILENAME

LOGGER_NAME = "shopdesk"
LOG_MAX_BYTES = 1_000_000  # five of these are plenty to send by chat or e-mail
LOG_BACKUPS = 4
_FORMAT = "%(asctime)s %(levelname)-7s [%(process)d %(threadName)s] %(name)s: %(message)s"

# Besides mainland mobiles (contact_masker): landlines with an area code and international
# numbers. Order and refund numbers never start with 0 or +, so they stay readable.
_LANDLINE = re.compile(r"(?<![\d+])0\d{2,3}[\s-]?\d{7,8}(?!\d)")
_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d[\d\s-]{6,16}\d(?!\d)")


def _keep_ends(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    hidden = set(digits[3:-2]) if len(digits) > 5 else set(digits)
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


_MASK_MOBILES: Callable[[str], str] = contact_masker()


def mask_for_log(text: str) -> str:
    """`text` with every phone number it quotes masked (138****5678, 057*****34)."""
    if not text:
        return text
    text = _MASK_MOBILES(text)
    text = _LANDLINE.sub(_keep_ends, text)
    return _INTERNATIONAL.sub(_keep_ends, text)


class PhoneMaskingFilter(logging.Filter):
    """Masks phone numbers in the message, its arguments and the traceback text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: log what there is rather than nothing
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = mask_for_log(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_for_log(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_for_log(record.stack_info)
        return True


@dataclass
class Diagnostics:
    """The open log handler and crash file; `close()` undoes `start_diagnostics`."""

    folder: Path
    log_file: Path
    crash_file: Path
    handler: logging.Handler | None = None
    _crash_stream: IO[str] | None = field(default=None, repr=False)

    def close(self) -> None:
        logger = logging.getLogger(LOGGER_NAME)
        if self.handler is not None:
            logger.removeHandler(self.handler)
            self.handler.close()
            self.handler = None
        if self._crash_stream is not None:
            if faulthandler.is_enabled():
                faulthandler.disable()
            self._crash_stream.close()
            self._crash_stream = None


def start_diagnostics(folder: Path, *, role: str) -> Diagnostics:
    """Log to `folder`/shopdesk.log (rotated) and dump hard crashes to `folder`/crash.log.

    `role` ("window" or "cli") goes into the first line. A folder that cannot be created
    leaves logging off rather than stopping the app: diagnosis must never be the failure.
    """
    diag = Diagnostics(folder, folder / LOG_FILENAME, folder / CRASH_FILENAME)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            diag.log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8",
            delay=True)
    except OSError:
        return diag
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(PhoneMaskingFilter())
    logger = logging.getLogger(LOGGER_NAME)
    for old in [h for h in logger.handlers if getattr(h, "_shopdesk", False)]:
        logger.removeHandler(old)  # started twice in one process (tests): one file handler
        old.close()
    handler._shopdesk = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    diag.handler = handler
    with contextlib.suppress(OSError, ValueError, RuntimeError):
        # A segfault in Qt or a C extension never reaches Python's excepthook: faulthandler
        # writes the Python stacks of every thread to this file instead.
        stream = open(diag.crash_file, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
        faulthandler.enable(stream, all_threads=True)
        diag._crash_stream = stream
    # system/release/machine, not platform.platform(): on Linux that reads the whole
    # Python binary for its C library's version, about 20 ms of every start.
    logger.info("ShopDesk %s (%s) started: Python %s, %s %s %s, frozen=%s", __version__, role,
                platform.python_version(), platform.system(), platform.release(),
                platform.machine(), getattr(sys, "frozen", False))
    return diag


def log_unexpected(error: BaseException, where: str) -> None:
    """Record an unexpected exception with its traceback (masked like every record)."""
    logging.getLogger(LOGGER_NAME).error("unexpected error in %s", where,
                                         exc_info=(type(error), error, error.__traceback__))


def environment_summary() -> str:
    """One line for an error report: version, Python, OS, bundle or not."""
    frozen = "bundle" if getattr(sys, "frozen", False) else "python"
    return (f"ShopDesk {__version__} ({frozen}), Python {platform.python_version()}, "
            f"{platform.platform()}, pid {os.getpid()}")
