"""Early warning (投诉预警): judge cases against the rules whenever they are written.

The case and import services call `evaluate(ids)` inside their own transaction after a
write, so a warning is raised with the change that caused it. Rules are read from the
shipped resources/warnings/rules.toml with the data folder's warning_rules.toml on top
(re-read when it changes). What time alone changes (open too long, cause still unknown,
a new product no longer new) is judged by `refresh_open`, which the list and the main
screen call: only on the cases SQL finds due, unless the rules changed since every open
case was last judged (then on every open case and rule, `rejudge_open`).
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.blacklist import first_match
from ..domain.case import Case
from ..domain.clock import Clock, from_iso, to_utc_iso
from ..domain.enums import Cause
from ..domain.errors import FieldError, ShopDeskError, ValidationError
from ..domain.warnings import (
    NEIGHBOUR_RULES,
    TIME_RULES,
    CaseFacts,
    Neighbourhood,
    Raised,
    RuleKey,
    RulesError,
    WarningRules,
    evaluate,
    evaluate_all,
    fingerprint,
    group_marker,
    parse_rules,
    product_key,
    similar,
)
from ..paths import resource_path
from ..storage.batches import in_batches
from ..storage.blacklist import BlacklistStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.settings import SettingsStore
from ..storage.warnings import CaseWarning, WarningStore
from .actor import require_actor

OVERRIDE_NAME = "warning_rules.toml"
# Settings: {"rules": fingerprint of the rules every open case was last judged by (""
# once a write judged some by other rules), "at": when the open cases were last judged}.
JUDGED_KEY = "warnings_judged"
# Up to this many written cases, each is also checked for a group it may have just left
# (one indexed query per case); an import's rows are not.
FEW = 50


def load_rules_file(path: Path, base: WarningRules | None = None) -> WarningRules:
    """Parse one rules file; RulesError names the file and the key at fault."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise RulesError(str(path), f"无法读取（{exc.strerror}）",
                         f"cannot read it ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(str(path), f"格式错误：{exc}", f"not valid TOML: {exc}") from None
    return parse_rules(data, base)


@dataclass(frozen=True)
class SimilarCase:
    case_id: int
    created_at: datetime
    status: str
    buyer_nick: str


