"""The open cases of an order: a second case for the same order is often the same request
opened twice (by two people, or by hand after an import); the form and `cases add` say so."""

from __future__ import annotations

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome, Platform
from shopdesk.domain.workflow import Transition

ORDER = "3126112300000000777"


def _open(register, order=ORDER, platform=Platform.TAOBAO):
    return register.cases.open_case(CaseDraft(platform=platform, order_no=order,
                                              kind=CaseKind.REFUND_ONLY), "小王")


def test_only_live_open_cases_of_the_same_platform_and_order_count(register):
    assert register.cases.open_for_order(Platform.TAOBAO, ORDER) == []
    first = _open(register)
    second = _open(register)
    _open(register, platform=Platform.JD)  # another platform's order of that number
    _open(register, order=ORDER + "1")
    done = _open(register)
    register.cases.change_status(done.id, Transition(CaseStatus.RESOLVED, Outcome.BUYER_WITHDREW),
                                 "小王")
    trashed = _open(register)
    register.cases.delete([trashed.id], "小王")
    found = register.cases.open_for_order(Platform.TAOBAO, f" {ORDER} ")
    assert [c.case_no for c in found] == [first.case_no, second.case_no]
    assert [c.id for c in register.cases.open_for_order(Platform.TAOBAO, ORDER,
                                                        other_than=first.id)] == [second.id]
    assert register.cases.open_for_order(Platform.TAOBAO, "  ") == []
