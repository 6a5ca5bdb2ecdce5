"""`shopdesk calls ...` and `shopdesk policy ...`: the call policy from the command line,
and the call-compliance report.

Registered by shopdesk.cli (add_call_parsers + CALL_HANDLERS); no Qt imported.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date, datetime, time, timedelta
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from ..domain.call_policy import (
    CallDecision,
    CallOutcome,
    CallPolicy,
    PreCallChecklist,
    ReasonCode,
)
from ..domain.clock import local, to_utc_iso
from ..domain.errors import ValidationError
from ..domain.policy_presets import PolicyConfigError, policy_to_dict
from ..domain.text import clause_sep, is_english, pick
from ..domain.text_masking import contact_masker
from ..domain.zone_names import zone_name
from ..services.call_compliance import ReportCall
from ..services.call_person import buyer_label
from ..services.call_policy_settings import PRESETS, SETTABLE_KEYS
from ..services.calls import (
    CallRefusedError,
    CallService,
    PolicyLoosenedError,
    call_back_warning,
)
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from ..services.staff import PinError
from .common import (
    CliError,
    actor_name,
    checked_int,
    checked_time,
    cli_lang,
    emit_json,
    field_errors_text,
    find_case,
    guarded,
    parse_shop_time,
)


class CallCliError(CliError):
    """Printed as `shopdesk: ...` with exit status 1 (cli.run catches every CliError)."""


def add_call_parsers(sub: argparse._SubParsersAction) -> None:
    """The `calls` and `policy` subcommands."""
    calls = sub.add_parser("calls", help="phone calls: may I call now, log a call")
    csub = calls.add_subparsers(dest="calls_command", required=True)
    log = csub.add_parser("log", help="record a dialled call")
    log.add_argument("case_no")
    log.add_argument("--outcome", required=True,
                     help="one of: " + ", ".join(o.value for o in CallOutcome))
    log.add_argument("--at", help="when, ISO 8601 with a zone (default: now)")
    log.add_argument("--before-case", action="store_true",
                     help="the call was made before the case was opened and is written down "
                          "now (补登): without it a time before the case is refused")
    log.add_argument("--summary", default="")
    log.add_argument("--agreed", default="")
    log.add_argument("--duration", type=int, default=None, help="seconds")
    log.add_argument("--override-reason", default=None,
                     help="required to log a call the policy blocks (soft rules only)")
    log.add_argument("--checklist", nargs="+", metavar="KEY=VALUE",
                     help="the pre-call checklist: goal=TEXT offer=TEXT offer=TEXT "
                          "bottom_line=TEXT max_grant=TEXT (offer 2-3 times)")
    can = csub.add_parser("can-call", help="may the buyer of CASE_NO be called now? "
                                           "Exit 0 yes, 3 not now, 1 error")
    can.add_argument("case_no")
    can.add_argument("--at", help="ISO 8601 with a zone (default: now)")
    can.add_argument("--json", action="store_true")

    may = csub.add_parser("may-call", help="buyers who may be phoned right now, one open "
                                           "case each (the window's may-call list)")
    may.add_argument("--json", action="store_true")

    comp = csub.add_parser("compliance", help="calls per buyer, overrides and calls outside "
                                              "the calling window (the window's report)")
    comp.add_argument("--from", dest="period_from", metavar="DATE",
                      help='first day, "YYYY-MM-DD" (or "YYYY-MM-DD HH:MM"), shop time; '
                           "default: 30 days ago")
    comp.add_argument("--to", dest="period_to", metavar="DATE",
                      help="last day, included (default: up to now)")
    comp.add_argument("--json", action="store_true")

    buyer = csub.add_parser("buyer", help="the buyer's time zone and do-not-call flag")
    buyer.add_argument("case_no")
    buyer.add_argument("--tz", help="IANA zone for the call window, e.g. America/Los_Angeles; "
                                    "'shop' resets it to the shop's zone")
    flag = buyer.add_mutually_exclusive_group()
    flag.add_argument("--do-not-call", action="store_true", help="never call this buyer")
    flag.add_argument("--allow-calls", action="store_true",
                      help="lift a do-not-call flag set by hand")

    policy = sub.add_parser("policy", help="show or change the phone-call policy")
    psub = policy.add_subparsers(dest="policy_command", required=True)
    show = psub.add_parser("show")
    show.add_argument("--json", action="store_true")
    pset = psub.add_parser(
        "set", help="--preset NAME, or KEY=VALUE ...",
        description="Change the call policy. Every change is kept in the audit trail "
                    "(policy history). Loosening a rule past the shipped safe preset "
                    "(shorter quiet hours; more calls per day, per case or over several "
                    "days; a shorter gap or cool-down) is refused unless --i-understand is "
                    "given, and then needs the operator's PIN when they have one: calls "
                    "made under looser rules can cost the shop a harassment penalty "
                    "(Taobao: 12 points). Tightening needs neither.")
    pset.add_argument("--preset", choices=PRESETS)
    pset.add_argument("assignments", nargs="*", metavar="KEY=VALUE",
                      help="keys: " + ", ".join(SETTABLE_KEYS))
    pset.add_argument("--i-understand", dest="i_understand", action="store_true",
                      help="confirm a change that loosens the policy past the safe preset: "
                           "the platform may penalise calls made under it")
    pset.add_argument("--pin", dest="policy_pin", metavar="PIN",
                      help="the operator's 4-digit PIN, when they have one (asked for on a "
                           "terminal otherwise); needed with --i-understand")
    phist = psub.add_parser("history", help="who changed the call policy, when, old -> new")
    phist.add_argument("--limit", type=int, default=50)
    phist.add_argument("--json", action="store_true")
    hol = psub.add_parser("holidays", help="which years' statutory holidays the policy knows; "
                                           "enter a year the holiday library lacks")
    hol.add_argument("--year", type=int, help="the year to enter (with --holidays)")
    hol.add_argument("--holidays", help="holiday dates, e.g. 2027-01-01,2027-02-06..2027-02-12")
    hol.add_argument("--makeup", default="", help="make-up working days (调休上班), e.g. "
                                                  "2027-02-14")
    hol.add_argument("--clear", type=int, metavar="YEAR", help="forget the dates entered for YEAR")
    hol.add_argument("--json", action="store_true")


CHECKLIST_KEYS = ("goal", "offer", "bottom_line", "max_grant")


def parse_checklist(items: list[str] | None, lang: str) -> PreCallChecklist | None:
    """--checklist goal=... offer=... offer=... bottom_line=... max_grant=... as the
    pre-call checklist (None when not given); a bad or missing item names --checklist."""
    if not items:
        return None
    values: dict[str, list[str]] = {k: [] for k in CHECKLIST_KEYS}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lower().replace("-", "_")
        if not sep or key not in values or not value.strip():
            keys = ", ".join(CHECKLIST_KEYS)
            raise CallCliError(pick(lang, f"--checklist: {item!r} 不是 KEY=VALUE 格式"
                                          f"（KEY 可选：{keys}）",
                                    f"--checklist: {item!r} is not KEY=VALUE with a KEY of "
                                    + keys))
        values[key].append(value.strip())
    checklist = PreCallChecklist(goal=" ".join(values["goal"]),
                                 fallback_offers=tuple(values["offer"]),
                                 bottom_line=" ".join(values["bottom_line"]),
                                 max_grant=" ".join(values["max_grant"]))
    problems = checklist.problems()
    if problems:
        raise CallCliError("--checklist: "
                           + clause_sep(lang).join(p.message(lang) for p in problems))
    return checklist


def parse_at(text: str | None, lang: str) -> datetime | None:
    """--at as an aware datetime; a time without a zone is refused, not guessed."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CallCliError(pick(lang, f"--at: 不是 ISO 8601 时间：{text!r}"
                                      "（例如 2026-11-23T10:30+08:00）",
                                f"--at: not an ISO 8601 time: {text!r} "
                                "(e.g. 2026-11-23T10:30+08:00)")) from None
    if value.tzinfo is None:
        raise CallCliError(pick(lang, f"--at: {text!r} 没有时区，时间须带时区，"
                                      f"例如 {text}+08:00",
                                f"--at: {text!r} has no time zone; add one, e.g. {text}+08:00"))
    return checked_time(value, "--at", text, lang)


