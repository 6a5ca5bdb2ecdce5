"""The case panel: header, masked phone, timeline, notes and the actions on a case."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.workflow import Transition
from shopdesk.ui.dialogs.audit_dialog import AuditDialog
from shopdesk.ui.dialogs.case_form import CaseFormDialog
from shopdesk.ui.dialogs.status_dialog import StatusDialog
from shopdesk.ui.views.case_detail import CaseDetailView

from .ui_support import Operator, choose, make_case, type_text


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    """Enum labels and domain messages in Chinese, whatever the developer's SHOPDESK_LANG."""
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def operator() -> Operator:
    return Operator()


@pytest.fixture
def view(qtbot, register, operator) -> CaseDetailView:
    widget = CaseDetailView(register, operator)
    qtbot.addWidget(widget)
    widget.resize(560, 700)
    with qtbot.waitActive(widget):
        widget.show()
    return widget


def says(view: CaseDetailView, source: str, *args: str) -> str:
    """A timeline phrase as the view words it (in whatever language is installed)."""
    text = view.text.tr(source)
    for i, arg in enumerate(args, 1):
        text = text.replace(f"%{i}", arg)
    return text


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_empty_state_until_a_case_is_shown(view, register):
    assert view.stack.currentWidget() is view.empty and view.empty.isVisible()
    case = make_case(register)
    view.show_case(case.id)
    assert view.current_case_id == case.id
    view.show_case(None)
    assert view.empty.isVisible() and view.current_case_id is None


def test_the_case_page_is_built_with_the_first_case_shown(view, register):
    # A window starts with no case on screen: the page is not on the start path.
    assert not view.page_built
    view.show_case(None)
    assert not view.page_built and view.empty.isVisible()
    case = make_case(register)
    view.show_case(case.id)
    assert view.page_built and view.header.isVisible()
    assert view.call_indicator.case_id == case.id


def test_a_part_of_the_case_page_read_first_builds_it_empty(view, register):
    note = view.note_edit  # e.g. the window asking whether a note is unsaved
    assert view.page_built and note.toPlainText() == ""
    assert view.empty.isVisible() and view.call_indicator.case_id is None
    assert view.evidence_panel.case_id is None and view.unsaved_note() == ""
    with pytest.raises(AttributeError):
        view.no_such_part  # noqa: B018  (a missing name stays missing)


def test_print_on_the_case_page_asks_the_window(qtbot, view, register):
    case = make_case(register)
    view.show_case(case.id)
    with qtbot.waitSignal(view.print_requested):
        click(qtbot, view.print_button)


def test_header_and_facts(view, register):
    case = make_case(register)
    view.show_case(case.id)
    assert view.header.case_no.text() == case.case_no
    assert view.header.case_no.font().pointSizeF() > view.font().pointSizeF()  # read aloud
    assert view.header.badge.text() == "新建"
    assert "退货退款" in view.header.summary.text() and "宝贝有问题" in view.header.summary.text()
    facts = view.facts.values
    assert facts["order_no"].text() == "1234567890123"
    assert facts["shop"].text() == "暖暖家居旗舰店"
    assert facts["amount_paid"].text() == "¥259.00"
    assert facts["buyer_phone"].text() == "138****5678"
    assert facts["due_at"].text() == "—"
    assert view.description.text() == "枕套有破洞，买家已拍照"
    assert not facts["outcome"].isVisible()


def test_overdue_due_time_is_red(view, register, clock):
    case = make_case(register, due_at=clock.now() + timedelta(hours=2))
    view.show_case(case.id)
    assert view.facts.values["due_at"].text() == "2026-11-23 12:00"  # shop time
    assert not view.facts.values["due_at"].styleSheet()
    clock.advance(hours=3)
    view.refresh()
    due = view.facts.values["due_at"]
    assert due.text() == view.facts.tr("%1 (overdue)").replace("%1", "2026-11-23 12:00")
    assert "#c62828" in due.styleSheet()


