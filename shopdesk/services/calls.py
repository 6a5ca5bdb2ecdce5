"""Phone-call use cases: may I call this buyer now, log a call, overrides, do-not-call.

The pure policy engine (`domain.call_policy`) decides; this module feeds it the
buyer's calls across all their cases and writes calls, timeline and audit rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..domain.call_policy import (
    HARD_CODES,
    BuyerCallProfile,
    CallDecision,
    CallOutcome,
    CallPolicy,
    CaseCallContext,
    Notice,
    OverrideRequest,
    PreCallChecklist,
    ReasonCode,
    backdated_breaches,
    check_override,
    domestic_buyer,
    evaluate,
    loosenings,
    same_clock,
)
from ..domain.case import Case
from ..domain.clock import Clock, ensure_aware, to_utc_iso
from ..domain.enums import OPEN_STATUSES, CaseStatus, Platform
from ..domain.errors import FieldError, ShopDeskError, ValidationError
from ..domain.holidays import HolidayCalendar
from ..domain.masking import phone_spellings
from ..domain.promises import Promise, PromiseKind
from ..domain.text import clause_sep
from ..storage.audit import AuditEntry, AuditStore
from ..storage.calls import Buyer, CallRecord, CallStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.promises import PromiseStore
from ..storage.settings import SettingsStore
from .actor import require_actor
from .call_compliance import ComplianceReport, build_report
from .call_person import Person, make_person, merged_buyer, phone_key
from .call_policy_settings import DEFAULT_PRESET, PRESETS, PolicySettings, flat_policy

if TYPE_CHECKING:
    from .staff import StaffService

# Timeline entries that count as "contacted the buyer in chat first". There is no
# dedicated chat event yet, so a progress note stands in for it.
CHAT_EVENT_TYPES = ("chat", "note")
PREPARATION_CODES = frozenset({ReasonCode.CHECKLIST_MISSING, ReasonCode.CHAT_FIRST_MISSING})
# A call logged this far ahead of the clock is a typo, not a plan.
FUTURE_SLACK = timedelta(minutes=5)


class PolicyLoosenedError(ShopDeskError, ValueError):
    """A policy change loosens the rules past the safe preset and was not confirmed; the
    `loosened` notices say which rules and how."""

    def __init__(self, loosened: list[Notice]) -> None:
        self.loosened = loosened
        super().__init__(
            "这些改动放宽到超出安全预设（淘宝安全）：" + "；".join(n.zh for n in loosened)
            + "。在这些时段或次数下打电话，买家投诉骚扰时平台可能处罚店铺"
            "（淘宝一般类违规扣 12 分）。确认要这样做，请明确确认（命令行：--i-understand）",
            "These changes loosen the call policy past the safe preset (Taobao safe): "
            + "; ".join(n.en for n in loosened) + ". Calls made under them can get the shop "
            "penalised by the platform when a buyer reports harassment (Taobao: 12 points). "
            "To do it anyway, confirm explicitly (command line: --i-understand)")


class CallRefusedError(ShopDeskError, ValueError):
    """Logging the call is refused; `needs_reason` means an override reason would do."""

    def __init__(self, decision: CallDecision | None, problems: list[Notice],
                 *, needs_reason: bool = False) -> None:
        self.decision = decision
        self.problems = problems
        self.needs_reason = needs_reason
        super().__init__(clause_sep("zh").join(p.zh for p in problems),
                         clause_sep("en").join(p.en for p in problems))


@dataclass(frozen=True)
class CallCandidate:
    """An open case whose buyer may be phoned now."""

    case: Case
    decision: CallDecision


class CallService:
    """Calls, buyers and the shop's call policy on one register."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore,
                 holiday_calendar: HolidayCalendar | None, *, presets_dir: Path | None = None,
                 shop_tz: str | None = None, staff: StaffService | None = None) -> None:
        self.db = db
        self.clock = clock
        self.holiday_calendar = holiday_calendar
        self.store = CallStore(db)
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit_log = AuditStore(db)
        self.policies = PolicySettings(settings, presets_dir)
        self._shop_tz = shop_tz
        self.staff = staff

    @property
    def shop_tz(self) -> str:
        return self._shop_tz or self.policy().shop_tz

    # --- the policy ----------------------------------------------------------
    def policy(self) -> CallPolicy:
        return self.policies.policy()

    def loosened_by(self, policy: CallPolicy) -> list[Notice]:
        """The rules on which `policy` would loosen the shop's policy past the shipped safe
        preset (see domain loosenings); none for a shipped preset taken as it is."""
        named = self.policies.named(policy)
        if named.name in PRESETS and named == self.policies.preset(named.name):
            return []  # the shipped presets are the vetted starting points
        return loosenings(named, self.policy(), self.policies.preset(DEFAULT_PRESET))

    def set_policy(self, policy: CallPolicy, actor: str = "", *, confirmed: bool = False,
                   pin: str | None = None) -> CallPolicy:
        """Store the shop's policy; a preset edited away from its rules is stored as
        "custom" (see PolicySettings.named). Returns the policy as stored.

        Every change is audited (who, each key old -> new). A change loosening the rules
        past the safe preset is refused (PolicyLoosenedError) unless `confirmed`, and then
        needs the operator's PIN when they have one (PinError)."""
        loosened = self.loosened_by(policy)
        if loosened:
            if not confirmed:
                raise PolicyLoosenedError(loosened)
            if self.staff is not None and actor:
                self.staff.verify_pin(actor, pin, purpose="call_policy_loosen")
        now, who = self.clock.now(), actor or "-"
        with self.db.atomic():
            old = self.policy()
            before = flat_policy(old)
            policy = self.policies.save(policy)
            after = flat_policy(policy)
            if old.name != policy.name:
                self.audit_log.record(now, who, "settings", None, "call_policy",
                                      "call_policy", old.name, policy.name)
            self.audit_log.record_many([
                (now, who, "settings", None, "call_policy", key, before.get(key),
                 after.get(key))
                for key in sorted(set(before) | set(after))
                if key not in ("name", "label_zh", "label_en")
                and before.get(key) != after.get(key)])
            if loosened:
                self.audit_log.record(now, who, "settings", None, "call_policy_loosened",
                                      ",".join(n.code for n in loosened), None,
                                      "；".join(n.zh for n in loosened))
        return policy

    def apply_preset(self, name: str, actor: str = "", **confirm: Any) -> CallPolicy:
        return self.set_policy(self.policies.preset(name), actor, **confirm)

    def set_policy_values(self, assignments: dict[str, str], actor: str = "",
                          **confirm: Any) -> CallPolicy:
        """Apply KEY=VALUE edits (e.g. caps.per_day=3); PolicyConfigError names bad ones."""
        return self.set_policy(self.policies.with_values(self.policy(), assignments), actor,
                               **confirm)

    def policy_history(self, limit: int = 200) -> list[AuditEntry]:
        """The call policy's changes, newest first: who, when, which key, old -> new."""
        return self.audit_log.for_actions(("call_policy", "call_policy_loosened"), limit)

    # --- deciding ------------------------------------------------------------
    def case(self, case_id: int) -> Case:
        """The case a call is about (trashed ones too, for their history)."""
        return self.cases.get(case_id, include_deleted=True)

    def buyer(self, case_id: int) -> Buyer:
        """The case's buyer as a person (see Person): settings under any of their keys."""
        return self._buyer(self._person_of(self.cases.get(case_id, include_deleted=True)))

    def _person_of(self, case: Case) -> Person:
        rows = self.store.case_buyers(case.id, case.platform.value, case.buyer_nick.strip(),
                                      phone_spellings(case.buyer_phone))
        return make_person(case, rows, self.store.keys_used([r[0] for r in rows] or [case.id]))

    def _buyer(self, person: Person) -> Buyer:
        return merged_buyer(person, self.store.buyers(sorted(person.keys)))

    def _calls_of(self, person: Person) -> list[CallRecord]:
        return self.store.matching(sorted(person.keys), sorted(person.case_ids))

    def can_call(self, case_id: int, at: datetime | None = None,
                 checklist: PreCallChecklist | None = None, *,
                 policy: CallPolicy | None = None) -> CallDecision:
        """May the buyer of `case_id` be phoned at `at` (default now)? `policy`: the shop's
        policy when the caller already has it (asking for many buyers at once)."""
        case = self.cases.get(case_id, include_deleted=True)
        at = ensure_aware(at) if at is not None else self.clock.now()
        return self._decide_at(case, at, checklist, policy or self.policy())

    def call_back_refused(self, case_id: int, due: datetime) -> CallDecision | None:
        """The call policy's decision at `due` when it does not allow calling the buyer
        then (None: it does): a promise to call back at that time would push the seller
        to make a call the shop can be penalised for."""
        case = self.cases.get(case_id, include_deleted=True)
        # A call-back on a finished case is a follow-up call: judged as on an open one.
        decision = self._decide_at(case.with_changes(status=CaseStatus.IN_PROGRESS),
                                   ensure_aware(due), None, self.policy())
        # The preparation (a chat message first, the checklist) is done before the call:
        # what the time cannot change is what counts, and what cannot be judged (a buyer
        # abroad with no zone; a year without holiday data, 2027-01-01 say).
        blocking = tuple(r for r in decision.reasons if r.code not in _PREPARATION)
        unsure = any(w.code in _CALL_BACK_WARNINGS for w in decision.warnings)
        if not blocking and not unsure:
            return None
        return replace(decision, reasons=blocking)

    def call_backs_refused(self, case_id: int) -> list[tuple[Promise, CallDecision]]:
        """The case's open call-back promises that the call policy now refuses (or
        cannot judge) at their time, with why: asked after the buyer's time zone changed,
        since a call-back agreed in the shop's afternoon may be the buyer's night."""
        out = []
        for promise in PromiseStore(self.db).for_case(case_id):
            if promise.kind is PromiseKind.CALL_BACK and promise.is_open:
                refused = self.call_back_refused(case_id, promise.due_at)
                if refused is not None:
                    out.append((promise, refused))
        return out

    def _decide_at(self, case: Case, at: datetime, checklist: PreCallChecklist | None,
                   policy: CallPolicy) -> CallDecision:
        """The decision for `case`'s buyer at `at`, from the calls made before it."""
        person = self._person_of(case)
        history = [r for r in self._calls_of(person) if r.at <= at]
        return self._decide(case, self._buyer(person), history, at, checklist, policy)

    def _decide(self, case: Case, buyer: Buyer, history: list[CallRecord], at: datetime,
                checklist: PreCallChecklist | None, policy: CallPolicy) -> CallDecision:
        tz = buyer.tz
        if tz is not None and _foreign_zone(case, tz, policy.shop_tz):
            tz = None  # stored before domestic buyers were kept on the shop's clock
        profile = BuyerCallProfile(key=buyer.key, tz=tz, do_not_call=buyer.do_not_call)
        chat = any(e.type in CHAT_EVENT_TYPES and e.at <= at
                   for e in self.events.for_case(case.id)) if policy.require_chat_first else True
        context = CaseCallContext(case_id=case.id, chat_logged=chat, checklist=checklist,
                                  finished=not case.status.is_open)
        decision = evaluate(at, profile, context, [r.attempt() for r in history], policy,
                            self.holiday_calendar)
        if buyer.tz is None and _overseas(case):
            # Judged in the shop's zone, which is likely the middle of the buyer's night.
            decision = replace(decision, warnings=(*decision.warnings,
                                                   _zone_unknown(decision.buyer_tz)))
        return decision

    # --- logging -------------------------------------------------------------
    def log_call(self, case_id: int, outcome: CallOutcome, actor: str,
                 at: datetime | None = None, *, duration: int | None = None,
                 summary: str = "", agreed: str = "", override_reason: str | None = None,
                 checklist: PreCallChecklist | None = None,
                 before_case: bool = False) -> CallRecord:
        """Record a dialled call. A call the policy blocks needs a written override
        reason (soft rules only); hard blocks raise CallRefusedError.

        A call dated before the case was opened is refused unless `before_case` says it
        is a contact from before then written down now (补登): it did happen and counts
        against the caps, and the timeline and the summary mark it so."""
        actor = require_actor(actor)
        if duration is not None and duration < 0:
            raise ValidationError([FieldError("duration", "通话时长不能为负数",
                                              "Duration cannot be negative")])
        if not outcome.is_conversation:
            # Nobody talked: a duration or an agreement says otherwise, and a dispute
            # summary would print a conversation that never happened.
            wrong = []
            if duration:
                wrong.append(FieldError(
                    "duration", f"“{outcome.zh}”的电话没有通话时长：请改选“已接通”或把时长清零",
                    f"A call that was “{outcome.en}” has no talk time: choose “Connected” "
                    "or set the duration to 0"))
            if agreed.strip():
                wrong.append(FieldError(
                    "agreed", f"“{outcome.zh}”的电话不会有约定：请改选“已接通”或清空约定",
                    f"A call that was “{outcome.en}” cannot have an agreement: choose "
                    "“Connected” or clear it"))
            if wrong:
                raise ValidationError(wrong)
        now = self.clock.now()
        at = ensure_aware(at) if at is not None else now
        if at > now + FUTURE_SLACK:
            raise ValidationError([FieldError("at", "通话时间不能在将来",
                                              "The call time is in the future")])
        reason = (override_reason or "").strip()
        with self.db.atomic():
            case = self.cases.get(case_id)
            early = self.before_case(case, at)
            if early and not before_case:
                raise ValidationError([before_case_error(case, at, self.shop_tz)])
            person = self._person_of(case)
            key = person.key
            everything = self._calls_of(person)
            history = [r for r in everything if r.at <= at]
            policy = self.policy()
            decision = self._decide(case, self._buyer(person), history, at, checklist,
                                    policy)
            codes: tuple[ReasonCode, ...] = ()
            if at < now - FUTURE_SLACK:
                # Logged after the fact: it happened, so it is kept, but checked against
                # the calls around it too; any breach (hard ones included) needs a reason.
                codes = self._check_backdated(
                    decision, backdated_breaches(at, case.id, [r.attempt() for r in everything],
                                                 policy), reason)
            elif not decision.allowed:
                codes = self._check_override(decision, actor, reason)
            record = self.store.add(
                case_id=case_id, buyer_key=key, at=at, outcome=outcome, actor=actor,
                created_at=now, duration_seconds=duration, summary=summary.strip(),
                agreed=agreed.strip(), override_reason=reason if codes else None,
                override_codes=codes)
            self._write_trail(case, record, checklist, before_case=early)
            if outcome.makes_do_not_call:
                self._mark_do_not_call(case, person, True, actor, at)
        return record

    def _check_backdated(self, decision: CallDecision, breaches: tuple[ReasonCode, ...],
                         reason: str) -> tuple[ReasonCode, ...]:
        codes = tuple(dict.fromkeys([*(r.code for r in decision.reasons), *breaches]))
        if not codes:
            return ()
        if not reason:
            problems = [Notice(r.code.value, r.zh, r.en) for r in decision.reasons]
            problems += [Notice(c.value, f"补记的通话与前后已记录的通话合计超出上限：{c.zh}",
                                f"With the calls on record around it, this back-dated call "
                                f"breaks a cap: {c.en}")
                         for c in breaches if c not in decision.codes]
            problems.append(Notice("reason_required", "补记的通话违反了呼叫规范，须写明原因",
                                   "This back-dated call breaks the call policy: give the "
                                   "reason (it is kept and shown as a breach)"))
            raise CallRefusedError(decision, problems, needs_reason=True)
        return codes

    def _check_override(self, decision: CallDecision, actor: str,
                        reason: str) -> tuple[ReasonCode, ...]:
        hard = [r for r in decision.reasons if not r.overridable]
        if hard:
            problems = [Notice(r.code.value, r.zh, r.en) for r in decision.reasons]
            raise CallRefusedError(decision, problems)
        if not reason:
            problems = [Notice(r.code.value, r.zh, r.en) for r in decision.reasons]
            problems.append(Notice("reason_required", "此次通话不符合规范，越权必须写明原因",
                                   "This call is outside the policy: an override needs a "
                                   "written reason"))
            raise CallRefusedError(decision, problems, needs_reason=True)
        verdict = check_override(decision, OverrideRequest(actor, reason))
        if not verdict.permitted:
            raise CallRefusedError(decision, list(verdict.problems))
        return verdict.overridden

    @staticmethod
    def before_case(case: Case, at: datetime) -> bool:
        """Is `at` before the case was opened (minutes of slack: a form without seconds)?"""
        return case.created_at is not None and at < case.created_at - FUTURE_SLACK

    def _write_trail(self, case: Case, record: CallRecord,
                     checklist: PreCallChecklist | None, *, before_case: bool = False) -> None:
        text = record.outcome.zh + (f"：{record.summary}" if record.summary else "")
        data: dict[str, object] = {
            "call_id": record.id, "outcome": record.outcome.value,
            "duration": record.duration_seconds, "overridden": record.overridden,
            "agreed": record.agreed,
        }
        if record.overridden:
            data["override_reason"] = record.override_reason
        if before_case:
            data["before_case"] = True
        if checklist is not None:
            data["checklist"] = {"goal": checklist.goal,
                                 "fallback_offers": list(checklist.fallback_offers),
                                 "bottom_line": checklist.bottom_line,
                                 "max_grant": checklist.max_grant}
        self.events.add(case.id, record.at, record.actor, "call", text, data)
        latest = max(record.at, case.last_activity_at or record.at)
        self.cases.update_columns(case.id, {"last_activity_at": to_utc_iso(latest)})
        self.audit_log.record(record.created_at, record.actor, "case", case.id, "call",
                              "outcome", None, record.outcome.value)
        if record.overridden:
            # Who, why and which rules: the override never resets any counter.
            self.audit_log.record(record.created_at, record.actor, "case", case.id,
                                  "call_override",
                                  json.dumps([c.value for c in record.override_codes]),
                                  None, record.override_reason)

    # --- buyers --------------------------------------------------------------
    def set_buyer_tz(self, case_id: int, tz: str | None, actor: str = "") -> None:
        """The buyer's own zone for the call window (None: the shop's zone)."""
        tz = (tz or "").strip() or None
        if tz is not None:
            try:
                ZoneInfo(tz)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValidationError([FieldError("tz", f"未知时区：{tz}",
                                                  f"Unknown time zone: {tz}")]) from None
        with self.db.atomic():
            case = self.cases.get(case_id, include_deleted=True)
            if tz is not None and _foreign_zone(case, tz, self.shop_tz):
                raise ValidationError([FieldError(
                    "tz",
                    f"{case.platform.zh}是国内平台，买家在国内，按店铺时区（{self.shop_tz}）"
                    f"判断能否来电：不能设为 {tz}。如果买家确实在海外，请先在案件里填写"
                    "买家的国际电话号码（如 +1 …）",
                    f"{case.platform.en} is a domestic platform: its buyers are judged in "
                    f"the shop's time zone ({self.shop_tz}), not {tz}. If this buyer really "
                    "lives abroad, enter their international phone number (e.g. +1 …) on "
                    "the case first")])
            person = self._person_of(case)
            old = self._buyer(person).tz
            for key in person.setting_keys:
                self.store.set_tz(key, tz)
            self.audit_log.record(self.clock.now(), actor or "-", "case", case_id,
                                  "buyer_tz", person.key, old, tz)

    def set_do_not_call(self, case_id: int, on: bool, actor: str) -> None:
        """Put the buyer on (or take them off) the do-not-call list, audited.

        A buyer who said "don't call me" on a logged call stays off limits: that call
        is in the history, and the policy honours it whatever this flag says.
        """
        with self.db.atomic():
            case = self.cases.get(case_id, include_deleted=True)
            person = self._person_of(case)
            if not on and any(r.outcome.makes_do_not_call for r in self._calls_of(person)):
                raise ValidationError([FieldError(
                    "do_not_call", "买家曾在通话中要求不要再来电，不能取消",
                    "The buyer asked on a call not to be called again; this cannot be lifted")])
            self._mark_do_not_call(case, person, on, actor, self.clock.now())

    def _mark_do_not_call(self, case: Case, person: Person, on: bool, actor: str,
                          at: datetime) -> None:
        """On: under the nickname's key and the phone's (a renamed buyer, or the same
        phone on another platform, stays off limits). Off: under every key of theirs."""
        buyers = self.store.buyers(sorted(person.keys))
        old = merged_buyer(person, buyers).do_not_call
        keys = person.setting_keys if on else [k for k, b in buyers.items() if b.do_not_call]
        for key in keys:
            if buyers.get(key, Buyer(key)).do_not_call != on:
                self.store.set_do_not_call(key, on, at)
        if old != on:
            self.audit_log.record(self.clock.now(), actor or "-", "case", case.id,
                                  "do_not_call", person.key, str(int(old)), str(int(on)))

    # --- reading -------------------------------------------------------------
    def calls_for_buyer(self, case_id: int) -> list[CallRecord]:
        """All calls to this case's buyer, across their cases, oldest first."""
        case = self.cases.get(case_id, include_deleted=True)
        return self._calls_of(self._person_of(case))

    def may_call_now(self) -> list[CallCandidate]:
        """Open cases with a phone whose buyer may be phoned right now, one per buyer.

        Only the time-based and hard rules count here: the checklist and chat-first
        preparation is done just before dialling, so it does not hide a buyer.
        """
        now = self.clock.now()
        policy = self.policy()
        ids = self.store.open_case_ids_with_phone([s.value for s in OPEN_STATUSES])
        cases = self.cases.fetch(ids)
        people = self._people([cases[i] for i in ids])
        every_key = sorted({k for p in people.values() for k in p.keys})
        buyers = self.store.buyers(every_key)
        by_key: dict[str, list[CallRecord]] = {}
        by_case: dict[int, list[CallRecord]] = {}
        every_case = sorted({i for p in people.values() for i in p.case_ids})
        for r in self.store.matching(every_key, every_case):
            if r.at <= now:
                by_key.setdefault(r.buyer_key, []).append(r)
                by_case.setdefault(r.case_id or 0, []).append(r)
        seen: set[str] = set()
        out: list[CallCandidate] = []
        for case_id in ids:
            person = people[case_id]
            if person.keys & seen:
                continue
            found = {r.id: r for k in person.keys for r in by_key.get(k, [])}
            found.update({r.id: r for i in person.case_ids for r in by_case.get(i, [])})
            history = sorted(found.values(), key=lambda r: (r.at, r.id))
            decision = self._decide(cases[case_id], merged_buyer(person, buyers), history,
                                    now, None, policy)
            if decision.codes <= PREPARATION_CODES:
                seen |= person.keys
                out.append(CallCandidate(cases[case_id], decision))
        return out

    def _people(self, cases: list[Case]) -> dict[int, Person]:
        """Person of each case, as `_person_of` finds it, from one indexed read of the
        cases sharing any of their nicknames or phone lines (a list of many cases)."""
        spellings = {c.id: phone_spellings(c.buyer_phone) for c in cases}
        rows = self.store.buyers_of({(c.platform.value, c.buyer_nick.strip()) for c in cases},
                                    {s for found in spellings.values() for s in found})
        by_phone: dict[str, list[tuple[int, str, str, str]]] = {}
        by_nick: dict[tuple[str, str], list[tuple[int, str, str, str]]] = {}
        for row in rows:
            if row[3]:
                by_phone.setdefault(row[3], []).append(row)
            # As the query compares it: SQL's trim() takes spaces only.
            if nick := row[2].strip(" "):
                by_nick.setdefault((row[1], nick), []).append(row)
        used = self.store.keys_used(sorted({r[0] for r in rows} | {c.id for c in cases}))
        out = {}
        for case in cases:
            linked = {r[0]: r for r in [
                *(r for s in spellings[case.id] for r in by_phone.get(s, [])),
                *by_nick.get((case.platform.value, case.buyer_nick.strip()), [])]}
            out[case.id] = make_person(case, list(linked.values()), used)
        return out

    def compliance_report(self, since: datetime, until: datetime | None = None
                          ) -> ComplianceReport:
        """Per-buyer attempts, overrides (who, why) and attempts outside the window."""
        since = ensure_aware(since)
        policy = self.policy()
        # The caps count the calls just before the period too.
        lookback = since - max(timedelta(days=policy.cap_span_days), timedelta(hours=24))
        everything = self.store.since(lookback, until)
        records = [r for r in everything if r.at >= since]
        earlier = [r for r in everything if r.at < since]
        cases = self.cases.fetch(sorted({r.case_id for r in everything if r.case_id}))
        case_buyers = {i: (c.platform.value, c.buyer_nick, c.buyer_phone)
                       for i, c in cases.items()}
        keys = {r.buyer_key for r in everything}
        keys |= {k for c in cases.values() if (k := phone_key(c.buyer_phone))}
        case_nos = {i: c.case_no for i, c in cases.items()}
        return build_report(records, self.store.buyers(sorted(keys)), policy, case_nos,
                            case_buyers, earlier)


