"""The audit trail as people read it (services/case_audit.py) and the address reveal."""

from datetime import timedelta
from decimal import Decimal

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Cause, Outcome, Platform
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.scripts import HandlingStep
from shopdesk.domain.workflow import Transition
from shopdesk.services.case_audit import audit_lines


def _case(register):
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3712345678901", kind=CaseKind.REFUND_ONLY,
        buyer_nick="小蜜蜂", buyer_phone="13812345678", buyer_address="浙江省杭州市西湖区1号",
        amount_paid=Decimal("59.00"), assignee="小王"), "小王")


def test_reveal_address_returns_it_and_is_audited(register):
    case = _case(register)
    assert register.cases.reveal_address(case.id, "小王") == "浙江省杭州市西湖区1号"
    last = register.cases.audit(case.id)[-1]
    assert (last.action, last.field, last.actor, last.new) == (
        "reveal_address", "buyer_address", "小王", None)


def test_lines_use_labels_shop_time_and_masks(register, clock):
    case = _case(register)
    draft = CaseDraft(**{f: getattr(case, f) for f in CaseDraft.__dataclass_fields__})
    draft.cause = Cause.LATE_SHIPMENT
    draft.buyer_phone = "13900001111"
    register.cases.update(case.id, draft, "小王")
    register.cases.add_note(case.id, "买家说打 13812345678", "小王")
    register.cases.change_status(case.id, Transition(
        CaseStatus.RESOLVED, Outcome.PARTIAL_REFUND, Decimal("20")), "小王")
    register.scripts.tick_step(case.id, HandlingStep.LISTEN, "小王")
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK,
                                     clock.now() + timedelta(hours=5), "小王", text="晚上再打")
    register.promises.break_promise(promise.id, "小王", "买家关机 13812345678")

    zh = audit_lines(register.cases.audit(case.id), "Asia/Shanghai", "zh")
    rows = [(x.when, x.action_label, x.field_label, x.old, x.new) for x in zh]
    assert rows[0] == ("2026-11-23 10:00", "创建案件", "", "", "SD-20261123-0001")
    assert ("2026-11-23 10:00", "已编辑", "原因", "", "延迟发货") in rows
    assert ("2026-11-23 10:00", "已编辑", "手机号", "138****5678", "139****1111") in rows
    assert ("2026-11-23 10:00", "添加备注", "", "", "买家说打 138****5678") in rows
    assert ("2026-11-23 10:00", "状态变更", "状态", "新建", "已解决") in rows
    assert ("2026-11-23 10:00", "状态变更", "结算金额", "", "¥20.00") in rows
    assert ("2026-11-23 10:00", "处理步骤", "耐心倾听", "", "已完成") in rows
    assert ("2026-11-23 10:00", "作出承诺", "承诺 #1", "", "回电 2026-11-23 15:00 晚上再打") in rows
    assert ("2026-11-23 10:00", "承诺未兑现", "承诺 #1", "待兑现", "未兑现：买家关机 138****5678"
            ) in rows

    en = audit_lines(register.cases.audit(case.id), "Europe/London", "en")
    assert en[0].when == "2026-11-23 02:00" and en[0].action_label == "Case created"
    assert ("Edited", "Cause", "Late shipment") in [(x.action_label, x.field_label, x.new)
                                                   for x in en]
    # The stored keys stay beside the labels.
    assert {(x.action, x.field) for x in en} >= {("update", "cause"), ("step", "listen")}
