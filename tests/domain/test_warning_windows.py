"""The window counts of the neighbour rules, against a plain recount (pure domain)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from shopdesk.domain.enums import CaseKind, CaseStatus, Cause
from shopdesk.domain.warnings import CaseFacts, ClosedSince, Neighbourhood, WarningRules, evaluate
from shopdesk.domain.warnings.rules import RuleKey

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def case(case_id: int, at: datetime, buyer: str, *, closed: datetime | None = None,
         cause: Cause = Cause.ITEM_DEFECTIVE) -> CaseFacts:
    return CaseFacts(case_id=case_id, platform="taobao", buyer_nick=buyer, product="SKU-1",
                     cause=cause, kind=CaseKind.REFUND_ONLY,
                     status=CaseStatus.RESOLVED if closed else CaseStatus.NEW,
                     created_at=at, closed_at=closed)


def recount(cases: list[CaseFacts], at: datetime, span: timedelta) -> int:
    """Most distinct buyers in a window [start, start + span] holding `at`, trying every
    case's time as the start."""
    best = 0
    for c in cases:
        if at - span <= c.created_at <= at:
            end = c.created_at + span
            best = max(best, len({x.buyer_nick for x in cases
                                  if c.created_at <= x.created_at <= end}))
    return best


def test_densest_window_matches_a_plain_recount():
    rnd = random.Random(14)
    for _ in range(30):
        cases = [case(i, NOW - timedelta(hours=rnd.randrange(0, 24 * 30)),
                      f"b{rnd.randrange(8)}") for i in range(rnd.randrange(1, 40))]
        group = Neighbourhood(cases).fault_group(cases[0])
        assert group is not None
        for c in cases:
            assert group.densest(c.created_at, timedelta(days=7), "buyer") == \
                recount(cases, c.created_at, timedelta(days=7))


def test_closed_since_counts_the_old_ones_and_each_later_one():
    counted = ClosedSince(NOW - timedelta(days=10), 2,
                          (NOW - timedelta(days=5), NOW - timedelta(days=1)))
    assert counted.by(NOW - timedelta(days=10)) == 2
    assert counted.by(NOW - timedelta(days=5)) == 3  # closed at that moment: counted
    assert counted.by(NOW) == 4


def test_counts_given_by_the_storage_replace_the_loaded_cases():
    subject = case(1, NOW - timedelta(hours=1), "b1")
    rules = WarningRules(enabled=frozenset(RuleKey))
    alone = Neighbourhood([subject])
    assert {r.rule for r in evaluate(subject, alone, rules, NOW)} == {RuleKey.NEW_PRODUCT}
    closed = {("SKU-1", Cause.ITEM_DEFECTIVE): ClosedSince(NOW - timedelta(days=2), 2)}
    told = Neighbourhood([subject], closed=closed,
                         first_seen={"SKU-1": NOW - timedelta(days=90)})
    assert {r.rule for r in evaluate(subject, told, rules, NOW)} == {RuleKey.RECURRING_FAULT}
