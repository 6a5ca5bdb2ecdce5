"""Build the hand-off sheet for a shift from the register: the cases touched (timeline
events and audit rows), all open cases ranked by urgency, promises, calls, and when each
buyer with an open case may next be phoned (the call-policy engine's decision).

Read-only: ShiftService calls this inside its transaction and stores the result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from ..domain.call_policy import CallPolicy, ReasonCode
from ..domain.case import Case
from ..domain.enums import (
    Priority,
)
from ..domain.handoff import (
    CallLine,
    CaseRef,
    ChangeLine,
    HandedOver,
    HandoffSheet,
    NextCall,
    PromiseLine,
    RankedCase,
    Text,
    TouchedCase,
)
from ..domain.masking import mask_phone
from ..domain.promises import Promise
from ..domain.text_masking import contact_masker
from ..domain.urgency import (
    MARKED_URGENT,
    Flag,
    OpenPromise,
    Ranked,
    UrgencyInput,
    rank_open_cases,
)
from ..domain.warnings import RuleKey
from ..storage.audit import AuditEntry
from ..storage.calls import CallRecord
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import TimelineEvent
from ..storage.handoff_sources import HandoffSources, OpenCaseRow
from .call_person import buyer_key_of
from .calls import CallService
from .handoff_changes import NOTE_CHARS as NOTE_CHARS
from .handoff_changes import cut as _cut
from .handoff_changes import describe as _describe
from .handoff_changes import refund_amount as _refund_amount
from .handoff_changes import yuan as _yuan
from .handoff_imports import import_lines
from .promises import PromiseService

# What the stored snapshot keeps at most; the PDF shortens further to stay on two pages.
MAX_OPEN = 200
MAX_TOUCHED = 150
MAX_CHANGES = 12
MAX_NEXT_CALLS = 100
_PRIVATE_ORDER = ("buyer_phone", "buyer_name", "buyer_address")  # contact_masker's order
# Free text on the sheet (notes, summaries, the outgoing note) may quote a phone number:
# any mainland mobile in it is masked, and each case's own phone, name and address too.
_mask_any = contact_masker()


@lru_cache(maxsize=2048)
def _contact_masker(phone: str, name: str, address: str, earlier_phones: tuple[str, ...],
                    earlier_names: tuple[str, ...], earlier_addresses: tuple[str, ...]
                    ) -> Callable[[str], str]:
    """contact_masker, cached: it compiles patterns for each phone number, a sheet names
    hundreds of cases (often the same ones in several sections) and every preview builds
    it again."""
    return contact_masker(phone, name, address, earlier_phones=earlier_phones,
                          earlier_names=earlier_names, earlier_addresses=earlier_addresses)


def _key(row: OpenCaseRow) -> str:
    return buyer_key_of(row.platform, row.buyer_nick, row.buyer_phone, row.id)


def _masked(text: Text, mask: Callable[[str], str]) -> Text:
    return Text(mask(text.zh), mask(text.en))


@dataclass(frozen=True)
class SheetRequest:
    """What the shift says about the sheet to build."""

    shift_id: int
    staff: str
    ended_by: str
    start: datetime
    end: datetime
    explicit_start: bool
    next_shift_hours: float
    note: str = ""
    # The hand-off this sheet continues from, which ended at `start` (the same second as
    # rows written just after it): None when every row stamped `start` is this sheet's.
    previous: HandedOver | None = None
    started_at: datetime | None = None  # when "Start shift" was pressed, if it was
    since: str = ""  # why the period starts at `start` (HandoffSheet.since)

    @property
    def off_shift_end(self) -> datetime | None:
        """Where the stretch with nobody on shift ends (the shift's start), when the period
        starts before it; None when the whole period is the shift's (ended without a
        start: the person ending it takes the period as theirs)."""
        if self.started_at is not None and self.started_at > self.start:
            return self.started_at
        return None

    def on_shift(self, at: datetime) -> bool:
        """Was a change stamped `at` made while someone was on shift? Times are what the
        sheet shows, so a call logged during the shift but made before it is listed with
        the time nobody was on shift, where its time says it belongs."""
        until = self.off_shift_end
        return until is None or at >= until

    def covers(self, at: datetime, table: str, row_id: int) -> bool:
        """Is the row `row_id` of `table` (a RowMarks field, or 'promises' for a
        resolution), stamped `at`, this sheet's? start <= at <= end, except that in the
        second of `start` the rows the previous hand-off listed are left out: it listed
        them, and those written after it are here, so none falls between the two."""
        if at == self.start and self.previous is not None:
            return not self.previous.listed(table, row_id)
        return self.start <= at <= self.end


@dataclass
class _Changes:
    """What `_touched` found: the two sections' cases, and the period's refunds."""

    on_shift: list[TouchedCase] = field(default_factory=list)
    on_shift_total: int = 0
    off_shift: list[TouchedCase] = field(default_factory=list)
    off_shift_total: int = 0
    off_shift_by: tuple[str, ...] = ()
    refunds: int = 0
    refund_total: Decimal = Decimal("0")


class HandoffSheetBuilder:
    """Reads the register; `build()` returns a HandoffSheet (nothing is written)."""

    def __init__(self, db: Database, calls: CallService, promises: PromiseService,
                 shop_tz: str) -> None:
        self.db = db
        self.calls = calls
        self.promises = promises
        self.tz = shop_tz
        self.cases = CaseStore(db)
        self.sources = HandoffSources(db)
        self._earlier: dict[int, dict[str, set[str]]] = {}

    def _masker(self, case: Case | None) -> Callable[[str], str]:
        """Masks the case's buyer phone, name and address in free text, with the values
        they held before (as the dispute summary does), and any mainland mobile."""
        if case is None:
            return _mask_any
        if case.id not in self._earlier:
            self._earlier.update(self.sources.earlier_contacts([case.id]))
            self._earlier.setdefault(case.id, {})
        earlier = self._earlier[case.id]
        return _contact_masker(
            case.buyer_phone, case.buyer_name, case.buyer_address,
            *(tuple(sorted(earlier.get(f, ()))) for f in _PRIVATE_ORDER))

    def _load_earlier(self, case_ids: Iterable[int]) -> None:
        """Read the earlier contact values of many cases at once (one query per 500)."""
        wanted = [i for i in case_ids if i not in self._earlier]
        if wanted:
            self._earlier.update(self.sources.earlier_contacts(wanted))
            for i in wanted:
                self._earlier.setdefault(i, {})

    def build(self, req: SheetRequest) -> HandoffSheet:
        self._earlier = {}  # contact values held before, read per build (they change)
        horizon = req.end + timedelta(hours=req.next_shift_hours)
        call_records = self._call_records(req)
        late = [(r.case_id, r.id) for r in call_records
                if r.case_id and not req.covers(r.at, "call_attempts", r.id)]
        kept_late = self._kept_late(req)
        recorded_late = [*(self.sources.call_events(late) if late else []), *kept_late]
        changes = self._touched(req, recorded_late)
        # Ranking reads every open case in one lean query; whole cases are loaded only for
        # the ones the sheet names (the top MAX_OPEN, the next calls, the promises).
        rows = self.sources.open_cases()
        keys = {r.id: _key(r) for r in rows}  # the call policy's buyer key
        ranked = self._ranked(rows, req.end, horizon)
        overdue = self.promises.overdue(req.end)
        upcoming = [p for p in self.promises.due_between(req.end, horizon)
                    if p.due_at > req.end]
        resolved = [self.promises.get(e.data["promise_id"]) for e in kept_late] + [
            p for p in self.promises.resolved_between(req.start, req.end + timedelta(seconds=1))
            if req.covers(p.resolved_at, "promises", p.id)]
        phones = {r.id for r in rows if r.buyer_phone}
        callable_ids = self._next_call_ids([r.case_id for r in ranked], keys, phones)
        needed = {r.case_id for r in ranked[:MAX_OPEN]} | set(callable_ids[:MAX_NEXT_CALLS]) \
            | {p.case_id for p in (*overdue, *upcoming, *resolved)}
        cases = self.cases.fetch(sorted(needed))
        self._load_earlier(cases)
        policy = self.calls.policy()  # read once, not once per buyer
        return HandoffSheet(
            shift_id=req.shift_id, staff=req.staff, ended_by=req.ended_by,
            period_start=req.start, period_end=req.end, explicit_start=req.explicit_start,
            started_at=req.started_at, since=req.since,
            next_shift_end=horizon, next_shift_hours=req.next_shift_hours, tz=self.tz,
            note=_mask_any(req.note),
            touched=tuple(changes.on_shift), touched_total=changes.on_shift_total,
            off_shift_start=req.start if req.off_shift_end is not None else None,
            off_shift_end=req.off_shift_end, off_shift=tuple(changes.off_shift),
            off_shift_total=changes.off_shift_total, off_shift_by=changes.off_shift_by,
            open_cases=tuple(self._ranked_rows(ranked[:MAX_OPEN], cases)),
            open_total=len(ranked),
            promises_overdue=tuple(self._promise_line(p, cases, req.end) for p in overdue),
            promises_next=tuple(self._promise_line(p, cases, req.end) for p in upcoming),
            promises_resolved=tuple(self._promise_line(p, cases, req.end) for p in resolved),
            calls=tuple(self._calls(call_records, req)),
            next_calls=tuple(self._next_call(cases[i], req.end, policy)
                             for i in callable_ids[:MAX_NEXT_CALLS]),
            next_calls_total=len(callable_ids),
            imports=import_lines(self.db, req.start, req.end, req.covers),
            refund_count=changes.refunds, refund_total=f"{changes.refund_total:.2f}",
        )

    # --- case references -------------------------------------------------------
    @staticmethod
    def case_ref(case: Case) -> CaseRef:
        return CaseRef(
            case_id=case.id, case_no=case.case_no,
            platform=Text(case.platform.zh, case.platform.en),
            kind=Text(case.kind.zh, case.kind.en), status=case.status.value,
            status_label=Text(case.status.zh, case.status.en), buyer=_mask_any(case.buyer_nick),
            phone=mask_phone(case.buyer_phone), item=_cut(case.item_title, 40),
            amount=_yuan(case.amount_claimed), due_at=case.due_at, assignee=case.assignee)

    # --- touched cases -----------------------------------------------------------
    def _kept_late(self, req: SheetRequest) -> list[TimelineEvent]:
        """Promises kept during the period at a time before it (`keep(at=)`): on no sheet
        by their time, so on this one. After a hand-off with row marks, the events written
        since its mark; otherwise (the first sheet) the audit row of the keeping says when
        it was recorded."""
        if req.previous is not None:
            found = self.sources.recorded_late(req.previous.marks.case_events, req.start,
                                               ("promise_kept",))
        else:
            found = self.sources.kept_recorded_between(req.start, req.end)
        return [e for e in found if e.data.get("promise_id") is not None]

    def _touched(self, req: SheetRequest, logged_late: list[TimelineEvent]) -> _Changes:
        """The cases changed in the period, split by whether someone was on shift.
        `logged_late`: events recorded during the period but stamped before it (calls
        logged late, promises kept at an earlier time)."""
        out = _Changes()
        period = [e for e in self.sources.case_events_between(req.start, req.end)
                  if req.covers(e.at, "case_events", e.id)]
        for e in period:
            amount = _refund_amount(e)
            if amount is not None:
                out.refunds += 1
                out.refund_total += amount
        on: dict[int, list[TimelineEvent]] = defaultdict(list)
        off: dict[int, list[TimelineEvent]] = defaultdict(list)
        by: dict[str, None] = {}  # an ordered set
        for e in sorted([*logged_late, *period], key=lambda e: (e.at, e.id)):
            if req.on_shift(e.at):
                on[e.case_id].append(e)
            else:
                off[e.case_id].append(e)
                by.setdefault(e.actor)
        on_ids, on_cases = self._listed(on)
        off_ids, off_cases = self._listed(off)
        cases = {**on_cases, **off_cases}
        edits: dict[tuple[int, datetime], list[AuditEntry]] = defaultdict(list)
        after_id = req.previous.marks.audit_log if req.previous is not None else 0
        for entry in self.sources.case_edits_between(req.start, req.end, after_id=after_id):
            if entry.entity_id in cases:
                edits[(entry.entity_id, entry.at)].append(entry)
        self._load_earlier(cases)
        out.on_shift = [self._touched_case(cases[i], on[i], edits) for i in on_ids]
        out.off_shift = [self._touched_case(cases[i], off[i], edits) for i in off_ids]
        out.on_shift_total, out.off_shift_total = len(on), len(off)
        out.off_shift_by = tuple(by)
        return out

    def _listed(self, events: dict[int, list[TimelineEvent]]) -> tuple[list[int], dict[int, Case]]:
        """The cases a section lists, most recently touched first (what the next shift asks
        about first), at most MAX_TOUCHED, loaded. Only those are loaded and described (a
        busy day touches thousands, and masking a case's contact details compiles
        patterns for it)."""
        order = sorted(events, key=lambda i: (events[i][-1].at, i), reverse=True)
        cases: dict[int, Case] = {}
        for i in range(0, len(order), MAX_TOUCHED):
            cases.update(self.cases.fetch(order[i:i + MAX_TOUCHED]))
            if len(cases) >= MAX_TOUCHED:
                break
        return [i for i in order if i in cases][:MAX_TOUCHED], cases  # others purged since

    def _touched_case(self, case: Case, events: list[TimelineEvent],
                      edits: dict[tuple[int, datetime], list[AuditEntry]]) -> TouchedCase:
        mask = self._masker(case)
        changes = [self._change(e, edits.get((case.id, e.at), []), mask)
                   for e in events[-MAX_CHANGES:]]
        return TouchedCase(self.case_ref(case), tuple(changes),
                           more_changes=max(len(events) - MAX_CHANGES, 0))

    def _change(self, e: TimelineEvent, edits: list[AuditEntry],
                mask: Callable[[str], str]) -> ChangeLine:
        kind, text = _describe(e, edits, self.tz)
        return ChangeLine(at=e.at, actor=e.actor, kind=kind, text=_masked(text, mask))

    # --- open cases by urgency -----------------------------------------------------
    def _ranked(self, rows: list[OpenCaseRow], now: datetime,
                horizon: datetime) -> list[Ranked]:
        by_case: dict[int, list[OpenPromise]] = defaultdict(list)
        for p in self.promises.open_promises():
            by_case[p.case_id].append(OpenPromise(p.due_at, p.describe("zh"), p.describe("en")))
        promises = {case_id: tuple(found) for case_id, found in by_case.items()}
        # The stored warnings, as the case list shows them (not words looked up again).
        warned = self.sources.live_warnings()
        items = []
        for row in rows:
            created = row.created_at or now
            flags = tuple(_flag(rule, zh, en) for rule, zh, en in warned.get(row.id, ()))
            if row.priority == Priority.URGENT:
                flags += (MARKED_URGENT,)
            items.append(UrgencyInput(
                case_id=row.id, status=row.status, priority=row.priority,
                created_at=created, due_at=row.due_at, promises=promises.get(row.id, ()),
                warnings=flags, major_owner=row.major_owner, due_is_own=row.due_is_own))
        return rank_open_cases(items, now, horizon, self.tz, explain=MAX_OPEN)

    def _ranked_rows(self, ranked: list[Ranked], cases: dict[int, Case]
                     ) -> Iterable[RankedCase]:
        for number, r in enumerate(ranked, start=1):
            case = cases[r.case_id]
            # Only a promise's own words are free text here; the rest are fixed phrases.
            free = any(x.code.startswith("promise") for x in r.reasons)
            mask = self._masker(case) if free else _mask_any
            yield RankedCase(rank=number, case=self.case_ref(case),
                             tier=r.tier.value, tier_label=Text(r.tier.zh, r.tier.en),
                             reasons=tuple(_masked(Text(x.zh, x.en), mask) for x in r.reasons),
                             waiting_on_us=r.waiting_on_us)

    # --- promises ------------------------------------------------------------------
    def _promise_line(self, p: Promise, cases: dict[int, Case], now: datetime) -> PromiseLine:
        case = cases.get(p.case_id)
        mask = self._masker(case)
        return PromiseLine(
            promise_id=p.id, case_no=case.case_no if case else "",
            buyer=_mask_any(case.buyer_nick) if case else "",
            what=_masked(Text(p.describe("zh"), p.describe("en")), mask), due_at=p.due_at,
            made_by=p.made_by, state=p.state.value, overdue=p.is_overdue(now),
            resolved_by=p.resolved_by or "", reason=mask(p.broken_reason or ""))

    # --- calls ---------------------------------------------------------------------
    def _call_records(self, req: SheetRequest) -> list[CallRecord]:
        """Calls made during the period, and calls logged during it that were made before
        (a call logged after the hand-off it happened before would be on no sheet)."""
        def covers(at: datetime, r: CallRecord) -> bool:
            return req.covers(at, "call_attempts", r.id)

        made = [r for r in self.calls.store.since(req.start, req.end + timedelta(seconds=1))
                if covers(r.at, r)]
        logged = [r for r in self.calls.store.recorded_between(req.start, req.end)
                  if covers(r.created_at, r) and not covers(r.at, r) and r.at < req.end]
        return sorted([*made, *logged], key=lambda r: (r.at, r.id))

    def _calls(self, records: list[CallRecord], req: SheetRequest) -> list[CallLine]:
        cases = self.cases.fetch([r.case_id for r in records if r.case_id])
        self._load_earlier(cases)
        out = []
        for r in records:
            case = cases.get(r.case_id) if r.case_id else None
            out.append(CallLine(
                at=r.at, case_no=case.case_no if case else "",
                buyer=_mask_any(case.buyer_nick if case else r.buyer_key.split(":", 1)[-1]),
                phone=mask_phone(case.buyer_phone) if case else "",
                outcome=Text(r.outcome.zh, r.outcome.en), actor=r.actor,
                summary=self._masker(case)(_cut(r.summary, 60)), overridden=r.overridden,
                off_shift=not req.on_shift(r.at),
                agreed=self._masker(case)(_cut(r.agreed, 60)) if case else _cut(r.agreed, 60)))
        return out

    @staticmethod
    def _next_call_ids(ranked_ids: list[int], keys: dict[int, str], phones: set[int]
                       ) -> list[int]:
        """One case per buyer with an open case and a phone, in urgency order."""
        seen: set[str] = set()
        chosen: list[int] = []
        for case_id in ranked_ids:
            key = keys[case_id]
            if case_id not in phones or key in seen:
                continue
            seen.add(key)
            chosen.append(case_id)
        return chosen

    def _next_call(self, case: Case, at: datetime, policy: CallPolicy) -> NextCall:
        decision = self.calls.can_call(case.id, at, policy=policy)
        phone = mask_phone(case.buyer_phone)
        # Preparation (checklist, chat first) is done just before dialling: not a wait.
        blocking = [r for r in decision.reasons
                    if r.code not in (ReasonCode.CHECKLIST_MISSING,
                                      ReasonCode.CHAT_FIRST_MISSING)]
        if not blocking:
            why = Text(f"今日还可拨 {decision.remaining_24h} 次，本单还可拨 "
                       f"{decision.remaining_case} 次",
                       f"{decision.remaining_24h} more today, {decision.remaining_case} "
                       "more on this case")
            return NextCall(case.case_no, _mask_any(case.buyer_nick), phone, "now", at, why)
        state = "later" if decision.next_slot_at is not None else "never"
        if state == "never":
            # Waiting never helps: name what forbids it (do-not-call, the case's cap).
            blocking = [r for r in blocking if not r.code.overridable] or blocking
        why = Text("；".join(r.code.zh for r in blocking),
                   "; ".join(r.code.en for r in blocking))
        return NextCall(case.case_no, _mask_any(case.buyer_nick), phone, state,
                        decision.next_slot_at, why)


# --- describing one timeline event ---------------------------------------------------


def _flag(rule: str, zh: str, en: str) -> Flag:
    """A live warning as a reason on the sheet: the rule's label and the reason."""
    try:
        key = RuleKey(rule)
    except ValueError:  # a rule a newer version wrote: its reason still says enough
        return Flag(rule, zh, en)
    return Flag(rule, f"{key.zh}（{zh}）", f"{key.en} ({en})")
