"""Follow-ups after resolution (回访): scheduled when a case is resolved, listed as a queue
by due date, and closed with what the buyer said.

Each write is one transaction with its timeline event (followup_scheduled / followup_done /
followup_cancelled) and audit row. "Problem again" reopens the case through the case
workflow (CaseService.change_status) inside the same transaction, so the follow-up, the
reopening and their trail are saved together or not at all.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..domain.case import Case
from ..domain.clock import SHOP_TZ_DEFAULT, Clock, local, to_utc_iso
from ..domain.enums import CaseKind, CaseStatus
from ..domain.errors import FieldError, ValidationError
from ..domain.followups import (
    Followup,
    FollowupResult,
    FollowupRule,
    due_after,
    rules_from_setting,
    rules_to_setting,
    validate_result,
)
from ..domain.workflow import Transition, is_reopen
from ..storage.audit import AuditStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.followups import FollowupStore
from ..storage.settings import SettingsStore
from .actor import require_actor
from .cases import CaseService

RULES_KEY = "followup_rules"
# A case an import (or the demo) finds resolved gets the follow-up its kind asks for, due
# that many days after the platform's resolution, unless that day is this long past: a
# first import of last year's history must not fill the queue with stale follow-ups.
STALE_AFTER = timedelta(days=7)


class FollowupService:
    """register.followups. `on_status` is registered with the case service, which calls
    it inside every status change's transaction."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore,
                 cases: CaseService, *, shop_tz: str = SHOP_TZ_DEFAULT) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings
        self.cases = cases
        self.shop_tz = shop_tz
        self.store = FollowupStore(db)
        self.events = EventStore(db)
        self.audit_log = AuditStore(db)

    # --- rules -------------------------------------------------------------------
    def rules(self) -> dict[CaseKind, FollowupRule]:
        """The shop's rule per kind (settings over the defaults)."""
        return rules_from_setting(self.settings.get(RULES_KEY))

    def set_rule(self, kind: CaseKind, days: int | None, actor: str) -> FollowupRule:
        """Follow up `days` after resolving a case of `kind` (None: never)."""
        actor = require_actor(actor)
        rules = self.rules()
        old = rules[kind]
        rules[kind] = FollowupRule(kind, days, old.script_id)
        with self.db.atomic():
            self.settings.set(RULES_KEY, rules_to_setting(rules))
            self.audit_log.record(self.clock.now(), actor, "settings", None, "update",
                                  f"{RULES_KEY}.{kind.value}",
                                  None if old.days is None else str(old.days),
                                  None if days is None else str(days))
        return rules[kind]

    # --- scheduling (called by the case workflow) --------------------------------
    def on_status(self, before: Case, after: Case, actor: str, now: datetime) -> None:
        """Schedule on resolving; cancel what is still open when the case is reopened."""
        if after.status is CaseStatus.RESOLVED and before.status is not CaseStatus.RESOLVED:
            self.schedule(after, actor, now)
        elif is_reopen(before.status, after.status):
            for f in self.store.cancel_open(after.id, now, actor):
                self.events.add(after.id, now, actor, "followup_cancelled",
                                "案件重新打开，回访取消", {"followup_id": f.id})
                self.audit_log.record(now, actor, "case", after.id, "followup_cancelled",
                                      f"followup:{f.id}", "open", "cancelled")

    def schedule(self, case: Case, actor: str, now: datetime) -> Followup | None:
        """The follow-up the kind's rule asks for, from `now` (None when the rule has none)."""
        rule = self.rules()[case.kind]
        due = due_after(now, rule)
        if due is None:
            return None
        followup = self.store.add(case_id=case.id, kind=case.kind, due_at=due,
                                  script_id=rule.script_id, created_at=now, created_by=actor)
        when = local(due, self.shop_tz).strftime("%Y-%m-%d")
        self.events.add(case.id, now, actor, "followup_scheduled", f"{when} 回访",
                        {"followup_id": followup.id, "due_at": to_utc_iso(due),
                         "script_id": rule.script_id})
        self.audit_log.record(now, actor, "case", case.id, "followup_scheduled",
                              f"followup:{followup.id}", None, to_utc_iso(due))
        return followup

    def schedule_resolved(self, case_ids: list[int], actor: str,
                          now: datetime | None = None, *,
                          backdate: bool = False) -> list[Followup]:
        """Follow-ups for the cases among `case_ids` that are resolved and have none since
        their resolution (an import resolved them, or the demo made them resolved), due
        the rule's days after `resolved_at`, as resolving in the window does. Set-based:
        one read and one insert per 500 cases; the caller owns the transaction.
        `backdate`: made (and on the timeline) at the resolution, not now (the demo's
        made-up history)."""
        now = now or self.clock.now()
        rules = self.rules()
        kinds = [k.value for k, r in rules.items() if r.days is not None]
        rows = []
        for case_id, kind_key, resolved_at in self.store.resolved_without_followup(
                list(dict.fromkeys(case_ids)), kinds):
            rule = rules[CaseKind(kind_key)]
            due = due_after(resolved_at, rule)
            if due is None or due < now - STALE_AFTER:
                continue
            rows.append((case_id, rule.kind, due, rule.script_id,
                         resolved_at if backdate else now))
        made = self.store.add_many(rows, created_by=actor)
        events, audits = [], []
        for f in made:
            due_iso = to_utc_iso(f.due_at)
            when = local(f.due_at, self.shop_tz).strftime("%Y-%m-%d")
            events.append((f.case_id, f.created_at, actor, "followup_scheduled",
                           f"{when} 回访", {"followup_id": f.id, "due_at": due_iso,
                                           "script_id": f.script_id}))
            audits.append((f.created_at, actor, "case", f.case_id, "followup_scheduled",
                           f"followup:{f.id}", None, due_iso))
        if made:
            self.events.add_many(events)
            self.audit_log.record_many(audits)
        return made

    # --- recording the outcome -----------------------------------------------------
    def done(self, followup_id: int, result: FollowupResult, actor: str,
             note: str = "") -> Followup:
        """Record what the follow-up found; PROBLEM_AGAIN reopens the case (note: why)."""
        actor = require_actor(actor)
        note = (note or "").strip()
        now = self.clock.now()
        with self.db.atomic():
            followup = self.store.get(followup_id)
            case = self.cases.get(followup.case_id)  # a trashed case is read-only
            errors = validate_result(followup, result, note)
            if errors:
                raise ValidationError(errors)
            done = self.store.finish(followup.id, result, now, actor, note)
            text = result.zh + (f"：{note}" if note else "")
            self.events.add(case.id, now, actor, "followup_done", text,
                            {"followup_id": done.id, "result": result.value, "note": note})
            self.audit_log.record(now, actor, "case", case.id, "followup_done",
                                  f"followup:{done.id}", "open", result.value)
            stamp = to_utc_iso(now)
            self.cases.store.update_columns(case.id, {"last_activity_at": stamp},
                                            reindex=False)
            if result is FollowupResult.PROBLEM_AGAIN and not case.status.is_open:
                self.cases.change_status(
                    case.id, Transition(CaseStatus.IN_PROGRESS,
                                        note=f"回访：问题再次出现——{note}"), actor)
        return done

    # --- reads -------------------------------------------------------------------
    def get(self, followup_id: int) -> Followup:
        return self.store.get(followup_id)

    def for_case(self, case_id: int) -> list[Followup]:
        return self.store.for_case(case_id)

    def queue(self, *, due_only: bool = False) -> list[Followup]:
        """Open follow-ups on live cases by due date; `due_only`: due by now."""
        return self.store.open_queue(self.clock.now() if due_only else None)

    def due_count(self) -> int:
        """How many open follow-ups are due now (the window's indicator)."""
        return self.store.count_due(self.clock.now())


def parse_result(text: str) -> FollowupResult:
    """A key or label -> FollowupResult (ValidationError naming --result otherwise)."""
    try:
        return FollowupResult.parse(text)  # type: ignore[return-value]
    except ValueError:
        keys = ", ".join(r.value for r in FollowupResult)
        raise ValidationError([FieldError("result", f"未知的回访结果：{text}（可选：{keys}）",
                                          f"unknown result: {text} (one of: {keys})")]
                              ) from None
