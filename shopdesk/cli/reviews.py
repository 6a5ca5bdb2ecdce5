"""`shopdesk reviews ...`: the review behind a bad_review case (中差评), its reply windows,
the public reply, follow-up contacts (at most two) and the outcome. No Qt imported."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any, TextIO

from ..domain.call_policy import CallOutcome
from ..domain.case import Case
from ..domain.clock import local, to_utc_iso
from ..domain.enums import Platform
from ..domain.plain_text import one_line
from ..domain.reviews import (
    MAX_CONTACTS,
    ContactChannel,
    ReplyWindow,
    ReviewOutcome,
    ReviewState,
)
from ..domain.text import pick
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION, free_text_masker
from .common import CliError, actor_name, cli_lang, emit_json, guarded, live_case, parse_shop_time

# Review fields -> the option that sets them.
_OPTION_OF = {"stars": "--stars", "link": "--link", "text": "--text",
              "reviewed_at": "--reviewed", "appended_at": "--appended",
              "append_text": "--append-text", "reply_text": "--reply",
              "replied_at": "--replied", "append_reply_text": "--append-reply",
              "append_replied_at": "--append-replied", "outcome": "--outcome",
              "contacts": "contact", "note": "--note", "actor": "--as"}
_TIMES = {"reviewed": "reviewed_at", "appended": "appended_at", "replied": "replied_at",
          "append_replied": "append_replied_at"}
_TEXTS = {"link": "link", "text": "text", "append_text": "append_text",
          "reply": "reply_text", "append_reply": "append_reply_text"}


def add_review_parsers(sub: argparse._SubParsersAction) -> None:
    rev = sub.add_parser("reviews", help="bad reviews (中差评): review, reply window, contacts")
    rsub = rev.add_subparsers(dest="reviews_command", required=True)
    show = rsub.add_parser("show", help="the review, its reply windows and contacts")
    show.add_argument("case_no")
    show.add_argument("--json", action="store_true")
    st = rsub.add_parser("set", help="record the review's facts, the reply or the outcome")
    st.add_argument("case_no")
    st.add_argument("--stars", type=int, metavar="1-5")
    st.add_argument("--link", metavar="URL", help="the review's address")
    st.add_argument("--text", metavar="TEXT", help="what the buyer wrote")
    st.add_argument("--reviewed", metavar="TIME", help='when the review was left; '
                    '"YYYY-MM-DD HH:MM" (shop time), ISO 8601, or "now"')
    st.add_argument("--appended", metavar="TIME", help="when the buyer added a 追评")
    st.add_argument("--append-text", metavar="TEXT", help="the 追评's text")
    st.add_argument("--reply", metavar="TEXT", help="the public reply (评价解释)")
    st.add_argument("--replied", metavar="TIME", help="when the reply was posted")
    st.add_argument("--append-reply", metavar="TEXT", help="the public reply to the 追评")
    st.add_argument("--append-replied", metavar="TIME", help="when that reply was posted")
    st.add_argument("--outcome", metavar="OUTCOME",
                    help="revised, appended or unchanged (recorded, never asked for)")
    st.add_argument("--json", action="store_true")
    con = rsub.add_parser("contact", help=f"record a follow-up contact (at most "
                          f"{MAX_CONTACTS}; a phone call must be allowed by the call policy)")
    con.add_argument("case_no")
    con.add_argument("--channel", required=True, choices=[c.value for c in ContactChannel])
    con.add_argument("--note", default="", help="what was said (about the problem only)")
    con.add_argument("--call-outcome", default=CallOutcome.CONNECTED.value,
                     choices=[o.value for o in CallOutcome],
                     help="for --channel phone: how the call went (default connected)")
    con.add_argument("--json", action="store_true")


def _time(value: datetime | None) -> str | None:
    return to_utc_iso(value) if value else None


def window_json(w: ReplyWindow, now: datetime) -> dict[str, Any]:
    return {"which": w.which, "opens_at": to_utc_iso(w.opens_at), "due_at": to_utc_iso(w.due_at),
            "replied_at": _time(w.replied_at), "open": w.is_open(now),
            "remaining_hours": round(w.remaining(now).total_seconds() / 3600, 1),
            "estimate": w.estimate}


def review_json(register: Register, case: Case, lang: str) -> dict[str, Any]:
    """The review of `case` as JSON (schema 1); free text masked as elsewhere."""
    service = register.reviews
    review = service.get(case.id)
    now = register.clock.now()
    mask = free_text_masker(case)
    rule = service.rule_for(case)
    nxt = service.next_window(case.id)
    used = service.contacts_used(case.id)
    return {
        "case_no": case.case_no, "platform": case.platform.value, "order_no": case.order_no,
        "stars": review.stars, "link": review.link, "text": mask(review.text),
        "reviewed_at": _time(review.reviewed_at), "appended_at": _time(review.appended_at),
        "append_text": mask(review.append_text), "reply_text": review.reply_text,
        "replied_at": _time(review.replied_at),
        "append_reply_text": review.append_reply_text,
        "append_replied_at": _time(review.append_replied_at),
        "outcome": review.outcome.value if review.outcome else None,
        "outcome_at": _time(review.outcome_at),
        "windows": [window_json(w, now) for w in service.windows(case.id)],
        "next_window": window_json(nxt, now) if nxt else None,
        "rule": ({"reply_days": rule.reply_days, "append_reply_days": rule.append_reply_days,
                  "source": rule.source, "year": rule.year, "confidence": rule.confidence}
                 if rule else None),
        "state": service.state(case.id).value,
        "contacts": [{"id": c.id, "at": to_utc_iso(c.at), "channel": c.channel.value,
                      "note": mask(c.note), "actor": c.actor}
                     for c in service.contacts(case.id)],
        "calls": [{"id": c.id, "at": to_utc_iso(c.at), "outcome": c.outcome.value,
                   "summary": mask(c.summary), "actor": c.actor}
                  for c in service.other_calls(case.id)],
        "contacts_used": used,
        "contacts_left": max(0, MAX_CONTACTS - used),
        "suggested_reply": service.reply_script(
            case.id, "append" if review.appended_at else "review", lang),
    }


def _changes(args: argparse.Namespace, tz: str, now: datetime, lang: str) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.stars is not None:
        changes["stars"] = args.stars
    for opt, name in _TEXTS.items():
        value = getattr(args, opt)
        if value is not None:
            changes[name] = value.strip()
    for opt, name in _TIMES.items():
        value = getattr(args, opt)
        if value is None:
            continue
        option = "--" + opt.replace("_", "-")
        if value.strip() == "":
            changes[name] = None
        elif value.strip().lower() == "now":
            changes[name] = now
        else:
            changes[name] = parse_shop_time(value, option, tz, lang)
    if args.outcome is not None:
        if not args.outcome.strip():
            changes["outcome"] = None
        else:
            try:
                changes["outcome"] = ReviewOutcome.parse(args.outcome)
            except ValueError:
                keys = ", ".join(o.value for o in ReviewOutcome)
                raise CliError(pick(lang, f"--outcome: 可选：{keys}",
                                    f"--outcome: one of: {keys}")) from None
    return changes


def _print(out: TextIO, data: dict[str, Any], register: Register, lang: str) -> None:
    tz = register.shop_tz

    def when(iso: str | None) -> str:
        from ..domain.clock import from_iso

        value = from_iso(iso)
        return local(value, tz).strftime("%Y-%m-%d %H:%M") if value else "—"

    stars = f"{data['stars']}★" if data["stars"] else "—"
    platform = Platform(data["platform"]).label(lang)  # 淘宝/天猫, as the window names it
    out.write(f"{data['case_no']}  {platform}  {pick(lang, '订单', 'order')} "
              f"{data['order_no']}  {stars}  {when(data['reviewed_at'])}\n")
    if data["text"]:
        out.write(f"  {pick(lang, '评价', 'Review')}: {one_line(data['text'])}\n")
    if data["appended_at"]:
        out.write(f"  {pick(lang, '追评', 'Follow-up review')} {when(data['appended_at'])}: "
                  f"{one_line(data['append_text'])}\n")
    state = ReviewState(data["state"]).label(lang)
    out.write(f"  {pick(lang, '状态', 'State')}: {state}\n")
    for text, at, label in ((data["reply_text"], data["replied_at"],
                             pick(lang, "公开回复", "Public reply")),
                            (data["append_reply_text"], data["append_replied_at"],
                             pick(lang, "追评回复", "Reply to the follow-up"))):
        if text:
            posted = (pick(lang, f"（{when(at)} 发布）", f" (posted {when(at)})") if at
                      else pick(lang, "（未发布）", " (not posted)"))
            out.write(f"  {label}{posted}: {one_line(text)}\n")
    nxt = data["next_window"]
    if nxt:
        about = pick(lang, "约", "about ") if nxt["estimate"] else ""
        out.write(f"  {pick(lang, '解释截止', 'Reply by')}: {when(nxt['due_at'])} "
                  f"({about}{nxt['remaining_hours']} h)\n")
    elif data["rule"] is None:
        unknown = pick(lang, "该平台的解释期限未知", "Reply window unknown for this platform")
        out.write(f"  {unknown}\n")
    counted = pick(lang, "联系买家（含案件上登记的通话）",
                   "Contacts with the buyer (calls logged on the case included)")
    out.write(f"  {counted}: {data['contacts_used']}/{MAX_CONTACTS}\n")
    lines = [(c["at"], f"{when(c['at'])}  {ContactChannel(c['channel']).label(lang)}  "
                       f"{c['actor']}  {one_line(c['note'])}") for c in data["contacts"]]
    lines += [(c["at"], f"{when(c['at'])}  {pick(lang, '登记通话', 'Call logged')}  "
                        f"{CallOutcome(c['outcome']).label(lang)}  {c['actor']}  "
                        f"{one_line(c['summary'])}") for c in data["calls"]]
    for _, line in sorted(lines):
        out.write(f"    {line.rstrip()}\n")
    if data["outcome"]:
        out.write(f"  {pick(lang, '结果', 'Outcome')}: "
                  f"{ReviewOutcome(data['outcome']).label(lang)}\n")


def cmd_reviews(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    lang = cli_lang(register, args)
    case = live_case(register, args.case_no, lang)
    command = args.reviews_command
    actor = actor_name(register, args.actor) if command != "show" else ""
    if command == "set":
        changes = _changes(args, register.shop_tz, register.clock.now(), lang)
        if not changes:
            raise CliError(pick(lang, "没有要设置的内容：请至少给出一个选项（见 reviews set -h）",
                                "nothing to set: give at least one option (see reviews set -h)"))
        register.reviews.save(case.id, actor, **changes)
    elif command == "contact":
        register.reviews.add_contact(case.id, ContactChannel(args.channel), actor, args.note,
                                     call_outcome=CallOutcome(args.call_outcome))
    data = review_json(register, case, lang)
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "review": data})
    else:
        _print(out, data, register, lang)
    return 0


REVIEW_HANDLERS = {"reviews": guarded(cmd_reviews, option_of=_OPTION_OF, not_found=True)}
