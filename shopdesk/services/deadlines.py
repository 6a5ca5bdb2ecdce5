"""Deadlines per platform and stage: the case's stage, its deadline, lists and rules.

Rules are read from the shipped resources/deadlines/*.toml with the data folder's
deadline_rules.toml on top (re-read when a file changes; a broken override keeps the
shipped rules and says what is wrong in `rules_error`, naming the file and key).

`recompute(ids)` runs inside every write that can change a case's stage or due time
(case writes and imports call it through the register's after_write), so the stored
`deadline_at` the list sorts and filters on is never stale. When the rules change (the
shop edited its file, a new version ships), `ensure_current()` recomputes the open cases.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.case import Case
from ..domain.clock import SHOP_TZ_DEFAULT, Clock, from_iso, local, to_utc_iso
from ..domain.deadlines import (
    TRACKING_STAGES,
    Deadline,
    DeadlineFacts,
    DeadlineRule,
    DeadlineRulesError,
    DeadlineSource,
    Pause,
    RuleSet,
    StageOrigin,
    StageState,
    apply_override,
    current_stage,
    merge,
    on_timeout_text,
    opening_stage,
    parse_platform_file,
    resolve,
    stable_repr,
)
from ..domain.enums import Platform
from ..domain.errors import FieldError, ValidationError
from ..domain.platform_state import PlatformStage
from ..domain.text import Text
from ..paths import resource_path
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.deadlines import DeadlineStore, StoredDeadline
from ..storage.events import EventStore
from ..storage.rows import case_to_row
from ..storage.settings import SettingsStore
from .actor import require_actor

OVERRIDE_NAME = "deadline_rules.toml"
WARNING_HOURS_KEY = "deadline_warning_hours"
WARNING_HOURS_DEFAULT = 6
_FINGERPRINT_KEY = "deadline_rules_fingerprint"
RETURN_TRACKING_KEY = "return_tracking_no"
RETURN_SHIPPED_KEY = "return_shipped_at"
# A bad review's next reply due time (ISO, UTC), "" when every reply is posted; written by
# ReviewService with each review save (see DeadlineFacts.review_known).
REVIEW_REPLY_DUE_KEY = "review_reply_due"

OVERRIDE_TEMPLATE = """\
# 本店的时限规则（覆盖随软件提供的 resources/deadlines/*.toml）。
# Shop's deadline rules: tables here change the shipped rules key by key.
#   [平台.规则编号] / [platform.rule_id]   e.g.
#
# [taobao.refund_unshipped]
# hours = 12
#
# A new id adds a rule (it beats a shipped rule for the same stage):
# [pinduoduo.reship]
# stage = "awaiting_reship"
# who = "seller"
# hours = 48
# on_timeout = { zh = "买家可申请平台介入", en = "the buyer may ask the platform" }
# confidence = "low"
#
# Platform clock pauses, local dates inclusive. JD's own Spring Festival notice: its dates
# replace the statutory holiday the shipped rules pause for, in that year:
# [[jd.pause]]
# from = 2027-02-04
# to = 2027-02-12
# reason = "春节暂停"
# stages = ["awaiting_seller", "return_to_check", "return_delivered"]   # default: all
"""


@dataclass(frozen=True)
class DueDeadline:
    """One case in a deadline list (what `deadlines list` and the reminders show)."""

    case_id: int
    case_no: str
    stage: PlatformStage | None
    due_at: datetime
    source: DeadlineSource
    on_timeout: Text | None
    estimate: bool = False


def _load(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise DeadlineRulesError(str(path), f"无法读取（{exc.strerror}）",
                                 f"cannot read it ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DeadlineRulesError(str(path), f"格式错误：{exc}", f"not valid TOML: {exc}") from None


def facts_of(case: Case, state: StageState) -> DeadlineFacts:
    """What decides the case's deadline, from the case and its stored stage."""
    extra = case.extra

    def at(key: str) -> datetime | None:
        value = extra.get(key)
        return from_iso(value) if isinstance(value, str) else None

    return DeadlineFacts(
        platform=case.platform, kind=case.kind, stage=state.stage, stage_since=state.since,
        applied_at=case.applied_at or case.created_at,
        return_shipped_at=at(RETURN_SHIPPED_KEY) or at("platform_return_shipped_at"),
        platform_stage=case.platform_stage, platform_deadline=at("platform_deadline"),
        platform_evidence_deadline=at("platform_evidence_deadline"), due_at=case.due_at,
        amount=case.amount_claimed if case.amount_claimed is not None else case.amount_paid,
        review_known=isinstance(extra.get(REVIEW_REPLY_DUE_KEY), str),
        review_reply_due=at(REVIEW_REPLY_DUE_KEY) if extra.get(REVIEW_REPLY_DUE_KEY) else None,
        start_unknown=_start_unknown(case, state))


