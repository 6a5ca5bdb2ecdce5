"""The facts statement's first line: what the buyer did, in words that fit the case kind."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from shopdesk.domain.case import Case
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.summary_facts import claimed_amount, compose_facts

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def _case(kind: CaseKind, *, claimed: str | None = "49.00", platform=Platform.TAOBAO) -> Case:
    return Case(platform=platform, order_no="3712345678901", kind=kind, shop="某某小店",
                buyer_nick="tb_差评专家88", item_title="蓝牙耳机", amount_paid=Decimal("49.00"),
                amount_claimed=Decimal(claimed) if claimed is not None else None, id=1,
                case_no="SD-20261120-0001", created_at=T0, created_by="小王")


def _first(case: Case, lang: str) -> str:
    return compose_facts(case, tz="Asia/Shanghai", lang=lang).splitlines()[0]


@pytest.mark.parametrize(("kind", "zh", "en"), [
    (CaseKind.REFUND_ONLY, "申请仅退款", "asked for a refund only on"),
    (CaseKind.RETURN_REFUND, "申请退货退款", "asked to return the item for a refund on"),
    (CaseKind.EXCHANGE, "申请换货", "asked for an exchange on"),
    (CaseKind.RESHIP_REPAIR, "申请补发或维修", "asked for a reshipment or repair on"),
    (CaseKind.BAD_REVIEW, "给出了中差评", "left a bad review on"),
    (CaseKind.COMPLAINT, "发起投诉", "filed a complaint about"),
    (CaseKind.PLATFORM_DISPUTE, "发起平台纠纷", "opened a platform dispute on"),
])
def test_each_kind_has_its_own_verb(kind, zh, en):
    assert f"（蓝牙耳机，实付 ¥49.00）{zh}" in _first(_case(kind), "zh")
    assert f'buyer "tb_差评专家88" {en} Taobao' in _first(_case(kind), "en")
    assert "申请中差评" not in _first(_case(kind), "zh")
    assert "asked for bad review" not in _first(_case(kind), "en")
    assert "asked for complaint" not in _first(_case(kind), "en")


def test_every_kind_has_a_verb():
    for kind in CaseKind:
        assert _first(_case(kind), "zh") and _first(_case(kind), "en")


def test_a_bad_review_claims_no_amount_unless_one_was_really_claimed():
    # The case form copies the amount paid into an empty "claimed": not a claim.
    copied = _case(CaseKind.BAD_REVIEW, claimed="49.00")
    assert claimed_amount(copied) is None
    assert "申请金额" not in _first(copied, "zh") and "¥49.00" in _first(copied, "zh")
    assert "claiming" not in _first(copied, "en")
    assert claimed_amount(_case(CaseKind.BAD_REVIEW, claimed=None)) is None
    real = _case(CaseKind.BAD_REVIEW, claimed="10.00")
    assert claimed_amount(real) == Decimal("10.00")
    assert _first(real, "zh").endswith("给出了中差评，要求赔偿 ¥10.00。")
    assert _first(real, "en").endswith(", asking for ¥10.00.")
    # A refund still says what was applied for.
    assert _first(_case(CaseKind.REFUND_ONLY), "zh").endswith("申请仅退款，申请金额 ¥49.00。")
