"""What the dispute summary says (not how it is laid out): amounts, numbers, sections."""

from __future__ import annotations

import re
from decimal import Decimal

from shopdesk.domain.enums import CaseKind, CaseStatus

from .summary_support import make_case, render, summary


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_bad_review_prints_no_claimed_amount_copied_from_the_amount_paid() -> None:
    case = make_case(kind=CaseKind.BAD_REVIEW, amount_paid=Decimal("49.00"),
                     amount_claimed=Decimal("49.00"), status=CaseStatus.NEW, outcome=None,
                     amount_settled=None)
    _data, pages = render([summary(case)])
    text = _compact("".join(pages))
    assert "实付金额¥49.00" in text and "申请金额—" in text
    refund = make_case(amount_paid=Decimal("49.00"), amount_claimed=Decimal("49.00"))
    assert "申请金额¥49.00" in _compact("".join(render([summary(refund)])[1]))
