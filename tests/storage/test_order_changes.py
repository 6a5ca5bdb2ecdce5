"""StoredOrder.changed_by tells a re-imported order's changes without merging: it must
agree with merged_with on every pair (empty values keep the old, extra merges by key)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from shopdesk.domain.enums import Platform
from shopdesk.storage.orders import StoredOrder

_text = st.sampled_from(["", "a", "b", "138****5678"])
_extra = st.dictionaries(st.sampled_from(["note", "buyer_message", "shipped_at"]), _text,
                         max_size=3)
_when = st.sampled_from([None, datetime(2026, 11, 20, 2, tzinfo=UTC),
                         datetime(2026, 11, 21, 2, tzinfo=UTC)])
_orders = st.builds(
    StoredOrder, platform=st.just(Platform.TAOBAO), order_no=st.just("3126"),
    buyer_nick=_text, buyer_phone=_text, buyer_address=_text, item_title=_text, sku=_text,
    amount_paid=st.sampled_from([None, Decimal("0"), Decimal("128.00")]), status=_text,
    paid_at=_when, imported_at=_when, extra=_extra)


def _content(order: StoredOrder) -> StoredOrder:
    return replace(order, imported_at=None)


@given(_orders, _orders)
def test_changed_by_agrees_with_a_merge(old, newer):
    assert old.changed_by(newer) == (_content(old.merged_with(newer)) != _content(old))


def test_a_masked_phone_or_an_empty_address_is_no_change():
    old = StoredOrder(Platform.TAOBAO, "1", buyer_phone="13812345678", buyer_address="杭州")
    assert not old.changed_by(StoredOrder(Platform.TAOBAO, "1", buyer_address=""))
    assert old.changed_by(StoredOrder(Platform.TAOBAO, "1", buyer_phone="13900000000"))
