"""What the filter bar shows -> a CaseQuery (plain Python, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ...domain.case_query import CaseQuery, GroupFilter, SortKey
from ...domain.enums import CaseKind, CaseStatus, Platform
from ...services.quick_filters import DEADLINE_WINDOW, QuickFilter, apply_quick_filter


@dataclass(frozen=True)
class FilterState:
    """The filter bar's settings; None means 'any'."""

    quick: QuickFilter = QuickFilter.ALL
    kind: CaseKind | None = None
    platform: Platform | None = None
    status: CaseStatus | None = None
    created_from: date | None = None  # shop-local day, inclusive
    created_to: date | None = None  # shop-local day, inclusive
    search: str = ""
    group: GroupFilter | None = None  # drill-down from the complaint analysis


def local_day_start(day: date, tz: str) -> datetime:
    """Midnight at the start of `day` in the shop's zone."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz))


def build_query(state: FilterState, *, sort: SortKey, descending: bool, now: datetime,
                tz: str, operator: str,
                deadline_window: timedelta = DEADLINE_WINDOW) -> CaseQuery:
    """The query for the list: the combo filters, the search, then the quick filter."""
    base = CaseQuery(
        kinds=(state.kind,) if state.kind else (),
        platforms=(state.platform,) if state.platform else (),
        statuses=(state.status,) if state.status else (),
        created_from=local_day_start(state.created_from, tz) if state.created_from else None,
        created_before=(local_day_start(state.created_to + timedelta(days=1), tz)
                        if state.created_to else None),
        search=state.search.strip(),
        group=state.group,
        sort=sort,
        descending=descending,
    )
    return apply_quick_filter(base, state.quick, now=now, tz=tz, operator=operator,
                              deadline_window=deadline_window)
