"""Builders for the follow-up, review and refund-speed tests (no tests here)."""

from __future__ import annotations

from decimal import Decimal

from shopdesk.domain.case import Case, CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome, Platform
from shopdesk.domain.workflow import Transition
from shopdesk.services.register import Register


def open_kind(register: Register, kind: CaseKind, *, platform: Platform = Platform.TAOBAO,
              assignee: str = "", order: str = "3712345678901") -> Case:
    draft = CaseDraft(platform=platform, order_no=order, kind=kind, buyer_nick="小蜜蜂",
                      buyer_phone="13812345678", amount_paid=Decimal("59.00"),
                      assignee=assignee)
    return register.cases.open_case(draft, "小王")


def resolve(register: Register, case_id: int, outcome: Outcome = Outcome.RESHIPPED,
            amount: Decimal | None = None) -> Case:
    return register.cases.change_status(
        case_id, Transition(CaseStatus.RESOLVED, outcome=outcome, amount=amount), "小王")
