"""`shopdesk cases edit|status|note|audit`: what the case panel's Edit, Change status, note
box and Audit trail buttons do, through the same services. Part of the `cases` group (its
parser and dispatch are in cli/cases.py); no Qt imported.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from decimal import Decimal
from typing import Any, TextIO

from ..domain.case import EDITABLE_FIELDS, Case, draft_from_fields
from ..domain.clock import local, to_utc_iso
from ..domain.enums import CaseStatus, Outcome
from ..domain.labels import LabelledEnum
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.money import MoneyError, format_yuan, parse_yuan
from ..domain.promises import Promise
from ..domain.text import colon, pick
from ..domain.workflow import Transition, TransitionError
from ..services.case_audit import audit_lines
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION, case_json, event_json, free_text_masker
from ..services.serialize_promises import promise_json
from .common import (
    CliError,
    actor_name,
    cli_lang,
    emit_json,
    find_case,
    live_case,
    parse_shop_time,
)
from .order_lines import (
    last_event_id,
    order_event_json,
    order_event_line,
    order_events,
    same_order_note,
)

EXIT_OK = 0

# Case field -> (option, argparse dest); the order is the edit dialog's.
_FIELD_OPTIONS: dict[str, tuple[str, str]] = {
    "platform": ("--platform", "platform"), "shop": ("--shop", "shop"),
    "order_no": ("--order", "order"), "refund_no": ("--refund-no", "refund_no"),
    "item_title": ("--item", "item"), "sku": ("--sku", "sku"),
    "amount_paid": ("--amount", "amount"), "amount_claimed": ("--claimed", "claimed"),
    "applied_at": ("--applied", "applied"),
    "buyer_nick": ("--buyer", "buyer"), "buyer_name": ("--buyer-name", "buyer_name"),
    "buyer_phone": ("--phone", "phone"), "buyer_address": ("--address", "address"),
    "kind": ("--kind", "kind"), "cause": ("--cause", "cause"),
    "customer_type": ("--customer-type", "customer_type"),
    "priority": ("--priority", "priority"), "due_at": ("--due", "due"),
    "description": ("--description", "description"), "assignee": ("--assignee", "assignee"),
}
CASE_FIELD_OPTIONS = {name: option for name, (option, _) in _FIELD_OPTIONS.items()}
_HELP = {
    "amount_paid": "amount paid, yuan", "amount_claimed": "amount claimed, yuan",
    "due_at": '"YYYY-MM-DD HH:MM" in the shop\'s time zone, or ISO 8601 with a zone',
    "applied_at": "when the buyer asked on the platform (its clock starts then), written as "
                  "--due; without it the deadline counts from when the case is logged",
    "assignee": "an active staff member (default for a new case: the operator)",
    "buyer_address": "the buyer's address (masked in lists and JSON)",
}
# The workflow's field (TransitionError.field) -> this command's option.
_STATUS_OPTION = {"to": "--to", "outcome": "--outcome", "amount": "--amount",
                  "note": "--reason"}
_CONTACT_MASK = {"buyer_phone": mask_phone, "buyer_name": mask_name,
                 "buyer_address": mask_address}


def add_case_field_options(parser: argparse.ArgumentParser, *, new: bool) -> None:
    """The case's fields as options: required platform/order/kind for a new case; for an
    edit every option is optional and "" clears a field."""
    for name, (option, dest) in _FIELD_OPTIONS.items():
        required = new and name in ("platform", "order_no", "kind")
        parser.add_argument(option, dest=dest, required=required, default=None,
                            help=_HELP.get(name))


# The time options, each read as --due is ("" clears it in `edit`).
TIME_OPTIONS = {name: CASE_FIELD_OPTIONS[name] for name in ("due_at", "applied_at")}


def _time_field(name: str, text: str, tz: str, lang: str) -> datetime | None:
    """A time option's value for field `name`: None for "" (cleared), else the time in
    the shop's zone (or with its own zone); refusals name the option."""
    if not text.strip():
        return None
    return parse_shop_time(text, TIME_OPTIONS[name], tz, lang)


def assignee_for_new_case(register: Register, given: str | None, actor: str) -> str:
    """--assignee (an active staff member, or "" for nobody); without it the operator,
    as the window's case form does, when the operator is on the staff list."""
    if given is not None:
        return register.staff.require_active(given) if given.strip() else ""
    active = {m.name for m in register.staff.list()}
    return actor if actor in active else ""