_PREPARATION = frozenset({ReasonCode.CHECKLIST_MISSING, ReasonCode.CHAT_FIRST_MISSING,
                          ReasonCode.CASE_FINISHED})
# Warnings a call-back time is told with: the policy could not judge that time for sure.
_CALL_BACK_WARNINGS = frozenset({"buyer_tz_unknown", "holiday_data_missing"})


def before_case_error(case: Case, at: datetime, tz: str) -> FieldError:
    """The call time is before the case was opened, and not marked 补登."""
    opened = f"{case.created_at.astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M}" \
        if case.created_at else ""
    when = f"{at.astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M}"
    return FieldError(
        "at",
        f"通话时间 {when} 早于案件创建时间 {opened}。如果这是建案前与买家的联系、现在补登，"
        "请标为补登（窗口：勾选“补登”；命令行：--before-case），时间线和摘要上会注明",
        f"The call time {when} is before the case was opened ({opened}). If it is a contact "
        "from before the case, written down now, mark it as such (the window's “logged "
        "afterwards” box; --before-case): the timeline and the summary will say so")


def never_callable_then(decision: CallDecision) -> bool:
    """A rule no one may override forbids the call (quiet hours, do-not-call, the case's
    cap): a promise to call then could only be broken."""
    return any(r.code in HARD_CODES for r in decision.reasons)


