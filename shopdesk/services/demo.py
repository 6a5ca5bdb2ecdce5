"""Realistic demo cases, so a new user (and the benchmarks) see a working register."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from ..domain.case import Case
from ..domain.clock import Clock, FixedClock, to_utc_iso
from ..domain.gc_pause import no_cyclic_gc
from ..storage.bulk import fresh_file, roomy_cache, unchecked_references
from ..storage.bulk_load import bulk_load
from ..storage.database import Database
from ..storage.rows import case_to_row
from ..storage.search import index_new_range, reindex_case
from ..storage.search_side import SideIndex
from ..storage.settings import SettingsStore
from .analysis import AnalysisService
from .blacklist import BlacklistService
from .demo_cases import (  # the cases' draws; these names are the demo's own too
    STAFF,
)
from .demo_patterns import (
    DEMO_PLAN,
    MAJOR_APPROVAL,
    MAJOR_APPROVAL_NOTE,
    MAJOR_NOTE,
    MAJOR_OWNER,
    MALICIOUS_NICK,
    MALICIOUS_REASON,
)
from .demo_rows import DemoEnd, DemoJob, DemoRows, make_demo_rows
from .demo_rows import write_demo_rows as _write_demo_rows
from .demo_side import DemoRowMaker
from .evidence import EvidenceService
from .major import MajorService
from .staff import StaffService
from .warnings import WarningService


class DemoTarget(Protocol):
    """What the demo writes into: an open register (services.register.Register). A protocol,
    not an import, so that no service imports the module that builds the services."""

    @property
    def db(self) -> Database: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def staff(self) -> StaffService: ...
    @property
    def shop_tz(self) -> str: ...
    @property
    def warnings(self) -> WarningService: ...
    @property
    def blacklist(self) -> BlacklistService: ...
    @property
    def evidence(self) -> EvidenceService: ...
    @property
    def settings(self) -> SettingsStore: ...
    def analysis(self) -> AnalysisService: ...
    @property
    def major(self) -> MajorService: ...


#: Settings key: what the demo added besides cases (staff, list entries), so removing the
#: demo takes back exactly that and nothing the user made.
DEMO_ADDED_KEY = "demo/added"

# What making a case the major complaint rewrites (DemoPatterns.finish).
_MAJOR_COLUMNS = ("item_title", "sku", "amount_paid_fen", "amount_claimed_fen", "cause",
                  "description")


def generate_demo(register: DemoTarget, n: int = 200, *, seed: int | None = None) -> int:
    """Add `n` demo cases (and the demo staff) to the register. Returns how many.

    The cases are numbered DEMO-… in their own series and marked as demo; the staff and the
    list entry the demo adds are remembered, so remove_demo takes back exactly these."""
    with no_cyclic_gc(), fresh_file(register.db, rows=n):
        return _generate_demo(register, n, seed)


def _generate_demo(register: DemoTarget, n: int, seed: int | None) -> int:
    added = register.settings.get(DEMO_ADDED_KEY, None) or {"staff": [], "blacklist": []}
    for name in STAFF:
        if not register.staff.store.by_name(name):
            register.staff.add(name, actor=name)
            added["staff"].append(name)
    # No operator is chosen here: the demo's staff are made-up people its cases are handed
    # to, not the seller. Choosing one made the seller a demo person without a word (their
    # changes recorded under a made-up name, "who are you?" never asked); the window asks.
    db = register.db
    # An empty register's search index is built beside the load, in a second process.
    side = SideIndex.start(db, rows=n)
    try:
        with roomy_cache(db, rows=n), unchecked_references(db), db.atomic():
            # One load: the case indexes and day totals are built once at the end of the
            # block (bulk_load), for what the cases, their stages and promises wrote.
            with bulk_load(db, new_rows=n, tables=("case_events", "audit_log")):
                ids, open_ids, major = _load_demo_cases(register, n, seed, side)
            if ids:  # the search index once, for the whole load
                index_demo_cases(db, ids, side, major)
    finally:
        if side is not None:
            side.close(db)
    with register.db.atomic():
        if not any(e.buyer_nick == MALICIOUS_NICK for e in register.blacklist.entries()):
            entry = register.blacklist.add(platform="taobao", buyer_nick=MALICIOUS_NICK,
                                           reason=MALICIOUS_REASON, actor=STAFF[0])
            added["blacklist"].append(entry.id)
        register.settings.set(DEMO_ADDED_KEY, added)
        register.deadlines.mark_rules_current()  # the cases' stages were computed under them
        # No rule fires on a resolved or closed case: judging only the open ones raises the
        # same warnings, for a fraction of the time (most demo cases are settled).
        register.warnings.evaluate(open_ids, siblings=False)
        # Resolved demo cases get their follow-ups, as resolving them by hand would.
        register.followups.schedule_resolved(ids, STAFF[0], backdate=True)
        if major is not None:
            add_demo_major(register, major.id)
    add_demo_plan(register)
    return n


def index_demo_cases(db: Database, ids: list[int], side: SideIndex | None,
                     major: Case | None) -> None:
    """Index the demo's new cases: what the worker built (`side`), then the major
    complaint's case again (rewritten after it was sent); else all of them here."""
    if side is None:
        index_new_range(db, ids[0], ids[-1])
        return
    side.finish(db)
    if major is not None:
        reindex_case(db, major.id)