def test_reveal_phone_is_audited_and_forgotten_on_the_next_case(qtbot, view, register):
    first = make_case(register)
    second = make_case(register, order_no="9876543210", phone="13900001111")
    view.show_case(first.id)
    click(qtbot, view.facts.reveal_button)
    assert view.facts.values["buyer_phone"].text() == "13812345678"
    assert not view.facts.reveal_button.isVisible()
    reveals = [a for a in register.cases.audit(first.id) if a.action == "reveal_phone"]
    assert [(a.actor, a.field) for a in reveals] == [("小王", "buyer_phone")]

    view.refresh()  # same case: stays revealed
    assert view.facts.values["buyer_phone"].text() == "13812345678"
    view.show_case(second.id)
    assert view.facts.values["buyer_phone"].text() == "139****1111"
    view.show_case(first.id)
    assert view.facts.values["buyer_phone"].text() == "138****5678"
    assert view.facts.reveal_button.isVisible()


def test_add_note_appears_on_the_timeline(qtbot, view, register):
    case = make_case(register)
    view.show_case(case.id)
    changed: list[int] = []
    view.changed.connect(changed.append)
    type_text(qtbot, view.note_edit, "已联系买家，等待照片")
    click(qtbot, view.note_button)
    assert view.timeline_texts()[-1].endswith(says(view, "Note: %1", "已联系买家，等待照片"))
    assert "2026-11-23 10:00 · 小王" in view.timeline_texts()[-1]
    assert view.note_edit.toPlainText() == ""
    assert changed == [case.id]

    view.note_edit.setFocus()
    type_text(qtbot, view.note_edit, "second line")
    qtbot.keyClick(view.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = [e.text for e in register.cases.timeline(case.id) if e.type == "note"]
    assert notes == ["已联系买家，等待照片", "second line"]


def test_timeline_reads_in_order_with_status_details(view, register):
    case = make_case(register)
    register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    register.cases.add_note(case.id, "仓库确认收到退货", "小王")
    register.cases.change_status(case.id, Transition(CaseStatus.RESOLVED, Outcome.FULL_REFUND,
                                                     Decimal("259.00")), "小王")
    view.show_case(case.id)
    lines = view.timeline_texts()
    assert lines[0].endswith(says(view, "Case created"))
    assert lines[1].endswith(says(view, "Status: %1 → %2", "新建", "处理中"))
    assert lines[2].endswith(says(view, "Note: %1", "仓库确认收到退货"))
    assert lines[3].endswith(says(view, "Status: %1 → %2", "处理中", "已解决") + "\n"
                             + says(view, "Outcome: %1", "全额退款") + "  ¥259.00")
    assert view.facts.values["outcome"].isVisible()
    assert view.facts.values["amount_settled"].text() == "¥259.00"


def test_without_an_operator_writes_ask_for_one(qtbot, view, register, operator, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a))
    case = make_case(register)
    view.show_case(case.id)
    operator.name = ""
    type_text(qtbot, view.note_edit, "note")
    for button in (view.note_button, view.edit_button, view.status_button,
                   view.delete_button, view.facts.reveal_button):
        view.banner.hide()
        click(qtbot, button)
        assert view.banner.isVisible() and view.banner.text()
    assert view.findChild(CaseFormDialog) is None and view.findChild(StatusDialog) is None
    assert asked == []
    assert [e.type for e in register.cases.timeline(case.id)] == ["created"]
    assert [a.action for a in register.cases.audit(case.id)] == ["create"]

    operator.name = "小王"
    click(qtbot, view.note_button)
    assert not view.banner.isVisible()
    assert view.timeline_texts()[-1].endswith(says(view, "Note: %1", "note"))


def test_edit_opens_the_form_and_refreshes(qtbot, view, register):
    case = make_case(register)
    view.show_case(case.id)
    changed: list[int] = []
    view.changed.connect(changed.append)
    click(qtbot, view.edit_button)
    form = view.findChild(CaseFormDialog)
    assert form is not None and form.isVisible() and form.case_id == case.id
    form.shop.selectAll()
    type_text(qtbot, form.shop, "小鹿数码专营店")
    qtbot.keyClick(form.shop, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert view.facts.values["shop"].text() == "小鹿数码专营店"
    assert view.timeline_texts()[-1].endswith(says(view, "Edited: %1", view.text.field("shop")))
    assert changed == [case.id]


def test_change_status_through_the_dialog(qtbot, view, register):
    case = make_case(register)
    view.show_case(case.id)
    click(qtbot, view.status_button)
    dialog = view.findChild(StatusDialog)
    assert dialog is not None and dialog.isVisible()
    choose(qtbot, dialog.target, "in_progress")
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert view.header.badge.text() == "处理中"
    assert view.timeline_texts()[-1].endswith(says(view, "Status: %1 → %2", "新建", "处理中"))


def test_delete_asks_first_then_moves_to_trash(qtbot, view, register, monkeypatch):
    case = make_case(register)
    view.show_case(case.id)
    changed: list[int] = []
    view.changed.connect(changed.append)
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answer)
    click(qtbot, view.delete_button)
    assert register.cases.count(CaseQuery()) == 1 and view.current_case_id == case.id

    answer = QMessageBox.StandardButton.Yes
    click(qtbot, view.delete_button)
    assert register.cases.count(CaseQuery()) == 0
    assert view.empty.isVisible()
    assert changed == [case.id]

    view.show_case(case.id)  # the trash may still show it: read-only
    assert view.header.trash_badge.isVisible()
    assert not view.edit_button.isEnabled() and not view.note_button.isEnabled()
    assert view.timeline_texts()[-1].endswith(says(view, "Moved to the trash"))