def decision_json(case_no: str, d: CallDecision, lang: str) -> dict[str, Any]:
    """The documented `calls can-call --json` shape (schema 1)."""
    return {
        "schema": SCHEMA_VERSION,
        "case_no": case_no,
        "allowed": d.allowed,
        "overridable": d.overridable,
        "reasons": [r.code.value for r in d.reasons],
        "reason_texts": [r.message(lang) for r in d.reasons],
        "next_allowed_at": to_utc_iso(d.next_allowed_at) if d.next_allowed_at else None,
        "next_slot_at": to_utc_iso(d.next_slot_at) if d.next_slot_at else None,
        "remaining": {"24h": d.remaining_24h, "case": d.remaining_case,
                      "span": d.remaining_span},
        "buyer_local_time": d.buyer_local_time.isoformat(timespec="seconds"),
        "buyer_tz": d.buyer_tz,
        "warnings": [w.message(lang) for w in d.warnings],
    }


# `calls can-call`'s exit status when the answer is "not now" (README).
CAN_CALL_NO = 3


def cmd_calls(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    calls = register.calls
    lang = cli_lang(register, args)
    if args.calls_command == "compliance":
        return _cmd_compliance(register, args, out, lang)
    if args.calls_command == "may-call":
        return _cmd_may_call(calls, args, out, lang)
    case = find_case(register, args.case_no, lang)
    case_id, case_no = case.id, case.case_no
    if args.calls_command == "buyer":
        code = _cmd_buyer(calls, case_id, case_no, args, out, lang,
                          actor_name(register, args.actor))
        if args.tz:  # a call-back agreed before may now fall in the buyer's night
            for promise, refused in calls.call_backs_refused(case_id):
                when = local(promise.due_at, register.shop_tz).strftime("%m-%d %H:%M")
                out.write(pick(lang, f"注意：承诺 #{promise.id}（{when} "
                                     f"{promise.describe('zh')}）：",
                               f"note: promise #{promise.id} ({when} "
                               f"{promise.describe('en')}): ")
                          + call_back_warning(refused, register.shop_tz, lang) + "\n")
        return code
    at = parse_at(args.at, lang)
    if args.calls_command == "can-call":
        decision = calls.can_call(case_id, at)
        if args.json:
            emit_json(out, decision_json(case_no, decision, lang))
        else:
            _write_decision(out, decision, lang, register.shop_tz)
        # A distinct status, so a script can tell "not now" from a failed command (1).
        return 0 if decision.allowed else CAN_CALL_NO
    return _log_call(register, case_id, case_no, at, args, out, lang)


def _log_call(register: Register, case_id: int, case_no: str, at: datetime | None,
              args: argparse.Namespace, out: TextIO, lang: str) -> int:
    """`calls log`: the call recorded, or refused naming why."""
    try:
        outcome = CallOutcome.parse(args.outcome)
    except ValueError:
        keys = ", ".join(o.value for o in CallOutcome)
        raise CallCliError(pick(lang, f"--outcome: 不认识的结果 {args.outcome!r}；可选：{keys}",
                                f"--outcome: unknown outcome {args.outcome!r}; one of: "
                                + keys)) from None
    try:
        checked_int(args.duration, "--duration", lang, minimum=0, maximum=24 * 3600)
        checklist = parse_checklist(args.checklist, lang)
        record = register.calls.log_call(case_id, outcome, actor_name(register, args.actor),  # type: ignore[arg-type]
                                         at, duration=args.duration, summary=args.summary,
                                         agreed=args.agreed,
                                         override_reason=args.override_reason,
                                         checklist=checklist,
                                         before_case=getattr(args, "before_case", False))
    except CallRefusedError as exc:
        hint = " (--override-reason)" if exc.needs_reason else ""
        raise CallCliError(pick(lang, f"通话没有登记{hint}：", f"call not logged{hint}: ")
                           + exc.message(lang)) from None
    note = pick(lang, "（破例）", " (override)") if record.overridden else ""
    label = record.outcome.label(lang)
    out.write(pick(lang, f"已登记通话 {record.id}（{case_no}）：{label}{note}\n",
                   f"logged call {record.id} on {case_no}: {label}{note}\n"))
    return 0


def _period_bound(text: str, option: str, tz: str, lang: str, *, end: bool) -> datetime:
    """A day ("YYYY-MM-DD": its start, or for --to the start of the next day, so the day is
    included) or a shop-local time."""
    raw = text.strip()
    if len(raw) == 10:
        try:
            day = date.fromisoformat(raw)
            checked_time(datetime.combine(day, time(12), tzinfo=ZoneInfo(tz)), option, text,
                         lang)
        except ValueError:
            raise CallCliError(pick(lang, f"{option}: 不是日期：{text!r}（例如 2026-11-01）",
                                    f"{option}: not a date: {text!r} (e.g. 2026-11-01)")
                               ) from None
        return datetime.combine(day + timedelta(days=1 if end else 0), time(0),
                                tzinfo=ZoneInfo(tz))
    return parse_shop_time(raw, option, tz, lang)


def _report_call(row: ReportCall, tz: str, lang: str) -> dict[str, Any]:
    r, mask = row.record, contact_masker()
    return {"id": r.id, "at": to_utc_iso(r.at),
            "time": local(r.at, tz).strftime("%Y-%m-%d %H:%M"), "buyer_local": row.buyer_local,
            "case_no": row.case_no, "buyer": mask(r.buyer_key), "actor": r.actor,
            "outcome": r.outcome.value, "outcome_label": r.outcome.label(lang),
            "override_codes": [c.value for c in r.override_codes],
            "override_labels": [c.label(lang) for c in r.override_codes],
            "override_reason": mask(r.override_reason) if r.override_reason else None,
            "caps_broken": [c.value for c in row.caps_broken],
            "caps_broken_labels": [c.label(lang) for c in row.caps_broken]}


def _cmd_compliance(register: Register, args: argparse.Namespace, out: TextIO,
                    lang: str) -> int:
    tz, now = register.shop_tz, register.clock.now()
    since = (_period_bound(args.period_from, "--from", tz, lang, end=False)
             if args.period_from else now - timedelta(days=30))
    until = (_period_bound(args.period_to, "--to", tz, lang, end=True) if args.period_to
             else None)
    if until is not None and until <= since:
        start = f"{local(since, tz):%Y-%m-%d %H:%M}"
        raise CallCliError(pick(lang, f"--to: {args.period_to} 不晚于 --from {start}",
                                f"--to: {args.period_to} is not after --from {start}"))
    report = register.calls.compliance_report(since, until)
    mask = contact_masker()
    overrides = [_report_call(x, tz, lang) for x in report.overrides]
    outside = [_report_call(x, tz, lang) for x in report.outside_window]
    breaches = [_report_call(x, tz, lang) for x in report.breaches]
    if args.json:
        emit_json(out, {
            "schema": SCHEMA_VERSION, "from": to_utc_iso(since),
            "to": to_utc_iso(until) if until else None,
            "total_attempts": report.total_attempts,
            "buyers": [{"buyer": mask(b.buyer_key), "attempts": b.attempts,
                        "connected": b.connected, "overrides": b.overrides,
                        "outside_window": b.outside_window, "do_not_call": b.do_not_call,
                        "also": [mask(k) for k in b.also]}
                       for b in report.buyers],
            "overrides": overrides, "outside_window": outside, "breaches": breaches})
        return 0
    end = local(until, tz) if until else local(now, tz)
    zh = lang == "zh"
    span = f"{local(since, tz):%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
    if zh:
        out.write(f"{span}（{zone_name(tz, lang)}）：{report.total_attempts} 次呼叫，"
                  f"{len(overrides)} 次越规放行，{len(outside)} 次在可呼叫时段外，"
                  f"{len(breaches)} 次违规\n")
    else:
        out.write(f"{span} ({tz}): {report.total_attempts} calls, {len(overrides)} overrides, "
                  f"{len(outside)} outside the window, {len(breaches)} breaches\n")
    if report.buyers:
        out.write("每位买家（呼叫 / 接通 / 越规 / 时段外）：\n" if zh else
                  "attempts per buyer (attempts / talked / overrides / outside window):\n")
    for b in report.buyers:
        flag = ("  勿扰" if zh else "  do-not-call") if b.do_not_call else ""
        also = (("  又名 " if zh else "  also ") + ", ".join(buyer_label(mask(k), lang)
                                                            for k in b.also)
                if b.also else "")
        out.write(f"  {buyer_label(mask(b.buyer_key), lang)}  {b.attempts} / {b.connected} / "
                  f"{b.overrides} / "
                  f"{b.outside_window}{flag}{also}\n")
    if overrides:
        out.write("越规放行：\n" if zh else "overrides:\n")
    for c in overrides:
        out.write(f"  {c['time']}  {c['case_no']}  {buyer_label(c['buyer'], lang)}  "
                  f"{c['actor']}  "
                  f"{', '.join(c['override_labels'])}  {c['override_reason'] or ''}".rstrip()
                  + "\n")
    if breaches:
        out.write("违规（违反硬性规定，补记时越过规定，或按人计超出上限）：\n" if zh else
                  "BREACHES (a hard rule broken, logged back-dated over a rule, or over a "
                  "cap counted per person):\n")
    for c in breaches:
        labels = dict.fromkeys([*c['override_labels'], *c['caps_broken_labels']])
        out.write(f"  {c['time']}  {c['case_no']}  {buyer_label(c['buyer'], lang)}  "
                  f"{c['actor']}  "
                  f"{', '.join(labels)}  {c['override_reason'] or ''}".rstrip()
                  + "\n")
    if outside:
        out.write("在可呼叫时段外的呼叫（买家当地时间）：\n" if zh else
                  "calls outside the calling window (buyer's local time):\n")
    for c in outside:
        out.write(f"  {c['buyer_local']}  {c['case_no']}  {buyer_label(c['buyer'], lang)}  "
                  f"{c['actor']}  "
                  f"{c['outcome_label']}\n")
    return 0


def _cmd_buyer(calls: CallService, case_id: int, case_no: str, args: argparse.Namespace,
               out: TextIO, lang: str, actor: str) -> int:
    if args.tz:
        calls.set_buyer_tz(case_id, None if args.tz == "shop" else args.tz, actor)
    if args.do_not_call or args.allow_calls:
        calls.set_do_not_call(case_id, args.do_not_call, actor)
    buyer = calls.buyer(case_id)
    if is_english(lang):
        out.write(f"{case_no}: buyer {buyer.key}  time zone: {buyer.tz or 'shop'}  "
                  f"do-not-call: {'yes' if buyer.do_not_call else 'no'}\n")
    else:
        out.write(f"{case_no}：买家 {buyer.key}  时区：{buyer.tz or '店铺时区'}  "
                  f"勿扰：{'是' if buyer.do_not_call else '否'}\n")
    return 0


def _cmd_may_call(calls: CallService, args: argparse.Namespace, out: TextIO,
                  lang: str) -> int:
    rows = []
    for c in calls.may_call_now():
        d = c.decision
        rows.append({
            "case_no": c.case.case_no, "platform": c.case.platform.value,
            "buyer": c.case.buyer_nick or None,
            "calls_left": min(d.remaining_24h, d.remaining_case, d.remaining_span),
            "warnings": [w.code for w in d.warnings],
            "warning_texts": [w.message(lang) for w in d.warnings]})
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "at": to_utc_iso(calls.clock.now()),
                        "buyers": rows})
        return 0
    if not rows:
        out.write(pick(lang, "现在没有可以拨打的买家\n", "nobody may be called right now\n"))
        return 0
    for row in rows:
        left = pick(lang, "剩余可拨次数：", "calls left: ") + str(row["calls_left"])
        out.write(f"{row['case_no']}  {row['buyer'] or '—'}  {left}\n")
        for text in row["warning_texts"]:
            out.write(f"  {pick(lang, '注意：', 'warning: ')}{text}\n")
    return 0


