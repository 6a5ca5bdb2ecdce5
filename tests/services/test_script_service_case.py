"""ScriptService on a case: rendering, the handling-step checklist, common-mistake warnings."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import CaseKind, Cause, CustomerType, Platform
from shopdesk.domain.scripts import HandlingStep
from shopdesk.services.scripts import open_script_service

from .script_support import open_case, shop_script


@pytest.fixture
def svc(register, clock):
    return open_script_service(register.db, clock)


def test_render_fills_from_the_case_and_lists_what_is_missing(svc, register):
    case = open_case(register)
    result = svc.render_for_case("return_refund.act.1", case.id)
    assert "T2026112300001" in result.text
    assert result.missing == ["退货地址", "截止时间"]
    done = svc.render_for_case("return_refund.act.1", case.id,
                               {"退货地址": "杭州市西湖区1号", "deadline": "11月30日"})
    assert done.complete and "{" not in done.text and "杭州市西湖区1号" in done.text


def test_render_in_english_names_english_placeholders(svc, register):
    case = open_case(register)
    result = svc.render_for_case("return_refund.act.1", case.id, lang="en")
    assert result.missing == ["return_address", "deadline"]


def test_the_operator_fills_the_agent_when_nobody_is_assigned(svc, register):
    case = open_case(register)
    assert svc.render_for_case("return_refund.respond.1", case.id).missing == ["客服"]
    result = svc.render_for_case("return_refund.respond.1", case.id, agent="小王")
    assert result.complete and "售后小王" in result.text


def test_the_operator_signs_not_the_assignee(svc, register):
    # 小李 covers 小王's case on her shift: the message goes out from her.
    case = open_case(register, assignee="小王")
    assert "售后小王" in svc.render_for_case("return_refund.respond.1", case.id).text
    result = svc.render_for_case("return_refund.respond.1", case.id, agent="小李")
    assert "售后小李" in result.text and "小王" not in result.text
    typed = svc.render_for_case("return_refund.respond.1", case.id, {"客服": "阿珍"},
                                agent="小李")
    assert "售后阿珍" in typed.text


def test_suggestions_follow_the_next_unticked_step(svc, register):
    case = open_case(register, customer_type=CustomerType.ANALYTICAL)
    assert svc.next_step(case.id) is HandlingStep.RESPOND
    assert {s.step for s in svc.suggestions(case.id)} == {HandlingStep.RESPOND}
    svc.tick_step(case.id, HandlingStep.RESPOND, "小王")
    assert svc.next_step(case.id) is HandlingStep.LISTEN
    assert {s.step for s in svc.suggestions(case.id)} == {HandlingStep.LISTEN}
    assert svc.suggestions(case.id)[0].applies_to_kind(case.kind)


def test_tick_step_writes_the_timeline_and_the_audit(svc, register):
    case = open_case(register)
    assert svc.tick_step(case.id, HandlingStep.CLARIFY, "小王") is True
    assert svc.tick_step(case.id, HandlingStep.CLARIFY, "小王") is False
    events = [e for e in register.cases.timeline(case.id) if e.type == "step"]
    assert [e.text for e in events] == ["完成：澄清问题"]
    assert events[0].actor == "小王"
    audit = [a for a in register.cases.audit(case.id) if a.action == "step"]
    assert [(a.field, a.new) for a in audit] == [("clarify", "done")]
    states = {s.step: s for s in svc.steps_for(case.id)}
    assert len(states) == 8 and states[HandlingStep.CLARIFY].done.done_by == "小王"
    assert svc.untick_step(case.id, HandlingStep.CLARIFY, "小王") is True
    assert not any(s.is_done for s in svc.steps_for(case.id))


def test_every_step_done_leaves_no_next_step(svc, register):
    case = open_case(register)
    for state in svc.steps_for(case.id):
        svc.tick_step(case.id, state.step, "小王")
    assert svc.next_step(case.id) is None
    assert svc.suggestions(case.id)  # any step then


def test_warning_when_the_cause_is_seller_side_and_a_note_asks_for_return_shipping(
        svc, register):
    case = open_case(register, cause=Cause.ITEM_DEFECTIVE)
    assert svc.warnings_for(case.id) == []
    register.cases.add_note(case.id, "已告诉买家退回来，运费您承担", "小王")
    warnings = svc.warnings_for(case.id)
    assert [w.rule_id for w in warnings] == ["return_shipping_seller_cause"]
    assert "卖家承担" in warnings[0].message.zh


def test_no_shipping_warning_when_the_buyer_changed_their_mind(svc, register):
    case = open_case(register, cause=Cause.CHANGED_MIND,
                     description="买家不想要了，运费您承担")
    assert not [w for w in svc.warnings_for(case.id) if "shipping" in w.rule_id]


def test_a_chinese_only_shop_script_renders_in_chinese_for_an_english_reader(svc, register):
    svc.add_shop_script(shop_script(text_zh="{买家}您好，您在{平台}的订单{订单号}已发出，运单号{运单号}。",
                                    text_en="", title={"zh": "店铺发货通知"},
                                    tone={"zh": "简短"}), "小王")
    case = open_case(register)
    # Named as written, so `--set 运单号=...` / the placeholder form fit the text.
    assert svc.render_for_case("shop.respond.1", case.id, lang="en").missing == ["运单号"]
    result = svc.render_for_case("shop.respond.1", case.id, {"waybill": "SF1"}, lang="en")
    # The values are the Chinese ones too (淘宝, not Taobao): one language per message.
    assert result.complete
    assert result.text == (f"小美您好，您在{Platform.TAOBAO.label('zh')}的订单"
                           "T2026112300001已发出，运单号SF1。")


def test_notes_recording_that_the_buyer_paid_the_postage_raise_no_warning(svc, register):
    # Past tense: a fact for the record, not a request to the buyer.
    case = open_case(register, cause=Cause.ITEM_DEFECTIVE)
    register.cases.add_note(case.id, "买家已自行垫付运费12元", "小王")
    register.cases.add_note(case.id, "买家说自己付了运费寄回来的", "小王")
    assert svc.warnings_for(case.id) == []
    # A promise in one note does not excuse a request in another.
    register.cases.add_note(case.id, "收到货后我们把运费补给您", "小王")
    register.cases.add_note(case.id, "运费您自己出", "小王")
    assert [w.rule_id for w in svc.warnings_for(case.id)] == ["return_shipping_seller_cause"]


def test_review_and_complaint_follow_ups_need_no_item_and_assume_no_reship(svc, register):
    # The bad-review follow-up asked about "the {item} we resent" on a case with no item
    # (and nothing resent): it was listed with the placeholder in it. (An exchange's or a
    # reship's follow-up is about that item: it asks for it.)
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform
    from shopdesk.domain.followups import DEFAULT_RULES

    for kind in (CaseKind.BAD_REVIEW, CaseKind.COMPLAINT):
        rule = DEFAULT_RULES[kind]
        case = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="3712",
                                                  kind=kind), "小王")
        for lang in ("zh", "en"):
            done = svc.render_for_case(rule.script_id, case.id, lang=lang, agent="小王")
            assert done.complete and "{" not in done.text, (kind, lang, done.missing)
            assert "补发" not in done.text and "resent" not in done.text


def test_a_threat_reply_leads_only_when_the_case_shows_the_threat(register):
    calm = open_case(register, kind=CaseKind.PLATFORM_DISPUTE, cause=Cause.ITEM_DEFECTIVE,
                     description="买家说杯子漏水，已申请平台介入")
    ids = [s.id for s in register.scripts.suggestions(calm.id, HandlingStep.RESPOND)]
    assert ids[0] == "platform_dispute.respond.1"
    assert ids.index("complaint.respond.2") == len(ids) - 1
    loud = open_case(register, kind=CaseKind.PLATFORM_DISPUTE, cause=Cause.ITEM_DEFECTIVE,
                     description="杯子漏水，买家说不退款就打12315投诉")
    ids = [s.id for s in register.scripts.suggestions(loud.id, HandlingStep.RESPOND)]
    assert ids[0] == "complaint.respond.2"
