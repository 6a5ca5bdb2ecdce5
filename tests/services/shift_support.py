"""Shared by the hand-off tests: a case opened for a buyer, and a scripted four-hour shift."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome, Platform, Priority
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.workflow import Transition

from ..conftest import T0

H = timedelta(hours=1)
MIN = timedelta(minutes=1)


def open_case(register, nick: str, phone: str = "", *, order: str = "3712345678901",
              item: str = "无线蓝牙耳机", description: str = "", due=None,
              kind: CaseKind = CaseKind.REFUND_ONLY, paid: str | None = None):
    draft = CaseDraft(platform=Platform.TAOBAO, order_no=order, kind=kind, buyer_nick=nick,
                      buyer_phone=phone, item_title=item, description=description,
                      due_at=due, amount_paid=Decimal(paid) if paid else None,
                      amount_claimed=Decimal(paid) if paid else None)
    return register.cases.open_case(draft, "小王")


def scripted_shift(register, clock):
    """Cases before the shift, a shift of four hours with changes, promises and calls."""
    clock.set(T0 - 2 * H)
    old = open_case(register, "老客户", order="1000000000001", item="记忆棉枕头")
    waiting = open_case(register, "等回复", order="1000000000002", item="保温杯",
                        due=T0 + 30 * timedelta(minutes=1))
    register.cases.change_status(waiting.id, Transition(CaseStatus.WAITING_BUYER), "小王")
    angry = open_case(register, "暴躁买家", "13900001111", order="1000000000003",
                      item="电热毯", description="买家说电热毯漏电，要打12315")
    refund = open_case(register, "退款买家", order="1000000000004", item="数据线", paid="59.90")
    far = open_case(register, "远期", order="1000000000005", item="地垫")

    clock.set(T0)
    register.shifts.start("小王")
    clock.set(T0 + 10 * timedelta(minutes=1))
    a = open_case(register, "小蜜蜂", "13812345678", order="2000000000001")
    register.cases.change_status(old.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    register.cases.add_note(a.id, "买家要照片再说", "小王")
    clock.set(T0 + 30 * timedelta(minutes=1))
    register.calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王", summary="没人接")
    register.calls.log_call(angry.id, CallOutcome.ASKED_NOT_TO_CALL, "小王")
    register.cases.change_status(refund.id, Transition(CaseStatus.RESOLVED, Outcome.FULL_REFUND,
                                                       Decimal("59.90")), "小王")
    overdue = register.promises.make(a.id, PromiseKind.CALL_BACK, T0 + H, "小王",
                                     text="确认补发时间")
    upcoming = register.promises.make(old.id, PromiseKind.RESHIP, T0 + 6 * H, "小王")
    register.promises.make(far.id, PromiseKind.REFUND, T0 + 14 * H, "小王")
    kept = register.promises.make(old.id, PromiseKind.REPLY, T0 + 2 * H, "小王")
    broken = register.promises.make(a.id, PromiseKind.SEND_TRACKING, T0 + 2 * H, "小王")
    clock.set(T0 + 2 * H)
    register.promises.keep(kept.id, "小王")
    register.promises.break_promise(broken.id, "小王", "仓库没出单号")
    clock.set(T0 + 3.5 * H)  # 13:30: a second attempt, so the next one waits for the gap
    register.calls.log_call(a.id, CallOutcome.REJECTED, "小王")
    clock.set(T0 + 3.75 * H)
    draft = register.cases.get(old.id)
    draft.priority = Priority.URGENT
    register.cases.update(old.id, draft, "小王")
    clock.set(T0 + 4 * H)  # 14:00
    shift = register.shifts.end("小王", "暴躁买家别再打电话；枕头明天补发")
    return shift, dict(old=old, waiting=waiting, angry=angry, refund=refund, far=far, a=a,
                       overdue=overdue, upcoming=upcoming, kept=kept, broken=broken)