def _write_decision(out: TextIO, d: CallDecision, lang: str, shop_tz: str) -> None:
    if d.allowed:
        out.write(pick(lang, f"可以拨打：现在可以打（24 小时内还剩 {d.remaining_24h} 次，"
                             f"本案件还剩 {d.remaining_case} 次）\n",
                       f"OK: may call now (remaining 24h: {d.remaining_24h}, "
                       f"case: {d.remaining_case})\n"))
    else:
        out.write(pick(lang, "不能拨打：\n", "BLOCKED:\n"))
        for r in d.reasons:
            out.write(f"  - {r.message(lang)}\n")  # the code is in --json
        if d.next_slot_at:
            slot = f"{local(d.next_slot_at, shop_tz):%Y-%m-%d %H:%M}"
            out.write(pick(lang, f"下一个可拨时间：{slot}（{shop_tz}）\n",
                           f"next slot: {slot} ({shop_tz})\n"))
    there = f"{d.buyer_local_time:%Y-%m-%d %H:%M}"
    out.write(pick(lang, f"买家当地时间：{there}（{d.buyer_tz}）\n",
                   f"buyer local time: {there} ({d.buyer_tz})\n"))
    for w in d.warnings:
        out.write(pick(lang, "注意：", "warning: ") + w.message(lang) + "\n")