class WarningService:
    """Raises, lists and acknowledges warnings; finds similar cases."""

    def __init__(self, db: Database, clock: Clock, *, override: Path | None = None,
                 shipped: Path | None = None) -> None:
        self.db = db
        self.clock = clock
        self.store = WarningStore(db)
        self.blacklist = BlacklistStore(db)
        self.events = EventStore(db)
        self.override = override
        self.shipped = shipped or resource_path("warnings", "rules.toml")
        self.settings = SettingsStore(db)
        self._cache: tuple[int, WarningRules] | None = None  # (override's mtime, rules)
        self._shipped_rules: WarningRules | None = None
        self._fingerprint: tuple[WarningRules, str] | None = None
        self.rules_error: RulesError | None = None

    # --- rules -------------------------------------------------------------------------
    def rules(self) -> WarningRules:
        """The effective rules (shipped, then the shop's override file).

        A broken override file must not stop the shop recording cases: the shipped rules
        are used and `rules_error` says what is wrong (the CLI and the window show it)."""
        over = self.override if self.override is not None and self.override.exists() else None
        stamp = over.stat().st_mtime_ns if over else 0
        if self._cache is not None and self._cache[0] == stamp:
            return self._cache[1]
        # The shipped rules are part of the program: read once. Re-read on every case shown,
        # a newer version's file unpacked over a running window broke its case panel.
        if self._shipped_rules is None:
            self._shipped_rules = load_rules_file(self.shipped)
        rules = self._shipped_rules
        self.rules_error = None
        if over is not None:
            try:
                rules = load_rules_file(over, rules)
            except RulesError as exc:
                self.rules_error = exc
        self._cache = (stamp, rules)
        return rules

    def _mark(self, rules: WarningRules) -> str:
        """fingerprint(rules), worked out once per rules read."""
        if self._fingerprint is None or self._fingerprint[0] is not rules:
            self._fingerprint = (rules, fingerprint(rules))
        return self._fingerprint[1]

    def _judging_with(self, rules: WarningRules) -> None:
        """Before a write judges cases by `rules`: when those are not the rules every open
        case was last judged by, forget that mark, so the next `refresh_open` judges all
        of them again (rules edited and put back would otherwise look unchanged)."""
        judged = self.settings.get(JUDGED_KEY)
        if judged and judged.get("rules") and judged["rules"] != self._mark(rules):
            self.settings.set(JUDGED_KEY, {**judged, "rules": ""})

    # --- judging -----------------------------------------------------------------------
    def evaluate(self, case_ids: Sequence[int], *, siblings: bool = True,
                 written: Mapping[int, CaseFacts] | None = None
                 ) -> dict[int, list[Raised]]:
        """Judge these cases now, and the open cases next to them on the rules that read
        other cases; returns what was newly raised per case. Runs in the caller's
        transaction when there is one.

        Only the cases a rule's window can reach are read (`WarningStore.near`), and the
        counts over all time (closed cases of a product and cause, a product's first
        case) come from SQL. A neighbour is re-judged on the rules the written case can
        change for it (the same buyer within the repeat window, the same product within
        the group window, the same product and cause created later for a recurrence), and
        only a warning that starts or stops firing is written for it. `written`: the
        facts of cases the caller has just written (WarningStore.facts)."""
        if not case_ids:
            return {}
        rules = self.rules()
        now = self.clock.now()
        with self.db.atomic():
            self._judging_with(rules)
            subjects = self.store.facts(case_ids, written=written)
            if not subjects:
                return {}
            days = _product_days(rules)
            latest = self.store.latest([s.case_id for s in subjects])
            left: set = set()
            if siblings and len(subjects) <= FEW and rules.on(RuleKey.GROUP_COMPLAINT):
                for s in subjects:
                    if _left_its_group(s, latest.get(s.case_id, {})):
                        left |= self.store.grouped_elsewhere(s, rules.group_days)
            near = self.store.near(subjects, buyer_days=2 * rules.repeat_days,
                                   product_days=days, extra_faults=left)
            last = max(s.created_at for s in subjects) + timedelta(days=days)
            if siblings and rules.on(RuleKey.RECURRING_FAULT) and last < now:
                # (Cases are not created after now: nothing later than that to read.)
                near += self.store.open_after(
                    sorted({(s.product, s.cause) for s in subjects if s.product}), last)
            read = {(s.product, s.cause) for s in subjects} | left
            scope = _neighbour_scope(subjects, near, rules, read) if siblings else {}
            around = self._around(subjects, near, scope, rules)
            found = evaluate_all(subjects, around, rules, now, self._blacklisted(subjects))
            for case_id, judged in scope.items():
                found[case_id] = evaluate(around.by_id[case_id], around, rules, now,
                                          only=judged)
            latest.update(self.store.standing(list(scope), NEIGHBOUR_RULES))
            still_open = {f.case_id for f in subjects if f.is_open} | set(scope)
            return self.store.sync_many(found, now, latest, scope=scope,
                                        still_open=still_open)

    def _around(self, subjects: Sequence[CaseFacts], near: Sequence[CaseFacts],
                scope: dict[int, set[RuleKey]], rules: WarningRules) -> Neighbourhood:
        facts = [*near, *subjects]  # the subjects last: their facts carry their words
        closed = {}
        if rules.on(RuleKey.RECURRING_FAULT):
            judged = [*subjects, *(f for f in near if RuleKey.RECURRING_FAULT in
                                   scope.get(f.case_id, ()))]
            closed = self.store.closed_since(
                {(f.product, f.cause) for f in judged if f.cause in rules.recurring_causes},
                min(f.created_at for f in judged), max(f.created_at for f in judged))
        first = None
        if rules.on(RuleKey.NEW_PRODUCT):
            first = self.store.first_seen({f.product for f in subjects if f.product})
        return Neighbourhood(facts, closed=closed, first_seen=first)

    def _blacklisted(self, subjects: Iterable[CaseFacts]) -> dict[int, str]:
        entries = self.blacklist.all()
        if not entries:
            return {}
        ids = [s.case_id for s in subjects]
        rows = {}
        for chunk, marks in in_batches(ids):
            for r in self.db.execute("SELECT id, platform, buyer_nick, buyer_phone, "
                                     f"buyer_address, case_no FROM cases WHERE id IN ({marks})",
                                     chunk).fetchall():
                rows[r[0]] = r
        out = {}
        for case_id, r in rows.items():
            # Not on the case the entry names as its evidence: the buyer was listed from
            # it; the warning is for their other cases (a new order from them).
            hit = first_match([e for e in entries if e.case_no != r[5]] if any(
                e.case_no == r[5] for e in entries) else entries,
                platform=r[1], buyer_nick=r[2], phone=r[3], address=r[4])
            if hit is not None:
                out[case_id] = hit.reason
        return out

    def refresh_open(self) -> int:
        """Judge what time alone changes since the open cases were judged (TIME_RULES: open
        too long, cause still unknown, a new product no longer new), on the cases SQL finds
        due; every open case on every rule instead (`rejudge_open`) when the rules are not
        those they were all judged by, or the clock went back. Both give what judging
        every open case now gives. Returns how many warnings were newly raised."""
        rules = self.rules()
        now = self.clock.now()
        with self.db.atomic():
            judged = self.settings.get(JUDGED_KEY) or {}
            last = from_iso(judged.get("at"))
            if judged.get("rules") != self._mark(rules) or last is None or now < last:
                return self.rejudge_open()
            found = self._judge_time(rules, now)
            if now != last:
                self.settings.set(JUDGED_KEY, {"rules": judged["rules"], "at": to_utc_iso(now)})
        return sum(len(v) for v in found.values())

    def rejudge_open(self) -> int:
        """Judge every open case on every rule (the rules changed; cases others pointed at
        are gone) and remember by which rules. Returns how many warnings were newly
        raised. Holds every open case's facts at once: `refresh_open` does this only when
        it must."""
        rules = self.rules()
        with self.db.atomic():
            ids = self.store.open_ids()
            if not ids:  # nothing to judge writes nothing: an empty register stays as created
                return 0
            found = self.evaluate(ids, siblings=False)
            self.settings.set(JUDGED_KEY, {"rules": self._mark(rules),
                                           "at": to_utc_iso(self.clock.now())})
        return sum(len(v) for v in found.values())

    def _judge_time(self, rules: WarningRules, now: datetime) -> dict[int, list[Raised]]:
        """The time rules on the open cases due for them (`WarningStore.due_by_time`); the
        other rules' warnings stay as their last write left them."""
        on = rules.on
        ids = self.store.due_by_time(
            long_open_by=now - timedelta(days=rules.long_open_days)
            if on(RuleKey.LONG_OPEN) else None,
            unknown_by=now - timedelta(hours=rules.cause_unknown_hours)
            if on(RuleKey.CAUSE_UNKNOWN) else None,
            new_product=on(RuleKey.NEW_PRODUCT))
        if not ids:
            return {}
        facts = self.store.facts(ids, text=False)  # these rules read no words
        first = None
        if on(RuleKey.NEW_PRODUCT):
            first = self.store.first_seen({f.product for f in facts if f.product})
        around = Neighbourhood(facts, first_seen=first)
        found = {f.case_id: evaluate(f, around, rules, now, only=TIME_RULES) for f in facts}
        scope = dict.fromkeys(found, TIME_RULES)
        return self.store.sync_many(found, now, self.store.standing(list(found), TIME_RULES),
                                    scope=scope, still_open=set(found))

    def rejudge_left(self, cases: Sequence[Case]) -> dict[int, list[Raised]]:
        """Judge again the open cases these cases were next to before they moved (buyer,
        product or cause edited, even on a closed case) or went to the trash, on the
        rules that read other cases: a group of three that drops to two ends. `cases` are
        as they were; their current rows (if live) still count where they stayed. The
        moved cases themselves are judged by `evaluate`. Returns what was newly raised."""
        rules = self.rules()
        now = self.clock.now()
        with self.db.atomic():
            self._judging_with(rules)
            ids = [c.id for c in cases]
            current = self.store.facts(ids)
            anchors = _left([_facts_of(c) for c in cases if c.created_at is not None],
                            {f.case_id: f for f in current})
            if not anchors:
                return {}
            days = _product_days(rules)
            near = self.store.near(anchors, buyer_days=2 * rules.repeat_days,
                                   product_days=days)
            last = max(a.created_at for a in anchors) + timedelta(days=days)
            if rules.on(RuleKey.RECURRING_FAULT) and last < now:
                near += self.store.open_after(
                    sorted({(a.product, a.cause) for a in anchors if a.product}), last)
            read = {(a.product, a.cause) for a in anchors}
            scope = _neighbour_scope(anchors, near, rules, read)
            if not scope:
                return {}
            # The anchors' current rows, not their old facts, are among the others.
            facts = [*near, *current]
            closed = None
            if rules.on(RuleKey.RECURRING_FAULT):
                judged = [f for f in near if RuleKey.RECURRING_FAULT in scope.get(f.case_id, ())]
                closed = self.store.closed_since(
                    {(f.product, f.cause) for f in judged if f.cause in rules.recurring_causes},
                    min((f.created_at for f in judged), default=now),
                    max((f.created_at for f in judged), default=now))
            first = None
            if rules.on(RuleKey.NEW_PRODUCT):
                first = self.store.first_seen({a.product for a in anchors if a.product})
            around = Neighbourhood(facts, closed=closed, first_seen=first)
            found = {case_id: evaluate(around.by_id[case_id], around, rules, now, only=judged)
                     for case_id, judged in scope.items()}
            latest = self.store.standing(list(scope), NEIGHBOUR_RULES)
            return self.store.sync_many(found, now, latest, scope=scope,
                                        still_open=set(scope))

    # --- reading and acting ------------------------------------------------------------
    def listing(self, *, rule: RuleKey | None = None, include_acknowledged: bool = False,
                limit: int | None = None) -> list[CaseWarning]:
        """Warnings newest first: every one, or the `limit` newest (`count`: how many)."""
        return self.store.listing(rule=rule, include_acknowledged=include_acknowledged,
                                  limit=limit)

    def count(self, *, rule: RuleKey | None = None, include_acknowledged: bool = False) -> int:
        """How many warnings `listing` gives without a limit (counted in SQL)."""
        return self.store.count(rule=rule, include_acknowledged=include_acknowledged)

    def for_case(self, case_id: int) -> list[CaseWarning]:
        """Every warning of the case, history included."""
        return self.store.for_case(case_id)

    def live(self, case_ids: Sequence[int]) -> dict[int, list[CaseWarning]]:
        """Live warnings per case (the list column)."""
        return self.store.live_for(case_ids)

    def count_open_warned(self) -> int:
        """Open cases with a live warning (the main screen's count)."""
        return self.store.count_open_warned()

    def acknowledge(self, case_id: int, actor: str, note: str = "", *,
                    rules: Iterable[RuleKey] | None = None) -> list[CaseWarning]:
        """A person saw the warnings and says what was done; recorded on the timeline.
        Raises ShopDeskError when the case has no live warning."""
        actor = require_actor(actor)
        rules = list(rules) if rules is not None else None
        now = self.clock.now()
        with self.db.atomic():
            done = self.store.acknowledge(case_id, rules, actor, note.strip(), now)
            if not done:
                no = self._case_no(case_id)
                wanted = sorted(r.value for r in rules) if rules is not None else []
                if wanted:
                    keys = ", ".join(wanted)
                    raise ShopDeskError(f"售后单 {no} 没有待处理的预警 {keys}",
                                        f"Case {no} has no live {keys} warning")
                raise ShopDeskError(f"售后单 {no} 没有待处理的预警",
                                    f"Case {no} has no live warning")
            self.events.add(case_id, now, actor, "warning_ack", note.strip(),
                            {"rules": [w.rule.value for w in done]})
        return done

    def _case_no(self, case_id: int) -> str:
        """The case's number, for a message (its id when it is gone)."""
        row = self.db.execute("SELECT case_no FROM cases WHERE id = ?", [case_id]).fetchone()
        return row[0] if row is not None else f"#{case_id}"

    def similar(self, case_id: int) -> list[CaseFacts]:
        """Other cases on the same SKU/item with the same cause in the last N days."""
        subjects = self.store.facts([case_id])
        if not subjects:
            return []
        days = self.rules().similar_days
        around = Neighbourhood([*self.store.near(subjects, buyer_days=None, product_days=days),
                                *subjects])
        return similar(subjects[0], around, days)


