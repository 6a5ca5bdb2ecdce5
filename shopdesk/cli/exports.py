"""`shopdesk export`: the case list, as filtered, to .csv or .xlsx."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..domain.enums import CaseKind, CaseStatus
from ..domain.text import pick
from ..services.exports import export_cases
from ..services.register import Register
from .common import CliError, actor_name, case_query, cli_lang

EXIT_OK = 0


def add_export_parsers(sub: Any) -> None:
    """Add `export` to the CLI's subparsers."""
    exp = sub.add_parser("export", help="export the case list to .csv or .xlsx")
    exp.add_argument("-o", "--output", required=True, metavar="FILE",
                     help="FILE.csv or FILE.xlsx")
    exp.add_argument("--status", choices=[s.value for s in CaseStatus] + ["open"])
    exp.add_argument("--kind", choices=[k.value for k in CaseKind])
    exp.add_argument("--search", default="")
    exp.add_argument("--full-contact", action="store_true",
                     help="full buyer phone, name and address (the export is audited)")



def cmd_export(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    query = case_query(args.status, args.kind, args.search)
    if Path(args.output).suffix.lower() not in (".csv", ".xlsx"):
        raise CliError(pick(lang, f"-o {args.output}: 文件名必须以 .csv 或 .xlsx 结尾",
                            f"-o {args.output}: the file name must end in .csv or .xlsx"))
    actor = actor_name(register, args.actor) if args.full_contact else ""
    try:
        result = export_cases(register.cases, query, args.output, lang=lang,
                              full_contact=args.full_contact, actor=actor)
    except OSError as exc:
        why = exc.strerror or exc
        raise CliError(pick(lang, f"无法写入 {args.output}：{why}",
                            f"cannot write {args.output}: {why}")) from None
    out.write(pick(lang, f"已导出 {result.count} 个案件到 {result.path}\n",
                   f"exported {result.count} case(s) to {result.path}\n"))
    return EXIT_OK


EXPORT_HANDLERS = {"export": cmd_export}
