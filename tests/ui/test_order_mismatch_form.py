"""The case form asks before saving a case whose order number belongs to another buyer in
the imported orders (a typo, most often): No goes back to the order number with nothing
saved; Yes saves it as typed, filled from nothing, and the timeline says why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.ui.dialogs.case_form import CaseFormDialog
from shopdesk.ui.dialogs.import_dialog import ImportDialog
from shopdesk.ui.views.case_detail_text import CaseText
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import write_refunds_with_nicks
from tests.services.test_orders import ORDER_HEADER, order_row, write

from .test_case_form import open_form
from .ui_support import type_text

ORDER_1 = "3126112300000000001"  # buyer tb_buyer_1
ORDER_7 = "3126112300000000007"  # taobao_refund_row(7)


def _previewed(qtbot, register, tasks, path) -> str:
    """The import dialog's status line once it previewed `path`."""
    dialog = ImportDialog(register, "小王", tasks, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.is_busy(), timeout=10_000)
    return dialog.status.text()


def _known_orders(register, tmp_path):
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    register.imports.apply(register.imports.read(path), path.name, "小王")


def test_no_goes_back_to_the_order_number_and_saves_nothing(qtbot, register, tmp_path, boxes,
                                                           chinese_ui):
    _known_orders(register, tmp_path)
    before = register.cases.store.total()
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, ORDER_1)
    type_text(qtbot, dialog.buyer_nick, "张三")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(dialog.buyer_nick, Qt.Key.Key_Return)
    [(kind, text)] = boxes.shown
    assert kind == "question"
    assert text.startswith(f"已导入的订单里，订单 {ORDER_1} 属于买家 tb_buyer_1，它的买家昵称与这里"
                           "填写的不同。")
    assert "仍然保存吗？不会从这个订单补全任何信息。" in text
    assert dialog.isVisible() and dialog.result() != CaseFormDialog.DialogCode.Accepted
    assert dialog.order_no.hasFocus() and dialog.order_no.selectedText() == ORDER_1
    assert register.cases.store.total() == before


def test_yes_saves_it_as_typed_and_the_timeline_says_why(qtbot, register, tmp_path, boxes):
    _known_orders(register, tmp_path)
    dialog = open_form(qtbot, register)
    saved = []
    dialog.saved.connect(saved.append)
    type_text(qtbot, dialog.order_no, ORDER_1)
    type_text(qtbot, dialog.buyer_nick, "张三")
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(dialog.buyer_nick, Qt.Key.Key_Return)
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    case = register.cases.get(saved[0])
    assert (case.buyer_nick, case.buyer_phone, case.item_title) == ("张三", "", "")
    event = register.cases.timeline(case.id)[-1]
    assert event.type == "order_mismatch"
    line = CaseText("en", "Asia/Shanghai").event_line(event.type, event.text, event.data)
    assert line == (f"Not filled from order {ORDER_1}: its buyer tb_buyer_1 is not the one "
                    "typed on this case (Buyer nickname). Check the order number.")


def test_the_same_buyer_is_not_asked_about(qtbot, register, tmp_path, boxes):
    _known_orders(register, tmp_path)
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, ORDER_1)
    type_text(qtbot, dialog.buyer_nick, "TB_buyer_1")
    qtbot.keyClick(dialog.buyer_nick, Qt.Key.Key_Return)
    assert boxes.shown == []
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted


def test_the_import_dialog_names_the_cases_an_order_export_did_not_fill(
        qtbot, register, tasks, tmp_path, chinese_ui):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    # Typed before the order export was imported: the export is the first to know.
    typed = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no=ORDER_1,
                                               kind=CaseKind.REFUND_ONLY, buyer_nick="张三"),
                                     "小王")
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    assert _previewed(qtbot, register, tasks, path) == (
        "可以导入：新建 1，更新 0。1 个案件填写的买家与订单的不同，没有补全"
        f"（请核对订单号：{typed.case_no}）。")


def test_nothing_new_still_names_a_case_not_filled(qtbot, register, tasks, tmp_path,
                                                   chinese_ui):
    """A case no export nor form has told yet (say, typed before this version) is named
    even when the export brings nothing new."""
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    register.imports.apply(register.imports.read(path), path.name, "小王")
    typed = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no=ORDER_1,
                                               kind=CaseKind.REFUND_ONLY, buyer_nick="张三"),
                                     "小王")
    register.db.execute("DELETE FROM case_events WHERE type = 'order_mismatch'")
    other = tmp_path / "today.csv"
    other.write_bytes(path.read_bytes() + b"\n")  # the same orders, another file
    assert _previewed(qtbot, register, tasks, other) == (
        "这个文件里没有新的内容。1 个案件填写的买家与订单的不同，没有补全"
        f"（请核对订单号：{typed.case_no}）。")


