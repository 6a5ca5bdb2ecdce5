"""A buyer likely abroad (a cross-border platform's, or an international phone number) with
no time zone set is judged in the shop's zone, maybe the middle of their night: every call
decision says so until the buyer's zone is set."""

from __future__ import annotations

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform


def _open(register, platform, phone, order):
    return register.cases.open_case(CaseDraft(platform=platform, order_no=order,
                                              kind=CaseKind.REFUND_ONLY, buyer_nick=order,
                                              buyer_phone=phone), "小王")


def _codes(register, case) -> list[str]:
    return [w.code for w in register.calls.can_call(case.id).warnings]


def test_an_overseas_buyer_without_a_zone_is_flagged_until_it_is_set(register):
    abroad = _open(register, Platform.ALIEXPRESS, "+1 312 555 0100", "8100000001")
    assert "buyer_tz_unknown" in _codes(register, abroad)
    text = register.calls.can_call(abroad.id).warnings[-1].message("zh")
    assert "可能在海外，但未设置时区" in text and "Asia/Shanghai" in text
    register.calls.set_buyer_tz(abroad.id, "America/Chicago", "小王")
    assert "buyer_tz_unknown" not in _codes(register, abroad)


def test_an_international_number_on_a_domestic_platform_is_flagged_too(register):
    assert "buyer_tz_unknown" in _codes(register, _open(register, Platform.TAOBAO,
                                                        "+44 20 7946 0958", "8100000002"))
    for phone in ("13812345678", "+86 138 1234 5678", "+8613912345678"):
        case = _open(register, Platform.TAOBAO, phone, "81000000" + phone[-2:])
        assert "buyer_tz_unknown" not in _codes(register, case), phone
