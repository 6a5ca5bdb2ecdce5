"""What a screen may show of a case comes from the service masked; the full phone and
address come only from an explicit reveal, which is audited."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.errors import NotFoundError, ValidationError

PHONE = "13812345678"
ADDRESS = "浙江省杭州市西湖区文三路 100 号 3 栋 502"


@pytest.fixture
def case(register):
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3712345678901", kind=CaseKind.REFUND_ONLY,
        buyer_nick="小蜜蜂", buyer_name="张三丰", buyer_phone=PHONE, buyer_address=ADDRESS,
        amount_paid=Decimal("59.00"), amount_claimed=Decimal("59.00")), "小王")


def reveals(register, case_id):
    return [(a.actor, a.action, a.field) for a in register.cases.audit(case_id)
            if a.action.startswith("reveal")]


def test_the_screen_case_has_phone_and_address_masked(register, case):
    shown = register.cases.get_for_screen(case.id)
    assert shown.buyer_phone == "138****5678"
    assert shown.buyer_address == "浙江省杭州市****"
    # What the case panel showed in full before stays in full; the data is untouched.
    assert (shown.buyer_name, shown.buyer_nick, shown.order_no) == ("张三丰", "小蜜蜂",
                                                                   "3712345678901")
    assert register.cases.get(case.id).buyer_phone == PHONE
    assert register.cases.for_screen(case) == shown
    assert reveals(register, case.id) == []  # showing masked is no reveal


def test_an_empty_phone_or_address_stays_empty(register):
    bare = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3712345678902", kind=CaseKind.REFUND_ONLY,
        buyer_nick="小蜜蜂"), "小王")
    shown = register.cases.get_for_screen(bare.id)
    assert (shown.buyer_phone, shown.buyer_address) == ("", "")


def test_a_trashed_case_is_shown_masked_only_when_asked_for(register, case):
    register.cases.delete([case.id], "小王")
    with pytest.raises(NotFoundError):
        register.cases.get_for_screen(case.id)
    assert register.cases.get_for_screen(case.id, include_deleted=True).buyer_phone == \
        "138****5678"


def test_revealing_gives_the_full_value_and_is_audited(register, case):
    assert register.cases.reveal_phone(case.id, "小李") == PHONE
    assert register.cases.reveal_address(case.id, "小王") == ADDRESS
    assert reveals(register, case.id) == [("小李", "reveal_phone", "buyer_phone"),
                                         ("小王", "reveal_address", "buyer_address")]
    with pytest.raises(ValidationError):
        register.cases.reveal_address(case.id, "")  # nobody at the keyboard: no reveal


def test_the_screen_audit_trail_masks_changed_phones_and_addresses(register, case):
    changed = register.cases.get(case.id)
    changed.buyer_phone = "13900001111"
    changed.buyer_address = "上海市浦东新区世纪大道 1 号"
    changed.item_title = "保温杯"
    register.cases.update(case.id, changed, "小王")
    shown = {a.field: (a.old, a.new) for a in register.cases.audit_for_screen(case.id)
             if a.action == "update"}
    assert shown == {"buyer_phone": ("138****5678", "139****1111"),
                     "buyer_address": ("浙江省杭州市****", "上海市浦东新****"),
                     "item_title": ("", "保温杯")}
    stored = {a.field: (a.old, a.new) for a in register.cases.audit(case.id)
              if a.action == "update"}
    assert stored["buyer_phone"] == (PHONE, "13900001111")