def test_a_second_case_for_an_order_with_an_open_case_is_asked_about(qtbot, register, boxes,
                                                                    chinese_ui):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    first = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="123456789",
                                               kind=CaseKind.REFUND_ONLY), "小王")
    before = register.cases.store.total()
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "123456789")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    [(kind, text)] = boxes.shown
    assert kind == "question"
    assert text == (f"订单 123456789 已有未结案件：{first.case_no}（新建）。"
                    "还要为它再新建一个案件吗？")
    assert dialog.isVisible() and register.cases.store.total() == before
    assert dialog.order_no.hasFocus()
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted
    assert register.cases.store.total() == before + 1
    # Editing either of them (same order) asks nothing.
    boxes.shown.clear()
    edit = open_form(qtbot, register, case_id=first.id)
    type_text(qtbot, edit.buyer_nick, "小蜜蜂")
    qtbot.keyClick(edit.buyer_nick, Qt.Key.Key_Return)
    assert boxes.shown == [] and edit.result() == CaseFormDialog.DialogCode.Accepted


def test_another_buyers_order_is_asked_first_and_an_answer_holds(qtbot, register, tmp_path,
                                                                boxes, chinese_ui):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    _known_orders(register, tmp_path)
    register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no=ORDER_1,
                                       kind=CaseKind.REFUND_ONLY), "小王")
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, ORDER_1)
    type_text(qtbot, dialog.buyer_nick, "张三")
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return next(answers)

    boxes_question = QMessageBox.question
    QMessageBox.question = staticmethod(question)
    try:
        qtbot.keyClick(dialog.buyer_nick, Qt.Key.Key_Return)  # yes (buyer), no (same order)
        assert [t[:6] for t in asked] == ["已导入的订单", f"订单 {ORDER_1[:3]}"]
        asked.clear()
        answers = iter([QMessageBox.StandardButton.Yes])
        qtbot.keyClick(dialog.buyer_nick, Qt.Key.Key_Return)  # the buyer answer holds
        assert [t[:6] for t in asked] == [f"订单 {ORDER_1[:3]}"]
    finally:
        QMessageBox.question = boxes_question
    assert dialog.result() == CaseFormDialog.DialogCode.Accepted


def test_the_english_question_names_the_open_cases_with_their_status(qtbot, register, boxes,
                                                                    qapp):
    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform
    from shopdesk.ui.i18n import Translators

    first = register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="55555",
                                               kind=CaseKind.EXCHANGE), "小王")
    translators = Translators(qapp)
    translators.install("en")
    try:
        dialog = open_form(qtbot, register)
        dialog.platform.setCurrentIndex(dialog.platform.findData("jd"))
        type_text(qtbot, dialog.order_no, "55555")
        boxes.answer = QMessageBox.StandardButton.No
        qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    finally:
        translators.remove()
    assert boxes.shown[-1][1] == (f"Order 55555 already has open case(s): {first.case_no} "
                                  "(New). Open another case for it?")


def test_a_refund_of_another_buyer_is_said_in_the_preview_and_on_the_timeline(
        qtbot, register, tmp_path, tasks, chinese_ui):
    typed = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no=ORDER_7,
                                               kind=CaseKind.REFUND_ONLY, buyer_nick="小蜜蜂"),
                                     "小王")
    path = write_refunds_with_nicks(tmp_path, [taobao_refund_row(7)], ["大黄蜂"])
    status = _previewed(qtbot, register, tasks, path)
    assert f"买家不同，没有合并，售后单另建了案件（请核对订单号：{typed.case_no}）" in status
    register.imports.apply(register.imports.read(path), path.name, "小王")
    event = register.cases.timeline(typed.id)[-1]
    line = CaseText("zh", "Asia/Shanghai").event_line(event.type, event.text, event.data)
    assert line == (f"售后单 158000000000000007（订单 {ORDER_7}）没有合并到本案件：它的买家 大黄蜂 "
                    "与这里填写的不同（买家昵称），已另建案件。请核对订单号。")