def _product_days(rules: WarningRules) -> int:
    """How far from a written case the product's cases are read: a neighbour within the
    group window is judged on its own window (twice the span), and a new product's
    first case may be that far."""
    days = 2 * rules.group_days
    return max(days, rules.new_product_days) if rules.on(RuleKey.NEW_PRODUCT) else days


def _neighbour_scope(subjects: Sequence[CaseFacts], near: Collection[CaseFacts],
                     rules: WarningRules, read: set[tuple[str, Cause | None]]
                     ) -> dict[int, set[RuleKey]]:
    """Open neighbours of the written cases -> the rules the write can change for them.
    The group rule only for a neighbour whose product + cause was `read` over the whole
    window (a case read as the buyer's has only that buyer's cases around it)."""
    if not near:  # (an import into an empty register: 50,000 subjects, no neighbour)
        return {}
    ids = {s.case_id for s in subjects}
    buyers: dict[object, list[datetime]] = defaultdict(list)
    products: dict[str, list[datetime]] = defaultdict(list)
    faults: dict[object, datetime] = {}
    for s in subjects:
        if s.buyer_key:
            buyers[s.buyer_key].append(s.created_at)
        if s.product:
            products[s.product].append(s.created_at)
            key = (s.product, s.cause)
            faults[key] = min(faults.get(key, s.created_at), s.created_at)
    for times in (*buyers.values(), *products.values()):
        times.sort()
    on = rules.on
    spans = ((RuleKey.REPEAT_BUYER, buyers, "buyer", rules.repeat_days),
             (RuleKey.GROUP_COMPLAINT, products, "product", rules.group_days),
             (RuleKey.NEW_PRODUCT, products, "product", rules.new_product_days))
    out: dict[int, set[RuleKey]] = {}
    for f in near:
        if not f.is_open or f.case_id in ids:
            continue
        judged = set()
        for rule, groups, by, days in spans:
            key = f.buyer_key if by == "buyer" else f.product
            times = groups.get(key) if key and on(rule) else None
            if times and _within(times, f.created_at, timedelta(days=days)):
                judged.add(rule)
        if RuleKey.GROUP_COMPLAINT in judged and (f.product, f.cause) not in read:
            judged.discard(RuleKey.GROUP_COMPLAINT)
        first = faults.get((f.product, f.cause))
        if (on(RuleKey.RECURRING_FAULT) and f.cause in rules.recurring_causes
                and first is not None and first <= f.created_at):
            judged.add(RuleKey.RECURRING_FAULT)  # a case closed (or reopened) before it
        if judged:
            out[f.case_id] = judged
    return out


