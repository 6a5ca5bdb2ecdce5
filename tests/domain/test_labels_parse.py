"""LabelledEnum.parse: a key, a Chinese or an English label; the same answer every time
(it remembers the texts it parsed, not the ones it refused)."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import CaseKind


@pytest.mark.parametrize("text", ["退货退款", " 退货退款 ", "return_refund", "RETURN_REFUND",
                                  "Return & refund", "return & REFUND"])
def test_parse_gives_the_same_member_again(text):
    assert CaseKind.parse(text) is CaseKind.RETURN_REFUND
    assert CaseKind.parse(text) is CaseKind.RETURN_REFUND  # remembered: still the same


def test_an_unknown_text_is_refused_every_time():
    CaseKind.parse("仅退款")
    for _ in range(2):
        with pytest.raises(ValueError):
            CaseKind.parse("退款吧")
