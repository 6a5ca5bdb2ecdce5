"""`shopdesk demo` and `shopdesk backup`: commands on the register as a whole."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..services.register import Register
from .common import CliError

EXIT_OK = 0


def add_register_parsers(sub: argparse._SubParsersAction) -> None:
    """Add `demo` and `backup` to the CLI's subparsers."""
    demo = sub.add_parser("demo", help="fill the register with realistic demo cases")
    demo.add_argument("--cases", type=int, default=200)
    demo.add_argument("--seed", type=int, default=None)

    backup = sub.add_parser("backup", help="back up now, or list backups")
    backup.add_argument("--list", action="store_true")


def cmd_demo(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    from ..services.demo import generate_demo

    if args.cases < 1 or args.cases > 1_000_000:
        raise CliError("--cases must be between 1 and 1000000")
    made = generate_demo(register, args.cases, seed=args.seed)
    out.write(f"added {made} demo cases to {register.paths.database}\n")
    return EXIT_OK


def cmd_backup(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    if args.list:
        for b in register.list_backups():
            out.write(f"{b.taken_at:%Y-%m-%d %H:%M:%S}Z  {b.reason:<28} {b.path}\n")
        return EXIT_OK
    out.write(f"{register.back_up_now()}\n")
    return EXIT_OK


REGISTER_HANDLERS = {"demo": cmd_demo, "backup": cmd_backup}
