"""`shopdesk reminders ...` (what is due, for scheduled tasks; the reminder settings) and
`shopdesk refunds today` (the 今日待退款 queue). No Qt imported."""

from __future__ import annotations

import argparse
import re
from datetime import timedelta
from typing import TextIO

from ..domain.clock import local
from ..domain.plain_text import one_line
from ..domain.reminders import ReminderKind, parse_hhmm
from ..domain.text import pick
from ..services.refunds import WHY_LABELS
from ..services.register import Register
from ..services.reminders import CLI
from ..services.serialize import SCHEMA_VERSION
from ..services.serialize_reminders import refund_json, reminder_json
from .common import CliError, cli_lang, emit_json, guarded

_OPTION_OF = {"quiet_end": "--quiet", "quiet_start": "--quiet", "time": "--cutoff",
              "refund_cutoff": "--cutoff",
              **{f"lead_{k.value}": "--lead" for k in ReminderKind}}
_DURATION = re.compile(r"^\s*(\d+)\s*([mhd]?)\s*$", re.IGNORECASE)
_UNITS = {"": "minutes", "m": "minutes", "h": "hours", "d": "days"}


def parse_within(text: str, lang: str) -> timedelta:
    """'2h', '90m', '1d' or plain minutes ('30') -> timedelta."""
    found = _DURATION.match(text or "")
    if not found:
        raise CliError(pick(lang, f"--within: 应为时长，例如 2h、90m 或 1d，而不是 {text!r}",
                            f"--within: expected a duration like 2h, 90m or 1d, got {text!r}"))
    return timedelta(**{_UNITS[found.group(2).lower()]: int(found.group(1))})


def add_reminder_parsers(sub: argparse._SubParsersAction) -> None:
    """The `reminders` and `refunds` subcommands."""
    rem = sub.add_parser("reminders", help="reminders: deadlines, promises, warnings, the "
                                           "refund cut-off (for scheduled tasks)")
    rsub = rem.add_subparsers(dest="reminders_command", required=True)
    due = rsub.add_parser("due", help="what is due within a time (overdue included); exit 0")
    due.add_argument("--within", default="2h", help="2h, 90m, 1d ... (default 2h)")
    due.add_argument("--new", action="store_true",
                     help="only what an earlier `reminders due --new` did not list (each "
                          "reminder once, for a task that sends notifications)")
    due.add_argument("--json", action="store_true")
    st = rsub.add_parser("settings", help="show or change the reminder settings")
    st.add_argument("--lead", action="append", default=[], metavar="KIND=MINUTES",
                    help="minutes before due to remind, per kind: "
                         + ", ".join(k.value for k in ReminderKind))
    quiet = st.add_mutually_exclusive_group()
    quiet.add_argument("--quiet", metavar="HH:MM-HH:MM", help="quiet hours, e.g. 22:00-08:00")
    quiet.add_argument("--no-quiet", action="store_true", help="no quiet hours")
    st.add_argument("--cutoff", metavar="HH:MM", help="the 今日待退款 reminder time (23:00)")
    st.add_argument("--json", action="store_true")
    refunds = sub.add_parser("refunds", help="refunds: the 今日待退款 queue")
    fsub = refunds.add_subparsers(dest="refunds_command", required=True)
    today = fsub.add_parser("today", help="open 仅退款 and agreed refunds to clear before "
                                          "midnight, the longest waiting first")
    today.add_argument("--json", action="store_true")


def cmd_reminders(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    if args.reminders_command == "settings":
        return _settings(register, args, out)
    lang = cli_lang(register, args)
    within = parse_within(args.within, lang)
    now = register.clock.now()
    service = register.reminders
    found = service.due_new(within, CLI, now) if args.new else service.collect(within, now)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "within_minutes": int(within.total_seconds()
                                                                        // 60),
                        "count": len(found),
                        "reminders": [reminder_json(r, now) for r in found]})
        return 0
    tz = register.shop_tz
    for r in found:
        due = local(r.due_at, tz).strftime("%Y-%m-%d %H:%M")
        late = pick(lang, " 已过期", " OVERDUE") if r.overdue(now) else ""
        out.write(f"{due}{late}  {r.kind.label(lang)}  {r.case_no or '-'}  "
                  f"{one_line(r.text.get(lang))}\n")
    out.write(pick(lang, f"共 {len(found)} 条提醒\n", f"{len(found)} reminder(s)\n"))
    return 0