def call_back_warning(decision: CallDecision, tz: str, lang: str) -> str:
    """按通话规范，那时不能给这位买家打电话：REASONS；最早 NEXT（店铺时间）可以打, or the
    unknown-zone warning of a buyer likely abroad."""
    if not decision.reasons:
        return clause_sep(lang).join(w.message(lang) for w in decision.warnings
                                     if w.code in _CALL_BACK_WARNINGS)
    reasons = clause_sep(lang).join(r.message(lang) for r in decision.reasons)
    nxt = decision.next_slot_at
    when = nxt.astimezone(ZoneInfo(tz)).strftime("%m-%d %H:%M") if nxt else ""
    shop_time = decision.buyer_tz != tz  # the reasons name the buyer's zone
    if lang.startswith("en"):
        return (f"the call policy does not allow calling this buyer then: {reasons}"
                + (f"; the earliest allowed time is {when}"
                   + (" (shop time)" if shop_time else "") if when else
                   "; no later time is allowed either"))
    return (f"按通话规范，那时不能给这位买家打电话：{reasons}"
            + (f"；最早 {when}" + ("（店铺时间）" if shop_time else "") + " 可以打" if when
               else "；之后也没有可以打的时间"))


def _foreign_zone(case: Case, tz: str, shop_tz: str) -> bool:
    """A zone that is not the shop's clock for a buyer who lives on it: a domestic
    platform's buyer (Taobao, JD, ...) set to New York would move the quiet hours to
    Beijing's daytime and let 23:30 calls through."""
    return domestic_buyer(case.platform.value, case.buyer_phone) and not same_clock(tz, shop_tz)


def _overseas(case: Case) -> bool:
    """A buyer likely abroad: a cross-border platform's, or an international phone number
    other than mainland China's."""
    phone = case.buyer_phone.replace(" ", "").replace("-", "")
    return case.platform is Platform.ALIEXPRESS or (
        phone.startswith(("+", "00")) and not phone.startswith(("+86", "0086")))


def _zone_unknown(shop_tz: str) -> Notice:
    return Notice("buyer_tz_unknown",
                  f"这位买家可能在海外，但未设置时区：以上按店铺时区（{shop_tz}）判断，可能正是"
                  "买家的深夜。请先设置买家时区（买家设置 / calls buyer --tz）",
                  f"This buyer may be abroad but has no time zone: the above is judged in the "
                  f"shop's zone ({shop_tz}), which may be the middle of their night. Set the "
                  "buyer's time zone first (calls buyer --tz)")