def test_audit_trail_lists_changes_with_phone_masked(qtbot, view, register):
    case = make_case(register)
    view.show_case(case.id)
    click(qtbot, view.edit_button)
    form = view.findChild(CaseFormDialog)
    click(qtbot, form.reveal_button)
    form.buyer_phone.selectAll()
    type_text(qtbot, form.buyer_phone, "13900001111")
    form.order_no.selectAll()
    type_text(qtbot, form.order_no, "5555555555")
    qtbot.keyClick(form.order_no, Qt.Key.Key_Return)

    click(qtbot, view.audit_button)
    audit = view.findChild(AuditDialog)
    assert audit is not None and audit.isVisible()
    rows = audit.rows()
    who_action_field = [(r[0], r[2], r[3]) for r in rows]
    assert who_action_field == [
        ("小王", "创建案件", ""),
        ("小王", "查看了完整手机号", "手机号"),
        ("小王", "已编辑", "订单号"),
        ("小王", "已编辑", "手机号"),
    ]
    assert rows[1][1] == "2026-11-23 10:00"
    assert rows[2][4:] == ["1234567890123", "5555555555"]
    assert rows[3][4:] == ["138****5678", "139****1111"]  # never the full number
    text = "\n".join("\t".join(r) for r in rows)
    assert "13812345678" not in text and "13900001111" not in text
    qtbot.keyClick(audit.table, Qt.Key.Key_Escape)
    assert not audit.isVisible()


def test_the_view_never_leaves_a_dialog_open(qtbot, view, register):
    case = make_case(register)
    view.show_case(case.id)
    click(qtbot, view.status_button)
    dialog = view.findChild(StatusDialog)
    qtbot.keyClick(dialog.target, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.findChild(StatusDialog) is None)  # deleted on close
    assert QApplication.activeModalWidget() is None


def test_the_buyers_application_time_is_shown_and_its_edit_reads_in_shop_time(
        view, register, clock):
    from shopdesk.ui.views.case_detail_text import CaseText

    case = make_case(register, applied_at=clock.now() - timedelta(hours=10))
    view.show_case(case.id)
    assert view.facts.values["applied_at"].text() == "2026-11-23 00:00"  # shop time
    edited = register.cases.update(case.id, _draft(case, applied_at=clock.now()
                                                   - timedelta(hours=8)), "小王")
    [entry] = [e for e in register.cases.audit_log.for_entity("case", edited.id)
               if e.field == "applied_at"]
    text = CaseText("en", register.shop_tz)
    assert text.field(entry.field) == "Buyer asked at"
    assert text.value(entry.field, entry.new) == "2026-11-23 02:00"


def _draft(case, **changes):
    import dataclasses

    from shopdesk.domain.case import CaseDraft

    fields = {f.name: getattr(case, f.name) for f in dataclasses.fields(CaseDraft)}
    return CaseDraft(**{**fields, **changes})


def test_a_calls_agreement_is_on_the_timeline(register, clock):
    from shopdesk.domain.call_policy import CallOutcome
    from shopdesk.ui.views.case_detail_text import CaseText

    case = make_case(register)
    clock.advance(hours=4)  # 14:00 shop time: inside the calling window
    register.calls.log_call(case.id, CallOutcome.CONNECTED, "小王", summary="说明了退款进度",
                            agreed="明天下午3点前回电")
    [call] = [e for e in register.cases.timeline(case.id) if e.type == "call"]
    line = CaseText("en", register.shop_tz).event_line(call.type, call.text, call.data)
    assert line.endswith("\nAgreed: 明天下午3点前回电")