# How far apart a case's creation and its stage's start may be and still be one write.
_SAME_WRITE = timedelta(minutes=1)


def _start_unknown(case: Case, state: StageState) -> bool:
    """The case was first seen at this stage, later than its request's first, after the
    request began: the stage's clock runs from when it was seen, not from its start."""
    since, asked = state.since, case.applied_at
    # Only an import puts a case at a stage its request was already past (origin PLATFORM);
    # a case typed by hand and moved on within its first minute is not guessed.
    if since is None or asked is None or case.created_at is None \
            or state.origin is not StageOrigin.PLATFORM:
        return False
    return (state.stage != opening_stage(case.kind) and since - asked > _SAME_WRITE
            and abs(since - case.created_at) <= _SAME_WRITE)


class DeadlineService:
    """Stages and deadlines of cases; the rules they come from."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore, *,
                 shop_tz: str = SHOP_TZ_DEFAULT, override: Path | None = None,
                 shipped: Path | None = None,
                 holiday_span: Callable[[str, int], tuple[date, date] | None] | None = None
                 ) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings
        self.shop_tz = shop_tz
        self.override = override
        self.shipped = shipped or resource_path("deadlines")
        # A public holiday's first and last day in a year (pauses over Spring Festival).
        self.holiday_span = holiday_span
        self.store = DeadlineStore(db)
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit = AuditStore(db)
        self.rules_error: DeadlineRulesError | None = None
        self._cache: tuple[tuple, RuleSet] | None = None
        self._dated_cache: tuple[RuleSet, tuple, RuleSet] | None = None

    # --- rules -------------------------------------------------------------------------
    def _files(self) -> list[Path]:
        return sorted(self.shipped.glob("*.toml"))

    def _stamp(self) -> tuple:
        over = self.override if self.override is not None and self.override.exists() else None
        return (tuple((p.name, p.stat().st_mtime_ns) for p in self._files()),
                over.stat().st_mtime_ns if over else 0)

    def rule_set(self) -> RuleSet:
        """The effective rules (shipped, then the shop's file). A broken shipped file
        raises DeadlineRulesError; a broken shop file is reported in `rules_error`."""
        stamp = self._stamp()
        if self._cache is not None and self._cache[0] == stamp:
            rules = self._cache[1]
        else:
            rules = merge([parse_platform_file(_load(p), p.name) for p in self._files()])
            self.rules_error = None
            if stamp[1]:
                assert self.override is not None
                try:
                    rules = apply_override(rules, _load(self.override), self.override.name)
                except DeadlineRulesError as exc:
                    self.rules_error = exc
            self._cache = (stamp, rules)
        return self._dated(rules)

    def _dated(self, rules: RuleSet) -> RuleSet:
        """The holiday pauses dated for last year, this year and next (the shop's clock),
        from the holiday calendar (chinese-calendar, or the years the shop entered)."""
        if not rules.holiday_pauses or self.holiday_span is None:
            return rules
        year = local(self.clock.now(), self.shop_tz).year
        years = (year - 1, year, year + 1)
        names = sorted({t.holiday for items in rules.holiday_pauses.values() for t in items})
        spans = {(n, y): self.holiday_span(n, y) for n in names for y in years}
        key = tuple(sorted(spans.items()))
        cached = self._dated_cache
        if cached is not None and cached[0] is rules and cached[1] == key:
            return cached[2]
        dated = rules.with_holidays(lambda n, y: spans.get((n, y)), years)
        self._dated_cache = (rules, key, dated)
        return dated

    def rules(self, platform: Platform | None = None) -> list[DeadlineRule]:
        """The rules in force, of one platform or all."""
        return self.rule_set().for_platform(platform)

    def pauses(self, platform: Platform | None = None) -> list[tuple[Platform, Pause]]:
        """The clock pauses in force (holiday pauses dated for last, this and next year)."""
        found = self.rule_set().pauses
        return [(p, pause) for p in Platform if platform in (None, p)
                for pause in sorted(found.get(p, ()), key=lambda x: x.start)]

    def _fingerprint(self) -> str:
        # stable_repr, not repr: a pause's set of stages printed in a different order in
        # every process, so every start recomputed every open case (8.7 s at 100k).
        digest = hashlib.sha256(stable_repr((self.rule_set(), self.shop_tz)).encode())
        return digest.hexdigest()[:16]

    def ensure_current(self) -> int:
        """Compute cases never computed (bulk-loaded), and every open case when the rules
        changed since the last computation. Returns how many were computed."""
        fingerprint = self._fingerprint()
        # Read first, outside a transaction: a start with nothing to compute (the usual
        # one) must not wait for the write lock another PC or an import is holding.
        if not self.store.any_unset() and (self.settings.get(_FINGERPRINT_KEY) == fingerprint
                                           or not self.store.open_ids()):
            return 0
        with self.db.atomic():
            ids = set(self.store.unset_ids())
            if self.settings.get(_FINGERPRINT_KEY) != fingerprint:
                ids.update(self.store.open_ids())
                # Nothing to compute writes nothing: an empty register stays as created.
                if ids:
                    self.settings.set(_FINGERPRINT_KEY, fingerprint)
            if ids:
                self.recompute(sorted(ids))
        return len(ids)

    def mark_rules_current(self) -> None:
        """After a bulk load (an import's new cases, the demo) computed under the rules in
        force: record those rules when no computation was ever recorded (a register empty
        at its open stores none). Else the next start took them for changed and computed
        every open case again: 1.7 s after a first import of 20,000 rows, about 40 s
        after a 1M demo. Caller's transaction."""
        if self.settings.get(_FINGERPRINT_KEY) is None:
            self.settings.set(_FINGERPRINT_KEY, self._fingerprint())

    # --- computing ---------------------------------------------------------------------
    def recompute(self, case_ids: Sequence[int]) -> None:
        """Derive the stage and store the deadline of these cases (caller's transaction)."""
        if not case_ids:
            return
        cases = self.cases.fetch(case_ids)
        states = self.store.stages(list(cases))
        self.store.write(self._settle(list(cases.items()), states))

    def compute_new(self, cases: Mapping[int, Case]) -> None:
        """`recompute` for cases just inserted (no stage stored yet), from the cases as
        given by id: a bulk load need not read a million rows back (caller's transaction)."""
        unset = StageState(None, StageOrigin.DERIVED, None)
        self.store.write(self._settle(list(cases.items()), dict.fromkeys(cases, unset)))

    def new_columns(self, cases: Sequence[Any]) -> list[dict[str, object]]:
        """The stage and deadline columns of cases about to be inserted, in order: a bulk
        load or an import writes them with the rows (`compute_new` without an UPDATE per
        case). `cases`: Cases, or anything with the attributes of a Case the stage and
        deadline read (an import's import_new.NewCase)."""
        return self.new_stages().columns(cases)

    def new_stages(self) -> NewStages:
        """`new_columns` as a picklable value (the rules as they are now): the demo's
        row maker works them out in a process of its own."""
        return NewStages(self.rule_set(), self.clock.now(), self.shop_tz)

    def _settle(self, cases: list[tuple[int, Case]], states: dict[int, StageState]
                ) -> list[tuple[int, StageState, datetime | None, str, bool]]:
        return _settle(cases, states, self.rule_set(), self.clock.now(), self.shop_tz)

    def _resolve(self, case: Case, state: StageState, rules: RuleSet) -> Deadline:
        return resolve(facts_of(case, state), rules, self.shop_tz)

    def for_case(self, case_id: int) -> Deadline:
        """The case's stage and deadline as stored now (closed cases: no deadline)."""
        case = self.cases.get(case_id, include_deleted=True)
        return self.of(case)

    def of(self, case: Case) -> Deadline:
        """`for_case` for a case already loaded."""
        state = self.store.stages([case.id]).get(case.id) or StageState(
            None, StageOrigin.DERIVED, None)
        if state.since is None:  # never computed: compute as a write would, unstored
            state = current_stage(state, kind=case.kind, status=case.status,
                                  platform_stage=case.platform_stage, now=self.clock.now(),
                                  started=case.applied_at or case.created_at
                                  or self.clock.now())
        deadline = self._resolve(case, state, self.rule_set())
        if not case.is_open:
            return Deadline(deadline.stage, None, None, manual_due_at=deadline.manual_due_at)
        return deadline

    def stage_origin(self, case_id: int) -> StageOrigin:
        state = self.store.stages([case_id]).get(case_id)
        return state.origin if state else StageOrigin.DERIVED

    # --- lists -------------------------------------------------------------------------
    def list(self, *, within: timedelta | None = None, overdue: bool = False,
             limit: int | None = None) -> list[DueDeadline]:
        """Open cases by deadline, earliest first: all, those due within `within` from
        now (overdue ones included), or only the overdue ones."""
        now = self.clock.now()
        before = now if overdue else (now + within if within is not None else None)
        return self._items(self.store.due(before=before, limit=limit))

    def _items(self, rows: list) -> list[DueDeadline]:
        rules = self.rule_set()
        out = []
        for r in rows:
            # The stage's rule says what happens at zero, whichever source set the time.
            rule = rules.find(r.platform, r.stage, r.kind) if r.stage is not None else None
            out.append(DueDeadline(r.case_id, r.case_no, r.stage, r.due_at,
                                   DeadlineSource(r.source),
                                   on_timeout_text(rule, r.amount) if rule else None,
                                   r.estimate))
        return out

    def stored(self, case_ids: Sequence[int]) -> dict[int, StoredDeadline]:
        """The stored deadline of each case that has one (the list's 剩余时间 column)."""
        return self.store.stored(case_ids)

    def due_between(self, after: datetime, before: datetime) -> list[DueDeadline]:
        """Open cases whose deadline falls in [after, before], earliest first (what the
        reminders poll: a bounded window, cheap on a big register)."""
        return self._items(self.store.due(after=after, before=before))

    def count_between(self, after: datetime, before: datetime) -> int:
        """`len(due_between(after, before))` without building the list (the tray's count,
        every minute on the UI thread)."""
        return self.store.count_between(after, before)

    def due_within(self, delta: timedelta, *, overdue: bool = True) -> list[DueDeadline]:
        """Open cases whose deadline falls within `delta` from now, earliest first, and
        (unless `overdue=False`) those already past: what `deadlines due` lists. A
        reminder polling often asks `overdue=False` (an indexed range, a few rows)."""
        if overdue:
            return self.list(within=delta)
        now = self.clock.now()
        return self._items(self.store.due(before=now + delta, after=now, exclusive_after=True))

    # --- the warning threshold ---------------------------------------------------------
    def warning_hours(self) -> float:
        """Under this many hours left, the 剩余时间 column turns red (即将超时)."""
        try:
            return float(self.settings.get(WARNING_HOURS_KEY, WARNING_HOURS_DEFAULT))
        except (TypeError, ValueError):
            return float(WARNING_HOURS_DEFAULT)

    def set_warning_hours(self, hours: float) -> None:
        if not 0 < hours <= 24 * 30:
            raise ValidationError([FieldError(WARNING_HOURS_KEY, "应在 0 到 720 小时之间",
                                              "must be between 0 and 720 hours")])
        with self.db.atomic():
            self.settings.set(WARNING_HOURS_KEY, hours)

    def warning_window(self) -> timedelta:
        return timedelta(hours=self.warning_hours())

    def ensure_override_file(self) -> Path:
        """The shop's rules file, created with commented examples when missing (the
        settings page opens it for editing)."""
        assert self.override is not None
        if not self.override.exists():
            self.override.parent.mkdir(parents=True, exist_ok=True)
            self.override.write_text(OVERRIDE_TEMPLATE, encoding="utf-8")
        return self.override

    # --- stage changes -----------------------------------------------------------------
    def change_stage(self, case_id: int, stage: PlatformStage, actor: str, *,
                     tracking: str = "") -> Deadline:
        """Move the case to `stage` by hand (agreed to the return, recorded its tracking
        number ...): a timeline event and audit rows in one transaction; returns the new
        deadline. The stage's clock starts now."""
        actor = require_actor(actor)
        tracking = tracking.strip()
        if tracking and stage not in TRACKING_STAGES:
            raise ValidationError([FieldError("tracking", "只有“买家已寄回”或“已发出换货/补寄”"
                                              "可以记录单号",
                                              "A tracking number goes with a return shipped "
                                              "or a reship only")])
        now = self.clock.now()
        stamp = to_utc_iso(now)
        with self.db.atomic():
            case = self.cases.get(case_id)
            if not case.is_open:
                raise ValidationError([FieldError("stage", "案件已结束，不能更改阶段",
                                                  "The case is finished; its stage is fixed")])
            old = self.of(case)
            state = self.store.stages([case_id])[case_id]
            extra = dict(case.extra)
            if stage is PlatformStage.RETURN_TO_CHECK:
                extra[RETURN_SHIPPED_KEY] = stamp
            if tracking:
                key = RETURN_TRACKING_KEY if stage is PlatformStage.RETURN_TO_CHECK \
                    else "reship_tracking_no"
                extra[key] = tracking
            if extra != case.extra:
                row = case_to_row(case.with_changes(extra=extra))
                self.cases.update_columns(case_id, {"extra": row["extra"]}, reindex=False)
            self.cases.update_columns(case_id, {"updated_at": stamp, "last_activity_at": stamp},
                                      reindex=False)
            self.store.write([(case_id, StageState(stage, StageOrigin.USER, now,
                                                   state.synced_platform_stage), None, "",
                               False)])
            self.recompute([case_id])
            new = self.for_case(case_id)
            old_key = old.stage.value if old.stage else None
            self.audit.record(now, actor, "case", case_id, "stage", "stage", old_key,
                              stage.value)
            if tracking:
                self.audit.record(now, actor, "case", case_id, "stage", "tracking", None,
                                  tracking)
            text = f"阶段：{stage.zh}" + (f"（单号 {tracking}）" if tracking else "")
            self.events.add(case_id, now, actor, "stage", text, {
                "from": old_key, "to": stage.value, "tracking": tracking or None,
                "due_at": to_utc_iso(new.due_at) if new.due_at else None,
                "source": new.source.value if new.source else None})
        return new


def deadline_json(deadline: Deadline, lang: str = "zh") -> dict[str, object]:
    """The case JSON's "deadline" object."""
    rule = deadline.rule
    return {
        "stage": deadline.stage.value if deadline.stage else None,
        "due_at": to_utc_iso(deadline.due_at) if deadline.due_at else None,
        "source": deadline.source.value if deadline.source else None,
        "rule": None if rule is None else {
            "key": rule.key, "who": rule.who.value, "hours": rule.hours, "days": rule.days,
            "source": rule.source, "year": rule.year, "confidence": rule.confidence.value,
            "estimate": rule.estimate},
        "on_timeout": deadline.on_timeout.get(lang) if deadline.on_timeout else None,
        "manual_due_at": (to_utc_iso(deadline.manual_due_at)
                          if deadline.manual_due_at else None),
    }


def due_json(item: DueDeadline, lang: str = "zh") -> dict[str, object]:
    """One entry of `deadlines list` / `deadlines due`."""
    return {"case_no": item.case_no, "stage": item.stage.value if item.stage else None,
            "due_at": to_utc_iso(item.due_at), "source": item.source.value,
            "on_timeout": item.on_timeout.get(lang) if item.on_timeout else None,
            "estimate": item.estimate}


def pause_json(platform: Platform, pause: Pause, lang: str = "zh") -> dict[str, object]:
    """One clock pause of `deadlines rules --json` (dated; a holiday pause per year)."""
    return {"platform": platform.value, "from": pause.start.isoformat(),
            "to": pause.end.isoformat(), "stages": sorted(s.value for s in pause.stages),
            "holiday": pause.holiday or None, "reason": pause.reason.get(lang),
            "source": pause.source, "year": pause.year,
            "confidence": pause.confidence.value}


def rule_json(rule: DeadlineRule, lang: str = "zh") -> dict[str, object]:
    """One rule of `deadlines rules --json`."""
    return {"key": rule.key, "platform": rule.platform.value, "id": rule.id,
            "stage": rule.stage.value, "kinds": [k.value for k in rule.kinds],
            "who": rule.who.value, "hours": rule.hours, "days": rule.days,
            "from": rule.anchor.value, "from_midnight": rule.from_midnight,
            "on_timeout": rule.on_timeout.get(lang), "source": rule.source,
            "year": rule.year, "confidence": rule.confidence.value,
            "estimate": rule.estimate, "note": rule.note, "overridden": rule.overridden}


@dataclass(frozen=True)
class NewStages:
    """The stage and deadline columns of new cases under fixed rules at a fixed time (no
    database): what DeadlineService.new_columns gives while these rules hold."""

    rules: RuleSet
    now: datetime
    shop_tz: str

    def columns(self, cases: Sequence[Any]) -> list[dict[str, object]]:
        """Per case, in order, the columns `DeadlineStore.columns` stores."""
        unset = StageState(None, StageOrigin.DERIVED, None)
        settled = _settle(list(enumerate(cases)), dict.fromkeys(range(len(cases)), unset),
                          self.rules, self.now, self.shop_tz)
        return [DeadlineStore.columns(state, due, source, estimate)
                for _i, state, due, source, estimate in settled]


def _settle(cases: list[tuple[int, Case]], states: dict[int, StageState], rules: RuleSet,
            now: datetime, shop_tz: str
            ) -> list[tuple[int, StageState, datetime | None, str, bool]]:
    rows = []
    for cid, case in cases:
        state = current_stage(states[cid], kind=case.kind, status=case.status,
                              platform_stage=case.platform_stage, now=now,
                              started=case.applied_at or case.created_at or now)
        if not case.is_open:  # a settled case has its stage, never a deadline
            rows.append((cid, state, None, "", False))
            continue
        # The timeout text is made when a deadline is shown, not stored.
        deadline = resolve(facts_of(case, state), rules, shop_tz, with_text=False)
        open_ = deadline.due_at is not None
        rows.append((cid, state, deadline.due_at if open_ else None,
                     deadline.source.value if open_ and deadline.source else "",
                     open_ and deadline.estimate))
    return rows
