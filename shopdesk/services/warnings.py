"""Early warning (投诉预警): judge cases against the rules whenever they are written.

The case and import services call `evaluate(ids)` inside their own transaction after a
write, so a warning is raised with the change that caused it. Rules are read from the
shipped resources/warnings/rules.toml with the data folder's warning_rules.toml on top
(re-read when it changes). Time-based rules (open too long, cause unknown) are re-judged
over every open case by `refresh_open`, which the list and the main screen call.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from ..domain.blacklist import first_match
from ..domain.clock import Clock
from ..domain.errors import FieldError, ShopDeskError, ValidationError
from ..domain.warnings import (
    CaseFacts,
    Neighbourhood,
    Raised,
    RuleKey,
    RulesError,
    WarningRules,
    evaluate_all,
    parse_rules,
    similar,
)
from ..paths import resource_path
from ..storage.batches import in_batches
from ..storage.blacklist import BlacklistStore
from ..storage.events import EventStore
from ..storage.warnings import CaseWarning, WarningStore
from .actor import require_actor

OVERRIDE_NAME = "warning_rules.toml"
# Open cases sharing a buyer or product with a written case are re-judged too (the third
# buyer with a leaking SKU flags the first two), up to this many per write.
MAX_SIBLINGS = 2000


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
        self._cache: tuple[tuple[int, int], WarningRules] | None = None
        self.rules_error: RulesError | None = None

    # --- rules -------------------------------------------------------------------------
    def rules(self) -> WarningRules:
        """The effective rules (shipped, then the shop's override file).

        A broken override file must not stop the shop recording cases: the shipped rules
        are used and `rules_error` says what is wrong (the CLI and the window show it)."""
        over = self.override if self.override is not None and self.override.exists() else None
        stamp = (self.shipped.stat().st_mtime_ns, over.stat().st_mtime_ns if over else 0)
        if self._cache is not None and self._cache[0] == stamp:
            return self._cache[1]
        rules = load_rules_file(self.shipped)
        self.rules_error = None
        if over is not None:
            try:
                rules = load_rules_file(over, rules)
            except RulesError as exc:
                self.rules_error = exc
        self._cache = (stamp, rules)
        return rules

    # --- judging -----------------------------------------------------------------------
    def evaluate(self, case_ids: Sequence[int], *, siblings: bool = True
                 ) -> dict[int, list[Raised]]:
        """Judge these cases (and open cases related to them) now; returns what was newly
        raised per case. Runs in the caller's transaction when there is one."""
        if not case_ids:
            return {}
        rules = self.rules()
        now = self.clock.now()
        with self.db.atomic():
            subjects = self.store.facts(case_ids)
            related = self.store.related(subjects, skip={s.case_id for s in subjects})
            if siblings:
                known = {s.case_id for s in subjects}
                extra = [f.case_id for f in related if f.is_open and f.case_id not in known]
                subjects += self.store.facts(extra[:MAX_SIBLINGS])
            around = Neighbourhood([*related, *subjects])
            found = evaluate_all(subjects, around, rules, now, self._blacklisted(subjects))
            latest = self.store.latest([s.case_id for s in subjects])
            return self.store.sync_many(found, now, latest)

    def _blacklisted(self, subjects: Iterable[CaseFacts]) -> dict[int, str]:
        entries = self.blacklist.all()
        if not entries:
            return {}
        ids = [s.case_id for s in subjects]
        rows = {}
        for chunk, marks in in_batches(ids):
            for r in self.db.execute("SELECT id, platform, buyer_nick, buyer_phone, "
                                     f"buyer_address FROM cases WHERE id IN ({marks})",
                                     chunk).fetchall():
                rows[r[0]] = r
        out = {}
        for case_id, r in rows.items():
            hit = first_match(entries, platform=r[1], buyer_nick=r[2], phone=r[3],
                              address=r[4])
            if hit is not None:
                out[case_id] = hit.reason
        return out

    def refresh_open(self) -> int:
        """Re-judge every open case (time passes: open too long, cause unknown).
        Returns how many warnings were newly raised."""
        ids = self.store.open_ids()
        return sum(len(v) for v in self.evaluate(ids, siblings=False).values())

    # --- reading and acting ------------------------------------------------------------
    def listing(self, *, rule: RuleKey | None = None,
                include_acknowledged: bool = False) -> list[CaseWarning]:
        return self.store.listing(rule=rule, include_acknowledged=include_acknowledged)

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
        now = self.clock.now()
        with self.db.atomic():
            done = self.store.acknowledge(case_id, rules, actor, note.strip(), now)
            if not done:
                raise ShopDeskError("该售后单没有待处理的预警", "The case has no live warning")
            self.events.add(case_id, now, actor, "warning_ack", note.strip(),
                            {"rules": [w.rule.value for w in done]})
        return done

    def similar(self, case_id: int) -> list[CaseFacts]:
        """Other cases on the same SKU/item with the same cause in the last N days."""
        subjects = self.store.facts([case_id])
        if not subjects:
            return []
        around = Neighbourhood(self.store.related(subjects))
        return similar(subjects[0], around, self.rules().similar_days)


def parse_rule(text: str) -> RuleKey:
    """A rule key from user input; ValidationError lists the keys."""
    try:
        return RuleKey(text.strip())
    except ValueError:
        keys = ", ".join(k.value for k in RuleKey)
        raise ValidationError([FieldError("rule", f"未知的预警规则：{text}（可选：{keys}）",
                                          f"unknown warning rule: {text} (one of: {keys})")]
                              ) from None
