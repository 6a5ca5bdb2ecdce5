"""Reminders outside the window: the providers, and the service the tray and the
command line share.

A **provider** is anything with a `kind` and a `reminders(now, horizon)` method returning
the reminders of that kind due at or before `horizon` (overdue ones included): see
`ReminderProvider`. The service asks every provider, keeps what each kind's lead time
makes ready, leaves out what was announced already on the asking channel, and groups
the rest into one notification.

Where the platform deadlines plug in (issue 15, built on another branch): the deadline
service's `due_between(after, before)` returns items with `case_no, stage, due_at,
source, on_timeout`; `DeadlineProvider(register.deadlines.due_between, case_id_of)` is
added to the service in `Register.__post_init__`. Nothing here imports the deadline code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from ..domain.clock import Clock, ensure_aware, to_utc_iso
from ..domain.reminders import (
    BEFORE_QUIET,
    Notification,
    Reminder,
    ReminderKind,
    ReminderSettings,
    check_settings,
    group,
    ready,
)
from ..domain.text import Text
from ..storage.database import Database
from ..storage.reminders import NoticeStore
from ..storage.settings import SettingsStore
from .promises import PromiseService
from .refunds import RefundQueue
from .warnings import WarningService

SETTINGS_KEY = "reminders"
TRAY = "tray"  # the window's tray icon
CLI = "cli"  # `shopdesk reminders due --new` (a scheduled task)
# Notices are forgotten this long after their reminder was due, unless a provider still
# returns it (an open promise, a deadline of an open case, long overdue): forgotten, it
# would be announced again on every poll.
FORGET_AFTER = timedelta(days=30)
PRUNE_EVERY = timedelta(hours=12)  # how often the tray's poll forgets old notices
# Before any deadline: what the deadline provider reads from, so an overdue deadline of a
# case still open is announced however long ago it passed (the laptop was off a week).
SINCE_EVER = datetime(1, 1, 1, tzinfo=UTC)


class ReminderProvider(Protocol):
    """A source of reminders of one kind.

    `reminders(now, horizon)` returns every reminder of `kind` due at or before `horizon`
    that still needs doing, overdue ones included, each with a stable `key` (the same
    thing at the same due time gives the same key on every call). It must not write.
    Optionally `count(now, horizon) -> int` gives the tray's number cheaply.
    """

    kind: ReminderKind

    def reminders(self, now: datetime, horizon: datetime) -> list[Reminder]: ...


CaseNos = Callable[[Sequence[int]], dict[int, str]]


class PromiseProvider:
    """Open promises to buyers on live cases, due by the horizon (overdue included)."""

    kind = ReminderKind.PROMISE

    def __init__(self, promises: PromiseService, case_nos: CaseNos) -> None:
        self._promises = promises
        self._case_nos = case_nos

    def count(self, now: datetime, horizon: datetime) -> int:
        return self._promises.overdue_count(horizon)

    def reminders(self, now: datetime, horizon: datetime) -> list[Reminder]:
        due = self._promises.store.open_due(until=horizon)
        nos = self._case_nos(sorted({p.case_id for p in due}))
        return [Reminder(kind=self.kind, key=f"promise:{p.id}:{to_utc_iso(p.due_at)}",
                         case_id=p.case_id, case_no=nos.get(p.case_id, ""), due_at=p.due_at,
                         text=Text(p.describe("zh"), p.describe("en")))
                for p in due]


class WarningProvider:
    """Early warnings nobody has acknowledged yet, on live cases; due when raised."""

    kind = ReminderKind.WARNING

    def __init__(self, warnings: WarningService) -> None:
        self._warnings = warnings

    def count(self, now: datetime, horizon: datetime) -> int:
        """Cases with a live warning: the same number as the list's "Warnings" button."""
        return self._warnings.count_open_warned()

    def reminders(self, now: datetime, horizon: datetime) -> list[Reminder]:
        # Every live warning, not the newest thousand: a capped list announced "1000 new
        # warning(s)" and never the older ones. Read lean: the poll runs every minute.
        return self._made(self._warnings.store.live_brief(), horizon)

    def unannounced(self, now: datetime, horizon: datetime, channel: str) -> list[Reminder]:
        """`reminders` less those announced on `channel` (found in SQL, not in Python)."""
        return self._made(self._warnings.store.live_brief_unannounced(channel, _WARNING_KEY),
                          horizon)

    def _made(self, rows: Iterable[tuple[int, int, str, datetime, str, str]],
              horizon: datetime) -> list[Reminder]:
        kind = self.kind
        return [Reminder(kind=kind, key=f"{_WARNING_KEY}{wid}", case_id=case_id,
                         case_no=case_no, due_at=raised, text=Text(zh, en))
                for wid, case_id, case_no, raised, zh, en in rows if raised <= horizon]


_WARNING_KEY = "warning:"


