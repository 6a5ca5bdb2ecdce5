"""Shared builders for the call tests (no tests here; named to sit with them)."""

from __future__ import annotations

from shopdesk.domain.case import Case, CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.holidays import InMemoryHolidayCalendar
from shopdesk.services.calls import CallService
from shopdesk.services.register import Register

# 2026 is "covered" and has no holidays: keeps the tests off chinese-calendar data.
NO_HOLIDAYS = InMemoryHolidayCalendar.of(years=[2025, 2026, 2027])


def call_service(register: Register) -> CallService:
    return CallService(register.db, register.clock, register.settings, NO_HOLIDAYS,
                       shop_tz=register.shop_tz)


def open_case(register: Register, nick: str = "小蜜蜂", phone: str = "13812345678",
              order: str = "3712345678901", platform: Platform = Platform.TAOBAO) -> Case:
    draft = CaseDraft(platform=platform, order_no=order, kind=CaseKind.REFUND_ONLY,
                      buyer_nick=nick, buyer_phone=phone)
    return register.cases.open_case(draft, "小王")
