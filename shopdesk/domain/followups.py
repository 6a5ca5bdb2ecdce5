"""Follow-ups after resolution (回访): when one is due, and what the buyer said.

Resolving a case schedules one follow-up when the shop's rule for the case's kind says so
(a number of days after the resolution; none for a plain refund by default). The outcome
is recorded once: satisfied, the problem came back (the case is reopened), or no reply.
Plain Python: the service, the CLI and the window share these rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from .enums import CaseKind
from .errors import FieldError
from .labels import LabelledEnum

MAX_NOTE = 500
MAX_DAYS = 365


class FollowupResult(LabelledEnum):
    """What the follow-up found (the three outcomes the analysis counts)."""

    SATISFIED = ("satisfied", "满意", "Satisfied")
    PROBLEM_AGAIN = ("problem_again", "问题再次出现", "Problem again")
    NO_REPLY = ("no_reply", "未回复", "No reply")


class FollowupState(LabelledEnum):
    OPEN = ("open", "待回访", "Scheduled")
    DONE = ("done", "已回访", "Done")
    # The case was reopened (or trashed) before the follow-up: nothing left to ask.
    CANCELLED = ("cancelled", "已取消", "Cancelled")


@dataclass(frozen=True)
class FollowupRule:
    """Follow up `days` after a case of `kind` is resolved, with script `script_id`
    suggested ("" : the library's best follow-up script for the case)."""

    kind: CaseKind
    days: int | None  # None: no follow-up for this kind
    script_id: str = ""


# The shop's defaults; the resolution date stands for the arrival of a reshipment or an
# exchange (ShopDesk does not track that parcel), so the reship delay counts ~2 days of
# transit before the "3 days after it arrives" of the issue.
DEFAULT_RULES: dict[CaseKind, FollowupRule] = {
    CaseKind.REFUND_ONLY: FollowupRule(CaseKind.REFUND_ONLY, None,
                                       "refund_only.follow_up.1"),
    CaseKind.RETURN_REFUND: FollowupRule(CaseKind.RETURN_REFUND, None,
                                         "return_refund.follow_up.1"),
    CaseKind.EXCHANGE: FollowupRule(CaseKind.EXCHANGE, 7, "exchange.follow_up.1"),
    CaseKind.RESHIP_REPAIR: FollowupRule(CaseKind.RESHIP_REPAIR, 5,
                                         "reship_repair.follow_up.1"),
    CaseKind.BAD_REVIEW: FollowupRule(CaseKind.BAD_REVIEW, 3, "bad_review.follow_up.1"),
    CaseKind.COMPLAINT: FollowupRule(CaseKind.COMPLAINT, 3, "complaint.follow_up.1"),
    CaseKind.PLATFORM_DISPUTE: FollowupRule(CaseKind.PLATFORM_DISPUTE, None,
                                            "platform_dispute.follow_up.1"),
}


def rules_from_setting(value: object) -> dict[CaseKind, FollowupRule]:
    """The rules stored in settings ({"exchange": 7, "refund_only": null, ...}) over the
    defaults; unknown kinds and bad values are ignored (the defaults stand)."""
    rules = dict(DEFAULT_RULES)
    if not isinstance(value, Mapping):
        return rules
    for key, days in value.items():
        try:
            kind = CaseKind(str(key))
        except ValueError:
            continue
        if days is None or (isinstance(days, int) and not isinstance(days, bool)
                            and 0 <= days <= MAX_DAYS):
            rules[kind] = FollowupRule(kind, days, DEFAULT_RULES[kind].script_id)
    return rules


def rules_to_setting(rules: Mapping[CaseKind, FollowupRule]) -> dict[str, int | None]:
    return {k.value: r.days for k, r in rules.items()}


def parse_days(text: str) -> int | None:
    """'7' -> 7; 'none' / '无' / '' -> None (no follow-up). ValueError otherwise."""
    text = text.strip().lower()
    if text in ("", "none", "no", "off", "无", "不回访"):
        return None
    days = int(text)
    if not 0 <= days <= MAX_DAYS:
        raise ValueError(text)
    return days


def due_after(resolved_at: datetime, rule: FollowupRule) -> datetime | None:
    """When the follow-up for a case resolved at `resolved_at` is due (None: no rule)."""
    if rule.days is None:
        return None
    return resolved_at + timedelta(days=rule.days)


@dataclass(frozen=True)
class Followup:
    """One scheduled follow-up. Times are aware UTC datetimes."""

    id: int
    case_id: int
    kind: CaseKind
    due_at: datetime
    script_id: str
    created_at: datetime
    created_by: str
    state: FollowupState = FollowupState.OPEN
    result: FollowupResult | None = None
    done_at: datetime | None = None
    done_by: str | None = None
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.state is FollowupState.OPEN

    def is_due(self, now: datetime) -> bool:
        return self.is_open and self.due_at <= now


def validate_result(followup: Followup, result: FollowupResult | None,
                    note: str) -> list[FieldError]:
    """Problems with recording `result` on `followup` (empty: fine)."""
    errors: list[FieldError] = []
    if not followup.is_open:
        errors.append(FieldError(
            "state", f"回访 #{followup.id} 已{followup.state.zh}，不能再记录结果",
            f"Follow-up #{followup.id} is already {followup.state.en.lower()}; "
            "its result cannot be recorded again"))
    if result is None:
        errors.append(FieldError("result", "请选择回访结果", "Choose the follow-up result"))
    note = (note or "").strip()
    if result is FollowupResult.PROBLEM_AGAIN and not note:
        errors.append(FieldError("note", "问题再次出现会重新打开案件，请写明原因",
                                 "Problem again reopens the case: say what happened"))
    if len(note) > MAX_NOTE:
        errors.append(FieldError("note", f"备注不能超过 {MAX_NOTE} 字",
                                 f"The note is longer than {MAX_NOTE} characters"))
    return errors