class RefundCutoffProvider:
    """One reminder a day at the shop's cut-off (default 23:00) while the 今日待退款
    queue is not empty: "clear before 24:00"."""

    kind = ReminderKind.REFUND_CUTOFF

    def __init__(self, queue: RefundQueue, settings: Callable[[], ReminderSettings]) -> None:
        self._queue = queue
        self._settings = settings

    def reminders(self, now: datetime, horizon: datetime) -> list[Reminder]:
        at = self._queue.cutoff_at(self._settings().refund_cutoff, now)
        if at > horizon:
            return []
        n = self._queue.count()
        if not n:
            return []
        day = at.date().isoformat()
        text = Text(f"还有 {n} 笔待退款，请在 24:00 前处理",
                    f"{n} refund(s) still to pay; clear them before midnight")
        return [Reminder(kind=self.kind, key=f"refund_cutoff:{day}", case_id=None,
                         case_no="", due_at=at, text=text)]


class DeadlineItem(Protocol):
    """What the deadline service's `due_within` returns (issue 15's JSON fields)."""

    case_no: str
    stage: Any
    due_at: datetime
    source: str
    on_timeout: Any


class DeadlineProvider:
    """Platform deadlines per stage, from a `due_between(after, before)` callable (the
    deadline service). `case_id_of(case_no)` finds the case a click opens; an item that
    carries a `case_id` is used as it is.

    Every deadline of an open case due by the horizon, however long ago it passed: one
    missed while the laptop was off over a weekend is still owed (the service lists only
    open cases; a finished case has no deadline). The deadline service reads a range of
    the indexed cases.deadline_at, and the tray's `count` counts the same range on the
    index, so the count and the reminders agree.
    """

    kind = ReminderKind.DEADLINE

    def __init__(self, due_between: Callable[[datetime, datetime], Iterable[DeadlineItem]],
                 case_id_of: Callable[[str], int | None], *,
                 count_between: Callable[[datetime, datetime], int] | None = None) -> None:
        self._due_between = due_between
        self._case_id_of = case_id_of
        if count_between is not None:
            # The tray's count without building every reminder (an indexed count).
            self.count = lambda now, horizon: count_between(SINCE_EVER, horizon)

    def reminders(self, now: datetime, horizon: datetime) -> list[Reminder]:
        out: list[Reminder] = []
        for item in self._due_between(SINCE_EVER, horizon):
            due = ensure_aware(item.due_at)
            if due > horizon:
                continue
            stage = getattr(item.stage, "value", item.stage)
            case_id = getattr(item, "case_id", None) or self._case_id_of(item.case_no)
            out.append(Reminder(kind=self.kind, key=f"deadline:{item.case_no}:{stage}:"
                                f"{to_utc_iso(due)}", case_id=case_id,
                                case_no=item.case_no, due_at=due,
                                text=_deadline_text(item)))
        return out


def _deadline_text(item: DeadlineItem) -> Text:
    stage, timeout = item.stage, item.on_timeout
    if stage is None:  # a due time with no platform stage (typed by hand): not "None"
        return Text("截止时间", "Due time")
    stage_zh = getattr(stage, "zh", None) or str(getattr(stage, "value", stage))
    stage_en = getattr(stage, "en", None) or str(getattr(stage, "value", stage))
    if timeout:
        t_zh = getattr(timeout, "zh", None) or str(getattr(timeout, "value", timeout))
        t_en = getattr(timeout, "en", None) or str(getattr(timeout, "value", timeout))
        return Text(f"{stage_zh}（到期后{t_zh}）", f"{stage_en} (then: {t_en})")
    return Text(stage_zh, stage_en)


@dataclass(frozen=True)
class ReminderCounts:
    """What the tray icon counts: deadlines due soon (or overdue), overdue promises, cases
    with a live warning, and the 今日待退款 queue (shown, not in the badge: a to-do, not an
    alarm)."""

    deadlines: int = 0
    promises_overdue: int = 0
    warnings: int = 0
    refunds_today: int = 0

    @property
    def total(self) -> int:
        return self.deadlines + self.promises_overdue + self.warnings