def _raw(value: object) -> object:
    """A case value as the raw field draft_from_fields takes back unchanged."""
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _shown(register: Register, name: str, value: object) -> str:
    """A field's value for the text output (contact details masked)."""
    if value is None or value == "":
        return "—"
    if name in _CONTACT_MASK:
        return _CONTACT_MASK[name](str(value))
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, Decimal):
        return format_yuan(value)
    if isinstance(value, datetime):
        return local(value, register.shop_tz).strftime("%Y-%m-%d %H:%M")
    return str(value)


def cmd_cases_edit(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    given = {name: getattr(args, dest) for name, (_, dest) in _FIELD_OPTIONS.items()
             if getattr(args, dest) is not None}
    lang = cli_lang(register, args)
    if not given:
        raise CliError(pick(lang, "cases edit: 没有要改的内容；请至少给出一个字段选项，"
                                  "例如 --assignee NAME 或 --due \"YYYY-MM-DD HH:MM\"",
                            "cases edit: nothing to change; give at least one field option, "
                            "e.g. --assignee NAME or --due \"YYYY-MM-DD HH:MM\""))
    case = live_case(register, args.case_no, lang)
    fields: dict[str, Any] = {name: _raw(getattr(case, name)) for name in EDITABLE_FIELDS}
    for name, value in given.items():
        if name in TIME_OPTIONS:
            fields[name] = _time_field(name, value, register.shop_tz, lang)
        else:
            fields[name] = value
    assignee = (given.get("assignee") or "").strip()
    if assignee and assignee != case.assignee:
        register.staff.require_active(assignee)  # handing over: to someone on the staff
    before = last_event_id(register, case.id)
    draft = draft_from_fields(fields)
    moved = (draft.platform, draft.order_no) != (case.platform, case.order_no)
    others = register.cases.open_for_order(draft.platform, draft.order_no,
                                           other_than=case.id) if moved else []
    updated = register.cases.update(case.id, draft, actor_name(register, args.actor))
    changed = [n for n in EDITABLE_FIELDS if getattr(case, n) != getattr(updated, n)]
    said = order_events(register, case.id, after_id=before)  # moved to a known order
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case": case_json(updated),
                        "changed": changed, "order_events": [order_event_json(e) for e in said],
                        "same_order_open": [c.case_no for c in others]})
        return EXIT_OK
    _write_edited(register, case, updated, changed, said, others, lang, out)
    return EXIT_OK


def _write_edited(register: Register, case: Case, updated: Case, changed: list[str],
                  said: list[Any], others: list[Case], lang: str, out: TextIO) -> None:
    """`cases edit`'s text output: each changed field old → new, then what to know."""
    if not changed:
        out.write(case.case_no + pick(lang, "：没有改动\n", ": nothing changed\n"))
    for name in changed:
        out.write(f"{case.case_no}: {CASE_FIELD_OPTIONS[name][2:]} "
                  f"{_shown(register, name, getattr(case, name))} → "
                  f"{_shown(register, name, getattr(updated, name))}\n")
    for event in said:
        out.write(case.case_no + colon(lang) + order_event_line(event, lang) + "\n")
    if others:
        out.write(case.case_no + colon(lang) + same_order_note(updated.order_no, others, lang)
                  + "\n")


def _parse_label(enum: type[LabelledEnum], text: str, option: str, lang: str) -> Any:
    try:
        return enum.parse(text)
    except ValueError:
        keys = ", ".join(m.value for m in enum)
        raise CliError(pick(lang, f"{option}: 不认识的值 {text!r}；可选：{keys}",
                            f"{option}: unknown value {text!r}; one of: {keys}")) from None


def _transition(args: argparse.Namespace, lang: str) -> Transition:
    to = _parse_label(CaseStatus, args.to, "--to", lang)
    outcome = (_parse_label(Outcome, args.outcome, "--outcome", lang) if args.outcome
               else None)
    amount = None
    if args.amount is not None:
        try:
            # Negative amounts pass here so the workflow says why they are refused.
            amount = parse_yuan(args.amount, allow_negative=True)
        except MoneyError:
            raise CliError(pick(lang, f"--amount: 不是金额：{args.amount!r}（例如 12.50）",
                                f"--amount: not an amount: {args.amount!r} (e.g. 12.50)")
                           ) from None
    if to != CaseStatus.RESOLVED:
        for option, value in (("--outcome", outcome), ("--amount", amount)):
            if value is not None:
                raise CliError(pick(lang, f"{option}: 只能和 --to resolved 一起用",
                                    f"{option}: only with --to resolved"))
    return Transition(to=to, outcome=outcome, amount=amount, note=args.reason or "")


