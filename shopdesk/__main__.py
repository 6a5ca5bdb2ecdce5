"""`shopdesk` / `python -m shopdesk`: no arguments opens the window; subcommands are headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        from .app import run_gui  # Qt is imported only when a window is wanted

        return run_gui(args)
    from .cli import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
