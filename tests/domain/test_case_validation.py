from datetime import UTC, datetime
from decimal import Decimal

import pytest

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import CaseKind, Cause, CauseSide, Platform
from shopdesk.domain.errors import ValidationError

GOOD = {"platform": "taobao", "order_no": "3712345678901234567", "kind": "refund_only",
        "amount_paid": "¥59.00", "amount_claimed": "30", "buyer_phone": "138 1234 5678"}


def test_good_fields_make_a_draft():
    d = draft_from_fields(GOOD)
    assert d.platform is Platform.TAOBAO and d.kind is CaseKind.REFUND_ONLY
    assert d.amount_paid == Decimal("59.00") and d.amount_claimed == Decimal("30.00")
    assert d.buyer_phone == "13812345678"


def test_labels_are_accepted_as_well_as_keys():
    d = draft_from_fields({**GOOD, "platform": "拼多多", "kind": "退货退款", "cause": "拍错"})
    assert (d.platform, d.kind, d.cause) == (Platform.PINDUODUO, CaseKind.RETURN_REFUND,
                                             Cause.ORDERED_WRONG)


@pytest.mark.parametrize("field,value", [
    ("order_no", ""), ("order_no", "12 34"), ("amount_paid", "-5"), ("amount_claimed", "1.234"),
    ("buyer_phone", "12345"), ("kind", "refund"), ("platform", "amazon"), ("cause", "bored"),
])
def test_each_bad_field_is_named(field, value):
    with pytest.raises(ValidationError) as info:
        draft_from_fields({**GOOD, field: value})
    assert field in info.value.by_field()
    err = info.value.by_field()[field]
    assert err.zh and err.en


def test_claim_above_paid_is_refused():
    with pytest.raises(ValidationError) as info:
        draft_from_fields({**GOOD, "amount_claimed": "60"})
    assert list(info.value.by_field()) == ["amount_claimed"]


def test_all_errors_reported_at_once():
    with pytest.raises(ValidationError) as info:
        draft_from_fields({"platform": "taobao", "kind": "exchange", "order_no": "",
                           "amount_paid": "-1", "buyer_phone": "x"})
    assert {"order_no", "amount_paid", "buyer_phone"} <= set(info.value.by_field())


def test_due_time_must_be_aware():
    with pytest.raises(ValidationError):
        draft_from_fields({**GOOD, "due_at": datetime(2026, 1, 1)})
    assert draft_from_fields({**GOOD, "due_at": datetime(2026, 1, 1, tzinfo=UTC)}).due_at


def test_every_cause_has_a_side():
    sides = {c.side for c in Cause}
    assert sides == set(CauseSide)
    assert Cause.TRANSIT_DAMAGE.side is CauseSide.COURIER
    assert Cause.ITEM_DEFECTIVE.side is CauseSide.SELLER
