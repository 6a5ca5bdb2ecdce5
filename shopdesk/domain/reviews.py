"""Bad reviews (中差评): the review, the seller's public-reply windows, the follow-up
contacts and what became of the review.

The rules the issue and the platforms set: reply within the platform's window after the
review and again after a 追评; at most two follow-up contacts with the buyer, about the
problem and never about changing the review; the outcome (revised / appended / unchanged)
is recorded, never asked for. Plain Python; the window lengths are data
(resources/reviews/reply_windows.toml).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from .enums import Platform
from .errors import FieldError, ShopDeskError
from .labels import LabelledEnum
from .text import Text

MAX_CONTACTS = 2
MAX_TEXT = 2000
CONFIDENCES = ("high", "medium", "low")


class ReviewOutcome(LabelledEnum):
    """What became of the review, as the buyer left it (recorded, never solicited)."""

    REVISED = ("revised", "买家已修改评价", "Revised by the buyer")
    APPENDED = ("appended", "买家已追评", "Buyer appended a review")
    UNCHANGED = ("unchanged", "评价未变", "Unchanged")


class ReviewState(LabelledEnum):
    """Where the review stands, from what was done (shown for the case's stage): a reply
    still due first, then what the buyer did, then "replied, follow up"."""

    TO_REPLY = ("to_reply", "评价待回复", "Review to answer")
    APPEND_TO_REPLY = ("append_to_reply", "追评待回复", "Follow-up review to answer")
    REPLY_MISSED = ("reply_missed", "回复期已过，未回复", "Reply window passed unanswered")
    REPLIED = ("replied", "已回复评价，待跟进", "Replied; follow up")
    REVISED = ("revised", "评价结果：买家已修改评价", "Outcome: revised by the buyer")
    APPENDED = ("appended", "评价结果：买家已追评", "Outcome: buyer appended a review")
    UNCHANGED = ("unchanged", "评价结果：评价未变", "Outcome: unchanged")


_OUTCOME_STATE = {"revised": ReviewState.REVISED, "appended": ReviewState.APPENDED,
                  "unchanged": ReviewState.UNCHANGED}


class ContactChannel(LabelledEnum):
    CHAT = ("chat", "在线聊天", "Chat")
    PHONE = ("phone", "电话", "Phone")


@dataclass(frozen=True)
class ReplyWindowRule:
    """A platform's reply window: `reply_days` after the review, `append_reply_days`
    after a 追评; where the number comes from and how sure it is."""

    platform: Platform
    reply_days: int
    append_reply_days: int
    source: str
    year: int
    confidence: str
    note: Text

    @property
    def is_estimate(self) -> bool:
        """Shown as "约" (about): not from the platform's own rule text."""
        return self.confidence != "high"


class ReplyWindowDataError(ShopDeskError, ValueError):
    """resources/reviews/reply_windows.toml is broken (a packaging bug, said plainly)."""


def parse_windows(data: Mapping[str, object], source: str = "reply_windows.toml"
                  ) -> dict[Platform, ReplyWindowRule]:
    """The [[window]] tables of the data file, by platform."""
    out: dict[Platform, ReplyWindowRule] = {}
    items = data.get("window", [])
    if not isinstance(items, list):
        raise ReplyWindowDataError(f"{source}：window 应为表的列表",
                                   f"{source}: window must be a list of tables")
    for i, item in enumerate(items):
        where = f"{source}: window #{i + 1}"
        try:
            platform = Platform(str(item["platform"]))
            reply, append = int(item["reply_days"]), int(item["append_reply_days"])
            confidence = str(item["confidence"])
            note = item.get("note", {})
            rule = ReplyWindowRule(platform, reply, append, str(item["source"]),
                                   int(item["year"]), confidence,
                                   Text(str(note.get("zh", "")), str(note.get("en", ""))))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise ReplyWindowDataError(f"{where}：格式不对（{exc}）",
                                       f"{where}: malformed ({exc})") from None
        if reply <= 0 or append <= 0 or confidence not in CONFIDENCES or platform in out:
            raise ReplyWindowDataError(f"{where}：天数须为正数、可信度为 high/medium/low、"
                                       "每个平台一条",
                                       f"{where}: days must be positive, confidence "
                                       "high/medium/low, one entry per platform")
        out[platform] = rule
    return out


@dataclass(frozen=True)
class Review:
    """The review a bad_review case is about. Times are aware UTC datetimes."""

    case_id: int
    stars: int | None = None
    link: str = ""  # the review's address, or "" (the case's order number identifies it)
    text: str = ""
    reviewed_at: datetime | None = None
    appended_at: datetime | None = None  # the buyer's 追评
    append_text: str = ""
    reply_text: str = ""
    replied_at: datetime | None = None
    append_reply_text: str = ""
    append_replied_at: datetime | None = None
    outcome: ReviewOutcome | None = None
    outcome_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True)
