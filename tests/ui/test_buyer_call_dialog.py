"""Setting a cross-border buyer's zone and do-not-call from the case's call light."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.ui.dialogs.buyer_call_dialog import BuyerCallDialog
from shopdesk.ui.views.case_detail import CaseDetailView

from .ui_support import Operator, make_case


def test_zone_and_do_not_call_change_the_light(qtbot, register):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    case = make_case(register, phone="+14155550100")  # a buyer abroad
    register.calls.set_buyer_tz(case.id, "Asia/Shanghai", "小王")  # for now, on our clock
    view.show_case(case.id)
    indicator = view.call_indicator
    assert indicator.state == "allowed"
    qtbot.mouseClick(indicator.buyer_button, Qt.MouseButton.LeftButton)
    dialog = indicator.dialog
    assert isinstance(dialog, BuyerCallDialog)
    dialog.zone.setCurrentIndex(dialog.zone.findData("America/Los_Angeles"))
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        dialog.save()
    # 10:00 in Shanghai is 18:00 the evening before in Los Angeles.
    assert indicator.decision is not None and indicator.decision.buyer_tz == "America/Los_Angeles"
    assert indicator.state != "allowed"
    qtbot.mouseClick(indicator.buyer_button, Qt.MouseButton.LeftButton)
    dialog = indicator.dialog
    dialog.zone.setCurrentIndex(0)  # back to the shop's zone
    dialog.do_not_call.setChecked(True)
    dialog.save()
    assert indicator.state == "hard" and "do_not_call" in indicator.decision.codes
    assert "do_not_call" in [a.action for a in register.cases.audit_log.latest()]


def test_an_unknown_zone_is_refused_in_the_dialog(qtbot, register):
    case = make_case(register)
    dialog = BuyerCallDialog(register.calls, case.id, "小王")
    qtbot.addWidget(dialog)
    dialog.zone.setEditText("Mars/Olympus")
    assert dialog.save() is False
    assert dialog.error.isVisibleTo(dialog) and "Mars/Olympus" in dialog.error.text()
    assert register.calls.buyer(case.id).tz is None


def test_a_zone_that_puts_a_promised_call_back_in_the_buyers_night_is_said(qtbot, register,
                                                                          clock, boxes):
    from datetime import timedelta

    from PySide6.QtWidgets import QDialogButtonBox

    from shopdesk.domain.promises import PromiseKind

    case = make_case(register, phone="+14155550100")  # a buyer abroad
    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=4),
                           "小王", text="回电确认")  # 14:00 in Shanghai: LA's night
    dialog = BuyerCallDialog(register.calls, case.id, "小王", lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.zone.setCurrentIndex(dialog.zone.findData("America/Los_Angeles"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    [text] = boxes.texts("information")
    assert text.startswith("Call-backs already promised to this buyer that the call policy")
    assert "Call back: 回电确认" in text and "does not allow calling this buyer then" in text
