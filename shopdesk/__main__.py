"""`shopdesk` / `python -m shopdesk`: no arguments opens the window; subcommands are headless.

`main` is the console program, `main_gui` the windowed one (`shopdesk-gui`, the bundle's
`ShopDesk`). Both make the standard streams UTF-8 (or a sink when there is no console) and
start the log file before anything else, so even a failing start leaves a trace.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Sequence

from .console import prepare_streams
from .diagnostics import LOGGER_NAME, log_unexpected, start_diagnostics
from .paths import log_dir

log = logging.getLogger(LOGGER_NAME)
_SUBCOMMAND = re.compile(r"[a-z][a-z-]*")


def main(argv: list[str] | None = None) -> int:
    """The console program: a subcommand, or the window when there is none."""
    prepare_streams()
    args = sys.argv[1:] if argv is None else argv
    if not args:
        return _window(args)
    diag = start_diagnostics(log_dir(), role="cli")
    words = command_words(args)
    try:
        from .cli import run

        code = run(args)
        log.info("command %s: exit %d", words, code)
        return code
    except BrokenPipeError:
        # `shopdesk cases list --json | head`: the reader left; that is not an error to report.
        # Point stdout at devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback for the log
        log_unexpected(exc, f"command {words}")
        sys.stderr.write(f"shopdesk: unexpected error: {type(exc).__name__}: {exc}\n"
                         f"shopdesk: details are in {diag.log_file}\n")
        return 1
    finally:
        diag.close()


def main_gui(argv: list[str] | None = None) -> int:
    """The windowed program: always the window (arguments such as --lang en pass on)."""
    prepare_streams()
    return _window(sys.argv[1:] if argv is None else argv)


def _window(args: Sequence[str]) -> int:
    diag = start_diagnostics(log_dir(), role="window")
    try:
        from .app import run_gui  # Qt is imported only when a window is wanted

        code = run_gui(list(args))
        log.info("window closed: exit %d", code)
        return code
    except Exception as exc:
        # Before the window's own error dialog exists (a broken install, a missing Qt
        # library): logged here, then raised for the console or the bundle's error box.
        log_unexpected(exc, "window start")
        raise
    finally:
        diag.close()


def command_words(args: Sequence[str]) -> str:
    """The subcommand for the log (`cases list`), never its values: they may name buyers."""
    words: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--as":
            skip = True
        elif arg.startswith("--as="):
            continue
        elif arg.startswith("-"):
            if not words:
                words.append(arg)  # --version, --help
            break
        elif words and not _SUBCOMMAND.fullmatch(arg):
            break  # a value (a case number, a file name), not a subcommand
        else:
            words.append(arg)
            if len(words) == 2:
                break
    return " ".join(words) or "-"


if __name__ == "__main__":
    sys.exit(main())