def _settings(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    service = register.reminders
    settings = service.settings()
    changed = bool(args.lead or args.quiet or args.no_quiet or args.cutoff)
    leads = {k: int(settings.lead(k).total_seconds() // 60) for k in ReminderKind}
    for item in args.lead:
        key, _, minutes = item.partition("=")
        try:
            leads[ReminderKind.parse(key)] = int(minutes)
        except ValueError:
            keys = ", ".join(k.value for k in ReminderKind)
            raise CliError(pick(lang, f"--lead: 应为 KIND=MINUTES（KIND 可选：{keys}），"
                                      f"而不是 {item!r}",
                                f"--lead: expected KIND=MINUTES with KIND one of {keys}, "
                                f"got {item!r}")) from None
    settings = settings.with_changes(lead_minutes=leads)
    if args.no_quiet:
        settings = settings.with_changes(quiet_enabled=False)
    if args.quiet:
        start, sep, end = args.quiet.partition("-")
        if not sep:
            raise CliError(pick(lang, f"--quiet: 应为 HH:MM-HH:MM，而不是 {args.quiet!r}",
                                f"--quiet: expected HH:MM-HH:MM, got {args.quiet!r}"))
        settings = settings.with_changes(quiet_enabled=True,
                                         quiet_start=parse_hhmm(start, "quiet_start"),
                                         quiet_end=parse_hhmm(end, "quiet_end"))
    if args.cutoff:
        settings = settings.with_changes(refund_cutoff=parse_hhmm(args.cutoff,
                                                                  "refund_cutoff"))
    if changed:
        service.save_settings(settings)
    data = settings.to_json()
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, **data})
        return 0
    for kind in ReminderKind:
        minutes = data["lead_minutes"][kind.value]
        out.write(pick(lang, f"{kind.label(lang)}：提前 {minutes} 分钟\n",
                       f"{kind.label(lang)}: {minutes} min\n"))
    quiet = (f"{data['quiet_start']}-{data['quiet_end']}" if data["quiet_enabled"]
             else pick(lang, "关闭", "off"))
    out.write(pick(lang, f"免打扰：{quiet}\n今日待退款提醒：{data['refund_cutoff']}\n",
                   f"Quiet hours: {quiet}\nRefund cut-off: {data['refund_cutoff']}\n"))
    return 0


def cmd_refunds(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    items = register.refunds.today()
    cutoff = register.reminders.settings().refund_cutoff.strftime("%H:%M")
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "count": len(items), "cutoff": cutoff,
                        "refunds": [refund_json(i) for i in items]})
        return 0
    tz = register.shop_tz
    for i in items:
        case = i.case
        since = local(i.requested_at, tz).strftime("%m-%d %H:%M") if i.requested_at else "-"
        amount = f"¥{case.amount_claimed:.2f}" if case.amount_claimed is not None else "-"
        out.write(f"{case.case_no}  {case.platform.label(lang)}  {since}  {amount:>9}  "
                  f"{pick(lang, *WHY_LABELS[i.why])}\n")
    out.write(pick(lang, f"今日待退款 {len(items)} 笔，请在 24:00 前处理（{cutoff} 提醒）\n",
                   f"{len(items)} refund(s) to clear before midnight (reminder at {cutoff})\n"))
    return 0


REMINDER_HANDLERS = {
    "reminders": guarded(cmd_reminders, option_of=_OPTION_OF),
    "refunds": guarded(cmd_refunds, option_of=_OPTION_OF),
}
