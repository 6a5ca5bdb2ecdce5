"""How the hand-off sheet words what happened to a case (services/handoff_changes)."""

from __future__ import annotations


def test_a_handling_step_reads_as_a_step_not_as_its_raw_type(register):
    # The sheet printed "step：完成：…" (the event's type and stored text).
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform
    from shopdesk.domain.scripts.steps import HandlingStep
    from shopdesk.services.handoff_changes import describe

    case = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="371234",
                                              kind=CaseKind.REFUND_ONLY), "小王")
    step = next(iter(HandlingStep))
    register.scripts.tick_step(case.id, step, "小王")
    register.scripts.untick_step(case.id, step, "小王")
    done, undone = [e for e in register.cases.timeline(case.id) if e.type == "step"]
    group, text = describe(done, [], "Asia/Shanghai")
    assert (text.zh, text.en) == (f"完成处理步骤：{step.zh}", f"Step done: {step.en}")
    assert describe(undone, [], "Asia/Shanghai")[1].zh == f"取消完成处理步骤：{step.zh}"


def test_what_was_agreed_on_a_call_reaches_the_next_person(register, clock):
    # New-seller walkthrough: 达成的约定 was kept but shown only in the dispute PDF.
    from shopdesk.domain.call_policy import CallOutcome
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform
    from shopdesk.services.handoff_changes import describe

    case = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="371235",
                                              kind=CaseKind.REFUND_ONLY,
                                              buyer_phone="13812345678"), "小王")
    clock.advance(hours=4)  # 14:00 shop time: inside the calling window
    register.calls.log_call(case.id, CallOutcome.CONNECTED, "小王", summary="说明了退款进度",
                            agreed="明天下午3点前回电告知补发单号")
    [call] = [e for e in register.cases.timeline(case.id) if e.type == "call"]
    text = describe(call, [], "Asia/Shanghai")[1]
    assert text.zh.endswith("；约定：明天下午3点前回电告知补发单号")
    assert "; agreed: 明天下午3点前回电告知补发单号" in text.en


def test_the_calls_section_of_the_hand_off_says_what_was_agreed(register, clock):
    # Final walkthrough: section 五 (calls) left out the 约定 that section 四 showed.
    from shopdesk.domain.call_policy import CallOutcome
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform
    from shopdesk.domain.handoff import sheet_from_json, sheet_to_json
    from shopdesk.services.handoff_text import handoff_text

    case = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="371236",
                                              kind=CaseKind.EXCHANGE,
                                              buyer_phone="13812345678"), "小王")
    clock.advance(hours=4)  # 14:00 shop time
    register.shifts.start("小王")
    register.calls.log_call(case.id, CallOutcome.CONNECTED, "小王", summary="买家同意换货",
                            agreed="明天下午补发新地垫")
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王", "").id)
    [call] = sheet.calls
    assert call.agreed == "明天下午补发新地垫"
    assert "买家同意换货 约定：明天下午补发新地垫" in handoff_text(sheet, "zh")
    assert "agreed: 明天下午补发新地垫" in handoff_text(sheet, "en")
    # A sheet stored before calls carried it still reads (no 约定).
    data = sheet_to_json(sheet)
    del data["calls"][0]["agreed"]
    assert sheet_from_json(data).calls[0].agreed == ""