def _facts_of(case: Case) -> CaseFacts:
    """What the rules read of a case as it is (or was, before an edit)."""
    assert case.created_at is not None
    return CaseFacts(
        case_id=case.id, platform=case.platform.value, buyer_nick=case.buyer_nick or "",
        product=product_key(case.sku or "", case.item_title or ""), cause=case.cause,
        kind=case.kind, status=case.status, created_at=case.created_at,
        closed_at=None if case.status.is_open else closed_at(case))


def closed_at(case: Case) -> datetime | None:
    """When a finished case counts as closed for the rules (storage.warnings._CLOSED_AT):
    when it was resolved or closed, not its last update (a follow-up note moves that), and
    never before it was registered (history imported after the platform finished it)."""
    end = case.resolved_at or case.updated_at
    if end is None or case.created_at is None:
        return end
    return max(end, case.created_at)


def _left(before: Iterable[CaseFacts], now: dict[int, CaseFacts]) -> list[CaseFacts]:
    """What each case left: its old buyer when that changed, its old product + cause when
    either changed (all of it when it is gone). Where it stayed, `evaluate` judged the
    cases around it already."""
    out = []
    for was in before:
        is_ = now.get(was.case_id)
        if is_ is None:
            out.append(was)
            continue
        nick = was.buyer_nick if was.buyer_key != is_.buyer_key else ""
        product = was.product if (was.product, was.cause) != (is_.product, is_.cause) else ""
        if nick or product:
            out.append(replace(was, buyer_nick=nick, product=product))
    return out


def _left_its_group(subject: CaseFacts, latest: dict[RuleKey, CaseWarning]) -> bool:
    """Whether the case's standing group warning names another product or cause (its
    cause or product was corrected): the group it left may end. A case without one was
    in no group of three (any window holding three buyers holds it too), so leaving
    ends nothing."""
    w = latest.get(RuleKey.GROUP_COMPLAINT)
    return (w is not None and w.cleared_at is None
            and group_marker(subject.product, subject.cause) not in w.reason_zh)


def _within(times: list[datetime], at: datetime, span: timedelta) -> bool:
    """Whether a time in `times` (sorted) is within `span` of `at`."""
    i = bisect_left(times, at - span)
    return i < len(times) and times[i] <= at + span


def parse_rule(text: str) -> RuleKey:
    """A rule from user input, by key or by name (群体投诉, Group complaint);
    ValidationError lists the keys."""
    try:
        return RuleKey.parse(text.strip())  # type: ignore[return-value]
    except ValueError:
        keys = ", ".join(k.value for k in RuleKey)
        raise ValidationError([FieldError("rule", f"未知的预警规则：{text}（可选：{keys}）",
                                          f"unknown warning rule: {text} (one of: {keys})")]
                              ) from None
