"""evaluate(): may this buyer be phoned now, and if not, why and when."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ..clock import ensure_aware
from ..holidays import HolidayCalendar
from .model import BuyerCallProfile, CallAttempt, CallPolicy, CaseCallContext, ReasonCode
from .reasons import Notice, Reason, ReasonWriter, holiday_data_warning, no_slot_warning
from .rules import RuleContext
from .search import HORIZON, CandidateDays, earliest

_ORDER = {code: i for i, code in enumerate(ReasonCode)}


@dataclass(frozen=True)
class CallDecision:
    """The verdict for one buyer, one case, one instant.

    `next_allowed_at` is the earliest instant at or after `evaluated_at` at which the
    same evaluation (same history, same case) allows the call: `evaluated_at` itself
    when allowed now, None when waiting never helps (do-not-call, case cap, a missing
    checklist or chat message, or nothing within the search horizon).
    `next_slot_at` is the earliest instant the time-based rules allow, ignoring the
    preparation the caller can do right away (checklist, chat first); it is what the
    UI shows as "you may call from ...".
    """

    allowed: bool
    reasons: tuple[Reason, ...]
    next_allowed_at: datetime | None
    next_slot_at: datetime | None
    remaining_24h: int
    remaining_case: int
    remaining_span: int
    buyer_local_time: datetime
    buyer_tz: str
    warnings: tuple[Notice, ...]
    evaluated_at: datetime

    @property
    def codes(self) -> frozenset[ReasonCode]:
        return frozenset(r.code for r in self.reasons)

    @property
    def overridable(self) -> bool:
        """Blocked only by soft rules, so a person may override with a written reason."""
        return not self.allowed and all(r.code.overridable for r in self.reasons)

    def reason(self, code: ReasonCode) -> Reason | None:
        return next((r for r in self.reasons if r.code is code), None)


def evaluate(
    now: datetime,
    buyer: BuyerCallProfile,
    case: CaseCallContext,
    call_history: Sequence[CallAttempt],
    policy: CallPolicy,
    holiday_calendar: HolidayCalendar | None = None,
) -> CallDecision:
    """Decide whether `buyer` may be phoned about `case` at `now`.

    `call_history` holds this buyer's attempts across all their cases. Pure: the
    same inputs give the same decision. Raises ValueError for a naive datetime or
    an unknown time zone.
    """
    now = ensure_aware(now).astimezone(UTC)
    ctx = RuleContext.build(buyer, case, call_history, policy, holiday_calendar)
    days = CandidateDays(ctx)
    writer = ReasonWriter(ctx, days)

    permanent: list[ReasonCode] = []
    if ctx.do_not_call:
        permanent.append(ReasonCode.DO_NOT_CALL)
    if ctx.case_cap_reached:
        permanent.append(ReasonCode.CAP_CASE)
    if case.finished:
        permanent.append(ReasonCode.CASE_FINISHED)
    timed = ctx.time_codes(now)
    prep = ctx.preparation_codes()
    codes = sorted([*permanent, *timed, *prep], key=_ORDER.__getitem__)

    if permanent:
        next_slot = None
    elif not timed:
        next_slot = now
    elif not ctx.has_windows:
        next_slot = None
    else:
        next_slot = earliest(ctx, days, now, ctx.time_ok)
    next_allowed = next_slot if not prep else None

    warnings: list[Notice] = []
    local_now = now.astimezone(ctx.tz)
    looked_at = [local_now.date()]
    if next_slot is not None:
        looked_at.append(next_slot.astimezone(ctx.tz).date())
    years = sorted({y for d in looked_at if (y := ctx.day_status(d).missing_year) is not None})
    warnings.extend(holiday_data_warning(y) for y in years)
    if next_slot is None and not permanent:
        warnings.append(no_slot_warning(HORIZON.days))

    return CallDecision(
        allowed=not codes,
        reasons=tuple(writer.reason(code, now) for code in codes),
        next_allowed_at=next_allowed,
        next_slot_at=next_slot,
        remaining_24h=max(0, policy.max_attempts_per_day - ctx.count_in_period(now)),
        remaining_case=max(0, policy.max_attempts_per_case - ctx.case_count),
        remaining_span=max(0, policy.max_attempts_per_span - ctx.count_in_span(now)),
        buyer_local_time=local_now,
        buyer_tz=ctx.tz_name,
        warnings=tuple(warnings),
        evaluated_at=now,
    )
