"""`shopdesk import`: read a platform export into the register (preview, apply, skipped rows)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from ..domain.enums import Platform
from ..domain.errors import NotFoundError
from ..domain.text import list_sep, pick
from ..importers import ImportCancelled, MappingError
from ..services.import_history import history_json, history_lines
from ..services.imports import write_skipped_rows
from ..services.register import Register
from .common import CliError, actor_name, checked_int, cli_lang, emit_json

EXIT_OK, EXIT_ERROR = 0, 1


def add_import_parsers(sub: Any) -> None:
    """Add `import` to the CLI's subparsers."""
    imp = sub.add_parser("import", help="import a platform export (refunds or orders)")
    imp.add_argument("file", help="CSV or .xlsx exported from the platform")
    imp.add_argument("--platform", choices=[p.value for p in Platform],
                     help="the file must be this platform's export")
    imp.add_argument("--preset", help="force a preset (e.g. taobao_refund) instead of detecting")
    imp.add_argument("--profile", help="use a saved column-mapping profile")
    imp.add_argument("--dry-run", action="store_true", help="preview only: change nothing")
    imp.add_argument("--skip-bad-rows", action="store_true",
                     help="import the valid rows and skip rows with errors")
    imp.add_argument("--save-skipped", metavar="PATH",
                     help="write the rows with errors to this CSV (to fix and re-import)")
    imp.add_argument("--only-open", action="store_true",
                     help="open no case for a refund already finished on the platform "
                          "(cases already in the register are still updated)")
    imp.add_argument("--finished-since", metavar="YYYY-MM-DD",
                     help="of the finished refunds, bring in only those that ended on or "
                          "after this day (shop time)")
    imp.add_argument("--json", action="store_true")
    hist = sub.add_parser("import-history",
                          help="past imports, newest first: who imported which export when, "
                               "and what it did (导入记录)")
    hist.add_argument("--limit", type=int, default=50, metavar="N",
                      help="show the last N imports (default 50)")
    hist.add_argument("--json", action="store_true")


def cmd_import(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    service = register.imports
    path = Path(args.file)
    if args.preset and args.profile:
        raise CliError(pick(lang, "--preset 和 --profile 不能一起用",
                            "--preset and --profile cannot be used together"))
    mapping = None
    if args.profile:
        try:
            mapping = service.profiles.load(args.profile)
        except NotFoundError:
            names = ", ".join(service.profiles.names()) or "-"
            raise CliError(pick(lang, f"没有导入方案 {args.profile!r}（已保存：{names}）",
                                f"no import profile {args.profile!r} (saved: {names})")) from None
        except MappingError as exc:
            raise CliError(exc.message(lang)) from None
        if args.platform:
            mapping.platform = Platform(args.platform)
    if args.preset:
        try:
            service.config.preset(args.preset)
        except KeyError:
            known = ", ".join(p.key for p in service.config.presets)
            raise CliError(pick(lang, f"不认识的预设 {args.preset!r}（可选：{known}）",
                                f"unknown preset {args.preset!r} (known: {known})")) from None
    since = _finished_since(args.finished_since, lang)
    if since is not None and args.only_open:
        raise CliError(pick(lang, "--finished-since: 不能和 --only-open 一起用"
                                  "（--only-open 会略过所有已完结的退款）",
                            "--finished-since: cannot be used with --only-open (which leaves "
                            "out every finished refund)"))
    actor = "" if args.dry_run else actor_name(register, args.actor)
    parsed = service.read(path, preset=args.preset, mapping=mapping)
    if (args.platform and parsed.platform is not None
            and parsed.platform.value != args.platform):
        raise CliError(pick(lang, f"{path.name} 是 {parsed.platform.label(lang)} 的导出文件，"
                                  f"不是 {args.platform}（--platform）",
                            f"{path.name} is a {parsed.platform.value} export, "
                            f"not {args.platform} (--platform)"))
    try:
        if args.dry_run:
            report = service.preview(parsed, path.name, skip_bad_rows=args.skip_bad_rows,
                                     only_open=args.only_open, finished_since=since)
        else:
            report = service.apply(parsed, path.name, actor, skip_bad_rows=args.skip_bad_rows,
                                   only_open=args.only_open, finished_since=since)
    except ImportCancelled:  # pragma: no cover - nothing cancels on the command line
        raise CliError(pick(lang, "已取消", "cancelled")) from None
    saved = 0
    if args.save_skipped and report.errors and parsed.file_error is None:
        saved = write_skipped_rows(path, parsed, report.errors, args.save_skipped, lang)
    if args.json:
        data = report.to_json(lang)
        data["saved_skipped"] = saved
        emit_json(out, data)
    else:
        _print_report(report, lang, out, register.shop_tz)
        if saved:
            out.write(pick(lang, f"未导入的 {saved} 行已保存到 {args.save_skipped}\n",
                           f"{args.save_skipped}: {saved}\n"))
    return EXIT_ERROR if report.blocked else EXIT_OK


def _finished_since(text: str | None, lang: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(pick(lang, f"--finished-since: 不是日期：{text!r}"
                                  "（格式 YYYY-MM-DD，例如 2026-11-01）",
                            f"--finished-since: not a date: {text!r} (use YYYY-MM-DD, "
                            "e.g. 2026-11-01)")) from None


def _print_report(report: Any, lang: str, out: TextIO, tz: str) -> None:
    for e in report.errors:
        out.write(e.message(lang) + "\n")
    for conflict in report.conflicts:
        out.write(f"{conflict.case_no}: {conflict.text().get(lang)}\n")
    if report.unknown_statuses:
        out.write(pick(lang, "不认识的平台状态（可加到预设的 [values.platform_status]）：",
                       "Unknown platform statuses (add them to the preset's "
                       "[values.platform_status]): ")
                  + list_sep(lang).join(report.unknown_statuses) + "\n")
    out.write(report.message(lang) + "\n")
    note = report.previous_note(tz, lang)
    if note:
        out.write(pick(lang, f"注意：{note}。", f"Note: {note}.") + "\n")


def cmd_import_history(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    checked_int(args.limit, "--limit", lang, maximum=100_000)
    service = register.imports
    entries = service.history(args.limit)
    total = service.history_total()
    if args.json:
        emit_json(out, history_json(entries, total, lang))
        return EXIT_OK
    if not entries:
        out.write(pick(lang, "还没有导入过平台导出的文件。",
                       "No platform export has been imported yet.") + "\n")
        return EXIT_OK
    for line in history_lines(entries, register.shop_tz, lang):
        e = line.entry
        who = e.actor or "-"
        kind = f"  {line.kind}" if line.kind else ""
        out.write(f"{line.when}  {who}  {e.filename}{kind}\n    {line.summary}\n")
    if total > len(entries):
        out.write(pick(lang, f"（共 {total} 次导入，显示最近 {len(entries)} 次；--limit 可改）",
                       f"({total} imports in all, the last {len(entries)} shown; "
                       "see --limit)") + "\n")
    return EXIT_OK


IMPORT_HANDLERS = {"import": cmd_import, "import-history": cmd_import_history}
