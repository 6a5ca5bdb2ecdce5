"""Follow-up rules, review reply windows and the refund-speed maths (plain domain)."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.followups import (
    DEFAULT_RULES,
    FollowupRule,
    due_after,
    parse_days,
    rules_from_setting,
    rules_to_setting,
)
from shopdesk.domain.refund_speed import percentile, speed_rows
from shopdesk.domain.reviews import (
    ReplyWindowDataError,
    Review,
    check_contact_allowed,
    next_window,
    parse_windows,
    reply_windows,
)
from shopdesk.domain.scripts.steps import HandlingStep
from shopdesk.services.script_catalog import load_catalog

RESOURCES = Path(__file__).parents[2] / "resources"
T = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def test_default_rules_cover_every_kind_and_name_a_shipped_follow_up_script():
    library = load_catalog(RESOURCES / "scripts").library
    assert set(DEFAULT_RULES) == set(CaseKind)
    for kind, rule in DEFAULT_RULES.items():
        script = library.get(rule.script_id)
        assert script.step is HandlingStep.FOLLOW_UP and script.applies_to_kind(kind)
    assert DEFAULT_RULES[CaseKind.REFUND_ONLY].days is None  # none for a plain refund
    assert DEFAULT_RULES[CaseKind.EXCHANGE].days == 7


def test_rules_from_setting_ignores_nonsense_and_round_trips():
    rules = rules_from_setting({"exchange": 2, "refund_only": 1, "nope": 3, "complaint": -1,
                                "bad_review": "x", "reship_repair": None})
    assert rules[CaseKind.EXCHANGE].days == 2 and rules[CaseKind.REFUND_ONLY].days == 1
    assert rules[CaseKind.COMPLAINT] == DEFAULT_RULES[CaseKind.COMPLAINT]
    assert rules[CaseKind.RESHIP_REPAIR].days is None
    assert rules_from_setting(rules_to_setting(rules)) == rules
    assert rules_from_setting(None) == DEFAULT_RULES


def test_parse_days_and_due_after():
    assert parse_days(" 7 ") == 7 and parse_days("none") is None and parse_days("无") is None
    with pytest.raises(ValueError):
        parse_days("-1")
    assert due_after(T, FollowupRule(CaseKind.EXCHANGE, 7)) == T + timedelta(days=7)
    assert due_after(T, FollowupRule(CaseKind.EXCHANGE, None)) is None


def _windows():
    with (RESOURCES / "reviews" / "reply_windows.toml").open("rb") as fh:
        return parse_windows(tomllib.load(fh))


def test_shipped_reply_windows_parse_with_their_sources():
    windows = _windows()
    taobao = windows[Platform.TAOBAO]
    assert (taobao.reply_days, taobao.append_reply_days) == (30, 30)
    assert taobao.source.startswith("https://") and taobao.year == 2022
    assert taobao.is_estimate and taobao.note.zh and taobao.note.en


def test_malformed_reply_windows_are_refused():
    with pytest.raises(ReplyWindowDataError):
        parse_windows({"window": [{"platform": "taobao"}]})
    with pytest.raises(ReplyWindowDataError):
        parse_windows({"window": [{"platform": "taobao", "reply_days": 0,
                                   "append_reply_days": 30, "source": "x", "year": 2022,
                                   "confidence": "medium"}]})


def test_review_and_append_windows():
    rule = _windows()[Platform.TAOBAO]
    review = Review(case_id=1, reviewed_at=T, appended_at=T + timedelta(days=40))
    first, second = reply_windows(review, rule)
    assert first.due_at == T + timedelta(days=30)
    assert second.due_at == T + timedelta(days=70)
    assert next_window(review, rule, T + timedelta(days=29)) == first
    assert next_window(review, rule, T + timedelta(days=45)) == second
    assert next_window(review, rule, T + timedelta(days=71)) is None
    assert reply_windows(Review(case_id=1), rule) == []
    assert reply_windows(review, None) == []


def test_contact_cap():
    assert check_contact_allowed(0) == [] and check_contact_allowed(1) == []
    assert check_contact_allowed(2)[0].field == "contacts"


def test_percentile_and_median():
    assert percentile([], 50) is None
    assert percentile([4.0], 90) == 4.0
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([1, 2, 3, 4, 10], 90) == pytest.approx(7.6)
    assert percentile(list(range(1, 11)), 90) == pytest.approx(9.1)
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_rows_slowest_first():
    rows = speed_rows([("a", 1), ("b", 5), ("a", 3)], str.upper)
    assert [(r.key, r.label, r.count, r.median_hours) for r in rows] == [
        ("b", "B", 1, 5), ("a", "A", 2, 2)]
