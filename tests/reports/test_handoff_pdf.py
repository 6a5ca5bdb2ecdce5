"""The hand-off PDF: Chinese case data as real text, phones masked, one or two A4 pages
however busy the shift, cut lists say so."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import OPEN_STATUSES
from shopdesk.domain.promises import PromiseKind
from shopdesk.reports.handoff_pdf import write_handoff_pdf
from shopdesk.services.demo import generate_demo

from ..services.shift_support import scripted_shift


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_pdf_holds_the_chinese_case_data_and_no_full_phone(register, clock, tmp_path):
    shift, c = scripted_shift(register, clock)
    sheet = register.shifts.sheet(shift.id)
    path = tmp_path / "交接.pdf"
    pages = write_handoff_pdf(sheet, path, shift=shift)
    text = "\n".join(pages_of(path.read_bytes()))
    assert pages in (1, 2) and len(PdfReader(path).pages) == pages
    assert round(float(PdfReader(path).pages[0].mediabox.width)) == 595  # A4
    assert "交接班记录" in text and f"第 1 页 / 共 {pages} 页" in text
    for wanted in (c["a"].case_no, "小蜜蜂", "无线蓝牙耳机", "电热毯", "暴躁买家",
                   "承诺已逾期3小时", "回电：确认补发时间", "暴躁买家别再打电话", "不可再拨",
                   "138****5678", "139****1111", "仓库没出单号", "退款/补偿 1 笔"):
        assert wanted in text, wanted
    assert "13812345678" not in text and "13900001111" not in text
    assert "尚未确认" in text


def test_pdf_in_english_with_the_acknowledgement(register, clock):
    shift, _c = scripted_shift(register, clock)
    clock.advance(minutes=10)
    done = register.shifts.acknowledge("小王")
    out = io.BytesIO()
    write_handoff_pdf(register.shifts.sheet(shift.id), out, lang="en", shift=done)
    text = "\n".join(pages_of(out.getvalue()))
    assert "Shift hand-off" in text and "Page 1 of " in text
    assert "own hand-off" in text and "Open cases by urgency" in text


def test_a_busy_shift_still_fits_two_pages_and_says_what_was_left_out(register, clock):
    generate_demo(register, 300, seed=11)
    register.shifts.start("小王")
    ids = register.cases.query_ids(CaseQuery(statuses=OPEN_STATUSES))
    for i, case_id in enumerate(ids[:60]):
        clock.advance(minutes=2)
        register.cases.add_note(case_id, f"第{i}次跟进：买家要求补发，已联系仓库确认库存" * 2,
                                "小王")
        register.promises.make(case_id, PromiseKind.CALL_BACK,
                               clock.now() + timedelta(minutes=20 + 7 * i), "小王",
                               text="确认补发时间和快递单号")
    clock.advance(hours=2)
    shift = register.shifts.end("小王", "双十一返场，退款很多，" * 40)
    sheet = register.shifts.sheet(shift.id)
    assert sheet.open_total > 50 and sheet.touched_total == 60
    out = io.BytesIO()
    pages = write_handoff_pdf(sheet, out, shift=shift)
    texts = pages_of(out.getvalue())
    assert pages == len(texts) == 2
    assert "第 2 页 / 共 2 页" in texts[1]
    joined = "\n".join(texts)
    assert "个案件未列出" in joined and "条未列出" in joined
    assert sheet.open_cases[0].case.case_no in texts[0]  # the most urgent is on page one


def test_phone_numbers_quoted_in_free_text_are_masked_too(register, clock):
    from ..services.shift_support import open_case

    register.shifts.start("小王")
    case = open_case(register, "小蜜蜂", "13812345678", order="2000000000009")
    register.cases.add_note(case.id, "买家说打 13812345678 或者 139-0000-2222 都行", "小王")
    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=1),
                           "小王", text="打 13812345678 回电")
    clock.advance(hours=1)
    shift = register.shifts.end("小王", "小蜜蜂的备用号 13700001234")
    out = io.BytesIO()
    write_handoff_pdf(register.shifts.sheet(shift.id), out, shift=shift)
    text = "\n".join(pages_of(out.getvalue()))
    for full in ("13812345678", "139-0000-2222", "13700001234"):
        assert full not in text
    assert "138****5678" in text and "137****1234" in text


def test_pdf_header_states_the_period_and_the_shift_start_and_lists_work_off_shift(
        register, clock):
    """The scripted shift started at 10:00 on a register worked since 08:00: the PDF says
    what it covers, when the shift started, and lists the 08:00 work in its own section."""
    shift, c = scripted_shift(register, clock)
    sheet = register.shifts.sheet(shift.id)
    out = io.BytesIO()
    write_handoff_pdf(sheet, out, shift=shift)
    text = "\n".join(pages_of(out.getvalue()))
    flat = text.replace("\n", "")  # table cells wrap long lines
    assert "交接范围" in text and "11-22 14:00 – 11-23 14:00（最近 24 小时：此前没有交接）" in flat
    assert "开班时间" in text and "11-23 10:00" in text
    assert "四、无人当班期间：11-22 14:00 – 11-23 10:00（5 个案件）" in flat
    assert "经手人：小王" in text and c["waiting"].case_no in text
    assert "状态：新建 → 等待买家" in flat
    assert "五、电话（3 通）" in text and "六、买家下次可致电时间" in text
    order = [flat.index(x) for x in ("三、本班处理的案件", "四、无人当班期间", "五、电话")]
    assert order == sorted(order)

    out = io.BytesIO()
    write_handoff_pdf(sheet, out, lang="en", shift=shift)
    flat = "\n".join(pages_of(out.getvalue())).replace("\n", " ")
    assert "Covers" in flat and "Shift started" in flat
    assert "the last 24 hours: no earlier hand-off" in flat.replace("  ", " ")
    assert "4. While nobody was on shift: 11-22 14:00 – 11-23 10:00 (5 cases)" in flat


def test_the_imports_of_the_period_have_their_section_before_the_calls(register, clock):
    from tests.importers.helpers import DATA

    shift, _c = scripted_shift(register, clock)  # ended; the next shift imports an export
    register.shifts.start("小王")
    clock.advance(hours=1)
    service = register.imports
    path = DATA / "taobao_refund_gbk.csv"
    service.apply(service.read(path), path.name, "小王", skip_bad_rows=True)
    clock.advance(hours=1)
    ended = register.shifts.end("小王")
    sheet = register.shifts.sheet(ended.id)
    out = io.BytesIO()
    write_handoff_pdf(sheet, out, shift=ended)
    flat = "\n".join(pages_of(out.getvalue())).replace("\n", "")
    assert "四、平台导入（1 次）" in flat and "taobao_refund_gbk.csv" in flat
    assert "新建 3，更新 0，未变 0，跳过 4 行；平台已完结 1" in flat
    order = [flat.index(x) for x in ("三、本班处理的案件", "四、平台导入", "五、电话")]
    assert order == sorted(order)
    out = io.BytesIO()
    write_handoff_pdf(sheet, out, lang="en", shift=ended)
    flat = "\n".join(pages_of(out.getvalue())).replace("\n", " ")
    assert "4. Platform exports imported (1)" in flat
