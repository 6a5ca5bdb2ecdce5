"""The headless command line: the same services as the window, no Qt imported."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from .. import __version__
from ..domain.clock import Clock, SystemClock
from ..domain.errors import NotFoundError, ShopDeskError, ValidationError
from ..domain.text import normalize_lang, pick
from ..paths import DataPaths, data_dir
from ..services.register import Register, open_register
from ..services.staff import PinError
from .analysis import ANALYSIS_HANDLERS, add_analysis_parsers
from .calls import CALL_HANDLERS, add_call_parsers
from .cases import CASES_HANDLERS, OPTION_OF, add_cases_parsers
from .common import CliError, Handler, not_found_text
from .deadlines import DEADLINE_HANDLERS, add_deadline_parsers
from .evidence import EVIDENCE_HANDLERS, add_evidence_parsers
from .exports import EXPORT_HANDLERS, add_export_parsers
from .followups import FOLLOWUP_HANDLERS, add_followup_parsers
from .imports import IMPORT_HANDLERS, add_import_parsers
from .paths import add_paths_parser
from .promises import PROMISE_HANDLERS, add_promise_parsers
from .register import REGISTER_HANDLERS, add_register_parsers
from .reminders import REMINDER_HANDLERS, add_reminder_parsers
from .reviews import REVIEW_HANDLERS, add_review_parsers
from .scripts import SCRIPT_HANDLERS, add_script_parsers
from .shifts import SHIFT_HANDLERS, add_shift_parsers
from .staff import STAFF_HANDLERS, add_staff_parsers
from .steps import STEPS_HANDLERS, add_steps_parsers
from .summary import SUMMARY_HANDLERS, add_summary_parsers
from .team import add_team_parsers
from .warnings import WARNING_HANDLERS, add_warning_parsers

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="shopdesk", description="ShopDesk 店铺售后台")
    p.add_argument("--version", action="version", version=f"ShopDesk {__version__}")
    p.add_argument("--as", dest="actor", default=None,
                   help="operator name recorded on changes (default: the current operator)")
    p.add_argument("--pin", dest="as_pin", default=None, metavar="PIN",
                   help="the PIN of the staff member named by --as, when they have one")
    sub = p.add_subparsers(dest="command")

    add_register_parsers(sub)
    add_cases_parsers(sub)
    add_call_parsers(sub)
    add_script_parsers(sub)
    add_import_parsers(sub)
    add_export_parsers(sub)
    add_promise_parsers(sub)
    add_evidence_parsers(sub)
    add_shift_parsers(sub)
    add_staff_parsers(sub)
    add_steps_parsers(sub)
    add_summary_parsers(sub)
    add_paths_parser(sub)
    add_team_parsers(sub)
    add_warning_parsers(sub)
    add_analysis_parsers(sub)
    add_deadline_parsers(sub)
    add_reminder_parsers(sub)
    add_followup_parsers(sub)
    add_review_parsers(sub)
    return p


# CLI option names for domain field names, so errors name what the user typed (the case
# fields' options; handlers of other groups name theirs through `guarded`).
_OPTION_OF = OPTION_OF


def run(argv: Sequence[str], *, clock: Clock | None = None, env: dict[str, str] | None = None,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command; returns the exit code. Everything is injectable for tests."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    env = dict(os.environ) if env is None else env
    if getattr(args, "without_register", None):  # `paths`: must work when the register won't
        return int(args.without_register(args, env, out))
    paths = DataPaths(data_dir(env))
    try:
        # A restore takes its own safety copy; a daily backup taken now would be a copy of
        # the very state being replaced, and would become "the latest backup".
        restoring = args.command == "backup" and getattr(args, "backup_command", None)
        register = open_register(paths, clock or SystemClock(), daily_backup=not restoring)
    except ShopDeskError as exc:  # storage's errors: newer, corrupt, not ShopDesk's, busy
        err.write(f"shopdesk: {exc.message(_lang(env))}\n")
        return EXIT_ERROR
    if register.daily_backup_error is not None:  # reported; the command still runs
        err.write(f"shopdesk: warning: {register.daily_backup_error.message(_lang(env))}\n")
    if register.storage_notice is not None:  # the same: the register works
        err.write(f"shopdesk: warning: {register.storage_notice.message(_lang(env))}\n")
    handlers: dict[str, Handler] = {}
    handlers.update(REGISTER_HANDLERS)
    handlers.update(CASES_HANDLERS)
    handlers.update(CALL_HANDLERS)
    handlers.update(SCRIPT_HANDLERS)
    handlers.update(IMPORT_HANDLERS)
    handlers.update(EXPORT_HANDLERS)
    handlers.update(PROMISE_HANDLERS)
    handlers.update(EVIDENCE_HANDLERS)
    handlers.update(SHIFT_HANDLERS)
    handlers.update(STAFF_HANDLERS)
    handlers.update(STEPS_HANDLERS)
    handlers.update(SUMMARY_HANDLERS)
    handlers.update(WARNING_HANDLERS)
    handlers.update(ANALYSIS_HANDLERS)
    handlers.update(DEADLINE_HANDLERS)
    handlers.update(REMINDER_HANDLERS)
    handlers.update(FOLLOWUP_HANDLERS)
    handlers.update(REVIEW_HANDLERS)
    args.env = env  # import/export read SHOPDESK_LANG from the injected environment
    try:
        _check_actor_pin(register, args)
        return handlers[args.command](register, args, out)
    except ValidationError as exc:
        lang = _lang(env)
        for e in exc.errors:
            err.write(f"shopdesk: {_OPTION_OF.get(e.field, '--' + e.field)}: "
                      f"{e.message(lang)}\n")
        return EXIT_ERROR
    except ShopDeskError as exc:  # a workflow refusal, storage, any other bilingual error
        err.write(f"shopdesk: {exc.message(_lang(env))}\n")
        return EXIT_ERROR
    except CliError as exc:
        err.write(f"shopdesk: {exc}\n")
        return EXIT_ERROR
    except NotFoundError as exc:  # e.g. a case purged while the command ran
        err.write(f"shopdesk: {not_found_text(exc, _lang(env))}\n")
        return EXIT_ERROR
    finally:
        register.close()


def _check_actor_pin(register: Register, args: argparse.Namespace) -> None:
    """`--as NAME` acts as NAME only with NAME's PIN when they have one: --pin, the
    subcommand's own --pin when it names the same person (`shift start --staff NAME --pin`),
    or a prompt without echo on a terminal. Wrong tries count towards NAME's lockout."""
    name = (args.actor or "").strip()
    if not name or not register.staff.has_pin(name):
        return
    pin = args.as_pin
    if pin is None and getattr(args, "pin", None) and getattr(args, "staff", None) == name:
        pin = args.pin
    if pin is None and sys.stdin is not None and sys.stdin.isatty():
        pin = getpass.getpass(f"{name} PIN: ")
    try:
        register.staff.verify_pin(name, pin, purpose="cli_as")
    except PinError as exc:
        lang = _lang(args.env)
        why = pick(lang, f"（--as {name} 需要 {name} 的 PIN 码）",
                   f" (--as {name} needs {name}'s PIN)")
        raise CliError(f"--pin: {exc.errors[0].message(lang)}{why}") from None


def _lang(env: dict[str, str]) -> str:
    return normalize_lang(env.get("SHOPDESK_LANG"))
