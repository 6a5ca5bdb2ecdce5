"""`shopdesk` / `python -m shopdesk`: no arguments opens the window; subcommands are headless."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        from .app import run_gui  # Qt is imported only when a window is wanted

        return run_gui(args)
    from .cli import run

    try:
        return run(args)
    except BrokenPipeError:
        # `shopdesk cases list --json | head`: the reader left; that is not an error to report.
        # Point stdout at devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
