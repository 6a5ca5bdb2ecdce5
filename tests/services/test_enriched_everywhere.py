"""A fill from an order (the "enriched" timeline event) reads as one on the hand-off sheet
and in a dispute summary, in both languages, not as the raw event name."""

from __future__ import annotations

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.reports.summary_labels import Labels
from shopdesk.reports.summary_timeline import timeline_content
from tests.services.test_orders import ORDER_HEADER, order_row, write


def _filled_case(register, tmp_path):
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    register.imports.apply(register.imports.read(path), path.name, "小王")
    return register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                              order_no="3126112300000000001",
                                              kind=CaseKind.REFUND_ONLY), "小王")


def test_the_hand_off_sheet_says_what_the_order_filled(register, clock, tmp_path):
    register.shifts.start("小王")
    clock.advance(minutes=5)
    case = _filled_case(register, tmp_path)
    clock.advance(hours=1)
    shift = register.shifts.end("小王", "交班")
    sheet = register.shifts.sheet(shift.id)
    [touched] = [t for t in sheet.touched if t.case.case_no == case.case_no]
    [line] = [c.text for c in touched.changes if "3126112300000000001" in c.text.zh]
    assert line.zh.startswith("从订单 3126112300000000001 补全：") and "买家昵称" in line.zh
    assert line.en.startswith("Filled from order 3126112300000000001: ")
    assert "enriched" not in line.en


def test_the_dispute_summary_names_the_fill(register, tmp_path):
    case = _filled_case(register, tmp_path)
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "enriched"]
    for lang, name, content in (("zh", "从订单补全", "订单 3126112300000000001："),
                                ("en", "Filled from order", "Order 3126112300000000001: ")):
        labels = Labels(lang)
        assert labels.event_type("enriched") == name
        text = timeline_content(event, labels, "Asia/Shanghai", event.at)
        assert text.startswith(content) and labels["sku"] in text
