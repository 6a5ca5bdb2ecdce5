"""JD's Spring Festival pause through the register: dated by chinese-calendar, or by the
year the shop entered, replaced by the shop's own dated pause; the settable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.enums import CaseKind, Platform

START = datetime(2026, 2, 14, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai; festival 15–23 Feb


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


def jd_refund(register, order: str = "100012345678"):
    draft = CaseDraft(platform=Platform.JD, order_no=order, kind=CaseKind.REFUND_ONLY,
                      amount_paid=Decimal("59.00"))
    return register.cases.open_case(draft, "小王")


def test_a_jd_deadline_over_spring_festival_is_extended_by_exactly_the_pause(register):
    case = jd_refund(register)
    d = register.deadlines.for_case(case.id)
    assert d.due_at == START + timedelta(hours=24) + timedelta(days=9)
    stored = register.db.execute("SELECT deadline_at FROM cases WHERE id = ?",
                                 [case.id]).fetchone()[0]
    assert stored == "2026-02-24T04:00:00+00:00"
    taobao = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3712345678901", kind=CaseKind.REFUND_ONLY,
        amount_paid=Decimal("59.00")), "小王")
    assert register.deadlines.for_case(taobao.id).due_at == START + timedelta(hours=24)


def test_a_year_the_library_lacks_uses_the_holidays_the_shop_entered(register, clock):
    clock.set(datetime(2027, 2, 4, 4, 0, tzinfo=UTC))  # chinese-calendar 1.11 stops at 2026
    if register.holidays.library.covers(2027):
        pytest.skip("this chinese-calendar already covers 2027")
    case = jd_refund(register)
    assert register.deadlines.for_case(case.id).due_at == clock.now() + timedelta(hours=24)
    register.holidays.set_year(2027, "2027-01-01, 2027-02-05..2027-02-12", "", "店长")
    assert register.deadlines.ensure_current() >= 1  # the dated pause changed the rules
    d = register.deadlines.for_case(case.id)
    assert d.due_at == clock.now() + timedelta(hours=24) + timedelta(days=8)


def test_the_shops_dated_notice_replaces_the_holiday(register):
    path = register.deadlines.ensure_override_file()
    path.write_text('[[jd.pause]]\nfrom = 2026-02-15\nto = 2026-02-17\n'
                    'reason = "京东春节公告"\n', encoding="utf-8")
    case = jd_refund(register)
    d = register.deadlines.for_case(case.id)
    assert d.due_at == START + timedelta(hours=24) + timedelta(days=3)
