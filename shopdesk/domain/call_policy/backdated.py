"""A call logged after the fact (`calls log --at` an earlier time) checked against the calls
around it, not only those before it: logged afterwards, a call at 09:00 lands between calls
already on record, and the caps count them all. Pure, like evaluate()."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from .model import CallAttempt, CallPolicy, ReasonCode
from .rules import ROLLING_DAY


def _over_rolling_cap(at: datetime, times: Sequence[datetime], span: timedelta,
                      cap: int) -> bool:
    """Would a call at `at` make some span-long window holding it exceed `cap`?"""
    starts = [at] + [t for t in times if at - span < t <= at]
    return any(sum(1 for t in times if s <= t < s + span) + 1 > cap for s in starts)


def backdated_breaches(at: datetime, case_id: int, history: Sequence[CallAttempt],
                       policy: CallPolicy) -> tuple[ReasonCode, ...]:
    """The caps a call at `at` about `case_id` breaks, counting every call on record for
    the buyer (`history`: all their cases, before and after `at`)."""
    times = sorted(a.at for a in history)
    codes: list[ReasonCode] = []
    if sum(1 for a in history if a.case_id == case_id) + 1 > policy.max_attempts_per_case:
        codes.append(ReasonCode.CAP_CASE)
    if _over_rolling_cap(at, times, ROLLING_DAY, policy.max_attempts_per_day):
        codes.append(ReasonCode.CAP_24H)
    if _over_rolling_cap(at, times, timedelta(days=policy.cap_span_days),
                         policy.max_attempts_per_span):
        codes.append(ReasonCode.CAP_SPAN)
    return tuple(codes)
