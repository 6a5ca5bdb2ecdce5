"""The review section of a bad-review case's dispute summary: the stars, what the buyer
wrote (and added later), the shop's public replies and whether they were posted, what
became of the review, and each contact with the reviewer. Rows as plain text for the
renderer (summary_pdf.py lays them out)."""

from __future__ import annotations

from datetime import datetime

from ..domain.clock import local
from .summary_data import ReviewSection
from .summary_labels import Labels

# (label key, value, label key or None, value): as summary_pdf._pairs takes them.
PairRow = tuple[str, object, str | None, object]


def _when(at: datetime | None, tz: str) -> str:
    return local(at, tz).strftime("%Y-%m-%d %H:%M") if at else ""


def _posted(text: str, at: datetime | None, labels: Labels, tz: str) -> str:
    """Whether a reply was posted: when, or that it is a draft (nothing: no reply)."""
    if at is not None:
        return labels.fmt("reply_posted", at=_when(at, tz))
    return labels["reply_draft"] if text.strip() else ""


def review_rows(section: ReviewSection, labels: Labels, tz: str) -> list[PairRow]:
    """The review's facts, its 追评 and the public replies, two pairs a row where short."""
    r = section.review
    stars = labels.fmt("review_stars_value", n=r.stars) if r.stars else ""
    rows: list[PairRow] = [
        ("review_stars", stars, "review_at", _when(r.reviewed_at, tz)),
        ("review_text", r.text, None, None),
    ]
    if r.link:
        rows.append(("review_link", r.link, None, None))
    if r.appended_at is not None or r.append_text:
        rows += [("append_at", _when(r.appended_at, tz), None, None),
                 ("append_text", r.append_text, None, None)]
    rows += [("reply_text", r.reply_text, None, None),
             ("reply_state", _posted(r.reply_text, r.replied_at, labels, tz)
              or labels["reply_none"], None, None)]
    if r.appended_at is not None or r.append_reply_text or r.append_replied_at:
        rows += [("append_reply_text", r.append_reply_text, None, None),
                 ("append_reply_state",
                  _posted(r.append_reply_text, r.append_replied_at, labels, tz)
                  or labels["reply_none"], None, None)]
    if r.outcome is not None:
        outcome = r.outcome.label(labels.lang)
        if r.outcome_at is not None:
            outcome += labels.fmt("outcome_at", at=_when(r.outcome_at, tz))
        rows.append(("review_outcome_label", outcome, None, None))
    return rows


def contact_rows(section: ReviewSection, labels: Labels, tz: str) -> list[list[str]]:
    """Time, who, how, what was said: each contact with the reviewer, oldest first."""
    out = []
    for c in section.contacts:
        how = c.channel.label(labels.lang)
        if c.call_outcome is not None:
            how += labels["sep"] + c.call_outcome.label(labels.lang)
        out.append([_when(c.at, tz), c.actor, how, c.note])
    return out
