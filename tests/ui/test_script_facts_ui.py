"""A statement to the platform copies only the facts the user ticked for this case."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.services.scripts import open_script_service
from shopdesk.ui.views.scripts_panel import ScriptsPanel


def test_appeal_facts_are_ticked_not_assumed(qtbot, register):
    svc = open_script_service(register.db, register.clock)
    case = register.cases.open_case(CaseDraft(
        Platform.TAOBAO, "T2026112300009", CaseKind.BAD_REVIEW, buyer_nick="专业测评",
        amount_paid=Decimal("59"), cause=Cause.MALICIOUS_REVIEWER, shop="小店"), "小王")
    panel = ScriptsPanel(register, svc, lambda: "小王")
    qtbot.addWidget(panel)
    panel.resize(700, 700)
    panel.show()
    panel.set_case(case.id)
    panel.values["签收时间"] = "11月20日"  # as typed in the fill-in dialog
    combo = panel.step_combo
    combo.setFocus()
    while combo.currentData() != "act":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    row = panel.script_ids().index("platform_dispute.act.3")
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    boxes = panel.facts_box.findChildren(QCheckBox)
    assert panel.facts_box.isVisible() and len(boxes) == 5
    assert not any(b.isChecked() for b in boxes)
    QGuiApplication.clipboard().setText("before")
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "before"  # nothing assumed, nothing copied
    assert "Tick the facts" in panel.notice.text() or "勾选" in panel.notice.text()
    assert panel.placeholder_dialog is None  # facts are ticked, never typed

    second = boxes[1]
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton, pos=QPoint(8, second.height() // 2))
    assert "1. 我方询问具体问题" in panel.preview.toPlainText()
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "我方询问具体问题" in copied and "买家未提供" not in copied
