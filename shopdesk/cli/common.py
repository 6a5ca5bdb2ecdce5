"""What the `shopdesk` subcommand modules share: the user-facing error, JSON output, who is
acting, which language, finding a case, and the wrapper that turns a handler's refusals into
`shopdesk: ...` with exit status 1. No Qt imported.

Kept out of the package root so the command modules import it at the top (the root imports them,
so importing cli back from them needed a late import).
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from ..domain.case import Case
from ..domain.case_query import CaseQuery, SortKey
from ..domain.enums import CaseKind, CaseStatus
from ..domain.errors import FieldError, NotFoundError, ValidationError
from ..domain.text import is_english, pick
from ..paths import login_name
from ..services.register import Register

Handler = Callable[[Register, argparse.Namespace, TextIO], int]
FieldText = Callable[[FieldError, str], str]


class CliError(Exception):
    """A user-facing failure: printed to stderr, exit code 1."""


def emit_json(out: TextIO, data: Any) -> None:
    """`--json` output: indented, Chinese as is (not \\u escapes), one trailing newline."""
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def actor_name(register: Register, given: str | None) -> str:
    """Who a change is recorded under: --as, else the window's operator, else the login."""
    return given or register.staff.current_operator() or login_name() or "cli"


def cli_lang(register: Register, args: argparse.Namespace | None = None) -> str:
    """'zh' or 'en' for messages: SHOPDESK_LANG, else the saved setting.

    cli.run hands over its injected environment as args.env (tests inject it); without
    one, the process's environment is read."""
    env = getattr(args, "env", None) or os.environ
    return register.language(env.get("SHOPDESK_LANG"))


def find_case(register: Register, case_no: str, lang: str) -> Case:
    """The case numbered CASE_NO, or CliError "no such case: ..." (also for a malformed one)."""
    try:
        return register.cases.get_by_no(case_no)
    except (NotFoundError, ValueError):
        raise CliError(no_such_case(case_no, lang)) from None


def no_such_case(case_no: str, lang: str) -> str:
    """The refusal for an unknown case number."""
    return pick(lang, f"没有这个案件：{case_no}", f"no such case: {case_no}")


def live_case(register: Register, case_no: str, lang: str) -> Case:
    """find_case, refusing a case in the trash (only `cases restore` acts on those)."""
    case = find_case(register, case_no, lang)
    if case.deleted_at is not None:
        raise CliError(pick(lang, f"{case.case_no} 在回收站中，请先恢复："
                                  f"shopdesk cases restore {case.case_no}",
                            f"{case.case_no} is in the trash; restore it first: "
                            f"shopdesk cases restore {case.case_no}"))
    return case


def parse_shop_time(text: str, option: str, tz: str, lang: str) -> datetime:
    """'2026-11-23 15:00' (the shop's zone) or ISO 8601 with a zone -> aware datetime;
    anything else is a CliError naming `option`."""
    raw = text.strip()
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise CliError(pick(lang, f'{option}: 不是时间：{text!r}（格式：年-月-日 时:分，'
                                  '例如 "2026-11-23 15:00"）',
                            f'{option}: not a time: {text!r} (e.g. "2026-11-23 15:00")')
                       ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(tz))
    return checked_time(value, option, text, lang)


# Times a register can hold: converting 0001-01-01 or 9999-12-31 between zones overflows, and
# no after-sales event happens outside these years.
EARLIEST_YEAR, LATEST_YEAR = 1970, 2199


def checked_time(value: datetime, option: str, text: str, lang: str) -> datetime:
    """`value` if it lies between EARLIEST_YEAR and LATEST_YEAR (in UTC); else CliError
    naming `option`, never an OverflowError from a zone conversion."""
    try:
        year = value.astimezone(UTC).year
    except (OverflowError, ValueError):
        year = None
    if year is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise CliError(pick(lang, f"{option}: {text!r} 超出范围"
                                  f"（{EARLIEST_YEAR}–{LATEST_YEAR} 年）",
                            f"{option}: {text!r} is out of range (years {EARLIEST_YEAR}-"
                            f"{LATEST_YEAR})"))
    return value


# SQLite integers are 64-bit: a larger id or count is refused before it reaches a query.
MAX_SQL_INT = 2**63 - 1


def checked_int(value: int | None, option: str, lang: str, *, minimum: int = 1,
                maximum: int = MAX_SQL_INT) -> int | None:
    """`value` if None or within [minimum, maximum]; else CliError naming `option`."""
    if value is not None and value < minimum:
        raise CliError(pick(lang, f"{option}: 不能小于 {minimum}，现在是 {value}",
                            f"{option}: must be {minimum} or more, not {value}"))
    if value is not None and value > maximum:
        raise CliError(pick(lang, f"{option}: 不能大于 {maximum:,}，现在是 {value}",
                            f"{option}: must be at most {maximum:,}, not {value}"))
    return value


def case_query(status: str | None, kind: str | None, search: str) -> CaseQuery:
    """The case list's --status (a status or "open"), --kind and --search, newest first."""
    statuses: tuple[CaseStatus, ...] = ()
    if status == "open":
        statuses = tuple(s for s in CaseStatus if s.is_open)
    elif status:
        statuses = (CaseStatus(status),)
    return CaseQuery(statuses=statuses, kinds=(CaseKind(kind),) if kind else (),
                     search=search, sort=SortKey.CREATED, descending=True)


def field_errors_text(errors: Iterable[FieldError], lang: str,
                      option_of: Mapping[str, str] | None = None) -> str:
    """Refused fields as one line, each named by the option the user typed when known."""
    option_of = option_of or {}
    return "; ".join(f"{option_of.get(e.field, e.field)}: {e.message(lang)}" for e in errors)


def guarded(handler: Handler, *, option_of: Mapping[str, str] | None = None,
            not_found: bool = False, field_text: FieldText | None = None) -> Handler:
    """Wrap a handler so a ValidationError reaches cli.run as CliError (exit 1) naming the
    option (`option_of`: service field -> option), in the language of `cli_lang`.

    not_found: a NotFoundError is also a CliError, "not found: ..." (e.g. the case went to
    the trash meanwhile). field_text: how one refused field is written, where a command
    words it its own way. The handler's own CliErrors pass through untouched."""
    def run(register: Register, args: argparse.Namespace, out: TextIO) -> int:
        try:
            return int(handler(register, args, out))
        except ValidationError as exc:
            lang = cli_lang(register, args)
            if field_text is not None:
                raise CliError("; ".join(field_text(e, lang) for e in exc.errors)) from None
            raise CliError(field_errors_text(exc.errors, lang, option_of)) from None
        except NotFoundError as exc:
            if not not_found:
                raise
            raise CliError(not_found_text(exc, cli_lang(register, args))) from None
    return run


# What a NotFoundError names ("promise 7"), in the window's words.
_RECORD_ZH = {"case": "案件", "shift": "交接", "promise": "承诺", "evidence": "证据",
              "blacklist": "恶意买家名单条目", "follow-up": "回访", "script": "话术",
              "import profile": "导入方案"}


def not_found_text(exc: LookupError, lang: str) -> str:
    """"找不到：承诺 7" / "not found: promise 7": a record that does not exist."""
    text = str(exc)
    if is_english(lang):
        return f"not found: {text}"
    record, _, key = text.rpartition(" ")
    if record in _RECORD_ZH:
        text = f"{_RECORD_ZH[record]} {key}"
    return f"找不到：{text}"
