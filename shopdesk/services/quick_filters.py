"""Quick filters on the case list, turned into queries relative to 'now'."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from ..domain.case_query import CaseQuery, Scope
from ..domain.enums import OPEN_STATUSES


class QuickFilter(StrEnum):
    ALL = "all"
    OPEN = "open"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    MINE = "mine"
    TRASH = "trash"
    # Promises made to buyers, whatever the case's status: a promise stays owed until it
    # is marked kept or broken.
    PROMISE_OVERDUE = "promise_overdue"
    PROMISE_TODAY = "promise_today"
    # Open cases with a live early warning (预警), not yet acknowledged.
    WARNED = "warned"
    # 即将超时: open cases whose stage deadline falls within the warning window (or passed).
    DEADLINE_SOON = "deadline_soon"
    # 今日待退款: open refund-only cases and agreed refunds not yet paid (see
    # CaseQuery.refund_queue); the method asks to clear them before midnight.
    REFUND_TODAY = "refund_today"


DEADLINE_WINDOW = timedelta(hours=6)


def day_bounds(now: datetime, tz: str) -> tuple[datetime, datetime]:
    """Start of today and of tomorrow in the shop's zone, as aware datetimes."""
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    start = datetime.combine(today, time(0), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=zone)
    return start, end


def apply_quick_filter(base: CaseQuery, quick: QuickFilter, *, now: datetime, tz: str,
                       operator: str, deadline_window: timedelta = DEADLINE_WINDOW
                       ) -> CaseQuery:
    """`base` (sort, search, other filters kept) narrowed by a quick filter.
    `deadline_window`: how far ahead 即将超时 looks (the shop's warning threshold)."""
    q = base.with_changes(scope=Scope.ACTIVE, due_from=None, due_before=None, assignee=None,
                          match_nothing=False, promise_overdue_at=None,
                          promise_due_from=None, promise_due_before=None, warned=False,
                          deadline_before=None, refund_queue=False)
    if quick == QuickFilter.ALL:
        return q
    if quick == QuickFilter.TRASH:
        return q.with_changes(scope=Scope.TRASH)
    if quick == QuickFilter.PROMISE_OVERDUE:
        return q.with_changes(promise_overdue_at=now)
    if quick == QuickFilter.PROMISE_TODAY:
        start, end = day_bounds(now, tz)
        return q.with_changes(promise_due_from=start, promise_due_before=end)
    open_statuses = (tuple(s for s in base.statuses if s.is_open) if base.statuses
                     else OPEN_STATUSES)
    if not open_statuses:
        # "Open" together with only closed statuses chosen: nothing can match.
        return q.with_changes(match_nothing=True)
    if quick == QuickFilter.OPEN:
        return q.with_changes(statuses=open_statuses)
    if quick == QuickFilter.WARNED:
        return q.with_changes(statuses=open_statuses, warned=True)
    if quick == QuickFilter.DEADLINE_SOON:
        return q.with_changes(statuses=open_statuses, deadline_before=now + deadline_window)
    if quick == QuickFilter.REFUND_TODAY:
        return q.with_changes(statuses=open_statuses, refund_queue=True)
    if quick == QuickFilter.DUE_TODAY:
        start, end = day_bounds(now, tz)
        return q.with_changes(statuses=open_statuses, due_from=start, due_before=end)
    if quick == QuickFilter.OVERDUE:
        return q.with_changes(statuses=open_statuses, due_before=now)
    if quick == QuickFilter.MINE:
        if not operator:
            return q.with_changes(match_nothing=True)  # nobody chosen: nothing is "mine"
        return q.with_changes(statuses=open_statuses, assignee=operator)
    raise ValueError(quick)
