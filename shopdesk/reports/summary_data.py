"""What a dispute summary shows, as plain data (gathered by services/summary.py).

The renderer (summary_pdf.py) reads only these dataclasses and domain types: no database,
no Qt. Contact fields of `case` are already masked unless the user chose full contact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.call_policy import CallOutcome
from ..domain.case import Case
from ..domain.evidence import ChecklistItem, Evidence
from ..domain.promises import Promise, PromiseState
from ..domain.reviews import ContactChannel, Review
from ..domain.warnings import RuleKey


@dataclass(frozen=True)
class CallDetail:
    """A logged call as the summary prints it."""

    outcome: CallOutcome
    duration_seconds: int | None = None
    summary: str = ""
    agreed: str = ""
    overridden: bool = False
    override_reason: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the case's history, oldest first.

    `call` is set for a call event (from the call log), `promise` for promise events
    (the promise as it stands now, so a promise made shows whether it was kept).
    """

    at: datetime
    actor: str
    type: str
    text: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)
    call: CallDetail | None = None
    promise: Promise | None = None


@dataclass(frozen=True)
class EvidenceEntry:
    """One piece of live evidence; `path` is where its bytes should be (None: waybill)."""

    number: int  # the evidence's id: what the window and `shopdesk evidence` show
    evidence: Evidence
    path: Path | None = None
    present: bool = False  # the file is in the data folder (always False for a waybill)
    # There, but not what it says it is (a text file named .docx, a picture that does
    # not decode): listed apart, not counted as evidence provided.
    unreadable: bool = False

    @property
    def usable(self) -> bool:
        """A waybill, or a file that is there and opens: evidence a reader can check."""
        return not self.evidence.is_file or (self.present and not self.unreadable)


@dataclass(frozen=True)
class ReviewContactLine:
    """A contact with the reviewer: a follow-up contact recorded on the review tab, or
    another call logged on the case (it reached the same buyer about the same review)."""

    at: datetime
    actor: str
    channel: ContactChannel
    note: str = ""
    call_outcome: CallOutcome | None = None  # for a call


@dataclass(frozen=True)
class ReviewSection:
    """A bad review as the shop recorded it (texts masked as the rest of the summary)."""

    review: Review
    contacts: tuple[ReviewContactLine, ...] = ()

    @property
    def recorded(self) -> bool:
        r = self.review
        return bool(r.stars or r.text or r.reviewed_at or r.link or r.reply_text
                    or r.appended_at)


@dataclass(frozen=True)
class SummaryWarning:
    """An early warning on the case (live or acknowledged; cleared ones are not printed)."""

    rule: RuleKey
    reason_zh: str
    reason_en: str
    raised_at: datetime
    ack_by: str = ""
    ack_at: datetime | None = None
    ack_note: str = ""


@dataclass(frozen=True)
class DisputeSummary:
    """Everything one case's summary prints."""

    case: Case
    shop_name: str
    tz: str
    generated_at: datetime
    generated_by: str
    facts: str
    full_contact: bool = False
    timeline: tuple[TimelineEntry, ...] = ()
    promises: tuple[Promise, ...] = ()
    evidence: tuple[EvidenceEntry, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    checklist_problem: str = ""  # the checklist file is broken: say so, print the rest
    resolved_at: datetime | None = None
    warnings: tuple[SummaryWarning, ...] = ()
    # For the platform (an appeal, the arbiter): the shop's own assessments left out (see
    # services/summary.py INTERNAL_EVENTS); False: the complete record, for the shop.
    for_platform: bool = False
    review: ReviewSection | None = None  # a bad-review case's review, replies, contacts

    @property
    def calls(self) -> list[TimelineEntry]:
        return [e for e in self.timeline if e.type == "call"]

    @property
    def connected_calls(self) -> int:
        return sum(1 for e in self.calls if e.call is not None and e.call.outcome.is_conversation)

    def promise_counts(self) -> dict[PromiseState, int]:
        counts = dict.fromkeys(PromiseState, 0)
        for p in self.promises:
            counts[p.state] += 1
        return counts
