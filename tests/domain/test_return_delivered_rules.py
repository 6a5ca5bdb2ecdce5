"""A returned parcel's arrival (return_delivered) keeps the checking clock running: where
shared/platform-deadlines.md gives the limit for confirming a return, counted from the
buyer's shipment, the case keeps the due time it had at return_to_check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.domain.deadlines import Anchor, Confidence, DeadlineFacts, DeadlineSource, resolve
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.platform_state import PlatformStage
from tests.domain.test_deadlines import RULES, TZ

P = PlatformStage
SHIPPED = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # the buyer uploads the return: 10:00
ARRIVED = SHIPPED + timedelta(days=3, hours=5)

# The document's 退货签收后卖家确认收货 limit, counted from the buyer's upload (§ of
# platform-deadlines.md): Taobao 10 d (§1.1), Douyin 7 d (§1.4), Kuaishou 7 d (§1.5).
SAME_CLOCK = {Platform.TAOBAO: 10, Platform.DOUYIN: 7, Platform.KUAISHOU: 7}


def due_at(platform: Platform, stage: PlatformStage, since: datetime):
    facts = DeadlineFacts(platform=platform, kind=CaseKind.RETURN_REFUND, stage=stage,
                          stage_since=since, applied_at=SHIPPED - timedelta(days=2),
                          return_shipped_at=SHIPPED)
    return resolve(facts, RULES, TZ)


@pytest.mark.parametrize("platform", list(SAME_CLOCK), ids=lambda p: p.value)
def test_arrival_keeps_the_due_time_of_return_to_check(platform):
    shipped = due_at(platform, P.RETURN_TO_CHECK, SHIPPED)
    delivered = due_at(platform, P.RETURN_DELIVERED, ARRIVED)
    assert shipped.due_at == SHIPPED + timedelta(days=SAME_CLOCK[platform])
    assert delivered.source is DeadlineSource.RULE
    assert delivered.due_at == shipped.due_at
    rule = delivered.rule
    assert (rule.stage, rule.who.value, rule.days) == (P.RETURN_DELIVERED, "seller",
                                                       SAME_CLOCK[platform])
    assert rule.anchor is Anchor.RETURN_SHIPPED
    assert rule.source == shipped.rule.source and rule.confidence is Confidence.MEDIUM
    assert delivered.on_timeout is not None and delivered.on_timeout.en


def test_every_platform_checking_a_return_has_a_clock_once_it_arrives():
    """A case moved to return_delivered must not fall out of the deadline list and the
    reminders where the platform's return_to_check has a clock. (JD and AliExpress have
    neither: the document gives no current limit for confirming a returned parcel.)"""
    for platform in Platform:
        if RULES.find(platform, P.RETURN_TO_CHECK, CaseKind.RETURN_REFUND) is None:
            continue
        assert RULES.find(platform, P.RETURN_DELIVERED, CaseKind.RETURN_REFUND) is not None, \
            platform
        assert due_at(platform, P.RETURN_DELIVERED, ARRIVED).due_at is not None, platform


def test_pinduoduo_still_drops_to_24_hours_after_delivery():
    """Pinduoduo's own rule: the 7 days are cut to 24 h once the return shows delivered."""
    d = due_at(Platform.PINDUODUO, P.RETURN_DELIVERED, ARRIVED)
    assert d.due_at == ARRIVED + timedelta(hours=24)
