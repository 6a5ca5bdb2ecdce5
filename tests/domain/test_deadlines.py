"""Deadline rules, stages and the resolution: platform wins, rule fills in, manual beside."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.deadlines import (
    DeadlineFacts,
    DeadlineRulesError,
    DeadlineSource,
    Pause,
    RuleSet,
    StageOrigin,
    StageState,
    add_length,
    apply_override,
    current_stage,
    derive_stage,
    merge,
    parse_platform_file,
    resolve,
)
from shopdesk.domain.enums import CaseKind, CaseStatus, Platform
from shopdesk.domain.platform_state import PlatformStage
from shopdesk.paths import resource_path

P = PlatformStage
T = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
TZ = "Asia/Shanghai"


def shipped() -> RuleSet:
    folder = resource_path("deadlines")
    return merge([parse_platform_file(tomllib.loads(p.read_text("utf-8")), p.name)
                  for p in sorted(folder.glob("*.toml"))])


def facts(**kw) -> DeadlineFacts:
    base = dict(platform=Platform.TAOBAO, kind=CaseKind.REFUND_ONLY,
                stage=P.AWAITING_SELLER, stage_since=T, applied_at=T)
    base.update(kw)
    return DeadlineFacts(**base)


RULES = shipped()


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: r.key)
def test_every_shipped_rule_gives_its_stage_a_deadline(rule):
    kind = rule.kinds[0] if rule.kinds else CaseKind.RETURN_REFUND
    # A kind a more specific rule of the same stage would catch first is not this rule's.
    if RULES.find(rule.platform, rule.stage, kind) is not rule:
        pytest.skip("shadowed for this kind")
    d = resolve(facts(platform=rule.platform, kind=kind, stage=rule.stage,
                      return_shipped_at=T), RULES, TZ)
    expected = T + (timedelta(days=rule.days) if rule.days else timedelta(hours=rule.hours))
    assert d.source is DeadlineSource.RULE
    assert d.due_at == expected
    assert d.rule is rule
    assert d.on_timeout is not None and d.on_timeout.zh
    assert rule.source and rule.confidence


def test_on_timeout_names_the_amount():
    d = resolve(facts(amount=Decimal("59.00")), RULES, TZ)
    assert d.on_timeout.zh == "平台将自动退款 ¥59.00"
    assert "¥59.00" in d.on_timeout.en
    assert d.due_at == T + timedelta(hours=24)


def test_imported_timeout_wins_over_the_rule_and_manual_is_shown_beside():
    platform_due = T + timedelta(hours=5)
    d = resolve(facts(platform_stage=P.AWAITING_SELLER, platform_deadline=platform_due,
                      due_at=platform_due), RULES, TZ)
    assert (d.due_at, d.source) == (platform_due, DeadlineSource.PLATFORM)
    assert d.manual_due_at is None
    mine = T + timedelta(hours=2)
    d = resolve(facts(platform_stage=P.AWAITING_SELLER, platform_deadline=platform_due,
                      due_at=mine), RULES, TZ)
    assert (d.due_at, d.source, d.manual_due_at) == (platform_due, DeadlineSource.PLATFORM,
                                                     mine)


def test_evidence_deadline_wins_while_the_platform_intervenes():
    evidence = T + timedelta(days=2)
    d = resolve(facts(stage=P.PLATFORM_INTERVENTION, platform_stage=P.PLATFORM_INTERVENTION,
                      platform_deadline=T + timedelta(days=9),
                      platform_evidence_deadline=evidence), RULES, TZ)
    assert (d.due_at, d.source) == (evidence, DeadlineSource.PLATFORM)


def test_platform_deadline_no_longer_applies_once_the_stage_moved():
    d = resolve(facts(stage=P.AWAITING_RETURN, kind=CaseKind.RETURN_REFUND,
                      platform_stage=P.AWAITING_SELLER, platform_deadline=T), RULES, TZ)
    assert d.source is DeadlineSource.RULE
    assert d.due_at == T + timedelta(days=7)


def test_rule_beats_manual_which_is_kept_and_manual_alone_is_the_deadline():
    mine = T + timedelta(hours=3)
    d = resolve(facts(due_at=mine), RULES, TZ)
    assert d.source is DeadlineSource.RULE and d.manual_due_at == mine
    d = resolve(facts(kind=CaseKind.COMPLAINT, stage=None, due_at=mine), RULES, TZ)
    assert (d.due_at, d.source) == (mine, DeadlineSource.MANUAL)
    d = resolve(facts(platform=Platform.OTHER, due_at=None), RULES, TZ)
    assert d.due_at is None and d.source is None


def test_finished_stage_has_no_deadline():
    assert resolve(facts(stage=P.REFUNDED), RULES, TZ).due_at is None


def test_low_confidence_is_an_estimate():
    rule = RULES.find(Platform.PINDUODUO, P.AWAITING_SELLER, CaseKind.REFUND_ONLY)
    assert rule.estimate and rule.length_text() == "约48小时"
    assert rule.length_text("en") == "about 48 h"
    d = resolve(facts(platform=Platform.PINDUODUO), RULES, TZ)
    assert d.estimate


def test_days_cross_midnight_on_the_shop_clock():
    rule = RULES.find(Platform.TAOBAO, P.AWAITING_RETURN, CaseKind.RETURN_REFUND)
    start = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # 23:30 Shanghai
    end = add_length(start, rule, TZ)
    assert end == datetime(2026, 11, 30, 15, 30, tzinfo=UTC)


def test_from_midnight_counts_from_the_next_local_midnight():
    base = RULES.find(Platform.PINDUODUO, P.RETURN_DELIVERED, CaseKind.RETURN_REFUND)
    from dataclasses import replace
    rule = replace(base, hours=72, from_midnight=True)
    start = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # 23:30 on the 23rd in Shanghai
    # 0:00 on the 24th Shanghai = 16:00 UTC on the 23rd; + 72 h.
    assert add_length(start, rule, TZ) == datetime(2026, 11, 26, 16, 0, tzinfo=UTC)


def test_dst_zone_days_keep_the_wall_clock_hours_keep_elapsed_time():
    ny = "America/New_York"
    start = datetime(2026, 3, 7, 15, 0, tzinfo=UTC)  # 10:00 EST, the day before DST
    days = RULES.find(Platform.TAOBAO, P.AWAITING_RETURN, CaseKind.RETURN_REFUND)
    from dataclasses import replace
    one_day = replace(days, days=1)
    end = add_length(start, one_day, ny)
    assert end == datetime(2026, 3, 8, 14, 0, tzinfo=UTC)  # 10:00 EDT: 23 h later
    hours = replace(days, days=0, hours=24)
    assert add_length(start, hours, ny) == start + timedelta(hours=24)
    autumn = datetime(2026, 10, 31, 14, 0, tzinfo=UTC)  # 10:00 EDT
    assert add_length(autumn, one_day, ny) - autumn == timedelta(hours=25)


def test_pause_pushes_the_deadline_out():
    rule = RULES.find(Platform.JD, P.AWAITING_RETURN, CaseKind.RETURN_REFUND)  # 7 days
    start = datetime(2027, 2, 1, 2, 0, tzinfo=UTC)
    pause = Pause(date(2027, 2, 4), date(2027, 2, 6))  # 3 local days
    assert add_length(start, rule, TZ, [pause]) == start + timedelta(days=10)
    inside = datetime(2027, 2, 5, 2, 0, tzinfo=UTC)  # starts in the pause: waits for its end
    end = add_length(inside, rule, TZ, [pause])
    assert end == datetime(2027, 2, 6, 16, 0, tzinfo=UTC) + timedelta(days=7)


def test_override_changes_key_by_key_and_adds_rules():
    data = tomllib.loads("""
