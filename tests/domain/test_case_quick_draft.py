"""quick_draft returns exactly what draft_from_fields returns, or None (never another draft,
never a draft for fields draft_from_fields refuses)."""

from __future__ import annotations

import itertools
import random
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.case import draft_from_fields, quick_draft
from shopdesk.domain.errors import ValidationError

TZ = ZoneInfo("Asia/Shanghai")
CHOICES: dict[str, list[object]] = {
    "platform": ["taobao", "淘宝", "", "nowhere", None],
    "kind": ["refund_only", "仅退款", "return_refund", "", "odd"],
    "cause": ["", "item_defective", "质量问题", "odd", None],
    "order_no": ["3126112300000000001", " 31261123 ", "", "ab", "a b c", "x" * 70, "A-1_2"],
    "refund_no": ["", "158000000000000001", "bad no!", "r" * 65],
    "buyer_phone": ["", "13812345678", "138-1234-5678", "12345", "+8613812345678"],
    "amount_paid": [None, Decimal("128.00"), Decimal("1.00"), Decimal("1.5"), "", "12",
                    Decimal("NaN"), Decimal("sNaN"), Decimal("-1.00"), Decimal("1.505")],
    "amount_claimed": [None, Decimal("64.50"), Decimal("200.00"), Decimal("0.00")],
    "due_at": [None, datetime(2026, 11, 25, 9, 30, tzinfo=TZ), datetime(2026, 11, 25),
               "tomorrow"],
    "buyer_nick": ["", "小王", "n" * 65, 12],
    "description": ["", " 说明 ", "d" * 5001],
    "customer_type": [None, "", "vip"],
}


def _cases(count: int) -> list[dict[str, object]]:
    rng = random.Random(13)
    out = []
    for _ in range(count):
        out.append({k: rng.choice(v) for k, v in CHOICES.items()})
    # and every value of each field with the others at their first (valid) choice
    base = {k: v[0] for k, v in CHOICES.items()} | {"amount_paid": Decimal("128.00")}
    for key, values in CHOICES.items():
        out.extend({**base, key: value} for value in values)
    return out


@pytest.mark.parametrize("fields", _cases(600))
def test_quick_draft_is_draft_from_fields_or_none(fields):
    try:
        full = draft_from_fields(fields)
    except ValidationError:
        full = None
    quick = quick_draft(fields)
    if quick is not None:
        assert full is not None and quick == full
        assert [str(a) for a in (quick.amount_paid, quick.amount_claimed)] == \
            [str(a) for a in (full.amount_paid, full.amount_claimed)]


def test_quick_draft_takes_the_usual_imported_row():
    fields = {k: v[0] for k, v in CHOICES.items()} | {
        "amount_paid": Decimal("128.00"), "amount_claimed": Decimal("64.50"),
        "cause": "item_defective", "buyer_phone": "138 1234 5678", "due_at": CHOICES["due_at"][1]}
    quick = quick_draft(fields)
    assert quick is not None and quick == draft_from_fields(fields)
    assert quick.buyer_phone == "13812345678"


def test_every_combination_of_two_fields_agrees():
    names = ["platform", "kind", "order_no", "buyer_phone", "amount_paid", "amount_claimed"]
    base = {k: v[0] for k, v in CHOICES.items()}
    for a, b in itertools.combinations(names, 2):
        for va in CHOICES[a]:
            for vb in CHOICES[b]:
                fields = {**base, a: va, b: vb}
                quick = quick_draft(fields)
                if quick is not None:
                    assert quick == draft_from_fields(fields)