def _policy_json(policy: CallPolicy) -> dict[str, Any]:
    return json.loads(json.dumps(policy_to_dict(policy), default=str))


def cmd_policy(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    if args.policy_command == "holidays":
        return _cmd_holidays(register, args, out)
    calls = register.calls
    actor = actor_name(register, args.actor)
    lang = cli_lang(register, args)
    if args.policy_command == "history":
        return _cmd_policy_history(register, args, out, lang)
    if args.policy_command == "set":
        if bool(args.preset) == bool(args.assignments):
            raise CallCliError(pick(lang, "policy set: 请给出 --preset NAME 或 KEY=VALUE，"
                                          "二者选一",
                                    "policy set: give either --preset NAME or KEY=VALUE pairs"))
        confirm: dict[str, Any] = {"confirmed": args.i_understand}
        if args.i_understand:
            confirm["pin"] = _policy_pin(register, actor, args)
        try:
            if args.preset:
                calls.apply_preset(args.preset, actor, **confirm)
            else:
                pairs: dict[str, str] = {}
                for item in args.assignments:
                    key, sep, value = item.partition("=")
                    if not sep or not key.strip():
                        raise CallCliError(pick(lang, f"policy set: {item!r} 不是 KEY=VALUE 格式",
                                                f"policy set: {item!r} is not KEY=VALUE"))
                    pairs[key.strip()] = value
                calls.set_policy_values(pairs, actor, **confirm)
        except PolicyConfigError as exc:
            raise CallCliError("; ".join(e.message(lang) for e in exc.errors)) from None
        except PolicyLoosenedError as exc:
            raise CallCliError(exc.message(lang)) from None
        except PinError as exc:
            why = pick(lang, f"（放宽通话规范需要 {actor} 的 PIN）",
                       f" (loosening the call policy needs {actor}'s PIN)")
            raise CallCliError(f"--pin: {exc.errors[0].message(lang)}{why}") from None
    policy = calls.policy()
    if getattr(args, "json", False):
        emit_json(out, {"schema": SCHEMA_VERSION, "policy": _policy_json(policy)})
        return 0
    data = _policy_json(policy)
    out.write(f"{policy.label_zh} / {policy.label_en} ({policy.name})\n")
    for section, values in data.items():
        if isinstance(values, dict):
            for key, value in values.items():
                out.write(f"  {section}.{key} = {json.dumps(value, ensure_ascii=False)}\n")
        else:
            out.write(f"  {section} = {json.dumps(values, ensure_ascii=False)}\n")
    return 0


def _policy_pin(register: Register, actor: str, args: argparse.Namespace) -> str | None:
    """policy set --pin, the --as PIN, or a prompt without echo on a terminal."""
    pin = args.policy_pin or getattr(args, "as_pin", None)
    if pin is None and actor and register.staff.has_pin(actor) and sys.stdin is not None \
            and sys.stdin.isatty():
        pin = getpass.getpass(f"{actor} PIN: ")
    return pin


_REASON_VALUES = frozenset(c.value for c in ReasonCode)


def _cmd_policy_history(register: Register, args: argparse.Namespace, out: TextIO,
                        lang: str) -> int:
    tz = register.shop_tz
    rows = register.calls.policy_history(max(1, args.limit))
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "changes": [
            {"at": to_utc_iso(r.at), "time": f"{local(r.at, tz):%Y-%m-%d %H:%M}",
             "actor": r.actor, "action": r.action, "key": r.field, "old": r.old, "new": r.new}
            for r in rows]})
        return 0
    if not rows:
        out.write(pick(lang, "通话规范还没有改动记录\n", "no call policy changes recorded\n"))
    for r in rows:
        when = f"{local(r.at, tz):%Y-%m-%d %H:%M}"
        if r.action == "call_policy_loosened":
            labels = ", ".join(ReasonCode(c).label(lang) for c in (r.field or "").split(",")
                               if c in _REASON_VALUES)
            out.write(pick(lang, f"{when}  {r.actor}  已确认放宽：{r.new}\n",
                           f"{when}  {r.actor}  confirmed loosening: {labels}\n"))
        else:
            out.write(f"{when}  {r.actor}  {r.field}: {r.old or '—'} → {r.new or '—'}\n")
    return 0


