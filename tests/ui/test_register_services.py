"""The window's dialogs use the register's services: none builds a copy of its own."""

from __future__ import annotations

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.ui.dialogs.case_form import CaseFormDialog
from shopdesk.ui.dialogs.import_dialog import ImportDialog
from shopdesk.ui.dialogs.summary_dialog import SummaryDialog


def test_the_import_dialog_uses_the_registers_import_service(qtbot, register, tasks):
    dialog = ImportDialog(register, "小王", tasks)
    qtbot.addWidget(dialog)
    assert dialog.service is register.imports
    again = ImportDialog(register, "小王", tasks)
    qtbot.addWidget(again)
    assert again.service is dialog.service


def test_the_summary_dialog_uses_the_registers_summary_service(qtbot, register, tasks):
    case = register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3712345678901", kind=CaseKind.REFUND_ONLY,
        buyer_nick="小蜜蜂", buyer_phone="13812345678"), "小王")
    dialog = SummaryDialog(register, [case.id], "小王", tasks)
    qtbot.addWidget(dialog)
    assert dialog.service is register.summary


def test_the_case_form_remembers_through_the_registers_form_memory(qtbot, register):
    dialog = CaseFormDialog(register, "小王")
    qtbot.addWidget(dialog)
    assert dialog.memory is register.form_memory