def _load_demo_cases(register: DemoTarget, n: int, seed: int | None,
                     side: SideIndex | None = None
                     ) -> tuple[list[int], list[int], Case | None]:
    """Make and write the demo's cases a chunk at a time, each with its stages, deadlines,
    timeline and promises (inside the caller's bulk load): a big demo's rows made in a
    second process meanwhile (services/demo_side.py). Returns every new id, the open
    cases' ids, and the major complaint's case (its row rewritten last)."""
    db = register.db
    job = DemoJob.of(register, n, seed, search=side is not None)
    maker = DemoRowMaker.start(db, job)
    try:
        ids: list[int] = []
        open_ids: list[int] = []
        major = None
        for item in demo_batches(job, maker):
            if isinstance(item, DemoRows):
                write_demo_rows(db, item, side)
                ids.extend(row[0] for row in item.cases)
                open_ids.extend(item.open_ids)
            else:
                major = item.major
    finally:
        if maker is not None:
            maker.close()
    if major is not None:  # written as an ordinary case: now the scald
        columns = {k: v for k, v in case_to_row(major).items()
                   if k in _MAJOR_COLUMNS}
        register.major.cases.update_columns(major.id, columns, reindex=False)
        register.deadlines.compute_new({major.id: major})  # from what it is now
    return ids, open_ids, major


def demo_batches(job: DemoJob, maker: DemoRowMaker | None
                 ) -> Iterator[DemoRows | DemoEnd]:
    """The demo's rows chunk by chunk (DemoRows, then a DemoEnd): made here, or received
    from `maker`'s process (a function of this module, so the build benchmark times it)."""
    yield from (make_demo_rows(job) if maker is None else maker.rows())


def write_demo_rows(db: Database, rows: DemoRows, side: SideIndex | None) -> None:
    """`demo_rows.write_demo_rows` (here, so the build benchmark times it)."""
    _write_demo_rows(db, rows, side)


def add_demo_major(register: DemoTarget, case_id: int) -> None:
    """Mark the scald case major, owned by the supervisor, and record her approval of the
    medical costs its handler asked for (above the handler's limit): the list shows it on
    top and its timeline shows both, as if done in the window."""
    owners = register.major.owners()
    owner = MAJOR_OWNER if MAJOR_OWNER in owners else next(iter(owners), None)
    if owner is None:  # nobody active to own it (the user disabled the demo's staff)
        return
    case = register.major.cases.get(case_id)
    handler = case.assignee or owner
    now = register.clock.now()
    marked_at, approved_at = major_times(case.created_at or now, now)
    _major_at(register, marked_at).mark(case_id, owner, handler, MAJOR_NOTE)
    _major_at(register, approved_at).approve(case_id, MAJOR_APPROVAL, owner, handler,
                                             note=MAJOR_APPROVAL_NOTE)
    # Marking stamped the case's activity at the marking: keep the latest of its own
    # and the approval's, as if both were done in the window at those times.
    stamps = {"updated_at": max(case.updated_at or marked_at, marked_at),
              "last_activity_at": max(case.last_activity_at or approved_at, approved_at)}
    register.major.cases.update_columns(case_id, {k: to_utc_iso(v) for k, v in stamps.items()},
                                        reindex=False)


def major_times(created_at: datetime, now: datetime) -> tuple[datetime, datetime]:
    """When the demo's scald case was marked major (within two hours of the complaint) and
    its compensation approved (within the day), never later than now."""
    age = max(now - created_at, timedelta(0))
    return (created_at + min(age / 3, timedelta(hours=2)),
            created_at + min(age * 2 / 3, timedelta(hours=20)))


def _major_at(register: DemoTarget, at: datetime) -> MajorService:
    """The register's major service on a clock stopped at `at` (its writes are stamped
    then)."""
    major = register.major
    return MajorService(major.db, FixedClock(at), major.settings, major.staff)


def add_demo_plan(register: DemoTarget) -> None:
    """The packing-check plan (表一) for missing items, its baseline the 30 days before the
    last 30: the analysis window shows it measured (once; a second demo adds none)."""
    analysis = register.analysis
    if analysis.plans():
        return
    today = register.clock.now().astimezone(ZoneInfo(register.shop_tz)).date()
    baseline = (analysis.day_start(today - timedelta(days=60)),
                analysis.day_start(today - timedelta(days=30)))
    plan = analysis.add_plan(dimension="cause", actor=STAFF[0], baseline=baseline,
                             due_date=today + timedelta(days=14), **DEMO_PLAN)
    analysis.update_plan(plan.id, STAFF[0], status="doing")
