"""What the case list asks for: filters, search text and sort order (no SQL here)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from .enums import CaseKind, CaseStatus, Platform


@dataclass(frozen=True)
class GroupFilter:
    """The cases behind one row of the complaint analysis (a drill-down): created in
    [start, end) and falling in group `key` of `dimension` (a Dimension value), of the
    analysis's platform and product when it had them ("" is all; see AnalysisFilter).
    `label` is what the list shows ("原因：宝贝有问题"); it takes no part in the match."""

    dimension: str
    key: str
    start: datetime
    end: datetime
    label: str = field(default="", compare=False)
    platform: str = ""
    product: str = ""


class Scope(StrEnum):
    ACTIVE = "active"  # not deleted
    TRASH = "trash"  # soft-deleted


class SortKey(StrEnum):
    CASE_NO = "case_no"
    PLATFORM = "platform"
    ORDER_NO = "order_no"
    BUYER = "buyer_nick"
    ITEM = "item_title"
    KIND = "kind"
    CAUSE = "cause"
    STATUS = "status"
    AMOUNT = "amount"
    DUE = "due_at"
    LAST_ACTIVITY = "last_activity_at"
    ASSIGNEE = "assignee"
    CREATED = "created_at"
    PRIORITY = "priority"
    PROMISE_DUE = "promise_due"  # the earliest open promise's due time
    PLATFORM_STATUS = "platform_status"  # the platform's own words for the request's state
    WARNINGS = "warnings"  # how many live early warnings
    DEADLINE = "deadline"  # the stage's effective deadline (剩余时间)


@dataclass(frozen=True)
class CaseQuery:
    """A filter + sort over the register. Empty tuples mean 'any'."""

    scope: Scope = Scope.ACTIVE
    statuses: tuple[CaseStatus, ...] = ()
    kinds: tuple[CaseKind, ...] = ()
    platforms: tuple[Platform, ...] = ()
    assignee: str | None = None
    # The case's own due time or its stage deadline in [due_from, due_before).
    due_from: datetime | None = None  # inclusive
    due_before: datetime | None = None  # exclusive
    created_from: datetime | None = None
    created_before: datetime | None = None
    # Promises made to the buyer: an open promise due at or before this time (overdue),
    # or one due in [promise_due_from, promise_due_before).
    promise_overdue_at: datetime | None = None
    promise_due_from: datetime | None = None
    promise_due_before: datetime | None = None
    search: str = ""
    warned: bool = False  # only cases with a live early warning
    # The stage's deadline (platform / rule / manual) before this time (即将超时).
    deadline_before: datetime | None = None
    # Only the 今日待退款 queue's cases: 仅退款, requests the platform shows as 退款中
    # (the seller agreed, the money has not gone yet) and cases with an open promise to
    # refund (agreed by hand). The quick filter adds "open".
    refund_queue: bool = False
    # Major complaints (重大投诉) come before every other case, whatever the sort.
    major_first: bool = True
    major_only: bool = False  # only cases marked major (the owner's review)
    group: GroupFilter | None = None  # drill-down from the analysis window
    # Set when filters contradict each other (e.g. "open" + status "closed"): no rows.
    match_nothing: bool = False
    sort: SortKey = SortKey.LAST_ACTIVITY
    descending: bool = True

    def with_changes(self, **changes: object) -> CaseQuery:
        return replace(self, **changes)