def cmd_cases_status(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    case = live_case(register, args.case_no, lang)
    transition = _transition(args, lang)
    finishing = transition.to in (CaseStatus.RESOLVED, CaseStatus.CLOSED)
    not_needed = args.promises_not_needed
    for option, asked in (("--promises-kept", args.promises_kept),
                          ("--promises-not-needed", not_needed is not None)):
        if asked and not finishing:
            raise CliError(pick(lang, f"{option}: 只能和 --to resolved 或 --to closed 一起用",
                                f"{option}: only with --to resolved or --to closed"))
    actor = actor_name(register, args.actor)
    try:
        updated, done = register.finish_case(case.id, transition, actor,
                                             keep_promises=args.promises_kept,
                                             promises_not_needed=not_needed)
    except TransitionError as exc:
        raise CliError(f"{_STATUS_OPTION.get(exc.field, '--to')}: {exc.message(lang)}"
                       ) from None
    still_open = register.promises.open_for_case(case.id) if finishing else []
    kept = done if args.promises_kept else []
    cancelled = done if not_needed is not None else []
    if args.json:
        now, mask = register.clock.now(), free_text_masker(updated)
        emit_json(out, {"schema": SCHEMA_VERSION, "case": case_json(updated),
                        "promises_kept": [promise_json(p, case.case_no, now, mask)
                                          for p in kept],
                        "promises_not_needed": [promise_json(p, case.case_no, now, mask)
                                                for p in cancelled],
                        "promises_open": [promise_json(p, case.case_no, now, mask)
                                          for p in still_open]})
        return EXIT_OK
    line = f"{case.case_no}: {case.status.label(lang)} → {updated.status.label(lang)}"
    if updated.status == CaseStatus.RESOLVED and updated.outcome is not None:
        settled = f" {format_yuan(updated.amount_settled)}" if updated.amount_settled \
            is not None else ""
        line += f" ({updated.outcome.label(lang)}{settled})"
    out.write(line + "\n")
    _write_promises_settled(register, updated, kept, cancelled, still_open, lang, out)
    return EXIT_OK


def _write_promises_settled(register: Register, updated: Case, kept: list[Promise],
                            cancelled: list[Promise], still_open: list[Promise], lang: str,
                            out: TextIO) -> None:
    """What finishing a case did to its promises, and which are still owed."""
    mask = free_text_masker(updated)
    for p in kept:
        out.write(pick(lang, f"承诺 #{p.id} 已兑现：", f"promise #{p.id} kept: ")
                  + mask(p.describe(lang)) + "\n")
    for p in cancelled:
        out.write(pick(lang, f"承诺 #{p.id} 不再需要：", f"promise #{p.id} no longer needed: ")
                  + mask(p.describe(lang)) + "\n")
    if still_open:
        # A finished case's promise is still owed: say so, or it alarms later unexplained.
        n = len(still_open)
        out.write(pick(lang, f"注意：本案件还有 {n} 个待兑现的承诺，仍会继续提醒"
                             "（--promises-kept 标为已兑现，--promises-not-needed REASON "
                             "标为不再需要）：\n",
                       f"note: {n} open promise(s) on this case stay open and will "
                       "still be reminded (--promises-kept marks them kept, --promises-not-needed "
                       "REASON no longer needed):\n"))
        for p in still_open:
            due = local(p.due_at, register.shop_tz).strftime("%m-%d %H:%M")
            out.write(f"  #{p.id} {due} {mask(p.describe(lang))}\n")


def cmd_cases_note(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    case = live_case(register, args.case_no, lang)
    event = register.cases.add_note(case.id, args.text, actor_name(register, args.actor))
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case_no": case.case_no,
                        "event": event_json(event)})
    else:
        out.write(case.case_no + pick(lang, "：已添加备注\n", ": note added\n"))
    return EXIT_OK


def _audit_json(line: Any) -> dict[str, Any]:
    return {"at": to_utc_iso(line.at), "time": line.when, "actor": line.actor,
            "action": line.action, "action_label": line.action_label, "field": line.field,
            "field_label": line.field_label, "old": line.old, "new": line.new}


def cmd_cases_audit(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    case = find_case(register, args.case_no, lang)  # the trash keeps its audit trail readable
    lines = audit_lines(register.cases.audit(case.id), register.shop_tz, lang)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "case_no": case.case_no,
                        "count": len(lines), "audit": [_audit_json(x) for x in lines]})
        return EXIT_OK
    for x in lines:
        what = x.field_label
        if x.old or x.new:
            change = f"{x.old} → {x.new}" if x.old else x.new
            what = f"{what}: {change}" if what else change
        out.write(f"{x.when}  {x.actor}  {x.action_label}  {what}".rstrip() + "\n")
    n = len(lines)
    out.write(pick(lang, f"共 {n} 条记录（{register.shop_tz}）\n",
                   f"{n} entr{'y' if n == 1 else 'ies'} ({register.shop_tz})\n"))
    return EXIT_OK

