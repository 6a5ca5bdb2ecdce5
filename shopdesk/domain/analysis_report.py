"""The monthly complaint report (投诉月报) as plain data: what the service gathers from the
register and the PDF lays out. No labels are looked up by the renderer: every text here is
already in the report's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from .analysis import Pareto
from .analysis_periods import Comparison
from .refund_speed import Satisfaction, SpeedRow


@dataclass(frozen=True)
class TopCause:
    """One of the causes behind most complaints, with the products it hit most."""

    label: str
    count: int
    share: float
    amount: Decimal
    products: tuple[tuple[str, int], ...]  # (SKU or item, count), most first


@dataclass(frozen=True)
class PlanLine:
    """An improvement plan as the report prints it."""

    category: str
    sub_type: str
    root_cause: str
    plan: str
    plan_long: str
    owner: str
    due: str
    target: str
    status: str
    result: str
    met: bool | None


@dataclass(frozen=True)
class WarningLine:
    case_no: str
    rule: str
    reason: str
    raised_at: datetime
    acknowledged_by: str


@dataclass(frozen=True)
class WarningGroup:
    """One group-complaint trigger: the cases of one product and cause it was raised on
    (listed as one line, not one line per case: 360 rows of the same complaint made the
    month's report 16 pages)."""

    rule: str
    product: str
    cause: str
    reason: str  # the latest reason raised ("39 buyers within 7 days: …")
    case_nos: tuple[str, ...]  # each case once, in case-number order
    first_raised: datetime
    last_raised: datetime
    acknowledged: int  # cases whose warning someone acknowledged


def compact_case_nos(case_nos: tuple[str, ...] | list[str], sep: str = ", ") -> str:
    """Case numbers in order, a number sharing the previous one's prefix (up to its last
    "-") written as its tail: "DEMO-20261129-0022, -0024, DEMO-20261130-0031"."""
    out, prefix = [], None
    for no in sorted(case_nos):
        head, dash, tail = no.rpartition("-")
        if dash and head == prefix:
            out.append(f"-{tail}")
        else:
            out.append(no)
            prefix = head if dash else None
    return sep.join(out)


@dataclass(frozen=True)
class MajorLine:
    """A case marked 重大投诉, with its owner, status and cause (labels)."""

    case_no: str
    owner: str
    status: str
    cause: str


@dataclass(frozen=True)
class MonthlyReport:
    """Everything the monthly report shows, for one calendar month (shop time)."""

    year: int
    month: int
    start: datetime
    end: datetime
    tz: str
    generated_at: datetime
    by_cause: Pareto
    by_cause_group: Pareto
    by_province: Pareto
    by_platform: Pareto
    previous_total: int  # cases in `comparison`'s previous days
    top_causes: tuple[TopCause, ...]
    plans: tuple[PlanLine, ...]
    warnings_by_rule: tuple[tuple[str, int], ...]  # (rule label, on this month's cases)
    major: tuple[WarningLine, ...]  # major-type warnings case by case (not group ones)
    major_note: str  # how "major" is told on this register (flag, or the rules' warnings)
    marked_major: tuple[MajorLine, ...] = ()  # cases marked major (created or marked)
    # Refund speed per platform and overall (refunds paid in the month), and the results of
    # the follow-up visits recorded in it: the platform metrics the owner reviews with it.
    refund_speed: tuple[SpeedRow, ...] = ()
    refund_speed_overall: SpeedRow | None = None
    satisfaction: Satisfaction | None = None
    # The days counted and the days before they are compared with: the month before, or
    # while the month runs, its same days ("1–5 Dec vs 1–5 Nov").
    comparison: Comparison | None = None
    # Group complaints: one line per rule, product and cause, most cases first.
    major_groups: tuple[WarningGroup, ...] = ()

    @property
    def total(self) -> int:
        return self.by_cause.total

    @property
    def amount(self) -> Decimal:
        return sum((r.amount for r in self.by_cause.rows), Decimal(0))
