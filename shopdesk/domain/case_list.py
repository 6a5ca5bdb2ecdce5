"""One row of the case list: the columns a list page shows, as the register stores them.

The list paints a page of 50 rows on every search, filter and sort. A whole Case per row
(37 fields, a dozen conversions: enums, Decimals, datetimes, the JSON extras) cost more
than the query that found the page; the list reads only these columns, kept in their
stored form (enum values, fen, UTC ISO times), and turns the few rows on screen into text.
A Case is still built when something asks for one (a tooltip, the selected case).
"""

from __future__ import annotations

from typing import NamedTuple

from .case import Case
from .clock import to_utc_iso
from .money import to_fen


class CaseListRow(NamedTuple):
    """A case as the list shows it (stored form; see the module docstring)."""

    id: int
    case_no: str
    platform: str  # Platform value
    order_no: str
    buyer_nick: str
    item_title: str
    kind: str  # CaseKind value
    cause: str | None  # Cause value
    status: str  # CaseStatus value
    amount_claimed_fen: int | None
    due_at: str | None  # UTC ISO 8601
    last_activity_at: str | None  # UTC ISO 8601
    assignee: str
    platform_status: str
    intervention_status: str
    platform_stage: str  # PlatformStage value, '' for none
    major_owner: str


LIST_FIELDS: tuple[str, ...] = CaseListRow._fields


def list_row(case: Case) -> CaseListRow:
    """The list row of a Case (what the register would return for it)."""
    return CaseListRow(
        id=case.id, case_no=case.case_no, platform=case.platform.value,
        order_no=case.order_no, buyer_nick=case.buyer_nick, item_title=case.item_title,
        kind=case.kind.value, cause=case.cause.value if case.cause else None,
        status=case.status.value, amount_claimed_fen=to_fen(case.amount_claimed),
        due_at=to_utc_iso(case.due_at) if case.due_at else None,
        last_activity_at=to_utc_iso(case.last_activity_at) if case.last_activity_at
        else None,
        assignee=case.assignee, platform_status=case.platform_status,
        intervention_status=case.intervention_status,
        platform_stage=case.platform_stage.value if case.platform_stage else "",
        major_owner=case.major_owner)
