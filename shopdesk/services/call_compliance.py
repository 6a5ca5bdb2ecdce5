"""The call compliance report: who was called how often, overrides, calls off-window."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from ..domain.call_policy import (
    HARD_CODES,
    CallOutcome,
    CallPolicy,
    ReasonCode,
    backdated_breaches,
    domestic_buyer,
    same_clock,
)
from ..domain.masking import phone_identity
from ..storage.calls import Buyer, CallRecord

# Recorded override codes that mean the call itself fell outside the calling time.
_OFF_WINDOW_CODES = frozenset({ReasonCode.OUTSIDE_WINDOW, ReasonCode.QUIET_HOURS,
                               ReasonCode.HOLIDAY})


@dataclass(frozen=True)
class BuyerCalls:
    """One buyer's line in the report."""

    buyer_key: str  # the name of their latest call in the period
    attempts: int
    connected: int
    overrides: int
    outside_window: int
    do_not_call: bool
    # Other keys the same person's calls were stored under (another nickname, platform).
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportCall:
    """A call listed in the report, with its case number for display."""

    record: CallRecord
    case_no: str
    buyer_local: str  # "2026-11-23 20:15 (Asia/Shanghai)" (the command line's form)
    buyer_time: str = ""  # "2026-11-23 20:15", the buyer's wall clock
    buyer_tz: str = ""  # the zone of buyer_time (a window names it, or omits the shop's)
    # Caps the call broke counted for the person (every nickname and platform of their
    # phone line), which no override reason covered.
    caps_broken: tuple[ReasonCode, ...] = ()


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


def people(records: Sequence[CallRecord],
           case_buyers: Mapping[int, tuple[str, str, str]]) -> dict[str, str]:
    """Each record's buyer key -> one key per person: calls stored under one key, calls on
    one case, cases of one platform+nickname and cases of one phone line are one person
    (`case_buyers`: case id -> (platform, nickname, phone))."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for r in records:
        find(f"k:{r.buyer_key}")
        if r.case_id is None or r.case_id not in case_buyers:
            continue
        platform, nick, phone = case_buyers[r.case_id]
        union(f"c:{r.case_id}", f"k:{r.buyer_key}")
        if nick.strip():
            union(f"n:{platform}:{nick.strip()}", f"c:{r.case_id}")
        if ident := phone_identity(phone):
            union(f"p:{ident}", f"c:{r.case_id}")
    return {r.buyer_key: find(f"k:{r.buyer_key}") for r in records}


def build_report(records: Sequence[CallRecord], buyers: Mapping[str, Buyer],
                 policy: CallPolicy, case_nos: Mapping[int, str],
                 case_buyers: Mapping[int, tuple[str, str, str]] | None = None,
                 earlier: Sequence[CallRecord] = ()) -> ComplianceReport:
    """Fold calls (oldest first) into per-person lines and the exception lists.

    A person is every key their calls were stored under (see `people`); `buyers` holds
    the settings of those keys and of their phone lines (`phone:...`). `earlier`: the
    calls just before the period, which the caps count too."""
    case_buyers = case_buyers or {}
    group = people([*earlier, *records], case_buyers)
    members: dict[str, set[str]] = {}
    for key, root in group.items():
        members.setdefault(root, set()).add(key)
    zones = {root: next((buyers[k].tz for k in sorted(keys) if k in buyers and buyers[k].tz),
                        None) for root, keys in members.items()}
    phones = {group[r.buyer_key]: f"phone:{ident}" for r in [*earlier, *records]
              if r.case_id in case_buyers
              and (ident := phone_identity(case_buyers[r.case_id][2]))}
    flagged = {root for root, keys in members.items()
               if any(buyers.get(k, Buyer(k)).do_not_call for k in keys)
               or (root in phones and buyers.get(phones[root], Buyer("")).do_not_call)}
    prior: dict[str, list[CallRecord]] = {}
    for r in earlier:
        prior.setdefault(group[r.buyer_key], []).append(r)
    rows: dict[str, dict[str, int]] = {}
    latest: dict[str, str] = {}
    overrides: list[ReportCall] = []
    outside: list[ReportCall] = []
    breaches: list[ReportCall] = []
    for r in records:
        root = group[r.buyer_key]
        latest[root] = r.buyer_key
        buyer = buyers.get(r.buyer_key, Buyer(r.buyer_key))
        if buyer.tz is None and zones.get(root):
            buyer = Buyer(r.buyer_key, zones[root])
        if buyer.tz and r.case_id in case_buyers and not same_clock(buyer.tz, policy.shop_tz) \
                and domestic_buyer(case_buyers[r.case_id][0], case_buyers[r.case_id][2]):
            buyer = Buyer(r.buyer_key)  # a domestic buyer lives on the shop's clock
        line = rows.setdefault(root, {"attempts": 0, "connected": 0, "overrides": 0,
                                      "outside": 0})
        line["attempts"] += 1
        line["connected"] += r.outcome in (CallOutcome.CONNECTED, CallOutcome.ASKED_NOT_TO_CALL)
        before = prior.setdefault(root, [])
        # Against the person's calls made and logged before it: a call logged later and
        # back-dated before it is the one that broke the cap (and is judged so itself).
        caps = tuple(c for c in backdated_breaches(
            r.at, r.case_id or 0, [b.attempt() for b in before if b.id < r.id], policy)
            if c not in r.override_codes)
        before.append(r)
        tz = buyer.tz or policy.shop_tz
        wall = f"{r.at.astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M}"
        shown = ReportCall(r, case_nos.get(r.case_id or 0, "—"), f"{wall} ({tz})", wall, tz,
                           caps)
        if r.overridden:
            line["overrides"] += 1
            overrides.append(shown)
        if is_breach(r) or caps:
            breaches.append(shown)
        if is_outside_window(r, buyer, policy):
            line["outside"] += 1
            outside.append(shown)
    lines = tuple(
        BuyerCalls(latest[root], v["attempts"], v["connected"], v["overrides"], v["outside"],
                   root in flagged, tuple(sorted(members[root] - {latest[root]})))
        for root, v in sorted(rows.items(), key=lambda kv: (-kv[1]["attempts"],
                                                            latest[kv[0]])))
    return ComplianceReport(lines, tuple(overrides), tuple(outside), tuple(breaches))