_HOLIDAY_OPTIONS = {"year": "--year", "holidays": "--holidays",
                    "makeup_workdays": "--makeup"}


def _cmd_holidays(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    holidays = register.holidays
    actor = actor_name(register, args.actor)
    lang = cli_lang(register, args)
    if args.clear is not None:
        if not holidays.clear_year(args.clear, actor):
            raise CallCliError(pick(lang, f"--clear: {args.clear} 年没有录入过节假日",
                                    f"--clear: nothing was entered for {args.clear}"))
    elif args.year is not None or args.holidays is not None:
        if args.year is None or not args.holidays:
            raise CallCliError(pick(lang, "--year 和 --holidays 要一起给（--makeup 可选）",
                                    "--year and --holidays go together (--makeup is optional)"))
        try:
            holidays.set_year(args.year, args.holidays, args.makeup, actor)
        except ValidationError as exc:
            raise CallCliError(field_errors_text(exc.errors, lang, _HOLIDAY_OPTIONS)) from None
    coverage = holidays.coverage()
    last = holidays.library_last_year()
    entered = holidays.entered()
    if args.json:
        emit_json(out, {
            "schema": SCHEMA_VERSION, "library_last_year": last,
            "missing": [c.year for c in coverage if not c.covered],
            "years": [{"year": c.year, "source": c.source, "covered": c.covered,
                       **(entered[c.year].to_dict() if c.source == "shop" else {})}
                      for c in coverage]})
        return 0
    en = is_english(lang)
    out.write(("Statutory holidays known to the call policy"
               if en else "电话规范使用的法定节假日数据") + f" (chinese-calendar: ≤ {last}):\n")
    for c in coverage:
        if c.source == "library":
            what = "chinese-calendar"
        elif c.source == "shop":
            what = (f"entered by the shop: {c.holidays} holiday(s), {c.makeup_workdays} make-up "
                    "working day(s)" if en else
                    f"本店录入：放假 {c.holidays} 天，调休上班 {c.makeup_workdays} 天")
        else:
            what = ("NOT COVERED: weekends stand in for holidays; enter the State Council "
                    f"notice with --year {c.year} --holidays ... --makeup ..." if en else
                    "未覆盖：暂以周末代替节假日；请按国务院放假通知录入："
                    f"--year {c.year} --holidays ... --makeup ...")
        out.write(f"  {c.year}  {what}\n")
    return 0


# Refused fields are named by the service's field name here (no option map).
# Service fields -> the options that set them, for refusals.
_CALL_OPTIONS = {"duration": "--duration", "agreed": "--agreed", "at": "--at",
                 "summary": "--summary", "tz": "--tz"}
CALL_HANDLERS = {"calls": guarded(cmd_calls, option_of=_CALL_OPTIONS),
                 "policy": guarded(cmd_policy)}
