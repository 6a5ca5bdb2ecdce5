"""`shopdesk print CASE_NO [CASE_NO ...] -o FILE.pdf [--full-contact] [--lang zh|en]`.

Writes the dispute summaries of the given cases as one A4 PDF (a contents page when there
are several). Registered by shopdesk.cli (add_summary_parsers + SUMMARY_HANDLERS); no Qt imported.
Exit status: 0 written, 1 refused (unknown case, bad output path; nothing is written),
2 usage error.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..domain.errors import FieldError, NotFoundError
from ..reports.summary_pdf import PdfInUseError
from ..services.register import Register
from .common import CliError, actor_name, guarded

EXIT_OK = 0


class PrintCliError(CliError):
    """Printed as `shopdesk: ...` with exit status 1 (cli.run catches every CliError)."""


def add_summary_parsers(sub: argparse._SubParsersAction) -> None:
    """The `print` subcommand."""
    p = sub.add_parser("print", help="write the dispute summary of cases as an A4 PDF")
    p.add_argument("case_nos", nargs="+", metavar="CASE_NO")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--full-contact", action="store_true",
                   help="full buyer phone, name and address (recorded in the audit trail)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="language of the document (default zh: platforms read Chinese)")
    p.add_argument("--for-platform", action="store_true",
                   help="for an appeal: leave out the shop's own warnings, major-complaint "
                        "mark, approvals, handling steps, call-policy overrides and the cause")


def _output(text: str) -> Path:
    target = Path(text).expanduser()
    if target.suffix.lower() != ".pdf":
        raise PrintCliError(f"-o: the output must be a .pdf file: {text}")
    if target.is_dir():
        raise PrintCliError(f"-o: {text} is a folder; give a file name ending in .pdf")
    if not target.parent.is_dir():
        raise PrintCliError(f"-o: folder does not exist: {target.parent}")
    return target


def cmd_print(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    target = _output(args.output)
    ids: list[int] = []
    unknown: list[str] = []
    for case_no in args.case_nos:
        try:
            ids.append(register.cases.get_by_no(case_no).id)
        except (NotFoundError, ValueError):
            unknown.append(case_no)
    if unknown:  # name every one, write nothing
        raise PrintCliError(f"no such case: {', '.join(unknown)} (nothing written)")
    service = register.summary
    try:
        result = service.write_pdf(ids, target, actor=actor_name(register, args.actor),
                                   full_contact=args.full_contact, lang=args.lang,
                                   for_platform=args.for_platform)
    except PdfInUseError as exc:
        raise PrintCliError(f"-o: {exc} (nothing written)") from None
    except OSError as exc:
        raise PrintCliError(f"cannot write {target}: {exc.strerror or exc}") from None
    out.write(f"wrote {len(result.case_nos)} case(s), {result.pages} page(s) to "
              f"{result.path}\n")
    if result.full_contact:
        out.write("full contact details included (recorded in the audit trail)\n")
    if args.for_platform:
        out.write("for the platform: the shop's own warnings, approvals and assessments "
                  "left out\n")
    return EXIT_OK


def _field_text(e: FieldError, lang: str) -> str:
    # `print` words a refused field in both languages, zh (en), whatever SHOPDESK_LANG
    # says, unlike the other subcommands; kept as it was when the wrapper became shared.
    return f"{e.field}: {e.message('zh')} ({e.en})"


SUMMARY_HANDLERS = {"print": guarded(cmd_print, field_text=_field_text)}
