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

from ..domain.errors import NotFoundError
from ..domain.text import list_sep, pick
from ..reports.summary_pdf import PdfInUseError
from ..services.register import Register
from ..services.summary import SummaryResult
from .common import CliError, actor_name, cli_lang, guarded, no_such_case

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


def _output(text: str, lang: str) -> Path:
    target = Path(text).expanduser()
    if target.suffix.lower() != ".pdf":
        raise PrintCliError(pick(lang, f"-o: 输出文件必须是 .pdf：{text}",
                                 f"-o: the output must be a .pdf file: {text}"))
    if target.is_dir():
        raise PrintCliError(pick(lang, f"-o: {text} 是文件夹；请给出以 .pdf 结尾的文件名",
                                 f"-o: {text} is a folder; give a file name ending in .pdf"))
    if not target.parent.is_dir():
        raise PrintCliError(pick(lang, f"-o: 文件夹不存在：{target.parent}",
                                 f"-o: folder does not exist: {target.parent}"))
    return target


def cmd_print(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    said = cli_lang(register, args)  # the messages; --lang is the document's
    target = _output(args.output, said)
    ids: list[int] = []
    unknown: list[str] = []
    for case_no in args.case_nos:
        try:
            ids.append(register.cases.get_by_no(case_no).id)
        except (NotFoundError, ValueError):
            unknown.append(case_no)
    if unknown:  # name every one, write nothing
        raise PrintCliError(no_such_case(list_sep(said).join(unknown), said)
                            + pick(said, "（没有写入任何内容）", " (nothing written)"))
    service = register.summary
    try:
        result = service.write_pdf(ids, target, actor=actor_name(register, args.actor),
                                   full_contact=args.full_contact, lang=args.lang,
                                   for_platform=args.for_platform)
    except PdfInUseError as exc:
        raise PrintCliError(pick(said, f"-o: {exc.path} 正被其他程序（PDF 阅读器？）打开或是"
                                       "只读文件：请先在那里关闭，或换一个文件名（没有写入任何内容）",
                                 f"-o: {exc} (nothing written)")) from None
    except OSError as exc:
        why = exc.strerror or exc
        raise PrintCliError(pick(said, f"无法写入 {target}：{why}",
                                 f"cannot write {target}: {why}")) from None
    _write_done(out, result, args.for_platform, said)
    return EXIT_OK


def _write_done(out: TextIO, result: SummaryResult, for_platform: bool, lang: str) -> None:
    """What `print` wrote, and what it put in or left out."""
    cases, pages = len(result.case_nos), result.pages
    out.write(pick(lang, f"已把 {cases} 个案件（共 {pages} 页）写入 {result.path}\n",
                   f"wrote {cases} case(s), {pages} page(s) to {result.path}\n"))
    if result.full_contact:
        out.write(pick(lang, "包含完整的联系方式（已记入审计记录）\n",
                       "full contact details included (recorded in the audit trail)\n"))
    if for_platform:
        out.write(pick(lang, "平台申诉版：已略去店内预警、审批和内部判断\n",
                       "for the platform: the shop's own warnings, approvals and assessments "
                       "left out\n"))


SUMMARY_HANDLERS = {"print": guarded(cmd_print)}
