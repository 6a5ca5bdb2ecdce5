"""Early warnings on cases: the facts the rules read, and the warnings raised.

`facts` reads cases reduced to what the rules look at (text with notes only for the
cases being judged); `sync` records what the rules found for a case against what was
already raised, keeping the history; `cases.warning_count` follows the live warnings.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from ..domain.clock import from_iso, to_utc_iso
from ..domain.enums import OPEN_STATUSES, CaseKind, CaseStatus, Cause
from ..domain.money import from_fen
from ..domain.warnings import (
    COUNTED_RULES,
    CaseFacts,
    ClosedSince,
    Raised,
    RuleKey,
    product_key,
    trigger_of,
)
from .batches import in_batches
from .database import Database
from .schema.m0028_closed_at_index import CLOSED_AT

_STATUS = {m.value: m for m in CaseStatus}
_KIND = {m.value: m for m in CaseKind}
_CAUSE = {m.value: m for m in Cause}
# Literal lists (not parameters): the partial indexes on closed cases name the same list.
_OPEN = ", ".join(f"'{s.value}'" for s in CaseStatus if s.is_open)
_CLOSED = ", ".join(f"'{s.value}'" for s in CaseStatus if not s.is_open)
_OPEN_STATUSES = frozenset(OPEN_STATUSES)  # (CaseStatus.is_open costs microseconds a call)

# When a finished case was resolved or closed: `resolved_at`, which a note, an edit or a
# platform update after that leaves alone (the last update before a case had one), and
# never before the case was registered: an imported case the platform finished before it
# was imported closes when it was imported, as the writes that re-judge its neighbours
# assume (services/warnings.closed_at). The very expression m0028's closed-case indexes
# are on (a planner matches it as written; every query here reads `cases c` alone).
_CLOSED_AT = CLOSED_AT
_FACT_COLUMNS = ("c.id, c.platform, c.buyer_nick, c.sku, c.item_title, c.cause, c.kind, "
                 f"c.status, c.created_at, {_CLOSED_AT}, c.amount_paid_fen, "
                 "c.amount_claimed_fen, c.intervention_status")
_TEXT = ("c.description || ' ' || coalesce((SELECT group_concat(e.text, ' ') "
         "FROM case_events e WHERE e.case_id = c.id AND e.type = 'note'), '')")


@dataclass(frozen=True)
class CaseWarning:
    """A warning as recorded (live, acknowledged or cleared)."""

    id: int
    case_id: int
    case_no: str
    rule: RuleKey
    reason_zh: str
    reason_en: str
    raised_at: datetime
    cleared_at: datetime | None = None
    ack_at: datetime | None = None
    ack_by: str = ""
    ack_note: str = ""

    @property
    def is_live(self) -> bool:
        return self.ack_at is None and self.cleared_at is None

    def reason(self, lang: str = "zh") -> str:
        from ..domain.text import pick

        return pick(lang, self.reason_zh, self.reason_en)


@functools.lru_cache(maxsize=8192)
def _time(text: str | None) -> datetime | None:
    # An import writes thousands of cases with a handful of creation times: parse each once.
    return from_iso(text)


def _facts(row: Sequence, text: str = "") -> CaseFacts:
    status = _STATUS[row[7]]
    return CaseFacts(
        case_id=row[0], platform=row[1], buyer_nick=row[2] or "",
        product=product_key(row[3] or "", row[4] or ""),
        cause=_CAUSE.get(row[5]) if row[5] else None, kind=_KIND[row[6]], status=status,
        created_at=_time(row[8]),  # type: ignore[arg-type]
        closed_at=None if status in _OPEN_STATUSES else _time(row[9]),
        amount_paid=_yuan(row[10]), amount_claimed=_yuan(row[11]),
        platform_intervention=_intervened(row[12]), text=text)


def new_case_facts(case_id: int, values: Sequence) -> CaseFacts:
    """What `WarningStore.facts` reads of a live case without notes, from its stored
    values: platform, buyer_nick, sku, item_title, cause, kind, status, created_at,
    its closing time (_CLOSED_AT), amount_paid_fen, amount_claimed_fen,
    intervention_status, description (text columns as text, never NULL)."""
    return _facts((case_id, *values[:12]), f"{values[12]} ")


@functools.lru_cache(maxsize=8192)
def _yuan(fen: int | None) -> Decimal | None:
    # Amounts repeat across an import's thousands of cases (a Decimal is immutable).
    return from_fen(fen)


@functools.lru_cache(maxsize=256)
def _intervened(status: object) -> bool:
    """An imported intervention status says the platform stepped in ("客服介入中",
    "已仲裁"), not "未介入" / "无" / "未仲裁"."""
    text = str(status or "").strip()
    return bool(text) and not text.startswith(("未", "无", "否", "不"))


def _id_ranges(ids: Iterable[int], most: int = 8) -> tuple[str, list[int]]:
    """A condition leaving out these ids when they form at most `most` runs of
    consecutive ids (an import's new cases: one run), else none. The rowid is in every
    index, so SQLite drops them before reading the rows."""
    runs: list[list[int]] = []
    for i in sorted(ids):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        elif len(runs) == most:
            return "", []
        else:
            runs.append([i, i])
    return ("".join(" AND c.id NOT BETWEEN ? AND ?" for _ in runs),
            [i for run in runs for i in run])


_SELECT_WARNING = ("SELECT w.id, w.case_id, c.case_no, w.rule, w.reason_zh, w.reason_en, "
                   "w.raised_at, w.cleared_at, w.ack_at, w.ack_by, w.ack_note "
                   "FROM case_warnings w JOIN cases c ON c.id = w.case_id")


def _listing_where(rule: RuleKey | None, include_acknowledged: bool) -> tuple[str, list]:
    """The WHERE of `WarningStore.listing` and `count`: warnings not cleared on live cases."""
    conds = ["c.deleted_at IS NULL", "w.cleared_at IS NULL"]
    params: list[object] = []
    if not include_acknowledged:
        conds.append("w.ack_at IS NULL")
    if rule is not None:
        conds.append("w.rule = ?")
        params.append(rule.value)
    return " WHERE " + " AND ".join(conds), params


def _warning(r: Sequence) -> CaseWarning:
    return CaseWarning(id=r[0], case_id=r[1], case_no=r[2], rule=RuleKey(r[3]), reason_zh=r[4],
                       reason_en=r[5], raised_at=from_iso(r[6]),  # type: ignore[arg-type]
                       cleared_at=from_iso(r[7]), ack_at=from_iso(r[8]), ack_by=r[9] or "",
                       ack_note=r[10] or "")


class WarningStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- facts -------------------------------------------------------------------------
    def facts(self, case_ids: Sequence[int], *, text: bool = True,
              written: Mapping[int, CaseFacts] | None = None) -> list[CaseFacts]:
        """Live cases by id with their text (description and notes; `text=False`: without,
        for rules that read no words). `written`: the facts of cases the caller has just
        written, exactly as `new_case_facts` makes them of the stored values (an import's
        new cases): those are not read back (reading 50,000 new cases back cost a fifth
        of judging them). Either way in the order of the reading: by id in each batch."""
        out = []
        columns = f"{_FACT_COLUMNS}, {_TEXT}" if text else _FACT_COLUMNS
        for chunk, marks in in_batches(list(case_ids)):
            if written:
                ask = [i for i in chunk if i not in written]
                read = {f.case_id: f for f in self.facts(ask, text=text)} if ask else {}
                for i in sorted(set(chunk)):
                    found = written.get(i) or read.get(i)
                    if found is not None:
                        out.append(found)
                continue
            for row in self.db.execute(
                    f"SELECT {columns} FROM cases c "
                    f"WHERE c.id IN ({marks}) AND c.deleted_at IS NULL", chunk).fetchall():
                out.append(_facts(row, row[13] or "") if text else _facts(row))
        return out

    def near(self, subjects: Sequence[CaseFacts], *, buyer_days: int | None,
             product_days: int, extra_faults: Iterable[tuple[str, Cause | None]] = ()
             ) -> list[CaseFacts]:
        """Live cases (without their text) sharing a buyer (platform + nick) with
        `subjects` and created within `buyer_days` of their creation times (None: no
        buyers), or sharing a product and cause (or one of `extra_faults`) and created
        within `product_days`: what the rules' windows around the subjects, and around
        the cases next to them, can reach. Indexed ranges (idx_live_buyer,
        idx_live_sku_time, idx_live_item_time). The subjects themselves are left out (an
        import's subjects are most of what this reads)."""
        if not subjects:
            return []
        lo = min(s.created_at for s in subjects)
        hi = max(s.created_at for s in subjects)
        products: dict[Cause | None, set[str]] = defaultdict(set)
        for product, cause in [*((s.product, s.cause) for s in subjects), *extra_faults]:
            if product:
                products[cause].add(product)
        queries: list[tuple[str, list, list[str], int]] = []
        if buyer_days is not None:
            nicks = sorted({s.buyer_nick for s in subjects if s.buyer_nick})
            queries.append(("c.buyer_nick IN ({})", [], nicks, buyer_days))
        for cause, names in sorted(products.items(), key=lambda kv: kv[0].value if kv[0] else ""):
            same = "c.cause = ?" if cause is not None else "c.cause IS NULL"
            params = [cause.value] if cause is not None else []
            queries.append((same + " AND c.sku IN ({})", params, sorted(names), product_days))
            queries.append((same + " AND c.sku = '' AND c.item_title IN ({})", params,
                            sorted(names), product_days))
        rows: dict[int, CaseFacts | None] = {s.case_id: None for s in subjects}
        skip, skipped = _id_ranges(rows)
        for cond, params, values, days in queries:
            span = [to_utc_iso(lo - timedelta(days=days)), to_utc_iso(hi + timedelta(days=days))]
            for chunk, marks in in_batches(values):
                for row in self.db.execute(
                        f"SELECT {_FACT_COLUMNS} FROM cases c WHERE {cond.format(marks)} "
                        "AND c.created_at >= ? AND c.created_at <= ? AND c.deleted_at IS NULL"
                        + skip, [*params, *chunk, *span, *skipped]).fetchall():
                    if row[0] not in rows:
                        rows[row[0]] = _facts(row)
        return [f for f in rows.values() if f is not None]

    def grouped_elsewhere(self, subject: CaseFacts, days: int
                          ) -> set[tuple[str, Cause | None]]:
        """Product + cause of the open cases of the subject's product with another cause,
        created within `days` of it, that carry a group warning not cleared (live or
        acknowledged): the subject may have just left their group (its cause corrected),
        which can end it."""
        if not subject.product:
            return set()
        span = [to_utc_iso(subject.created_at - timedelta(days=days)),
                to_utc_iso(subject.created_at + timedelta(days=days))]
        cause = subject.cause.value if subject.cause is not None else ""
        out: set[tuple[str, Cause | None]] = set()
        for column, extra in (("c.sku", ""), ("c.item_title", "c.sku = '' AND ")):
            for (value,) in self.db.execute(
                    f"SELECT DISTINCT c.cause FROM cases c WHERE {extra}{column} = ? "
                    "AND c.created_at >= ? AND c.created_at <= ? AND c.deleted_at IS NULL "
                    f"AND c.status IN ({_OPEN}) AND coalesce(c.cause, '') != ? "
                    "AND EXISTS (SELECT 1 FROM case_warnings w WHERE w.case_id = c.id "
                    "AND w.rule = 'group_complaint' AND w.cleared_at IS NULL)",
                    [subject.product, *span, cause]).fetchall():
                out.add((subject.product, _CAUSE.get(value) if value else None))
        return out

    def open_after(self, faults: Iterable[tuple[str, Cause | None]], after: datetime
                   ) -> list[CaseFacts]:
        """Live open cases of these products + causes created after `after` (without
        their text)."""
        wanted = {f for f in faults if f[0] and f[1] is not None}
        products = sorted({p for p, _ in wanted})
        causes = sorted({c.value for _, c in wanted if c is not None})
        cause_marks = ", ".join("?" for _ in causes)
        out = []
        for cond in ("c.sku IN ({})", "c.sku = '' AND c.item_title IN ({})"):
            for chunk, marks in in_batches(products):
                for row in self.db.execute(
                        f"SELECT {_FACT_COLUMNS} FROM cases c WHERE c.cause IN ({cause_marks}) "
                        f"AND {cond.format(marks)} AND c.created_at > ? "
                        f"AND c.deleted_at IS NULL AND c.status IN ({_OPEN})",
                        [*causes, *chunk, to_utc_iso(after)]).fetchall():
                    f = _facts(row)
                    if (f.product, f.cause) in wanted:
                        out.append(f)
        return out

    def closed_since(self, faults: Iterable[tuple[str, Cause | None]], since: datetime,
                     until: datetime) -> dict[tuple[str, Cause | None], ClosedSince]:
        """Per product + cause: how many live cases were resolved or closed (resolved_at)
        by `since`, counted in SQL, and when each later one up to `until` was
        (idx_closed_sku, idx_closed_item: a range of an index, not the product's rows)."""
        wanted = {f for f in faults if f[0] and f[1] is not None}
        products = sorted({p for p, _ in wanted})
        causes = sorted({c.value for _, c in wanted if c is not None})
        before: dict[tuple[str, Cause | None], int] = defaultdict(int)
        times: dict[tuple[str, Cause | None], list[datetime]] = defaultdict(list)
        bounds = [to_utc_iso(since), to_utc_iso(until)]
        cause_marks = ", ".join("?" for _ in causes)
        for column, extra in (("c.sku", ""), ("c.item_title", "c.sku = '' AND ")):
            for chunk, marks in in_batches(products):
                where = (f"FROM cases c WHERE {extra}{column} IN ({marks}) "
                         f"AND c.cause IN ({cause_marks}) AND c.deleted_at IS NULL "
                         f"AND c.status IN ({_CLOSED}) ")
                for product, cause, n in self.db.execute(
                        f"SELECT {column}, c.cause, count(*) {where} AND {_CLOSED_AT} <= ? "
                        f"GROUP BY {column}, c.cause", [*chunk, *causes, bounds[0]]).fetchall():
                    before[(product, _CAUSE[cause])] += int(n)
                if since >= until:
                    continue  # nothing later to list (a case written just now)
                for product, cause, at in self.db.execute(
                        f"SELECT {column}, c.cause, {_CLOSED_AT} {where} AND {_CLOSED_AT} > ? "
                        f"AND {_CLOSED_AT} <= ?", [*chunk, *causes, *bounds]).fetchall():
                    times[(product, _CAUSE[cause])].append(_time(at))  # type: ignore[arg-type]
        return {f: ClosedSince(since, before.get(f, 0), tuple(sorted(times.get(f, ()))))
                for f in wanted}

    def first_seen(self, products: Iterable[str]) -> dict[str, datetime]:
        """When each product first appeared among the live cases."""
        out: dict[str, datetime] = {}
        for column, extra in (("sku", ""), ("item_title", "sku = '' AND ")):
            for chunk, marks in in_batches(sorted(set(products))):
                for product, first in self.db.execute(
                        f"SELECT {column}, min(created_at) FROM cases WHERE {extra}{column} "
                        f"IN ({marks}) AND deleted_at IS NULL GROUP BY {column}",
                        chunk).fetchall():
                    at = _time(first)
                    if at is not None and (product not in out or at < out[product]):
                        out[product] = at
        return out

    def due_by_time(self, *, long_open_by: datetime | None, unknown_by: datetime | None,
                    new_product: bool) -> list[int]:
        """Live open cases whose time-based warnings may have changed since they were
        judged: created by `long_open_by` whose latest long_open row is not standing (none,
        or cleared), with an unknown cause created by `unknown_by` likewise for
        cause_unknown, and (`new_product`) with a live new_product warning, which lapses.
        A standing row keeps firing with the same reason: nothing to write for it."""
        found: set[int] = set()
        known = ", ".join(f"'{c.value}'" for c in Cause if c is not Cause.UNCLEAR)
        for rule, by, extra in (("long_open", long_open_by, ""),
                                ("cause_unknown", unknown_by,
                                 f"AND coalesce(c.cause, '') NOT IN ({known}) ")):
            if by is None:
                continue
            found.update(r[0] for r in self.db.execute(
                f"SELECT c.id FROM cases c WHERE c.deleted_at IS NULL AND c.status IN ({_OPEN}) "
                f"AND c.created_at <= ? {extra}AND coalesce((SELECT CASE WHEN w.cleared_at "
                "IS NULL THEN 1 ELSE 0 END FROM case_warnings w WHERE w.case_id = c.id "
                "AND w.rule = ? ORDER BY w.id DESC LIMIT 1), 0) = 0",
                [to_utc_iso(by), rule]).fetchall())
        if new_product:
            found.update(r[0] for r in self.db.execute(
                "SELECT w.case_id FROM case_warnings w JOIN cases c ON c.id = w.case_id "
                "WHERE w.rule = 'new_product' AND w.ack_at IS NULL AND w.cleared_at IS NULL "
                f"AND c.deleted_at IS NULL AND c.status IN ({_OPEN})").fetchall())
        return sorted(found)

    def open_ids(self) -> list[int]:
        """Every live open case (time-based rules are re-judged over these)."""
        marks = ", ".join("?" for s in CaseStatus if s.is_open)
        return [r[0] for r in self.db.execute(
            f"SELECT id FROM cases WHERE deleted_at IS NULL AND status IN ({marks})",
            [s.value for s in CaseStatus if s.is_open]).fetchall()]

    # --- warnings ----------------------------------------------------------------------
    def latest(self, case_ids: Sequence[int]) -> dict[int, dict[RuleKey, CaseWarning]]:
        """The most recent row per (case, rule)."""
        out: dict[int, dict[RuleKey, CaseWarning]] = {}
        for chunk, marks in in_batches(list(case_ids)):
            for r in self.db.execute(_SELECT_WARNING + f" WHERE w.case_id IN ({marks}) "
                                     "ORDER BY w.id", chunk).fetchall():
                w = _warning(r)
                out.setdefault(w.case_id, {})[w.rule] = w
        return out

    def standing(self, case_ids: Sequence[int], rules: Iterable[RuleKey]
                 ) -> dict[int, dict[RuleKey, CaseWarning]]:
        """`latest` for these rules only, without the case numbers (what `sync_many`
        compares a neighbour's judgement with)."""
        out: dict[int, dict[RuleKey, CaseWarning]] = {}
        keys = sorted(r.value for r in rules)
        rule_marks = ", ".join("?" for _ in keys)
        for chunk, marks in in_batches(list(case_ids)):
            for r in self.db.execute(
                    "SELECT id, case_id, rule, reason_zh, reason_en, raised_at, cleared_at, "
                    f"ack_at FROM case_warnings WHERE case_id IN ({marks}) "
                    f"AND rule IN ({rule_marks}) ORDER BY id", [*chunk, *keys]).fetchall():
                out.setdefault(r[1], {})[RuleKey(r[2])] = CaseWarning(
                    id=r[0], case_id=r[1], case_no="", rule=RuleKey(r[2]), reason_zh=r[3],
                    reason_en=r[4], raised_at=_time(r[5]),  # type: ignore[arg-type]
                    cleared_at=_time(r[6]), ack_at=_time(r[7]))
        return out

    def sync(self, case_id: int, raised: list[Raised], now: datetime,
             latest: dict[RuleKey, CaseWarning]) -> list[Raised]:
        """`sync_many` for one case."""
        return self.sync_many({case_id: raised}, now, {case_id: latest}).get(case_id, [])

    def sync_many(self, found: Mapping[int, list[Raised]], now: datetime,
                  latest: Mapping[int, dict[RuleKey, CaseWarning]], *,
                  scope: Mapping[int, Iterable[RuleKey]] | None = None,
                  still_open: Collection[int] = frozenset()) -> dict[int, list[Raised]]:
        """Record what fires now on each case; returns the warnings newly raised per case.

        A rule that fires with no live row is raised (again, after an acknowledgement, when
        its reason changed, except a count in a COUNTED rule: another product or cause is
        another group, whose new row replaces the acknowledged one; or it had cleared); a live
        row whose rule stopped firing is cleared; `cases.warning_count` is set to the live
        rows left. A live warning that keeps firing takes the new reason (a group's count).
        A case in `scope` was judged on those rules only (a neighbour of a written case):
        `latest` holds only those rules for it, its other rules are left alone. On a case in
        `still_open`, an acknowledged warning of a COUNTED rule that stopped firing is
        cleared too (the group ended; when it forms again it is raised). The writes are
        gathered and sent in a few executemany calls (an import judges thousands)."""
        stamp = to_utc_iso(now)
        cleared: list[tuple[str, int]] = []
        reworded: list[tuple[str, str, int]] = []
        inserts: list[tuple[int, str, str, str, str]] = []
        counts: list[tuple[int, int]] = []  # (live warnings, case id)
        deltas: list[tuple[int, int]] = []
        new: dict[int, list[Raised]] = {}
        scope = scope or {}
        for case_id, raised in found.items():
            before = latest.get(case_id)
            only = scope.get(case_id)
            if not before:  # nothing recorded yet (an import's new cases): all is raised
                fired = {r.rule: r for r in raised}
                for rule, r in fired.items():
                    inserts.append((case_id, rule.value, r.reason.zh, r.reason.en, stamp))
                if fired:
                    new[case_id] = list(fired.values())
                if only is None:
                    counts.append((len(fired), case_id))
                elif fired:
                    deltas.append((len(fired), case_id))
                continue
            judged = set(only) if only is not None else None
            fired = {r.rule: r for r in raised}
            was = live = sum(1 for w in before.values() if w.is_live)
            for rule, w in before.items():
                if rule in fired or (judged is not None and rule not in judged):
                    continue
                if w.is_live:
                    cleared.append((stamp, w.id))
                    live -= 1
                elif w.cleared_at is None and rule in COUNTED_RULES and case_id in still_open:
                    cleared.append((stamp, w.id))  # acknowledged; the group ended
            for rule, r in fired.items():
                w = before.get(rule)
                same = w is not None and (w.reason_zh, w.reason_en) == (r.reason.zh, r.reason.en)
                if w is not None and w.is_live:
                    if not same:  # a group grew or shrank: its live reasons say so
                        reworded.append((r.reason.zh, r.reason.en, w.id))
                    continue
                if w is not None and w.cleared_at is None:
                    if same or (rule in COUNTED_RULES
                                and trigger_of(w.reason_zh) == trigger_of(r.reason.zh)):
                        continue  # acknowledged, and nothing new since (a count moved)
                    if rule in COUNTED_RULES:  # another group: the old one's row ends
                        cleared.append((stamp, w.id))
                inserts.append((case_id, rule.value, r.reason.zh, r.reason.en, stamp))
                new.setdefault(case_id, []).append(r)
                live += 1
            if judged is None:
                counts.append((live, case_id))
            elif live != was:  # `before` holds only the judged rules: move the count
                deltas.append((live - was, case_id))
        db = self.db  # its executemany, not the sqlite3 connection's: either back end
        if cleared:
            db.executemany("UPDATE case_warnings SET cleared_at = ? WHERE id = ?", cleared)
        if reworded:
            db.executemany("UPDATE case_warnings SET reason_zh = ?, reason_en = ? "
                           "WHERE id = ?", reworded)
        if inserts:
            db.executemany("INSERT INTO case_warnings(case_id, rule, reason_zh, reason_en, "
                           "raised_at) VALUES (?, ?, ?, ?, ?)", inserts)
        # The counts set by value: one UPDATE per count and batch of ids, not one per case
        # (an import's new cases take a few counts; the per-row statements were over a
        # quarter of judging 50,000 of them).
        by_count: dict[int, list[int]] = defaultdict(list)
        for count, case_id in counts:
            by_count[count].append(case_id)
        for count, ids in sorted(by_count.items()):
            for chunk, marks in in_batches(ids):
                db.execute(f"UPDATE cases SET warning_count = ? WHERE id IN ({marks}) "
                           "AND warning_count != ?", [count, *chunk, count])
        if deltas:
            db.executemany("UPDATE cases SET warning_count = warning_count + ? WHERE id = ?",
                           deltas)
        return new

    def acknowledge(self, case_id: int, rules: Iterable[RuleKey] | None, actor: str,
                    note: str, now: datetime) -> list[CaseWarning]:
        """Mark the case's live warnings (all, or these rules) acknowledged."""
        live = [w for w in self.for_case(case_id) if w.is_live
                and (rules is None or w.rule in set(rules))]
        for w in live:
            self.db.execute("UPDATE case_warnings SET ack_at = ?, ack_by = ?, ack_note = ? "
                            "WHERE id = ?", [to_utc_iso(now), actor, note, w.id])
        self.db.execute(
            "UPDATE cases SET warning_count = (SELECT count(*) FROM case_warnings w "
            "WHERE w.case_id = cases.id AND w.ack_at IS NULL AND w.cleared_at IS NULL) "
            "WHERE id = ?", [case_id])
        return live

    def for_case(self, case_id: int) -> list[CaseWarning]:
        """Every warning of a case, history included, oldest first."""
        return [_warning(r) for r in self.db.execute(
            _SELECT_WARNING + " WHERE w.case_id = ? ORDER BY w.id", [case_id]).fetchall()]

    def live_for(self, case_ids: Sequence[int]) -> dict[int, list[CaseWarning]]:
        """Live warnings per case (the list's column)."""
        out: dict[int, list[CaseWarning]] = {}
        for chunk, marks in in_batches(list(case_ids)):
            for r in self.db.execute(
                    _SELECT_WARNING + f" WHERE w.case_id IN ({marks}) AND w.ack_at IS NULL "
                    "AND w.cleared_at IS NULL ORDER BY w.id", chunk).fetchall():
                out.setdefault(r[1], []).append(_warning(r))
        return out

    def listing(self, *, rule: RuleKey | None = None, include_acknowledged: bool = False,
                limit: int | None = None) -> list[CaseWarning]:
        """Warnings on live cases, newest first: live ones, or acknowledged ones too.
        Every one of them unless `limit` says how many to show (`count` gives the total:
        a capped list is never the number of warnings)."""
        where, params = _listing_where(rule, include_acknowledged)
        sql = _SELECT_WARNING + where + " ORDER BY w.raised_at DESC, w.id DESC"
        if limit is not None:
            sql += f" LIMIT {max(int(limit), 0)}"
        return [_warning(r) for r in self.db.execute(sql, params).fetchall()]

    def count(self, *, rule: RuleKey | None = None, include_acknowledged: bool = False) -> int:
        """How many warnings `listing` would give without a limit, counted in SQL."""
        where, params = _listing_where(rule, include_acknowledged)
        return int(self.db.execute(
            "SELECT count(*) FROM case_warnings w JOIN cases c ON c.id = w.case_id" + where,
            params).fetchone()[0])

    def live_brief(self) -> list[tuple[int, int, str, datetime, str, str]]:
        """Every live warning on a live case as (id, case id, case number, raised at,
        reason zh, reason en), oldest first: what a reminder of it needs, read lean (the
        tray asks every minute; 40,000 warnings as CaseWarning took half a second)."""
        return [(r[0], r[1], r[2], _time(r[3]), r[4], r[5])  # type: ignore[misc]
                for r in self.db.execute(
                    "SELECT w.id, w.case_id, c.case_no, w.raised_at, w.reason_zh, w.reason_en "
                    "FROM case_warnings w JOIN cases c ON c.id = w.case_id "
                    "WHERE w.ack_at IS NULL AND w.cleared_at IS NULL "
                    "AND c.deleted_at IS NULL ORDER BY w.id").fetchall()]

    def live_brief_unannounced(self, channel: str, key_prefix: str
                               ) -> list[tuple[int, int, str, datetime, str, str]]:
        """`live_brief` less the warnings whose reminder key (`key_prefix` + id) was
        announced on `channel`: the tray's minute poll at 1M read 50,000 warnings it had
        announced long before (0.6 s on the writer thread)."""
        return [(r[0], r[1], r[2], _time(r[3]), r[4], r[5])  # type: ignore[misc]
                for r in self.db.execute(
                    "SELECT w.id, w.case_id, c.case_no, w.raised_at, w.reason_zh, w.reason_en "
                    "FROM case_warnings w JOIN cases c ON c.id = w.case_id "
                    "WHERE w.ack_at IS NULL AND w.cleared_at IS NULL "
                    "AND c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM reminder_notices n "
                    "WHERE n.channel = ? AND n.key = ? || CAST(w.id AS TEXT)) ORDER BY w.id",
                    [channel, key_prefix]).fetchall()]

    def count_open_warned(self) -> int:
        """Open live cases with at least one live warning (the main screen's count, the
        same cases as the list's "Warnings" quick filter)."""
        marks = ", ".join("?" for s in CaseStatus if s.is_open)
        return int(self.db.execute(
            "SELECT count(*) FROM cases WHERE deleted_at IS NULL AND warning_count > 0 "
            f"AND status IN ({marks})", [s.value for s in CaseStatus if s.is_open]
        ).fetchone()[0])
