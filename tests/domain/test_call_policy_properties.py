"""Property-based tests: the engine never allows what a hard rule or cap forbids, and
next_allowed_at is exact (allowed itself, nothing allowed before it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopdesk.domain.call_policy import (
    BuyerCallProfile,
    CallAttempt,
    CallOutcome,
    CallPolicy,
    CapCounting,
    CaseCallContext,
    HolidayMode,
    PreCallChecklist,
    ReasonCode,
    TimeWindow,
    evaluate,
    local_to_utc,
)
from shopdesk.domain.holidays import InMemoryHolidayCalendar

# Zones with their 2026 DST transitions (UTC), where wall-clock trouble lives.
ZONE_TRANSITIONS = {
    "Asia/Shanghai": [],
    "Asia/Kathmandu": [],
    "America/Los_Angeles": [datetime(2026, 3, 8, 10, tzinfo=UTC),
                            datetime(2026, 11, 1, 9, tzinfo=UTC)],
    "Europe/London": [datetime(2026, 3, 29, 1, tzinfo=UTC),
                      datetime(2026, 10, 25, 1, tzinfo=UTC)],
    "Australia/Lord_Howe": [datetime(2026, 4, 4, 15, tzinfo=UTC),
                            datetime(2026, 10, 3, 15, 30, tzinfo=UTC)],
    "America/St_Johns": [datetime(2026, 3, 8, 5, 30, tzinfo=UTC),
                         datetime(2026, 11, 1, 4, 30, tzinfo=UTC)],
}
TRANSITIONS = [t for ts in ZONE_TRANSITIONS.values() for t in ts]
# Realistic spans next to arbitrary ones; the small-hours ones meet the DST transitions.
WINDOW_SPANS = [(time(10), time(18)), (time(9), time(20)), (time(0, 30), time(4)),
                (time(1), time(1, 30)), (time(2, 30), time(5)), (time(0), time(23, 59, 59))]
SMALL_HOURS = [(TimeWindow(time(0, 30), time(4)),), (TimeWindow(time(1), time(1, 30)),),
               (TimeWindow(time(2, 30), time(5)),), (TimeWindow(time(0, 30), time(1, 30)),),
               (TimeWindow(time(1, 30), time(2, 30)), TimeWindow(time(3), time(4))),
               (TimeWindow(time(1, 15), time(1, 45)),)]
QUIET_SPANS = [(time(21), time(8)), (time(23), time(0, 15)), (time(22), time(0, 30)),
               (time(21), time(2, 30)), (time(5), time(5, 1))]
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Scenario:
    now: datetime
    buyer: BuyerCallProfile
    case: CaseCallContext
    history: tuple[CallAttempt, ...]
    policy: CallPolicy
    calendar: InMemoryHolidayCalendar

    def decide(self, at: datetime | None = None):
        return evaluate(at or self.now, self.buyer, self.case, list(self.history), self.policy,
                        self.calendar)


def _clock(seconds: int) -> time:
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60)


@st.composite
def windows_for_a_day(draw, at_least: int = 0) -> tuple[TimeWindow, ...]:
    spans = []
    for _ in range(draw(st.integers(at_least, 2))):
        if draw(st.booleans()):
            spans.append(TimeWindow(*draw(st.sampled_from(WINDOW_SPANS))))
            continue
        start = draw(st.integers(0, 23 * 60)) * 60
        length = draw(st.integers(1, 12 * 60)) * 60
        spans.append(TimeWindow(_clock(start), _clock(min(start + length, 86399))))
    return tuple(spans)


@st.composite
def quiet_hours(draw) -> tuple[time, time]:
    if draw(st.booleans()):
        return draw(st.sampled_from(QUIET_SPANS))
    start = draw(st.integers(0, 95))
    end = draw(st.integers(0, 95).filter(lambda q: q != start))
    return _clock(start * 900), _clock(end * 900)


@st.composite
def scenarios(draw) -> Scenario:
    tz = draw(st.sampled_from(sorted(ZONE_TRANSITIONS)))
    anywhere = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31),
                            timezones=st.just(UTC))
    if ZONE_TRANSITIONS[tz] and draw(st.booleans()):
        base = draw(st.sampled_from(ZONE_TRANSITIONS[tz]))
        now = base + timedelta(seconds=draw(st.integers(-36 * 3600, 36 * 3600)))
    else:
        now = draw(anywhere)
    # "open" and "small_hours" policies make caps, gaps and DST jumps the deciding
    # rules; "random" ones mix everything.
    flavour = draw(st.sampled_from(["random", "random", "open", "small_hours"]))
    if flavour == "small_hours" and ZONE_TRANSITIONS[tz]:
        base = draw(st.sampled_from(ZONE_TRANSITIONS[tz]))
        now = base + timedelta(seconds=draw(st.integers(-12 * 3600, 6 * 3600)))
    quiet_start, quiet_end = draw(quiet_hours())
    one_day = draw(windows_for_a_day(at_least=1))
    weekly = draw(st.booleans())
    windows = (tuple(draw(windows_for_a_day()) for _ in range(7)) if weekly
               else (one_day,) * 7)
    if flavour == "open":
        windows = ((TimeWindow(time(0), time(23, 59, 59)),),) * 7
        quiet_start, quiet_end = time(5), time(5, 1)
    elif flavour == "small_hours":
        windows = (draw(st.sampled_from(SMALL_HOURS)),) * 7
        quiet_start, quiet_end = draw(st.sampled_from([(time(5), time(5, 1)),
                                                       (time(22), time(0, 15))]))
    lenient = flavour != "random"
    today = now.date()
    near_days = st.integers(-3, 20).map(lambda d: today + timedelta(days=d))
    policy = CallPolicy(
        shop_tz="Asia/Shanghai",
        windows=windows,
        end_margin=timedelta(minutes=draw(st.sampled_from([0, 10, 30]))),
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        holiday_mode=(HolidayMode.IGNORE if lenient
                      else draw(st.sampled_from(list(HolidayMode)))),
        blackout_dates=frozenset() if lenient else frozenset(
            draw(st.lists(near_days, max_size=3))),
        max_attempts_per_day=draw(st.integers(1, 3)),
        day_counting=draw(st.sampled_from(list(CapCounting))),
        max_attempts_per_case=draw(st.integers(1, 5)),
        min_gap=timedelta(minutes=draw(st.sampled_from([0, 30, 120, 181]))),
        cooldown_after_talk=timedelta(hours=draw(st.sampled_from([0, 1, 24, 48]))),
        require_checklist=draw(st.booleans()),
    )
    calendar = InMemoryHolidayCalendar.of(
        holidays=draw(st.lists(near_days, max_size=5)),
        makeup_workdays=draw(st.lists(near_days, max_size=2)),
        years=draw(st.sets(st.sampled_from([2026, 2027]))),
    )
    outcomes = st.sampled_from([CallOutcome.NO_ANSWER, CallOutcome.REJECTED,
                                CallOutcome.CONNECTED, CallOutcome.NO_ANSWER])
    ago = st.one_of(st.integers(1, 4 * 3600), st.integers(1, 72 * 3600))
    history = tuple(
        CallAttempt(now - timedelta(seconds=seconds), case_id, outcome, overridden)
        for seconds, case_id, outcome, overridden in draw(st.lists(
            st.tuples(ago, st.sampled_from([1, 2]), outcomes, st.booleans()), max_size=5)))
    # Hypothesis favours boundary values; a middle value keeps these flags rare.
    if draw(st.integers(0, 9)) == 5:
        history += (CallAttempt(now - timedelta(days=5), 2, CallOutcome.ASKED_NOT_TO_CALL),)
    buyer = BuyerCallProfile("b", tz=tz, do_not_call=draw(st.integers(0, 9)) == 5)
    complete = PreCallChecklist("goal", ("a", "b"), "bottom", "max")
    checklist = complete if draw(st.booleans()) else None
    case = CaseCallContext(case_id=1, checklist=checklist)
    return Scenario(now, buyer, case, history, policy, calendar)


def _in_quiet(policy: CallPolicy, wall: time) -> bool:
    start, end = policy.quiet_start, policy.quiet_end
    return start <= wall < end if start < end else (wall >= start or wall < end)


def _daily_count(s: Scenario, at: datetime) -> int:
    zone = ZoneInfo(s.buyer.tz)
    if s.policy.day_counting is CapCounting.CALENDAR_DAY:
        day: date = at.astimezone(zone).date()
        return sum(1 for a in s.history if a.at.astimezone(zone).date() == day)
    return sum(1 for a in s.history if at - timedelta(hours=24) < a.at)


@PROPERTY_SETTINGS
@given(scenarios())
def test_never_allows_in_quiet_hours_or_beyond_a_cap(s: Scenario):
    decision = s.decide()
    wall = s.now.astimezone(ZoneInfo(s.buyer.tz)).time()
    if _in_quiet(s.policy, wall):
        assert not decision.allowed
        assert ReasonCode.QUIET_HOURS in decision.codes
    if _daily_count(s, s.now) >= s.policy.max_attempts_per_day:
        assert not decision.allowed
    case_count = sum(1 for a in s.history if a.case_id == s.case.case_id)
    if case_count >= s.policy.max_attempts_per_case:
        assert ReasonCode.CAP_CASE in decision.codes
        assert decision.next_allowed_at is None
    if s.buyer.do_not_call or any(a.outcome.makes_do_not_call for a in s.history):
        assert ReasonCode.DO_NOT_CALL in decision.codes
        assert decision.next_allowed_at is None
    if any(s.now - a.at < s.policy.min_gap for a in s.history):
        assert not decision.allowed
    assert decision.allowed is (decision.reasons == ())
    assert decision.remaining_24h == max(
        0, s.policy.max_attempts_per_day - _daily_count(s, s.now))


@PROPERTY_SETTINGS
@given(scenarios())
def test_next_allowed_at_is_allowed_when_evaluated(s: Scenario):
    decision = s.decide()
    if decision.allowed:
        assert decision.next_allowed_at == s.now
    nxt = decision.next_allowed_at
    if nxt is not None:
        assert nxt >= s.now
        later = s.decide(nxt)
        assert later.allowed, later.reasons
        # And no hard rule or cap is broken there either.
        assert not _in_quiet(s.policy, nxt.astimezone(ZoneInfo(s.buyer.tz)).time())
        assert _daily_count(s, nxt) < s.policy.max_attempts_per_day
    slot = decision.next_slot_at
    if slot is not None:
        assert s.decide(slot).codes <= {ReasonCode.CHECKLIST_MISSING}


def _probes(s: Scenario, end: datetime, fraction: float) -> list[datetime]:
    """Instants in [now, end) where a rule could start allowing: worked out here
    independently of the engine, plus one random instant."""
    zone = ZoneInfo(s.buyer.tz)
    p = s.policy
    found = [s.now + (end - s.now) * fraction, end - timedelta(microseconds=1)]
    for a in s.history:
        found += [a.at + timedelta(hours=24), a.at + p.min_gap, a.at + p.cooldown_after_talk]
    found += [t for base in TRANSITIONS for t in (base, base + timedelta(seconds=1))]
    day = s.now.astimezone(zone).date() - timedelta(days=1)
    while datetime.combine(day, time(0), UTC) - timedelta(days=1) < end and len(found) < 200:
        walls = [time(0), p.quiet_end, *(w.start for w in p.windows[day.weekday()])]
        for wall in walls:
            naive = datetime.combine(day, wall)
            found += [naive.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1)]
            found.append(local_to_utc(day, wall, zone))
        day += timedelta(days=1)
    return sorted({t for t in found if s.now <= t < end})


@PROPERTY_SETTINGS
@given(scenarios(), st.floats(0, 1, exclude_max=True))
def test_nothing_before_next_slot_is_allowed(s: Scenario, fraction: float):
    nxt = s.decide().next_slot_at
    if nxt is None or nxt == s.now:
        return
    for probe in _probes(s, nxt, fraction)[:40]:
        blocking = s.decide(probe).codes - {ReasonCode.CHECKLIST_MISSING}
        assert blocking, f"{probe} is allowed, before next_slot_at {nxt}"
