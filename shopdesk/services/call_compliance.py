"""The call compliance report: who was called how often, overrides, calls off-window."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from ..domain.call_policy import HARD_CODES, CallOutcome, CallPolicy, ReasonCode
from ..storage.calls import Buyer, CallRecord

# Recorded override codes that mean the call itself fell outside the calling time.
_OFF_WINDOW_CODES = frozenset({ReasonCode.OUTSIDE_WINDOW, ReasonCode.QUIET_HOURS,
                               ReasonCode.HOLIDAY})


@dataclass(frozen=True)
class BuyerCalls:
    """One buyer's line in the report."""

    buyer_key: str
    attempts: int
    connected: int
    overrides: int
    outside_window: int
    do_not_call: bool


@dataclass(frozen=True)
class ReportCall:
    """A call listed in the report, with its case number for display."""

    record: CallRecord
    case_no: str
    buyer_local: str  # "2026-11-23 20:15 (Asia/Shanghai)" (the command line's form)
    buyer_time: str = ""  # "2026-11-23 20:15", the buyer's wall clock
    buyer_tz: str = ""  # the zone of buyer_time (a window names it, or omits the shop's)


@dataclass(frozen=True)
class ComplianceReport:
    buyers: tuple[BuyerCalls, ...]
    overrides: tuple[ReportCall, ...]
    outside_window: tuple[ReportCall, ...]
    breaches: tuple[ReportCall, ...] = ()

    @property
    def total_attempts(self) -> int:
        return sum(b.attempts for b in self.buyers)


# Logged more than this after it happened: a back-dated call.
BACKDATED_AFTER = timedelta(minutes=5)


def is_breach(record: CallRecord) -> bool:
    """A call that broke the policy, not merely a permitted override: it broke a hard rule
    (quiet hours, do-not-call, the per-case cap), or it was logged back-dated over a rule
    (it happened; the reason was given when it was logged)."""
    if not record.overridden:
        return False
    backdated = record.created_at - record.at > BACKDATED_AFTER
    return bool(HARD_CODES & set(record.override_codes)) or backdated


def is_outside_window(record: CallRecord, buyer: Buyer, policy: CallPolicy) -> bool:
    """Was the call outside the calling window (buyer's local time, current policy)?

    The override codes recorded at the time win (they include holidays); otherwise the
    call's wall time is checked against today's windows and quiet hours (the policy
    may have changed since). Holidays are not re-checked here.
    """
    if _OFF_WINDOW_CODES & set(record.override_codes):
        return True
    local = record.at.astimezone(ZoneInfo(buyer.tz or policy.shop_tz))
    wall = local.time().replace(tzinfo=None)
    if policy.in_quiet_hours(wall):
        return True
    return not any(w.start <= wall < w.end for w in policy.windows[local.weekday()])


def build_report(records: Sequence[CallRecord], buyers: Mapping[str, Buyer],
                 policy: CallPolicy, case_nos: Mapping[int, str]) -> ComplianceReport:
    """Fold calls (oldest first) into per-buyer lines and the two exception lists."""
    rows: dict[str, dict[str, int]] = {}
    overrides: list[ReportCall] = []
    outside: list[ReportCall] = []
    breaches: list[ReportCall] = []
    for r in records:
        buyer = buyers.get(r.buyer_key, Buyer(r.buyer_key))
        line = rows.setdefault(r.buyer_key, {"attempts": 0, "connected": 0, "overrides": 0,
                                             "outside": 0})
        line["attempts"] += 1
        line["connected"] += r.outcome in (CallOutcome.CONNECTED, CallOutcome.ASKED_NOT_TO_CALL)
        tz = buyer.tz or policy.shop_tz
        wall = f"{r.at.astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M}"
        shown = ReportCall(r, case_nos.get(r.case_id or 0, "—"), f"{wall} ({tz})", wall, tz)
        if r.overridden:
            line["overrides"] += 1
            overrides.append(shown)
        if is_breach(r):
            breaches.append(shown)
        if is_outside_window(r, buyer, policy):
            line["outside"] += 1
            outside.append(shown)
    lines = tuple(
        BuyerCalls(key, v["attempts"], v["connected"], v["overrides"], v["outside"],
                   buyers.get(key, Buyer(key)).do_not_call)
        for key, v in sorted(rows.items(), key=lambda kv: (-kv[1]["attempts"], kv[0])))
    return ComplianceReport(lines, tuple(overrides), tuple(outside), tuple(breaches))