[taobao.refund_unshipped]
hours = 12
[pinduoduo.reship]
stage = "awaiting_reship"
who = "seller"
hours = 48
on_timeout = "买家可申请介入"
""")
    rules = apply_override(RULES, data, "deadline_rules.toml")
    r = rules.find(Platform.TAOBAO, P.AWAITING_SELLER, CaseKind.REFUND_ONLY)
    assert (r.hours, r.days, r.overridden) == (12, 0, True)
    assert r.source  # untouched keys kept
    added = rules.find(Platform.PINDUODUO, P.AWAITING_RESHIP, CaseKind.EXCHANGE)
    assert added is not None and added.hours == 48


@pytest.mark.parametrize(("text", "where"), [
    ("[taobao.refund_unshipped]\nhours = -1", "[taobao.refund_unshipped].hours"),
    ("[taobao.refund_unshipped]\nstage = 'nowhere'", "[taobao.refund_unshipped].stage"),
    ("[taobao.refund_unshipped]\ncolour = 1", "[taobao.refund_unshipped].colour"),
    ("[mars.x]\nhours = 1", "[mars]"),
    ("[taobao.new_one]\nhours = 1", "[taobao.new_one].stage"),
])
def test_bad_override_names_file_and_key(text, where):
    with pytest.raises(DeadlineRulesError) as err:
        apply_override(RULES, tomllib.loads(text), "deadline_rules.toml")
    assert "deadline_rules.toml" in err.value.zh and where in err.value.zh
    assert where in err.value.en


@pytest.mark.parametrize(("kind", "status", "stage"), [
    (CaseKind.REFUND_ONLY, CaseStatus.NEW, P.AWAITING_SELLER),
    (CaseKind.RETURN_REFUND, CaseStatus.WAITING_BUYER, P.AWAITING_RETURN),
    (CaseKind.REFUND_ONLY, CaseStatus.WAITING_BUYER, P.AWAITING_BUYER),
    (CaseKind.PLATFORM_DISPUTE, CaseStatus.NEW, P.PLATFORM_EVIDENCE),
    (CaseKind.BAD_REVIEW, CaseStatus.IN_PROGRESS, P.REVIEW_REPLY),
    (CaseKind.COMPLAINT, CaseStatus.NEW, None),
    (CaseKind.EXCHANGE, CaseStatus.RESOLVED, P.COMPLETED),
    (CaseKind.EXCHANGE, CaseStatus.CLOSED, P.CLOSED),
])
def test_stage_derived_from_kind_and_status(kind, status, stage):
    assert derive_stage(kind, status) is stage


def test_current_stage_keeps_user_stage_takes_platform_moves():
    later = T + timedelta(hours=5)
    fresh = StageState(None, StageOrigin.DERIVED, None)
    s = current_stage(fresh, kind=CaseKind.RETURN_REFUND, status=CaseStatus.NEW,
                      platform_stage=None, now=later, started=T)
    assert (s.stage, s.origin, s.since) == (P.AWAITING_SELLER, StageOrigin.DERIVED, T)
    user = StageState(P.RETURN_TO_CHECK, StageOrigin.USER, later)
    s = current_stage(user, kind=CaseKind.RETURN_REFUND, status=CaseStatus.NEW,
                      platform_stage=None, now=later + timedelta(hours=1), started=T)
    assert s == user
    # An import moving the platform's stage wins, and its clock starts then.
    s = current_stage(user, kind=CaseKind.RETURN_REFUND, status=CaseStatus.IN_PROGRESS,
                      platform_stage=P.RETURN_DELIVERED, now=later + timedelta(hours=2),
                      started=T)
    assert (s.stage, s.origin, s.since) == (P.RETURN_DELIVERED, StageOrigin.PLATFORM,
                                            later + timedelta(hours=2))
    # The same platform stage again (a re-import) does not undo a later user move.
    synced = StageState(P.REFUNDING, StageOrigin.USER, later, P.RETURN_DELIVERED)
    s = current_stage(synced, kind=CaseKind.RETURN_REFUND, status=CaseStatus.IN_PROGRESS,
                      platform_stage=P.RETURN_DELIVERED, now=later, started=T)
    assert s.stage is P.REFUNDING
    # Resolving finishes the stage.
    s = current_stage(synced, kind=CaseKind.RETURN_REFUND, status=CaseStatus.RESOLVED,
                      platform_stage=P.RETURN_DELIVERED, now=later, started=T)
    assert s.stage is P.COMPLETED
