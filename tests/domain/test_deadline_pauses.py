"""Platform clock pauses: a holiday pause dated per year, stages it covers, the platform's
own dated notice replacing it, overlapping pauses counted once, bad pause tables."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta

import pytest

from shopdesk.domain.deadlines import (
    DeadlineFacts,
    DeadlineRulesError,
    Pause,
    apply_override,
    parse_platform_file,
    resolve,
)
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.platform_state import PlatformStage

from .test_deadlines import RULES, TZ

P = PlatformStage
FESTIVAL_2026 = (date(2026, 2, 15), date(2026, 2, 23))  # 9 days, chinese-calendar's dates
PAUSED = timedelta(days=9)
START = datetime(2026, 2, 14, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai, the day before


def span(name: str, year: int):
    return FESTIVAL_2026 if (name, year) == ("spring_festival", 2026) else None


def due(rules, stage=P.AWAITING_SELLER, kind=CaseKind.REFUND_ONLY, start=START):
    facts = DeadlineFacts(platform=Platform.JD, kind=kind, stage=stage, stage_since=start,
                          applied_at=start)
    return resolve(facts, rules, TZ).due_at


def test_jd_ships_a_spring_festival_pause_with_its_source():
    [template] = RULES.holiday_pauses[Platform.JD]
    assert template.holiday == "spring_festival" and template.confidence.value == "low"
    assert template.source.startswith("https://") and template.year == "2019"
    assert P.AWAITING_SELLER in template.stages
    assert P.PLATFORM_EVIDENCE not in template.stages  # disputes count holidays
    assert RULES.pauses_of(Platform.JD) == ()  # undated until a calendar dates it


def test_a_deadline_spanning_the_festival_is_extended_by_exactly_the_pause():
    dated = RULES.with_holidays(span, [2025, 2026, 2027])
    [pause] = dated.pauses_of(Platform.JD)
    assert (pause.start, pause.end) == FESTIVAL_2026
    assert due(RULES) == START + timedelta(hours=24)
    assert due(dated) == START + timedelta(hours=24) + PAUSED
    # A deadline that ends before the festival is untouched, one after it too.
    early = START - timedelta(days=3)
    assert due(dated, start=early) == early + timedelta(hours=24)
    late = datetime(2026, 3, 1, 4, 0, tzinfo=UTC)
    assert due(dated, start=late) == late + timedelta(hours=24)


def test_stages_outside_the_pause_keep_running():
    dated = RULES.with_holidays(span, [2026])
    # JD's dispute reply (24 h) counts holidays: the rule says they are not excluded.
    assert due(dated, stage=P.PLATFORM_INTERVENTION) == START + timedelta(hours=24)
    # Other platforms have no pause.
    facts = DeadlineFacts(platform=Platform.TAOBAO, kind=CaseKind.REFUND_ONLY,
                          stage=P.AWAITING_SELLER, stage_since=START, applied_at=START)
    assert resolve(facts, dated, TZ).due_at == START + timedelta(hours=24)


def test_the_platforms_own_dated_notice_replaces_the_holiday_for_its_year():
    notice = apply_override(RULES, tomllib.loads("""
[[jd.pause]]
from = 2026-02-13
to = 2026-02-17
reason = "京东春节公告"
"""), "deadline_rules.toml")
    dated = notice.with_holidays(span, [2026])
    [pause] = dated.pauses_of(Platform.JD)
    assert (pause.start, pause.end) == (date(2026, 2, 13), date(2026, 2, 17))
    # Started inside the notice's pause: the clock waits for its end (18 Feb 00:00).
    assert due(dated) == datetime(2026, 2, 17, 16, 0, tzinfo=UTC) + timedelta(hours=24)


def test_overlapping_pauses_count_their_common_days_once():
    from shopdesk.domain.deadlines import add_length
    rule = RULES.find(Platform.JD, P.AWAITING_SELLER, CaseKind.REFUND_ONLY)
    a = Pause(date(2026, 2, 15), date(2026, 2, 20))
    b = Pause(date(2026, 2, 18), date(2026, 2, 23))
    assert add_length(START, rule, TZ, [a, b]) == START + timedelta(hours=24) + PAUSED


@pytest.mark.parametrize(("text", "where"), [
    ("[[jd.pause]]\nholiday = 'national_day'", "[jd.pause][0].holiday"),
    ("[[jd.pause]]\nholiday = 'spring_festival'\nfrom = 2026-01-01",
     "[jd.pause][0].holiday"),
    ("[[jd.pause]]\nfrom = 2026-02-01\nto = 2026-02-02\ncolour = 1", "[jd.pause][0].colour"),
    ("[[jd.pause]]\nfrom = 2026-02-01\nto = 2026-02-02\nstages = ['nowhere']",
     "[jd.pause][0].stages"),
    ("[[jd.pause]]\nfrom = 2026-02-03\nto = 2026-02-02", "[jd.pause][0]"),
])
def test_a_bad_pause_names_file_and_key(text, where):
    with pytest.raises(DeadlineRulesError) as err:
        apply_override(RULES, tomllib.loads(text), "deadline_rules.toml")
    assert "deadline_rules.toml" in err.value.zh and where in err.value.en


def test_a_shipped_file_may_pause_over_a_holiday():
    rules = parse_platform_file(tomllib.loads("""
platform = "pinduoduo"
[[pause]]
holiday = "spring_festival"
"""), "pinduoduo.toml")
    [pause] = rules.with_holidays(span, [2026]).pauses_of(Platform.PINDUODUO)
    assert pause.applies(P.AWAITING_RETURN) and pause.holiday == "spring_festival"
