"""SummaryService: gathering a case for print, masking, full contact with audit, facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from pypdf import PdfReader

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.errors import NotFoundError, ValidationError
from shopdesk.domain.evidence import EvidenceCategory
from shopdesk.domain.promises import PromiseKind, PromiseState
from shopdesk.services.evidence_checklist import OVERRIDE_NAME
from shopdesk.services.summary import SummaryService
from tests.importers.helpers import TAOBAO_REFUND_HEADER, csv_bytes, taobao_refund_row
from tests.services.imports_support import write_refunds

PHONE = "13812345678"
ADDRESS = "浙江省杭州市西湖区文三路100号"


def _open(register, order="3712345678901", nick="小蜜蜂", phone=PHONE):
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no=order, kind=CaseKind.RETURN_REFUND, shop="某某小店",
        buyer_nick=nick, buyer_name="张三丰", buyer_phone=phone, buyer_address=ADDRESS,
        item_title="蓝牙耳机", amount_paid=Decimal("299.00"), amount_claimed=Decimal("299.00"),
        cause=Cause.NOT_AS_DESCRIBED, description="左耳无声"), "小王")


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


def _compact(text: str) -> str:
    return "".join(text.split())


def _summary_audits(register, case_id, action):
    return [a for a in register.cases.audit(case_id) if a.action == action]


@pytest.fixture
def service(register) -> SummaryService:
    return register.summary


def test_contact_details_are_masked_by_default(register, service, tmp_path):
    case = _open(register)
    gathered = service.gather(case.id, actor="小王")
    assert gathered.case.buyer_phone == "138****5678" and not gathered.full_contact
    assert gathered.case.buyer_name == "张**" and "文三路" not in gathered.case.buyer_address
    out = service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王")
    text = _text(out.path)
    assert "138****5678" in text and PHONE not in text and "文三路" not in text
    assert _summary_audits(register, case.id, "summary_full_contact") == []


def test_full_contact_only_when_asked_and_audited_per_case(register, service, tmp_path):
    a = _open(register)
    b = _open(register, order="3712345678902", nick="大鲸鱼", phone="13900001111")
    out = service.write_pdf([a.id, b.id], tmp_path / "full.pdf", actor="小王",
                            full_contact=True)
    text = _text(out.path)
    assert PHONE in text and "13900001111" in text and ADDRESS in text and "张三丰" in text
    assert out.full_contact and out.case_nos == (a.case_no, b.case_no)
    for case in (a, b):
        [audit] = _summary_audits(register, case.id, "summary_full_contact")
        assert audit.actor == "小王" and audit.new == "full.pdf"


def test_printing_needs_an_operator(service, register, tmp_path):
    case = _open(register)
    with pytest.raises(ValidationError):
        service.write_pdf([case.id], tmp_path / "x.pdf", actor=" ", full_contact=True)
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_case_writes_nothing(service, register, tmp_path):
    case = _open(register)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFoundError):
        service.write_pdf([case.id, 9999], out / "x.pdf", actor="小王",
                          facts={case.id: "改过的陈述"})
    assert list(out.iterdir()) == []
    assert service.saved_facts(case.id) is None  # nothing saved either


def test_calls_promises_and_evidence_are_gathered_for_the_timeline(register, service, clock,
                                                                   tmp_path):
    case = _open(register)
    other = _open(register, order="3712345678999")  # same buyer (same phone), other case
    clock.advance(hours=1)
    register.calls.log_call(case.id, CallOutcome.CONNECTED, "小王", duration=125,
                            summary="同意寄回", agreed="收到后退款")
    clock.advance(hours=3)
    register.calls.log_call(other.id, CallOutcome.NO_ANSWER, "小王",
                            override_reason="买家要求此时回电")
    promise = register.promises.make(case.id, PromiseKind.CALL_BACK,
                                     clock.now() + timedelta(hours=2), "小王", "告知结果")
    clock.advance(hours=1)
    register.promises.break_promise(promise.id, "小王", "仓库未反馈")
    photo = tmp_path / "in" / "实物.png"
    photo.parent.mkdir()
    Image.new("RGB", (60, 40), (200, 0, 0)).save(photo)
    register.evidence.add_file(case.id, photo, "小王", caption="左耳",
                               category=EvidenceCategory.ITEM_PHOTO)
    register.evidence.add_waybill(case.id, "顺丰", "SF1234567890123", "小王")

    s = service.gather(case.id, actor="小王")
    types = [e.type for e in s.timeline]
    assert types == ["created", "call", "promise_made", "promise_broken", "evidence_added",
                     "evidence_added"]
    [call] = s.calls
    assert call.call is not None and call.call.duration_seconds == 125
    assert call.call.summary == "同意寄回" and call.call.agreed == "收到后退款"
    made = s.timeline[2]
    assert made.promise is not None and made.promise.state == PromiseState.BROKEN
    assert [e.number for e in s.evidence] == [1, 2]
    assert s.evidence[0].present and s.evidence[0].path is not None
    assert not s.evidence[1].present and s.evidence[1].path is None  # a waybill
    assert any(not item.satisfied for item in s.checklist)
    text = _text(service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path)
    assert "通话 2分05秒" in text and "仓库未反馈" in text and "SF1234567890123" in text
    assert "买家要求此时回电" not in text  # the other case's call stays out


@pytest.mark.local_only("a team register fetches the bytes from the server again")
def test_a_deleted_evidence_file_prints_as_missing(register, service, tmp_path):
    case = _open(register)
    photo = tmp_path / "p.png"
    Image.new("RGB", (30, 30)).save(photo)
    ev = register.evidence.add_file(case.id, photo, "小王", category=EvidenceCategory.ITEM_PHOTO)
    register.evidence.file_path(ev).unlink()
    s = service.gather(case.id, actor="小王")
    assert not s.evidence[0].present
    assert "文件缺失" in _text(service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path)


def test_a_broken_checklist_file_is_reported_on_paper(register, service, tmp_path):
    case = _open(register)
    (register.paths.root / OVERRIDE_NAME).write_text("not = [valid", encoding="utf-8")
    s = service.gather(case.id, actor="小王")
    assert s.checklist == () and OVERRIDE_NAME in s.checklist_problem
    assert "证据清单文件有误" in _text(
        service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path)


def test_default_facts_state_what_the_register_holds(register, service):
    case = _open(register)
    facts = service.default_facts(case.id)
    assert "小蜜蜂" in facts and "3712345678901" in facts and "退货退款" in facts
    assert "¥299.00" in facts and "左耳无声" in facts
    # What happened, not the shop's own classification (卖家原因) of it.
    assert "与描述不符" not in facts and "卖家原因" not in facts
    assert PHONE not in facts
    assert "asked to return the item for a refund on" in service.default_facts(case.id, lang="en")


def test_edited_facts_are_kept_for_reprints_and_audited(register, service, tmp_path, clock):
    case = _open(register)
    assert service.save_facts(case.id, "  买家已签收，包装完好。  ", "小王")
    saved = service.saved_facts(case.id)
    assert saved.facts == "买家已签收，包装完好。" and saved.updated_by == "小王"
    assert service.facts(case.id) == "买家已签收，包装完好。"
    assert not service.save_facts(case.id, "买家已签收，包装完好。", "小王")  # unchanged
    [audit] = _summary_audits(register, case.id, "summary_facts")
    assert audit.new == "买家已签收，包装完好。" and audit.old is None
    text = _text(service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path)
    assert "买家已签收，包装完好。" in text
    # Saving the composed default (or nothing) drops the edit: the text follows the case.
    assert service.save_facts(case.id, service.default_facts(case.id), "小王")
    assert service.saved_facts(case.id) is None
    assert not service.save_facts(case.id, "", "小王")


def test_facts_given_for_a_printing_are_saved_first(register, service, tmp_path):
    case = _open(register)
    service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王", facts={case.id: "新陈述"})
    assert service.facts(case.id) == "新陈述"
    assert "新陈述" in _text(tmp_path / "s.pdf")


def test_overlong_facts_are_refused(register, service):
    case = _open(register)
    with pytest.raises(ValidationError) as refused:
        service.save_facts(case.id, "字" * 20_001, "小王")
    assert "facts" in refused.value.by_field()


def test_a_case_in_the_trash_still_prints_and_says_so(register, service, tmp_path):
    case = _open(register)
    register.cases.delete([case.id], "小王")
    text = _text(service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path)
    assert case.case_no in text and "回收站" in text


def test_the_same_case_twice_prints_once(register, service, tmp_path):
    case = _open(register)
    out = service.write_pdf([case.id, case.id], tmp_path / "s.pdf", actor="小王")
    assert out.case_nos == (case.case_no,) and out.pages == 1


def test_contact_details_in_free_text_are_masked_unless_full(register, service, tmp_path):
    case = _open(register)
    register.cases.add_note(case.id, "张三丰说改打 13812345678 或快递员 13900001111", "小王")
    register.cases.events.add(case.id, register.clock.now(), "导入", "platform_update",
                              f"平台更新：收货地址：— → {ADDRESS}")
    register.promises.make(case.id, PromiseKind.CALL_BACK,
                           register.clock.now() + timedelta(hours=1), "小王",
                           "回电 13812345678")
    text = _text(service.write_pdf([case.id], tmp_path / "m.pdf", actor="小王").path)
    for secret in (PHONE, "13900001111", "文三路", "张三丰"):
        assert secret not in text, secret
    assert "139****1111" in text and "回电 138****5678" in text
    full = _text(service.write_pdf([case.id], tmp_path / "f.pdf", actor="小王",
                                   full_contact=True).path)
    assert "13900001111" in full and "文三路100号" in full and "张三丰说" in full


def test_contact_details_the_case_held_before_an_edit_stay_masked(register, service,
                                                                  tmp_path):
    # The note quotes the landline and address the case had then; the user later changed
    # both. The masker knew only the current values: the old ones printed in full.
    case = _open(register, phone="0571-88881234")
    register.cases.add_note(case.id, f"买家座机 0571 8888 1234，地址 {ADDRESS}，张三丰本人签收",
                            "小王")
    register.cases.update(case.id, replace(register.cases.get(case.id),
                                           buyer_phone="13900001111", buyer_name="李四",
                                           buyer_address="北京市朝阳区建国路1号"), "小王")
    text = _text(service.write_pdf([case.id], tmp_path / "m.pdf", actor="小王").path)
    for secret in ("8888", "文三路", "张三丰", "建国路"):
        assert secret not in text, secret
    assert "0571****1234" in text and "浙江省杭州市****" in text
    full = _text(service.write_pdf([case.id], tmp_path / "f.pdf", actor="小王",
                                   full_contact=True).path)
    assert "0571 8888 1234" in full and "文三路100号" in full


def test_calls_stay_on_the_summary_after_the_nickname_is_filled_in(register, service, clock,
                                                                   tmp_path):
    # The call log's buyer key follows the nickname: a call logged before the nickname was
    # known (or corrected) dropped out of the buyer's list, and with it its summary and
    # the "answered" counts.
    case = _open(register, nick="")
    clock.advance(hours=1)
    register.calls.log_call(case.id, CallOutcome.CONNECTED, "小王", duration=65,
                            summary="同意寄回检测")
    register.cases.update(case.id, replace(register.cases.get(case.id), buyer_nick="小蜜蜂"),
                          "小王")
    s = service.gather(case.id, actor="小王")
    [call] = s.calls
    assert call.call is not None and call.call.summary == "同意寄回检测"
    assert "电话沟通 1 次（接通 1 次）" in service.default_facts(case.id)
    text = _compact(_text(service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path))
    assert "摘要：同意寄回检测" in text and "电话1次（接通1次）" in text


def test_a_case_in_the_trash_prints_an_edited_statement_but_does_not_keep_it(
        register, service, tmp_path):
    # A trashed case is read-only (notes, promises, evidence): the statement too.
    case = _open(register)
    register.cases.delete([case.id], "小王")
    with pytest.raises(ValidationError) as refused:
        service.save_facts(case.id, "改过的陈述", "小王")
    assert "case" in refused.value.by_field()
    out = service.write_pdf([case.id], tmp_path / "s.pdf", actor="小王",
                            facts={case.id: "只为这次打印改的陈述"})
    assert "只为这次打印改的陈述" in _text(out.path)
    assert service.saved_facts(case.id) is None
    assert _summary_audits(register, case.id, "summary_facts") == []


def test_the_summary_prints_warnings_and_the_major_owner(register, service, tmp_path):
    case = _open(register)
    register.cases.add_note(case.id, f"买家说被割伤了，要打12315，电话{PHONE}", "小王")
    register.staff.add("老板", actor="小王")
    register.major.mark(case.id, "老板", "小王", "买家受伤")
    register.major.approve(case.id, Decimal(300), "老板", "小王", note="同意赔付医药费")
    gathered = service.gather(case.id, actor="小王")
    assert [w.rule.value for w in gathered.warnings] == ["safety", "media_threat"]
    out = service.write_pdf([case.id], tmp_path / "w.pdf", actor="小王")
    text = _compact(_text(out.path))
    assert "预警与重大投诉" in text and "重大投诉，负责人：老板" in text
    assert "人身安全/健康" in text and "提到：割伤" in text and "待确认" in text
    assert "批准赔付不超过¥300.00（申请人：小王）" in text and "同意赔付医药费" in text
    assert PHONE not in text


def test_an_acknowledged_warning_prints_who_and_what_was_done(register, service, tmp_path):
    case = _open(register)
    register.cases.add_note(case.id, "买家要找律师", "小王")
    register.warnings.acknowledge(case.id, "小王", "已报告店主")
    out = service.write_pdf([case.id], tmp_path / "a.pdf", actor="小王", lang="en")
    text = _compact(_text(out.path))
    assert "Earlywarningsandmajorcomplaint" in text and "已报告店主" in text
    assert "Notyet" not in text


def test_a_case_without_warnings_has_no_warning_section(register, service, tmp_path):
    case = _open(register)
    out = service.write_pdf([case.id], tmp_path / "n.pdf", actor="小王")
    assert "预警与重大投诉" not in _compact(_text(out.path))


def test_the_statement_dates_the_request_when_the_buyer_asked_not_when_it_was_logged(
        register, service, clock, tmp_path):
    # A Taobao export read days after the buyer asked (退款的申请时间 2026-11-23 09:30).
    clock.advance(days=6)
    path = write_refunds(tmp_path, [taobao_refund_row(1)])
    case_id = register.imports.apply(register.imports.read(path), path.name, "小王"
                                     ).created_ids[0]
    logged = register.cases.get(case_id).created_at.astimezone(ZoneInfo(register.shop_tz))
    assert logged.strftime("%Y-%m-%d") != "2026-11-23"
    assert service.default_facts(case_id).startswith("2026-11-23，买家就淘宝")
    assert service.default_facts(case_id, lang="en").startswith("On 2026-11-23 the buyer")
    # A case typed by hand has no platform time: the day it was logged.
    typed = _open(register)
    assert service.default_facts(typed.id).startswith(logged.strftime("%Y-%m-%d") + "，")


def test_the_pdf_gives_when_the_buyer_asked_the_platform_state_and_evidence_deadline(
        register, service, clock, tmp_path):
    clock.advance(days=6)
    row = taobao_refund_row(1, 退款状态="卖家拒绝退款", 客服介入状态="客服介入中")
    path = tmp_path / "refunds.csv"
    path.write_bytes(csv_bytes([[*TAOBAO_REFUND_HEADER, "举证超时"],
                                [*row, "2026-12-01 23:59:59"]], "gbk"))
    case_id = register.imports.apply(register.imports.read(path), path.name, "小王"
                                     ).created_ids[0]
    for lang, needles in (("zh", ("买家申请时间", "2026-11-23 09:30", "平台状态",
                                  "卖家拒绝退款", "客服介入中")),
                          ("en", ("Buyer asked", "2026-11-23 09:30", "Platform state",
                                  "卖家拒绝退款"))):
        out = service.write_pdf([case_id], tmp_path / f"{lang}.pdf", actor="小王",
                                lang=lang, for_platform=True).path
        flat = _compact(_text(out))
        assert all(_compact(n) in flat for n in needles), (lang, flat[:400])
    assert _compact("举证截止2026-12-0123:59") in _compact(_text(tmp_path / "zh.pdf"))
    assert _compact("Evidence due2026-12-0123:59") in _compact(_text(tmp_path / "en.pdf"))
    # A case typed by hand has none of these: no empty rows for them.
    typed = _open(register)
    flat = _compact(_text(service.write_pdf([typed.id], tmp_path / "t.pdf", actor="小王").path))
    assert "买家申请时间" not in flat and "平台状态" not in flat
