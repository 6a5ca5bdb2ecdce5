"""in_batches: long id lists reach SQLite a slice at a time, none lost, none empty."""

from __future__ import annotations

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.storage.batches import BATCH, in_batches


def test_slices_keep_order_and_carry_their_placeholders():
    batches = list(in_batches(range(7), size=3))
    assert batches == [([0, 1, 2], "?, ?, ?"), ([3, 4, 5], "?, ?, ?"), ([6], "?")]


def test_no_values_no_statement():
    assert list(in_batches([])) == []


def test_exactly_one_batch_is_one_statement():
    assert [len(chunk) for chunk, _ in in_batches(list(range(BATCH)))] == [BATCH]


def test_a_fetch_longer_than_a_batch_finds_every_case(register):
    draft = CaseDraft(platform=Platform.TAOBAO, order_no="3712345678901",
                      kind=CaseKind.REFUND_ONLY, buyer_nick="小蜜蜂")
    ids = [register.cases.open_case(draft, "小王").id for _ in range(3)]
    asked = ids + [10_000 + n for n in range(BATCH)]  # unknown ids fill the first slice
    assert sorted(register.cases.fetch(asked)) == ids