class ReplyWindow:
    """One chance to reply: after the review ("review") or after the 追评 ("append")."""

    which: str
    opens_at: datetime
    due_at: datetime
    replied_at: datetime | None
    estimate: bool

    @property
    def replied(self) -> bool:
        return self.replied_at is not None

    def remaining(self, now: datetime) -> timedelta:
        return self.due_at - now

    def is_open(self, now: datetime) -> bool:
        """Still possible to reply: not yet replied and not past the due time."""
        return not self.replied and now < self.due_at


def reply_windows(review: Review, rule: ReplyWindowRule | None) -> list[ReplyWindow]:
    """The review's reply windows (none without a review date or a known rule)."""
    if rule is None or review.reviewed_at is None:
        return []
    out = [ReplyWindow("review", review.reviewed_at,
                       review.reviewed_at + timedelta(days=rule.reply_days),
                       review.replied_at, rule.is_estimate)]
    if review.appended_at is not None:
        out.append(ReplyWindow("append", review.appended_at,
                               review.appended_at + timedelta(days=rule.append_reply_days),
                               review.append_replied_at, rule.is_estimate))
    return out


def next_window(review: Review, rule: ReplyWindowRule | None,
                now: datetime) -> ReplyWindow | None:
    """The window to act on now: the earliest one still open (None: nothing to reply)."""
    return next((w for w in reply_windows(review, rule) if w.is_open(now)), None)


def review_state(review: Review, rule: ReplyWindowRule | None,
                 now: datetime) -> ReviewState:
    """What the review's state reads: a reply still possible (the 追评's, once there is
    one) comes first, as it is what to do; then the outcome recorded; then a window that
    passed unanswered; then "replied". Without the platform's window lengths a reply not
    yet posted is still due."""
    if rule is not None and review.reviewed_at is not None:
        due = next_window(review, rule, now)
        if due is not None:
            return ReviewState.APPEND_TO_REPLY if due.which == "append" \
                else ReviewState.TO_REPLY
        missed = any(not w.replied for w in reply_windows(review, rule))
    else:
        if review.appended_at is not None and review.append_replied_at is None:
            return ReviewState.APPEND_TO_REPLY
        if review.replied_at is None and review.outcome is None:
            return ReviewState.TO_REPLY
        missed = False
    if review.outcome is not None:
        return _OUTCOME_STATE[review.outcome.value]
    if missed:
        return ReviewState.REPLY_MISSED
    return ReviewState.REPLIED if review.replied_at is not None else ReviewState.TO_REPLY


def validate_review(review: Review, now: datetime) -> list[FieldError]:
    """Problems with the review facts (empty: fine)."""
    errors: list[FieldError] = []
    if review.stars is not None and not 1 <= review.stars <= 5:
        errors.append(FieldError("stars", "星级应为 1–5", "Stars must be 1 to 5"))
    for name, value in (("text", review.text), ("append_text", review.append_text),
                        ("reply_text", review.reply_text),
                        ("append_reply_text", review.append_reply_text)):
        if len(value) > MAX_TEXT:
            errors.append(FieldError(name, f"文字不能超过 {MAX_TEXT} 字",
                                     f"The text is longer than {MAX_TEXT} characters"))
    slack = now + timedelta(minutes=5)
    for name, value in (("reviewed_at", review.reviewed_at),
                        ("appended_at", review.appended_at),
                        ("replied_at", review.replied_at),
                        ("append_replied_at", review.append_replied_at)):
        if value is not None and value > slack:
            errors.append(FieldError(name, "时间不能在将来", "The time is in the future"))
    if review.appended_at and review.reviewed_at and review.appended_at < review.reviewed_at:
        errors.append(FieldError("appended_at", "追评时间早于评价时间",
                                 "The follow-up review is dated before the review"))
    if review.appended_at is None and (review.append_replied_at or review.append_reply_text):
        errors.append(FieldError("append_replied_at", "没有追评，不能回复追评",
                                 "There is no follow-up review to reply to"))
    if review.outcome is ReviewOutcome.APPENDED and review.appended_at is None:
        errors.append(FieldError("outcome", "结果为“买家已追评”时请填写追评时间",
                                 "An 'appended' outcome needs the follow-up review's date"))
    return errors


@dataclass(frozen=True)
class ReviewContact:
    """One follow-up contact with the reviewer (at most MAX_CONTACTS per case)."""

    id: int
    case_id: int
    at: datetime
    channel: ContactChannel
    note: str
    actor: str


def check_contact_allowed(existing: int) -> list[FieldError]:
    """The cap: two follow-up contacts at most, whatever the call policy would allow;
    `existing` counts every contact with the buyer on the case (calls logged included)."""
    if existing >= MAX_CONTACTS:
        return [FieldError("contacts", f"差评跟进最多联系买家 {MAX_CONTACTS} 次（含这个案件上"
                           "登记的通话），已用完；再联系容易被认定为骚扰",
                           f"A bad review allows at most {MAX_CONTACTS} follow-up contacts "
                           "(calls logged on the case included) and they are used; more "
                           "would risk a harassment report")]
    return []