class ReminderService:
    """Collects reminders from its providers; remembers, per channel, what was said."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore, *, shop_tz: str,
                 refunds: RefundQueue, providers: Iterable[ReminderProvider] = (),
                 pc: str = "") -> None:
        """`pc`: this computer's name on a team register: what was said is remembered per
        PC there (every staff PC's tray announces it; a shared "tray" let whichever PC
        polled first take a colleague's reminder)."""
        self.pc = pc
        self.clock = clock
        self.shop_tz = shop_tz
        self.refunds = refunds
        self._settings = settings
        self._notices = NoticeStore(db)
        self._db = db
        self.providers: list[ReminderProvider] = list(providers)
        self._pruned_at: datetime | None = None  # the last take() that forgot old notices

    def _on(self, channel: str) -> str:
        """The channel as remembered: this PC's own on a team register."""
        return f"{channel}@{self.pc}" if self.pc else channel

    def add_provider(self, provider: ReminderProvider) -> None:
        """Plug in another source (the platform deadlines' DeadlineProvider)."""
        self.providers.append(provider)

    # --- settings --------------------------------------------------------------------
    def settings(self) -> ReminderSettings:
        return ReminderSettings.from_json(self._settings.get(SETTINGS_KEY))

    def save_settings(self, settings: ReminderSettings) -> None:
        """Validate and save (ValidationError names the field)."""
        check_settings(settings)
        with self._db.atomic():
            self._settings.set(SETTINGS_KEY, settings.to_json())

    # --- reading ---------------------------------------------------------------------
    def collect(self, within: timedelta, now: datetime | None = None) -> list[Reminder]:
        """Every reminder due by now + `within` (overdue ones too), soonest first."""
        now = now or self.clock.now()
        horizon = now + within
        found = [r for p in self.providers for r in p.reminders(now, horizon)]
        return sorted(found, key=lambda r: (r.due_at, r.kind.value, r.case_no))

    def counts(self, now: datetime | None = None) -> ReminderCounts:
        """The tray's numbers: deadlines within their lead time (or due before the quiet
        hours that are on or about to begin end, as `pending` announces them) and every
        overdue one, overdue promises, live warnings; and the refund queue's length."""
        now = now or self.clock.now()
        settings = self.settings()
        horizon = self._reach(settings, now, settings.lead(ReminderKind.DEADLINE))
        n = {k: 0 for k in ReminderKind}
        for p in self.providers:
            if p.kind == ReminderKind.REFUND_CUTOFF:
                continue
            limit = horizon if p.kind == ReminderKind.DEADLINE else now
            # A provider may count without building its reminders (an indexed count:
            # the window re-counts every minute on the UI thread).
            count = getattr(p, "count", None)
            n[p.kind] += (count(now, limit) if count is not None
                          else len(p.reminders(now, limit)))
        return ReminderCounts(deadlines=n[ReminderKind.DEADLINE],
                              promises_overdue=n[ReminderKind.PROMISE],
                              warnings=n[ReminderKind.WARNING],
                              refunds_today=self.refunds.count())

    def _reach(self, settings: ReminderSettings, now: datetime, lead: timedelta) -> datetime:
        """How far ahead to look: `lead`, or to the end of the quiet hours that are on or
        begin within the minute when that is later (what is due before they end is
        announced before they begin)."""
        quiet = (settings.quiet_span(now, self.shop_tz)
                 or settings.quiet_span(now + BEFORE_QUIET, self.shop_tz))
        return max(now + lead, quiet[1]) if quiet is not None else now + lead

    def pending(self, channel: str, now: datetime | None = None) -> list[Reminder]:
        """What `channel` should announce now. During quiet hours only what is due before
        they end (something learnt after they began: there is no earlier time left)."""
        return self._pending(channel, now or self.clock.now())

    def _pending(self, channel: str, now: datetime) -> list[Reminder]:
        """`pending`. A provider that can leave out what `channel` announced before
        (`unannounced(now, horizon, channel)`) does: at 1M the tray's minute poll built
        50,000 warnings it had announced long before."""
        settings = self.settings()
        horizon = self._reach(settings, now, settings.longest_lead())
        on = self._on(channel)
        found: list[Reminder] = []
        for p in self.providers:
            unannounced = getattr(p, "unannounced", None)
            found.extend(unannounced(now, horizon, on) if unannounced is not None
                         else p.reminders(now, horizon))
        candidates = sorted(found, key=lambda r: (r.due_at, r.kind.value, r.case_no))
        announced = self._notices.announced(on, [r.key for r in candidates])
        due = ready(candidates, now, settings, announced, self.shop_tz)
        quiet = settings.quiet_span(now, self.shop_tz)
        if quiet is not None:
            due = [r for r in due
                   if r.kind is not ReminderKind.WARNING and r.due_at < quiet[1]]
        return due

    # --- announcing (writes) ---------------------------------------------------------
    def due_new(self, within: timedelta, channel: str = CLI,
                now: datetime | None = None) -> list[Reminder]:
        """`collect(within)` less what `channel` announced before; what is returned is
        remembered as announced (a scheduled task says each reminder once). Quiet hours
        are the task's own business: it is scheduled when the shop wants it."""
        now = now or self.clock.now()
        found = self.collect(within, now)
        announced = self._notices.announced(self._on(channel), [r.key for r in found])
        fresh = [r for r in found if r.key not in announced]
        with self._db.atomic():
            self._notices.mark(self._on(channel), fresh, now)
            self._notices.prune(now - FORGET_AFTER, keep={r.key for r in found})
        return fresh

    def take(self, channel: str, now: datetime | None = None) -> Notification | None:
        """The one notification `channel` should show now, remembered as shown so it is
        never repeated (also after a restart). None: nothing new, or quiet hours (which
        hold back all but what is due before they end)."""
        now = now or self.clock.now()
        due = self._pending(channel, now)
        note = group(due, now, self.shop_tz)
        # Forgetting old notices needs every reminder the providers still return (those
        # are kept): a full read, once a day, not at every minute's poll.
        prune = self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY
        seen = ({r.key for r in self.collect(self._reach(
            self.settings(), now, self.settings().longest_lead()) - now, now)}
            if prune else set())
        with self._db.atomic():
            if due:
                self._notices.mark(self._on(channel), due, now)
            if prune:
                self._notices.prune(now - FORGET_AFTER, keep=seen)
        if prune:
            self._pruned_at = now
        return note
