"""Dispute summaries: gather one case's facts, timeline, calls, promises and evidence as
plain data, keep the user's edited facts statement, and write the A4 PDF.

Contact details are masked unless the caller asks for them in full; a PDF written with
full contact details is recorded in each case's audit trail (action summary_full_contact),
as a full export is. The edited facts statement is kept per case so a reprint reuses it;
saving it is audited (no timeline line: it is about the paper, not the handling, like an
evidence caption).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.case import Case
from ..domain.clock import Clock
from ..domain.enums import CaseKind, CaseStatus
from ..domain.errors import FieldError, ValidationError
from ..domain.evidence import ChecklistError, ChecklistItem, Evidence
from ..domain.evidence_files import HEAD_BYTES, bytes_fit_file
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.promises import Promise
from ..domain.reviews import ContactChannel, Review
from ..domain.summary_facts import MAX_FACTS, CallCounts, compose_facts
from ..domain.text_masking import contact_masker
from ..reports.evidence_check import DECODED_PICTURES
from ..reports.summary_data import (
    CallDetail,
    DisputeSummary,
    EvidenceEntry,
    ReviewContactLine,
    ReviewSection,
    SummaryWarning,
    TimelineEntry,
)
from ..reports.summary_labels import Labels
from ..reports.summary_timeline import timeline_content
from ..storage.audit import AuditStore
from ..storage.calls import CallRecord, CallStore
from ..storage.database import Database
from ..storage.events import TimelineEvent
from ..storage.reviews import ReviewStore
from ..storage.summaries import SavedFacts, SummaryStore
from ..storage.warnings import WarningStore
from .actor import require_actor
from .calls import CallService
from .cases import CaseService
from .evidence import EvidenceService
from .promises import PromiseService

if TYPE_CHECKING:
    from ..reports.fonts import PdfFont
    from ..reports.thumbnails import ThumbnailCache

ProgressFn = Callable[[int, int], None]
_CONTACT_FIELDS = ("buyer_phone", "buyer_name", "buyer_address")


# Timeline events a summary for the platform leaves out: the shop's own assessments.
INTERNAL_EVENTS = frozenset({
    "approval", "major", "warning_ack", "step",  # assessments and procedure
    "review_contact", "followup_scheduled", "followup_done", "followup_cancelled",  # visits
    "deleted", "restored", "enriched", "order_mismatch",  # the register's housekeeping
})


def masked(case: Case) -> Case:
    """The case with phone, name and address masked (what a summary prints by default)."""
    return case.with_changes(buyer_phone=mask_phone(case.buyer_phone),
                             buyer_name=mask_name(case.buyer_name),
                             buyer_address=mask_address(case.buyer_address))


@dataclass(frozen=True)
class SummaryResult:
    """A written summary PDF."""

    path: Path
    pages: int
    case_nos: tuple[str, ...]
    full_contact: bool


class SummaryService:
    """register.summary: dispute summaries on one register."""

    def __init__(self, db: Database, clock: Clock, *, cases: CaseService, calls: CallService,
                 promises: PromiseService, evidence: EvidenceService, shop_tz: str) -> None:
        self.db = db
        self.clock = clock
        self.cases = cases
        self.calls = calls
        self.promises = promises
        self.evidence = evidence
        self.shop_tz = shop_tz
        self.store = SummaryStore(db)
        self.audit_log = AuditStore(db)
        self.call_log = CallStore(db)
        self.warning_store = WarningStore(db)
        self.review_store = ReviewStore(db)

    # --- the facts statement -----------------------------------------------------------
    def default_facts(self, case_id: int, *, lang: str = "zh") -> str:
        """The statement composed from the case's data (what 'reset' goes back to)."""
        case = self.cases.get(case_id, include_deleted=True)
        calls = self._calls(case)
        events = self.cases.timeline(case_id)
        return compose_facts(
            case, tz=self.shop_tz, lang=lang,
            calls=CallCounts(len(calls), sum(1 for c in calls if c.outcome.is_conversation)),
            promises=self.promises.for_case(case_id),
            # "已提供证据 N 项" counts what a reader can open, not a file gone missing.
            evidence=[e.evidence for e in self._evidence_entries(case_id) if e.usable],
            resolved_at=_resolved_at(case, events))

    def saved_facts(self, case_id: int) -> SavedFacts | None:
        """The user's edited statement, if one was saved."""
        return self.store.get(case_id)

    def facts(self, case_id: int, *, lang: str = "zh") -> str:
        """The statement to print: the saved edit, else the composed default."""
        saved = self.store.get(case_id)
        return saved.facts if saved is not None else self.default_facts(case_id, lang=lang)

    def save_facts(self, case_id: int, text: str, actor: str, *, lang: str = "zh") -> bool:
        """Keep an edited statement for reprints (audited). Text equal to the composed
        default, or empty, drops the saved edit so the statement follows the case again.
        Returns True when something changed. Refused for a case in the trash."""
        actor = require_actor(actor)
        text = _checked_facts(text)
        case = self.cases.get(case_id, include_deleted=True)
        if case.deleted_at is not None:  # as notes, promises and evidence
            raise ValidationError([FieldError(
                "case", "工单在回收站中，事实陈述不能修改（仍可打印）",
                "The case is in the trash: its statement cannot be changed (it still "
                "prints)")])
        follows_default = not text or text == self.default_facts(case_id, lang=lang).strip()
        now = self.clock.now()
        with self.db.atomic():
            old = self.store.get(case_id)
            if follows_default:
                if old is None:
                    return False
                self.store.delete(case_id)
                self.audit_log.record(now, actor, "case", case.id, "summary_facts", "facts",
                                      old.facts, None)
                return True
            if old is not None and old.facts == text:
                return False
            self.store.put(case_id, text, now, actor)
            self.audit_log.record(now, actor, "case", case.id, "summary_facts", "facts",
                                  old.facts if old else None, text)
        return True

    # --- gathering ---------------------------------------------------------------------
    def gather(self, case_id: int, *, actor: str, full_contact: bool = False,
               facts: str | None = None, lang: str = "zh",
               for_platform: bool = False) -> DisputeSummary:
        """Everything one case's summary prints. Contact details masked unless
        `full_contact` (only `write_pdf` audits that: use it to print) — in the case's
        fields and in every free text (notes, platform updates, calls, promises,
        captions, the facts), where any mainland mobile number is masked too.

        `for_platform`: a summary for an appeal leaves out what the shop records about
        itself: early warnings, the major-complaint mark, approvals, handling steps, bad-
        review contacts and follow-up visits, why a call was made outside the call policy
        (the call stays, with its time), the evidence checklist (what the shop lacks), and
        the case's cause with the side it blames. Facts, notes, calls, promises, platform
        updates and evidence stay; evidence as it stands: only files that are there and
        open, with their current category and caption, and no removals (nor the adding of
        what was removed)."""
        case = self.cases.get(case_id, include_deleted=True)
        events = self.cases.timeline(case_id)
        calls = {c.id: c for c in self._calls(case)}
        mask: Callable[[str], str] = (
            (lambda text: text) if full_contact else self._masker(case))
        promises = [replace(p, text=mask(p.text),
                            broken_reason=mask(p.broken_reason) if p.broken_reason else None)
                    for p in self.promises.for_case(case_id)]
        by_id = {p.id: p for p in promises}
        evidence = [replace(e, evidence=replace(
                        e.evidence, caption=mask(e.evidence.caption),
                        filename=mask(e.evidence.filename) if e.evidence.filename
                        else e.evidence.filename))
                    for e in self._evidence_entries(case_id)
                    # The platform gets the evidence it can open; the shop's copy lists a
                    # missing or unreadable file apart, to be found or added again.
                    if e.usable or not for_platform]
        printed = {e.evidence.id: e.evidence for e in evidence}
        timeline = self._entries(events, calls, by_id, mask, for_platform, printed)
        # What the platform usually asks for, and what the shop lacks: for the shop.
        checklist, problem = ([], "") if for_platform else self._checklist(case_id, lang)
        # Warnings still in force (live or acknowledged), as the case panel shows them.
        warnings = () if for_platform else tuple(
            SummaryWarning(w.rule, mask(w.reason_zh), mask(w.reason_en), w.raised_at,
                           w.ack_by, w.ack_at, mask(w.ack_note))
            for w in self.warning_store.for_case(case_id) if w.cleared_at is None)
        if facts is None:
            facts = self.facts(case_id, lang=lang)
        shown_case = case if full_contact else masked(case).with_changes(
            description=mask(case.description))
        if for_platform:
            shown_case = shown_case.with_changes(major_owner="", cause=None)
        review = (self._review(case, list(calls.values()), mask)
                  if case.kind is CaseKind.BAD_REVIEW else None)
        return DisputeSummary(
            case=shown_case, shop_name=case.shop, tz=self.shop_tz,
            generated_at=self.clock.now(), generated_by=actor, facts=mask(facts),
            full_contact=full_contact, timeline=tuple(timeline), promises=tuple(promises),
            evidence=tuple(evidence), checklist=tuple(checklist), checklist_problem=problem,
            resolved_at=_resolved_at(case, events), warnings=warnings,
            for_platform=for_platform, review=review)

    def _entries(self, events: Sequence[TimelineEvent], calls: Mapping[int, CallRecord],
                 by_id: Mapping[int, Promise], mask: Callable[[str], str], for_platform: bool,
                 printed: Mapping[int, Evidence]) -> list[TimelineEntry]:
        """The timeline as the summary prints it (masked; the platform's copy without what
        the shop records about itself)."""
        timeline: list[TimelineEntry] = []
        for e in events:
            if for_platform and e.type in INTERNAL_EVENTS:
                continue
            if for_platform and e.type.startswith("evidence_"):
                # The evidence as it stands: not the shop's mistakes (a file added by
                # error, removed as 不是证据) nor the category it was first filed under.
                if e.type != "evidence_added" or e.data.get("evidence_id") not in printed:
                    continue
                current = printed[e.data["evidence_id"]]
                e = replace(e, data={**e.data, "category": current.category.value,
                                     "caption": current.caption})
            call = None
            if e.type == "call" and e.data.get("call_id") in calls:
                r = calls[e.data["call_id"]]
                call = CallDetail(r.outcome, r.duration_seconds, mask(r.summary), mask(r.agreed),
                                  r.overridden and not for_platform,
                                  mask(r.override_reason)
                                  if r.override_reason and not for_platform else None)
            data = e.data
            if for_platform:  # nor a call's pre-call bottom line and offers
                data = {k: v for k, v in data.items() if k not in ("overridden", "checklist")}
            promise = by_id.get(e.data.get("promise_id")) if e.type.startswith("promise_") \
                else None
            timeline.append(TimelineEntry(e.at, e.actor, e.type, mask(e.text),
                                          _mask_data(data, mask), call, promise))
        return timeline

    def timeline_lines(self, case_id: int, lang: str, *, full_contact: bool = False
                       ) -> list[tuple[datetime, str, str, str]]:
        """The case's timeline as the shop's copy of the summary words it: (when, who,
        what, what happened), masked unless `full_contact` (`cases show`)."""
        case = self.cases.get(case_id, include_deleted=True)
        calls = {c.id: c for c in self._calls(case)}
        mask: Callable[[str], str] = (
            (lambda text: text) if full_contact else self._masker(case))
        by_id = {p.id: replace(p, text=mask(p.text), broken_reason=mask(p.broken_reason)
                               if p.broken_reason else None)
                 for p in self.promises.for_case(case_id)}
        entries = self._entries(self.cases.timeline(case_id), calls, by_id, mask, False, {})
        labels, now = Labels(lang), self.clock.now()
        return [(e.at, e.actor, labels.event_type(e.type),
                 timeline_content(e, labels, self.shop_tz, now) or e.text) for e in entries]

    def _review(self, case: Case, calls: Sequence[CallRecord],
                mask: Callable[[str], str]) -> ReviewSection:
        """The review, the public replies and every contact with the reviewer: the
        follow-up contacts and the other calls logged on the case (as the review tab
        counts them; a phone contact logs its own call at the same moment). In both
        versions: an appeal against a malicious reviewer rests on them."""
        review = self.review_store.get(case.id) or Review(case_id=case.id)
        review = replace(review, text=mask(review.text), append_text=mask(review.append_text),
                         reply_text=mask(review.reply_text),
                         append_reply_text=mask(review.append_reply_text),
                         link=mask(review.link))
        contacts = self.review_store.contacts(case.id)
        call_at = {c.at: c for c in calls}
        phoned = {c.at for c in contacts if c.channel is ContactChannel.PHONE}
        lines = [ReviewContactLine(c.at, c.actor, c.channel, mask(c.note),
                                   call_at[c.at].outcome if c.at in phoned and c.at in call_at
                                   else None) for c in contacts]
        lines += [ReviewContactLine(c.at, c.actor, ContactChannel.PHONE, mask(c.summary),
                                    c.outcome) for c in calls if c.at not in phoned]
        return ReviewSection(review, tuple(sorted(lines, key=lambda line: line.at)))

    def _evidence_entries(self, case_id: int) -> list[EvidenceEntry]:
        """The case's live evidence, numbered by id as the evidence panel and
        `shopdesk evidence list` show it (a "#5" on paper is `evidence remove CASE 5`),
        each file checked: there, and what it says it is."""
        entries = []
        for ev in self.evidence.for_case(case_id):
            path = self.evidence.file_path(ev)
            present = bool(path is not None and path.is_file())
            unreadable = present and path is not None and not self._readable(ev, path)
            entries.append(EvidenceEntry(ev.id, ev, path, present, unreadable))
        return entries

    def _readable(self, ev: Evidence, path: Path) -> bool:
        """The file opens as what it says it is; a picture must decode (its thumbnail,
        kept beside the evidence, is made now if it was not yet)."""
        try:
            with path.open("rb") as fh:
                head = fh.read(HEAD_BYTES)
        except OSError:
            return False
        if not bytes_fit_file(ev.filename or "", ev.mime or "", head):
            return False
        # A picture Pillow cannot decode (HEIC, an iPhone photo) was taken on its signature
        # when it was added: it is evidence, printed without a thumbnail, not "unreadable".
        if ev.is_image and ev.sha256 and (ev.mime or "") in DECODED_PICTURES:
            from ..reports.thumbnails import ThumbProblem

            return not isinstance(self.evidence.thumbnails.get(ev.sha256, path), ThumbProblem)
        return True

    def _masker(self, case: Case) -> Callable[[str], str]:
        """Masks the case's contact details in text, with every value they held before
        (the audit trail keeps each edit and platform fill): a note or platform update
        written then quotes the old value."""
        earlier: dict[str, set[str]] = {field: set() for field in _CONTACT_FIELDS}
        for entry in self.cases.audit(case.id):
            if entry.field in earlier:
                earlier[entry.field].update(v for v in (entry.old, entry.new) if v)
        return contact_masker(case.buyer_phone, case.buyer_name, case.buyer_address,
                              earlier_phones=earlier["buyer_phone"],
                              earlier_names=earlier["buyer_name"],
                              earlier_addresses=earlier["buyer_address"])

    def _calls(self, case: Case) -> list[CallRecord]:
        # By case, not by buyer: the buyer key follows the nickname, so after a nickname
        # was filled in or corrected the buyer's list no longer holds the earlier calls.
        return self.call_log.for_case(case.id)

    def _checklist(self, case_id: int, lang: str) -> tuple[list[ChecklistItem], str]:
        try:
            return self.evidence.checklist(case_id), ""
        except ChecklistError as exc:  # a broken data file must not stop the printing
            return [], exc.message(lang)

    # --- writing the PDF ---------------------------------------------------------------
    def prepare(self, case_ids: Sequence[int], *, actor: str, full_contact: bool = False,
                facts: Mapping[int, str] | None = None, lang: str = "zh",
                for_platform: bool = False) -> list[DisputeSummary]:
        """Check the cases, save statements edited for this printing (`facts`, by case
        id; for a case in the trash the edit is printed, not kept) and gather each case,
        in order (duplicates once). Unknown ids raise NotFoundError before anything is
        saved. The database part of a printing: the
        rendering (reports.summary_pdf.render_file) may then run on a worker thread."""
        actor = require_actor(actor)
        ids = list(dict.fromkeys(case_ids))
        if not ids:
            raise ValidationError([FieldError("cases", "请选择要打印的工单",
                                              "Choose the cases to print")])
        trashed = {i for i in ids
                   if self.cases.get(i, include_deleted=True).deleted_at is not None}
        this_time: dict[int, str] = {}
        for case_id, text in (facts or {}).items():
            if case_id in trashed:  # read-only in the trash: the edit prints, is not kept
                if _checked_facts(text):
                    this_time[case_id] = _checked_facts(text)
            else:
                self.save_facts(case_id, text, actor, lang=lang)
        return [self.gather(i, actor=actor, full_contact=full_contact, lang=lang,
                            facts=this_time.get(i), for_platform=for_platform) for i in ids]

    def record_written(self, summaries: Sequence[DisputeSummary], target: Path, *,
                       actor: str, where: str | None = None) -> None:
        """After a PDF with full contact details was written: one audit row per case
        (action summary_full_contact), as a full export is audited. The row says where
        the details went: `where` (e.g. "printer: NAME") or else the file's name."""
        if not any(s.full_contact for s in summaries):
            return
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            for s in summaries:
                if s.full_contact:
                    self.audit_log.record(now, actor, "case", s.case.id, "summary_full_contact",
                                          "buyer_phone,buyer_name,buyer_address", None,
                                          where or target.name)

    def write_pdf(self, case_ids: Sequence[int], path: str | Path, *, actor: str,
                  full_contact: bool = False, facts: Mapping[int, str] | None = None,
                  lang: str = "zh", font: PdfFont | None = None,
                  thumbnails: ThumbnailCache | None = None,
                  progress: ProgressFn | None = None,
                  for_platform: bool = False) -> SummaryResult:
        """Write the summaries of `case_ids` (in that order) as one PDF at `path`:
        prepare, render (atomically: never half a PDF), record. Unknown ids raise
        NotFoundError before anything is saved or written."""
        from ..reports.summary_pdf import render_file
        from ..reports.thumbnails import ThumbnailCache

        if thumbnails is None:  # the thumbnails made when the pictures were added
            thumbnails = ThumbnailCache(folder=self.evidence.thumbnails)
        summaries = self.prepare(case_ids, actor=actor, full_contact=full_contact,
                                 facts=facts, lang=lang, for_platform=for_platform)
        target = Path(path)
        pages = render_file(summaries, target, lang=lang, font=font, thumbnails=thumbnails,
                            progress=progress)
        self.record_written(summaries, target, actor=actor)
        return SummaryResult(target, pages, tuple(s.case.case_no for s in summaries),
                             full_contact)


def _checked_facts(text: str | None) -> str:
    """The statement stripped; ValidationError when it is too long."""
    text = (text or "").strip()
    if len(text) > MAX_FACTS:
        raise ValidationError([FieldError(
            "facts", f"事实陈述太长（最多 {MAX_FACTS} 字）",
            f"The statement of facts is too long (at most {MAX_FACTS} characters)")])
    return text


def _mask_data(data: Any, mask: Callable[[str], str]) -> Any:
    """The event's data with every text masked (platform updates keep old/new values)."""
    if isinstance(data, str):
        return mask(data)
    if isinstance(data, dict):
        return {k: _mask_data(v, mask) for k, v in data.items()}
    if isinstance(data, list):
        return [_mask_data(v, mask) for v in data]
    return data


def _resolved_at(case: Case, events: Sequence[TimelineEvent]) -> datetime | None:
    """When the case last reached resolved/closed (None while it is open)."""
    if case.status.is_open:
        return None
    if case.resolved_at is not None:
        return case.resolved_at
    done = {CaseStatus.RESOLVED.value, CaseStatus.CLOSED.value}
    for e in reversed(events):
        if e.type == "status" and e.data.get("to") in done:
            return e.at
    return None
