"""今日待退款: the refunds to clear before midnight (issue 15, refund speed).

What is in the queue ("agreed refund" as chosen here): OPEN, live cases that are
  - 仅退款 (kind refund_only): the buyer wants the money back, nothing comes back;
  - shown by the platform as 退款中 (platform_stage refunding): the seller agreed and the
    money has not gone yet;
  - carrying an open promise to refund (promise kind refund): agreed with the buyer by
    hand, for shops that do not import.
A return still on its way or waiting to be checked is not in it: nothing is owed yet.
Oldest request first: the one the buyer has waited on longest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from ..domain.case import Case
from ..domain.case_query import CaseQuery, SortKey
from ..domain.clock import Clock
from ..domain.enums import CaseKind
from ..domain.platform_state import PlatformStage
from ..domain.promises import PromiseKind
from ..storage.cases import refund_queue_count
from .cases import CaseService
from .promises import PromiseService
from .quick_filters import OPEN_STATUSES, QuickFilter, apply_quick_filter, day_bounds


@dataclass(frozen=True)
class RefundItem:
    """One case in the queue and why it is there."""

    case: Case
    why: str  # "refund_only" | "refunding" | "promise"
    promise_due: datetime | None  # the open refund promise's due time, when there is one

    @property
    def requested_at(self) -> datetime | None:
        return self.case.applied_at or self.case.created_at


WHY_LABELS = {"refund_only": ("仅退款", "Refund only"),
              "refunding": ("平台退款中", "Refund under way on the platform"),
              "promise": ("已答应退款", "Refund promised")}


class RefundQueue:
    """The 今日待退款 queue, the same cases as the list's quick filter."""

    def __init__(self, cases: CaseService, promises: PromiseService, clock: Clock, *,
                 shop_tz: str) -> None:
        self.cases = cases
        self.promises = promises
        self.clock = clock
        self.shop_tz = shop_tz

    def query(self) -> CaseQuery:
        """The list's query for the queue, oldest first."""
        return apply_quick_filter(CaseQuery(sort=SortKey.CREATED, descending=False),
                                  QuickFilter.REFUND_TODAY, now=self.clock.now(),
                                  tz=self.shop_tz, operator="")

    def count(self) -> int:
        """The queue's size (the tray's tooltip, every minute): three indexed counts,
        the same number as counting `query()`."""
        return refund_queue_count(self.cases.db, [s.value for s in OPEN_STATUSES])

    def today(self) -> list[RefundItem]:
        """Every case in the queue now, the longest-waiting request first."""
        ids = self.cases.query_ids(self.query())
        found = self.cases.fetch(ids)
        promised: dict[int, datetime] = {}
        for p in self.promises.open_promises():
            if p.kind == PromiseKind.REFUND and p.case_id in found:
                promised.setdefault(p.case_id, p.due_at)
        items = [RefundItem(case=found[i], why=_why(found[i], i in promised),
                            promise_due=promised.get(i)) for i in ids if i in found]
        items.sort(key=lambda it: (it.requested_at or self.clock.now(), it.case.id))
        return items

    def cutoff_at(self, cutoff: time, now: datetime | None = None) -> datetime:
        """Today's cut-off (shop time) as an aware datetime."""
        start, _end = day_bounds(now or self.clock.now(), self.shop_tz)
        return start.replace(hour=cutoff.hour, minute=cutoff.minute)


def _why(case: Case, promised: bool) -> str:
    if case.kind == CaseKind.REFUND_ONLY:
        return "refund_only"
    if case.platform_stage == PlatformStage.REFUNDING:
        return "refunding"
    return "promise" if promised else "refund_only"
