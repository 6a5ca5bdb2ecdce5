"""Shared helpers for the script service tests (no tests here)."""

from __future__ import annotations

from decimal import Decimal

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform


def open_case(register, *, kind=CaseKind.RETURN_REFUND, cause=Cause.ITEM_DEFECTIVE,
              description: str = "", **extra):
    extra.setdefault("shop", "小店")
    draft = CaseDraft(Platform.TAOBAO, "T2026112300001", kind, buyer_nick="小美",
                      item_title="羊毛围巾", amount_paid=Decimal("89.00"), cause=cause,
                      description=description, **extra)
    return register.cases.open_case(draft, "小王")


def shop_script(script_id: str = "shop.respond.1", text_zh: str = "您好{买家}，收到，马上处理。",
                text_en: str = "Hi {buyer}, got it, on it now.", **over) -> dict:
    data = {
        "id": script_id, "title": {"zh": "店铺自有开场", "en": "Shop opener"},
        "kinds": ["any"], "causes": ["any"], "step": "respond", "channel": "chat",
        "tone": {"zh": "简短", "en": "Brief"}, "text": {"zh": text_zh, "en": text_en},
    }
    data.update(over)
    return data
