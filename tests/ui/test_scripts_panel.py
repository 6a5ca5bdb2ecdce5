"""The scripts panel: pick a suggested reply, copy it, fill placeholders, tick steps."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, CustomerType, Platform
from shopdesk.domain.scripts import HandlingStep
from shopdesk.services.scripts import open_script_service
from shopdesk.ui.views.scripts_panel import ScriptsPanel

SENTINEL = "clipboard before"


@pytest.fixture
def svc(register):
    return open_script_service(register.db, register.clock)


@pytest.fixture
def case(register):
    draft = CaseDraft(Platform.TAOBAO, "T2026112300001", CaseKind.RETURN_REFUND,
                      buyer_nick="小美", item_title="羊毛围巾", amount_paid=Decimal("89.00"),
                      cause=Cause.ITEM_DEFECTIVE, customer_type=CustomerType.ANALYTICAL,
                      shop="小店")
    return register.cases.open_case(draft, "小王")


@pytest.fixture
def panel(qtbot, register, svc, case):
    operator = {"name": "小王"}
    widget = ScriptsPanel(register, svc, lambda: operator["name"])
    widget.operator = operator  # tests switch the operator through this
    qtbot.addWidget(widget)
    widget.resize(560, 700)
    widget.show()
    widget.set_case(case.id)
    QGuiApplication.clipboard().setText(SENTINEL)
    return widget


def _tick(qtbot, panel, step: HandlingStep) -> None:
    box = panel.step_checks[step]
    # The check box only reacts on its indicator and text, not the whole grid cell.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _click_item(qtbot, panel, row: int) -> None:
    item = panel.list.item(row)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_click_a_suggestion_and_copy_puts_the_rendered_text_on_the_clipboard(
        qtbot, panel, svc, case):
    assert panel.current_step() is HandlingStep.RESPOND
    assert panel.script_ids()[0] == "return_refund.respond.1"
    _click_item(qtbot, panel, 0)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    expected = svc.render_for_case("return_refund.respond.1", case.id, agent="小王")
    text = QGuiApplication.clipboard().text()
    assert text == expected.text and "{" not in text
    assert "小王" in text and "T2026112300001" in text
    assert svc.usage() == {"return_refund.respond.1": 1}
    assert panel.placeholder_dialog is None


def test_enter_on_a_list_item_copies_it(qtbot, panel, svc, case):
    ids = panel.script_ids()
    complete = next(i for i, sid in enumerate(ids)
                    if svc.render_for_case(sid, case.id, agent="小王").complete and i > 0)
    panel.list.setFocus()
    panel.list.setCurrentRow(complete)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    expected = svc.render_for_case(ids[complete], case.id, agent="小王").text
    assert QGuiApplication.clipboard().text() == expected
    assert "{" not in expected


def test_missing_placeholders_open_the_fill_in_dialog_and_block_copying(qtbot, panel, svc):
    panel.step_combo.setCurrentIndex(panel.step_combo.findData("act"))
    panel.step_combo.activated.emit(panel.step_combo.currentIndex())
    row = panel.script_ids().index("return_refund.act.1")
    _click_item(qtbot, panel, row)
    assert "{退货地址}" in panel.missing.text()
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    dialog = panel.placeholder_dialog
    assert dialog is not None and dialog.isVisible()
    assert list(dialog.edits) == ["退货地址", "截止时间"]
    assert QGuiApplication.clipboard().text() == SENTINEL
    assert not dialog.ok_button.isEnabled()
    dialog.edits["退货地址"].insert("杭州市西湖区文三路1号")  # keyClicks aborts on CJK text
    qtbot.keyClick(dialog.edits["退货地址"], Qt.Key.Key_Return)  # one still empty: stays open
    assert dialog.isVisible() and QGuiApplication.clipboard().text() == SENTINEL
    assert svc.usage() == {}
    qtbot.keyClicks(dialog.edits["截止时间"], "11-30 18:00")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert "杭州市西湖区文三路1号" in text and "11-30 18:00" in text and "{" not in text
    assert svc.usage() == {"return_refund.act.1": 1}
    # The values are remembered for this case: the next copy needs no dialog.
    QGuiApplication.clipboard().setText(SENTINEL)
    assert panel.copy_current() is True and panel.placeholder_dialog is None


def test_cancelling_the_fill_in_dialog_copies_nothing(qtbot, panel):
    panel.step_combo.setCurrentIndex(panel.step_combo.findData("act"))
    panel.step_combo.activated.emit(panel.step_combo.currentIndex())
    panel.list.setCurrentRow(panel.script_ids().index("return_refund.act.1"))
    assert panel.copy_current() is False
    panel.placeholder_dialog.reject()
    assert QGuiApplication.clipboard().text() == SENTINEL


def test_ticking_a_step_writes_the_timeline_and_moves_to_the_next_step(
        qtbot, panel, register, case, svc):
    with qtbot.waitSignal(panel.changed):
        _tick(qtbot, panel, HandlingStep.RESPOND)
    assert [e.text for e in register.cases.timeline(case.id) if e.type == "step"] == [
        "完成：快速反应"]
    assert panel.current_step() is HandlingStep.LISTEN
    assert panel.script_ids()
    assert {svc.get(sid).step for sid in panel.script_ids()} == {HandlingStep.LISTEN}


def test_ticking_without_an_operator_changes_nothing(qtbot, panel, register, case):
    panel.operator["name"] = ""
    _tick(qtbot, panel, HandlingStep.RESPOND)
    assert not panel.step_checks[HandlingStep.RESPOND].isChecked()
    assert not [e for e in register.cases.timeline(case.id) if e.type == "step"]
    assert panel.notice.isVisible()


def test_warnings_and_customer_type_tips(qtbot, panel, register, case):
    assert not panel.warnings.isVisible()
    # Tips fold away with the steps (a laptop needs the room for the script).
    assert not panel.tips.isVisible()
    qtbot.mouseClick(panel.steps_section.toggle, Qt.MouseButton.LeftButton)
    assert panel.tips.isVisible() and "分析型" in panel.tips.text()
    register.cases.add_note(case.id, "跟买家说了，运费您承担", "小王")
    panel.refresh()
    assert panel.warnings.isVisible() and "卖家承担" in panel.warnings.text()


def test_no_case_shows_the_empty_state(qtbot, panel):
    panel.set_case(None)
    assert panel.empty.isVisible() and not panel.body.isVisible()


def test_a_dispute_without_a_threat_leads_with_the_cooperative_reply(qtbot, panel, register):
    draft = CaseDraft(Platform.PINDUODUO, "240512000002", CaseKind.PLATFORM_DISPUTE,
                      buyer_nick="多多", cause=Cause.ITEM_DEFECTIVE,
                      description="杯子漏水，买家已申请平台介入")
    case = register.cases.open_case(draft, "小王")
    panel.set_case(case.id)
    assert panel.current_step() is HandlingStep.RESPOND
    assert panel.list.item(0).text() == "平台已介入：表态配合"
    assert panel.script_ids()[-1] == "complaint.respond.2"
    # The buyer's threat, noted on the case, brings the reply written for it to the top.
    register.cases.add_note(case.id, "买家说今天不解决就找媒体曝光", "小王")
    panel.refresh()
    assert panel.list.item(0).text() == "买家扬言投诉12315或找媒体"
    assert "12315" in panel.preview.toPlainText()
