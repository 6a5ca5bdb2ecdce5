"""The printed text of one timeline line, redrawn from the event's data in the document's
language (calls with outcome and duration, promises with whether they were kept)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..domain.call_policy import CallOutcome
from ..domain.clock import from_iso, local
from ..domain.enums import CaseStatus, Outcome
from ..domain.evidence import EvidenceCategory
from ..domain.followups import FollowupResult
from ..domain.labels import LabelledEnum
from ..domain.platform_state import PlatformStage
from ..domain.promises import Promise, PromiseKind, PromiseState
from ..domain.reviews import ContactChannel, ReviewOutcome
from ..domain.text import list_sep, with_note
from ..domain.warnings import RuleKey
from .summary_data import TimelineEntry
from .summary_labels import Labels


def _when(at: datetime | None, tz: str) -> str:
    return local(at, tz).strftime("%Y-%m-%d %H:%M") if at else ""


def _label(enum: type[LabelledEnum], key: Any, lang: str) -> str:
    if not key:
        return ""
    try:
        return enum(key).label(lang)
    except ValueError:
        return str(key)


def timeline_content(entry: TimelineEntry, labels: Labels, tz: str, now: datetime) -> str:
    """The 'details' cell of a timeline row (may hold several lines)."""
    kind = entry.type
    data = entry.data or {}
    if kind == "status":
        return _status(entry, labels)
    if kind == "edit":
        fields = [_field(labels, f) for f in data.get("fields", [])]
        return labels.fmt("edited_fields", fields=list_sep(labels.lang).join(fields))
    if kind == "enriched":
        fields = [_field(labels, f) for f in data.get("fields", [])]
        return labels.fmt("enriched_fields", order=data.get("order_no", ""),
                          fields=list_sep(labels.lang).join(fields))
    if kind == "order_mismatch":
        fields = [_field(labels, f) for f in data.get("fields", [])]
        return labels.fmt("order_mismatch_fields", order=data.get("order_no", ""),
                          fields=list_sep(labels.lang).join(fields))
    if kind == "call":
        return _call(entry, labels)
    if kind in ("promise_made", "promise_kept", "promise_broken", "promise_cancelled"):
        return _promise(entry, labels, tz, now)
    if kind in ("evidence_added", "evidence_removed"):
        return _evidence(entry, labels)
    if kind == "major":
        owner = data.get("owner")
        line = labels.fmt("major_line", owner=owner) if owner else labels["not_major"]
        return "\n".join(x for x in (line, entry.text) if x)
    if kind == "approval":
        line = labels.fmt("approval_line", amount=data.get("amount", ""),
                          who=data.get("requested_by") or "")
        return "\n".join(x for x in (line, entry.text) if x)
    # The stored text of these is Chinese: redrawn from `data` in the document's language.
    if kind == "review":
        return _review(entry, labels)
    if kind == "review_contact":
        return _review_contact(entry, labels)
    if kind.startswith("followup_"):
        return _followup(entry, labels, tz)
    if kind == "stage":
        line = labels.fmt("stage_line", stage=_label(PlatformStage, data.get("to"), labels.lang)
                          or entry.text)
        if data.get("tracking"):
            line += labels.fmt("stage_tracking", no=data["tracking"])
        return line
    if kind == "step" and data.get("step"):
        from ..domain.scripts.steps import HandlingStep  # the script library's package

        step = _label(HandlingStep, data["step"], labels.lang)
        return labels.fmt("step_done" if data.get("done", True) else "step_undone", step=step)
    if kind == "warning_ack" and data.get("rules"):
        rules = list_sep(labels.lang).join(_label(RuleKey, r, labels.lang)
                                           for r in data["rules"])
        line = labels.fmt("warning_ack_line", rules=rules)
        return "\n".join(x for x in (line, entry.text and labels.fmt("note_line",
                                                                      text=entry.text)) if x)
    return entry.text


def _field(labels: Labels, name: str) -> str:
    try:
        return labels[name]
    except KeyError:
        return name


def _status(entry: TimelineEntry, labels: Labels) -> str:
    data = entry.data or {}
    lang = labels.lang
    lines = [labels.fmt("status_change", old=_label(CaseStatus, data.get("from"), lang),
                        new=_label(CaseStatus, data.get("to"), lang))]
    if data.get("outcome"):
        line = labels.fmt("outcome_line", outcome=_label(Outcome, data["outcome"], lang))
        if data.get("amount") is not None:
            line += f" ¥{data['amount']}"
        lines.append(line)
    if entry.text:
        lines.append(entry.text)
    return "\n".join(lines)


def _call(entry: TimelineEntry, labels: Labels) -> str:
    sep = labels["sep"]
    call = entry.call
    data = entry.data or {}
    if call is None:  # the call log row is gone (purged case): print what the event kept
        outcome = _label(CallOutcome, data.get("outcome"), labels.lang) or entry.text
        duration, summary, agreed = data.get("duration"), "", data.get("agreed") or ""
        override = None
    else:
        outcome = call.outcome.label(labels.lang)
        duration, summary, agreed = call.duration_seconds, call.summary, call.agreed
        override = call.override_reason if call.overridden else None
    head = outcome
    if duration:
        head += sep + labels.fmt("call_duration", d=labels.duration(int(duration)))
    lines = [head]
    if data.get("before_case"):
        lines.append(labels["call_before_case"])
    if summary:
        lines.append(labels.fmt("call_summary", text=summary))
    if agreed:
        lines.append(labels.fmt("call_agreed", text=agreed))
    if override or (call is None and data.get("overridden")):
        lines.append(labels.fmt("call_override", text=override or "—"))
    return "\n".join(lines)


def _describe(entry: TimelineEntry, labels: Labels) -> str:
    data = entry.data or {}
    if entry.promise is not None:
        return entry.promise.describe(labels.lang)
    try:
        kind = PromiseKind(data.get("kind"))
    except ValueError:
        return entry.text
    text = str(data.get("text") or "").strip()
    if not text:
        return kind.label(labels.lang)
    if kind == PromiseKind.OTHER:
        return text
    return f"{kind.label(labels.lang)}{labels['colon']}{text}"


def _promise(entry: TimelineEntry, labels: Labels, tz: str, now: datetime) -> str:
    data = entry.data or {}
    lines = [_describe(entry, labels)]
    if entry.type == "promise_made":
        due = entry.promise.due_at if entry.promise else from_iso(data.get("due_at"))
        if due is not None:
            lines[0] = with_note(lines[0], labels.fmt("promise_due", due=_when(due, tz)),
                                 labels.lang)
        if entry.promise is not None:
            lines.append(_result(entry.promise, labels, tz, now))
    elif entry.type == "promise_kept":
        if data.get("late"):
            lines[0] += f"{labels['sep']}{labels['state_kept_late']}"  # no "·": see labels
    elif entry.type in ("promise_broken", "promise_cancelled"):
        reason = data.get("reason") or (entry.promise.broken_reason if entry.promise else "")
        if reason:
            lines.append(labels.fmt("reason", text=reason))
    return "\n".join(lines)


def _result(p: Promise, labels: Labels, tz: str, now: datetime) -> str:
    """How a promise turned out, as of the printing."""
    if p.state == PromiseState.KEPT:
        key = "promise_now_kept_late" if p.was_late() else "promise_now_kept"
        return labels.fmt(key, at=_when(p.resolved_at, tz))
    if p.state == PromiseState.BROKEN:
        return labels.fmt("promise_now_broken", at=_when(p.resolved_at, tz),
                          reason=p.broken_reason or "")
    if p.state == PromiseState.CANCELLED:
        return labels.fmt("promise_now_cancelled", at=_when(p.resolved_at, tz),
                          reason=p.broken_reason or "")
    return labels["promise_now_overdue" if p.is_overdue(now) else "promise_now_open"]


def _evidence(entry: TimelineEntry, labels: Labels) -> str:
    data = entry.data or {}
    if entry.type == "evidence_removed":
        lines = [entry.text]
        if data.get("reason"):
            lines.append(labels.fmt("reason", text=data["reason"]))
        return "\n".join(lines)
    if data.get("kind") == "waybill":
        head = f"{labels['waybill']} {entry.text}"
    else:
        category = _label(EvidenceCategory, data.get("category"), labels.lang)
        head = f"{category}{labels['colon']}{entry.text}" if category else entry.text
    caption = str(data.get("caption") or "")
    return f"{head}\n{caption}" if caption else head


# The stored line of a review event when a reply went out (services/reviews.py).
_REPLIED_TEXT = "已发出评价解释"


def _review(entry: TimelineEntry, labels: Labels) -> str:
    data = entry.data or {}
    fields = [str(f) for f in data.get("fields") or []]
    if "outcome" in fields and data.get("outcome"):
        return labels.fmt("review_outcome",
                          outcome=_label(ReviewOutcome, data["outcome"], labels.lang))
    if entry.text == _REPLIED_TEXT:
        return labels["review_replied"]
    names = [_field(labels, f"review_field_{f}") for f in fields]
    if not names:
        return labels["review_updated"]
    return labels.fmt("review_updated_fields", fields=list_sep(labels.lang).join(names))


def _review_contact(entry: TimelineEntry, labels: Labels) -> str:
    """"差评跟进联系 1/2（在线聊天）：note" is stored; the note is the user's own words."""
    data = entry.data or {}
    channel = _label(ContactChannel, data.get("channel"), labels.lang)
    line = labels.fmt("review_contact_line", n=data.get("number", ""), channel=channel)
    _head, sep, note = entry.text.partition("）：")
    return f"{line}\n{note.strip()}" if sep and note.strip() else line


def _followup(entry: TimelineEntry, labels: Labels, tz: str) -> str:
    data = entry.data or {}
    if entry.type == "followup_scheduled":
        due = from_iso(data.get("due_at"))
        return labels.fmt("followup_scheduled_line", due=_when(due, tz)) if due else entry.text
    if entry.type == "followup_done":
        line = labels.fmt("followup_done_line",
                          result=_label(FollowupResult, data.get("result"), labels.lang))
        note = str(data.get("note") or "").strip()
        return f"{line}\n{note}" if note else line
    if entry.type == "followup_cancelled":
        return labels["followup_cancelled_line"]
    return entry.text
