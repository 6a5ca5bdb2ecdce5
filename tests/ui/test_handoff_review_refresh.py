"""Hand-off review and history windows: acknowledgement shown at once, Esc closes history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.domain.handoff_labels import ack_text
from shopdesk.ui.views.handoff_history import HandoffReviewDialog


def test_the_sheet_shows_the_acknowledgement_right_after_acknowledging(
        qtbot, demo_register, clock):
    shift = demo_register.shifts.end("小王", "交给下一班")
    clock.advance(minutes=10)
    review = HandoffReviewDialog(lambda: demo_register, shift.id, "zh")
    qtbot.addWidget(review)
    pane = review.pane
    before = ack_text(shift, demo_register.shop_tz, "zh")
    assert before in pane.view.toPlainText()
    pane.who.setCurrentIndex(pane.who.findData("小李"))
    qtbot.mouseClick(pane.ack_button, Qt.MouseButton.LeftButton)
    done = demo_register.shifts.get(shift.id)
    assert done.acknowledged
    text = pane.view.toPlainText()
    # Was stale: the status line said acknowledged while the sheet still said "尚未确认".
    assert before not in text
    assert ack_text(done, demo_register.shop_tz, "zh") in text


def test_escape_closes_the_hand_off_history_window(qtbot, window, demo_register):
    from PySide6.QtTest import QTest

    demo_register.shifts.end("小王", "第一班")
    view = window.shifts.open_history()  # owned by the window, deleted on close
    qtbot.waitExposed(view)
    assert view.isVisible()
    gone: list[bool] = []
    view.destroyed.connect(lambda: gone.append(True))
    QTest.keyClick(view.list, Qt.Key.Key_Escape)  # the window has no Close button
    qtbot.waitUntil(lambda: bool(gone), timeout=2000)
