"""Bad reviews (中差评): the review's facts, the public reply and its window, at most two
follow-up contacts within the call policy, and what became of the review.

Nothing here asks the buyer to change a review: a reply or contact note that offers a
benefit for a review (the script rules' `review_for_benefit`) is refused, and the outcome
is only recorded. Every write is one transaction with its timeline event and audit rows.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.call_policy import CallOutcome
from ..domain.call_policy.reasons import Notice
from ..domain.case import Case
from ..domain.clock import SHOP_TZ_DEFAULT, Clock, to_utc_iso
from ..domain.enums import CaseKind, Platform
from ..domain.errors import FieldError, ValidationError, WorkflowError
from ..domain.reviews import (
    ContactChannel,
    ReplyWindow,
    ReplyWindowRule,
    Review,
    ReviewContact,
    ReviewOutcome,
    ReviewState,
    check_contact_allowed,
    next_window,
    parse_windows,
    reply_windows,
    review_state,
    validate_review,
)
from ..domain.scripts.rules import mistakes_for
from ..storage.audit import AuditStore
from ..storage.calls import CallRecord, CallStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.reviews import ReviewStore
from ..storage.rows import case_to_row
from .actor import require_actor
from .calls import CallRefusedError, CallService
from .cases import CaseService
from .deadlines import REVIEW_REPLY_DUE_KEY
from .scripts import ScriptService

BENEFIT_RULE = "review_for_benefit"
# The public-reply scripts (audience "public") for the review and for a 追评.
REPLY_SCRIPTS = {"review": "bad_review.explain.2", "append": "bad_review.explain.3"}
EDITABLE = ("stars", "link", "text", "reviewed_at", "appended_at", "append_text",
            "reply_text", "replied_at", "append_reply_text", "append_replied_at", "outcome")


class NotABadReviewError(WorkflowError):
    def __init__(self, case: Case) -> None:
        super().__init__(f"案件 {case.case_no} 不是中差评案件（类型：{case.kind.zh}）",
                         f"Case {case.case_no} is not a bad-review case (kind: "
                         f"{case.kind.en})")


class ReviewService:
    """register.reviews."""

    def __init__(self, db: Database, clock: Clock, cases: CaseService, calls: CallService,
                 scripts: Callable[[], ScriptService], windows_file: Path, *,
                 shop_tz: str = SHOP_TZ_DEFAULT,
                 after_write: Callable[[list[int]], None] | None = None) -> None:
        self.db = db
        self.clock = clock
        self.cases = cases
        self.calls = calls
        self._scripts = scripts  # the library and its rules are loaded on first use
        self.windows_file = windows_file
        self.shop_tz = shop_tz
        self.store = ReviewStore(db)
        self.call_log = CallStore(db)
        self.events = EventStore(db)
        self.audit_log = AuditStore(db)
        self._windows: dict[Platform, ReplyWindowRule] | None = None
        # The register's stage/deadline/warning refresh, in the save's transaction.
        self._after_write = after_write

    # --- the reply windows ----------------------------------------------------------
    def window_rules(self) -> dict[Platform, ReplyWindowRule]:
        """Reply-window lengths per platform (the shipped data file)."""
        if self._windows is None:
            with self.windows_file.open("rb") as fh:
                self._windows = parse_windows(tomllib.load(fh), self.windows_file.name)
        return self._windows

    def rule_for(self, case: Case) -> ReplyWindowRule | None:
        return self.window_rules().get(case.platform)

    def windows(self, case_id: int) -> list[ReplyWindow]:
        case = self._bad_review(case_id)
        return reply_windows(self.get(case_id), self.rule_for(case))

    def next_window(self, case_id: int) -> ReplyWindow | None:
        """The reply window to act on now (None: replied, closed or unknown)."""
        case = self._bad_review(case_id)
        return next_window(self.get(case_id), self.rule_for(case), self.clock.now())

    def state(self, case_id: int) -> ReviewState:
        """Where the review stands after what was done (replied, a 追评 to answer, the
        outcome): what the case header shows instead of a bare "评价待回复"."""
        case = self._bad_review(case_id)
        return review_state(self.get(case_id), self.rule_for(case), self.clock.now())

    # --- the review -----------------------------------------------------------------
    def get(self, case_id: int) -> Review:
        """The case's review (an empty one when nothing was recorded yet)."""
        return self.store.get(case_id) or Review(case_id=case_id)

    def save(self, case_id: int, actor: str, **changes: Any) -> Review:
        """Change the review's facts, the replies or the outcome (only what is given)."""
        actor = require_actor(actor)
        unknown = sorted(set(changes) - set(EDITABLE))
        if unknown:
            raise ValueError(f"not review fields: {unknown}")
        now = self.clock.now()
        with self.db.atomic():
            case = self._bad_review(case_id)
            old = self.get(case_id)
            if "outcome" in changes and isinstance(changes["outcome"], str):
                changes["outcome"] = ReviewOutcome.parse(changes["outcome"])
            new = replace(old, **changes)
            errors = validate_review(new, now)
            errors += self._sent_reply_kept(old, new)
            for name in ("reply_text", "append_reply_text"):
                errors += self._benefit_errors(case, name, getattr(new, name))
            if errors:
                raise ValidationError(errors)
            diff = [n for n in EDITABLE if getattr(old, n) != getattr(new, n)]
            if not diff and self.store.get(case_id) is not None:
                return old
            if "outcome" in diff:
                new = replace(new, outcome_at=now if new.outcome else None)
            saved = self.store.save(replace(new, updated_at=now, updated_by=actor))
            for name in diff:
                self.audit_log.record(now, actor, "case", case_id, "review", name,
                                      _text(getattr(old, name)), _text(getattr(new, name)))
            self.events.add(case_id, now, actor, "review", _event_text(old, saved, diff),
                            {"fields": diff,
                             "outcome": saved.outcome.value if saved.outcome else None})
            self._touch(case_id, now)
            self._keep_reply_due(case, saved)
        return saved

    def backfill_reply_due(self) -> int:
        """Give every reviewed case its reply due time (reviews saved before ShopDesk kept
        it on the case); returns how many changed. One transaction."""
        with self.db.atomic():
            return self.refresh_reply_due(self.store.reviewed_case_ids(), notify=True)

    def refresh_reply_due(self, case_ids: list[int], *, notify: bool = False) -> int:
        """Bring the reply due time kept on these cases up to date with their review, their
        platform (its window length) and their kind (a case no longer a bad review keeps
        none); returns how many changed. `notify`: refresh their stage and deadline too
        (a caller about to do that itself passes False). Caller's transaction."""
        changed = 0
        for case_id, case in self.cases.store.fetch(case_ids).items():
            review = self.get(case_id) if case.kind is CaseKind.BAD_REVIEW else None
            if self._keep_reply_due(case, review, notify=notify):
                changed += 1
        return changed

    def _keep_reply_due(self, case: Case, review: Review | None, *,
                        notify: bool = True) -> bool:
        """Put the review's reply due time on the case, so the case's deadline (the list's
        剩余时间, reminders, the hand-off) counts from the review, as this tab does, and
        not from when the case was opened. Past due and unreplied stays due (overdue).
        None (the rule's estimate stands) when the case is not a bad review, nothing was
        recorded, or the platform's window is unknown: "" would mean "nothing to reply"."""
        rule = self.rule_for(case)
        value: str | None = None
        if review is not None and rule is not None and review.reviewed_at is not None:
            due = next((w.due_at for w in reply_windows(review, rule) if not w.replied),
                       None)
            value = to_utc_iso(due) if due is not None else ""
        extra = dict(case.extra)
        if value is None:
            extra.pop(REVIEW_REPLY_DUE_KEY, None)
        else:
            extra[REVIEW_REPLY_DUE_KEY] = value
        if extra == case.extra:
            return False
        row = case_to_row(case.with_changes(extra=extra))
        self.cases.store.update_columns(case.id, {"extra": row["extra"]}, reindex=False)
        if notify and self._after_write is not None:
            self._after_write([case.id])
        return True

    @staticmethod
    def _sent_reply_kept(old: Review, new: Review) -> list[FieldError]:
        """A reply the platform published cannot be edited there, so not here either."""
        errors = []
        for text, at in (("reply_text", "replied_at"),
                         ("append_reply_text", "append_replied_at")):
            if getattr(old, at) is not None and getattr(old, text) != getattr(new, text):
                errors.append(FieldError(text, "解释已发出，平台上不能修改，这里也不改",
                                         "The reply was already posted and cannot be "
                                         "edited on the platform, so not here either"))
        return errors

    def _benefit_errors(self, case: Case, field: str, text: str) -> list[FieldError]:
        if not text.strip():
            return []
        hits = [w for w in mistakes_for(case.cause, text,
                                                     self._scripts().catalog.rules)
                if w.rule_id == BENEFIT_RULE]
        return [FieldError(field, f"{w.message.zh}（“{w.match}”）",
                           f"{w.message.en} (“{w.match}”)") for w in hits]

    def reply_script(self, case_id: int, which: str = "review", lang: str = "zh",
                     agent: str = "") -> str:
        """The suggested public reply ("review" or "append"), filled from the case."""
        self._bad_review(case_id)
        return self._scripts().render_for_case(REPLY_SCRIPTS[which], case_id, lang=lang,
                                               agent=agent).text

    # --- follow-up contacts -----------------------------------------------------------
    def contacts(self, case_id: int) -> list[ReviewContact]:
        return self.store.contacts(case_id)

    def other_calls(self, case_id: int) -> list[CallRecord]:
        """Calls logged on the case (登记通话) that are not a follow-up contact recorded
        here (a phone contact logs its own call, at the same moment)."""
        phoned = {c.at for c in self.store.contacts(case_id)
                  if c.channel is ContactChannel.PHONE}
        return [c for c in self.call_log.for_case(case_id) if c.at not in phoned]

    def contacts_used(self, case_id: int) -> int:
        """Contacts with the reviewer that count against the two a bad review allows: the
        follow-up contacts recorded here and every other call logged on the case,
        answered or not. The limit is there so the buyer is not pestered; a call logged
        from the case's call button reaches the same buyer about the same review."""
        return len(self.store.contacts(case_id)) + len(self.other_calls(case_id))

    def add_contact(self, case_id: int, channel: ContactChannel, actor: str, note: str = "",
                    *, call_outcome: CallOutcome = CallOutcome.CONNECTED) -> ReviewContact:
        """Record a follow-up contact with the reviewer: at most two, about the problem.
        A phone contact must be allowed by the call policy now (no override) and is
        logged as a call too, so the policy's caps count it."""
        actor = require_actor(actor)
        note = (note or "").strip()
        now = self.clock.now()
        with self.db.atomic():
            case = self._bad_review(case_id)
            errors = check_contact_allowed(self.contacts_used(case_id))
            errors += self._benefit_errors(case, "note", note)
            if errors:
                raise ValidationError(errors)
            if channel is ContactChannel.PHONE:
                decision = self.calls.can_call(case_id, now)
                if not decision.allowed:
                    raise CallRefusedError(decision, [Notice(r.code.value, r.zh, r.en)
                                                      for r in decision.reasons])
                self.calls.log_call(case_id, call_outcome, actor, now, summary=note)
            contact = self.store.add_contact(case_id, now, channel, note, actor)
            number = self.contacts_used(case_id)
            self.events.add(case_id, now, actor, "review_contact",
                            f"差评跟进联系 {number}/2（{channel.zh}）" + (f"：{note}" if note
                                                                      else ""),
                            {"contact_id": contact.id, "channel": channel.value,
                             "number": number})
            self.audit_log.record(now, actor, "case", case_id, "review_contact",
                                  f"contact:{contact.id}", None, channel.value)
            self._touch(case_id, now)
        return contact

    # --- helpers ----------------------------------------------------------------------
    def _bad_review(self, case_id: int) -> Case:
        case = self.cases.get(case_id)
        if case.kind is not CaseKind.BAD_REVIEW:
            raise NotABadReviewError(case)
        return case

    def _touch(self, case_id: int, at: datetime) -> None:
        stamp = to_utc_iso(at)
        self.cases.store.update_columns(case_id, {"last_activity_at": stamp,
                                                  "updated_at": stamp}, reindex=False)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_utc_iso(value)
    return str(value)


def _event_text(old: Review, new: Review, diff: list[str]) -> str:
    """The stored (Chinese) timeline line."""
    if "outcome" in diff and new.outcome:
        return f"评价结果：{new.outcome.zh}"
    if ("replied_at" in diff and new.replied_at) or (
            "append_replied_at" in diff and new.append_replied_at):
        return "已发出评价解释"
    return "更新差评信息"
