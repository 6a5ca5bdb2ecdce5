"""A second save of a case someone else changed meanwhile is refused, saying who changed
what (the row version is the case's updated_at); on both back ends."""

from __future__ import annotations

import dataclasses

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.cases import EditConflictError


def _draft(case, **changes) -> CaseDraft:
    base = {f.name: getattr(case, f.name) for f in dataclasses.fields(CaseDraft)}
    return CaseDraft(**{**base, **changes})


def test_the_second_save_is_refused_naming_the_other_person_and_field(register, clock):
    register.staff.add("小李", actor="小王")
    case = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3126112300000000001",
        kind=CaseKind.REFUND_ONLY), "小王")
    opened_by_wang = register.cases.get(case.id)
    opened_by_li = register.cases.get(case.id)
    clock.advance(minutes=1)
    register.cases.update(case.id, _draft(opened_by_li, description="买家说已退回"), "小李",
                          expected_updated_at=opened_by_li.updated_at)
    clock.advance(minutes=1)
    with pytest.raises(EditConflictError) as refused:
        register.cases.update(case.id, _draft(opened_by_wang, buyer_nick="nick2"), "小王",
                              expected_updated_at=opened_by_wang.updated_at)
    assert "小李" in refused.value.zh and "描述" in refused.value.zh
    assert "小李" in refused.value.en
    stored = register.cases.get(case.id)
    assert stored.buyer_nick == "" and stored.description == "买家说已退回"
    # Saving again on top of the version now shown is a knowing overwrite.
    register.cases.update(case.id, _draft(stored, buyer_nick="nick2"), "小王",
                          expected_updated_at=stored.updated_at)
    assert register.cases.get(case.id).buyer_nick == "nick2"
