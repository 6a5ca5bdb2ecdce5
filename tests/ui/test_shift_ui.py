"""Shifts on screen: end a shift through the dialog (preview, note, hand over, PDF, text),
acknowledge it from the banner, PINs in the review dialog, the operator picker and the
start dialog, the history window and the settings."""

from __future__ import annotations

from datetime import timedelta

from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.promises import PromiseKind
from shopdesk.ui.dialogs.end_shift_dialog import EndShiftDialog
from shopdesk.ui.dialogs.shift_settings import PinDialog
from shopdesk.ui.dialogs.shift_start_dialog import ShiftStartDialog
from shopdesk.ui.views.handoff_history import HandoffReviewDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NOTE = "SD-0003 买家今晚发照片；仓库明早10点回复补发时间"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftController", text)


def wait_modal(qtbot, kind):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=3000)
    return QApplication.activeModalWidget()


def test_end_a_shift_in_the_dialog_then_acknowledge_it_from_the_banner(
        qtbot, make_window, demo_register, clock, tmp_path, monkeypatch):
    case_id = demo_register.cases.query_ids(CaseQuery())[0]
    demo_register.promises.make(case_id, PromiseKind.CALL_BACK, clock.now() + timedelta(hours=1),
                                "小王", text="确认补发时间")
    demo_register.shifts.start("小王")
    clock.advance(hours=2)  # the promise is now overdue: both banners will show
    window = make_window(demo_register)
    banner = window.shifts.banner
    assert banner.isHidden()
    assert window.shifts.status_label.text().startswith(_tr("On shift: %1 since %2").split("%1")[0])
    assert "小王" in window.shifts.status_label.text()

    qtbot.keyClick(window.case_list.table, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = wait_modal(qtbot, EndShiftDialog)
    assert not dialog.pdf_button.isEnabled() and not dialog.copy_button.isEnabled()
    assert "确认补发时间" in dialog.view.toPlainText()  # the overdue promise is in the preview
    dialog.note.setPlainText(NOTE)
    assert NOTE in dialog.view.toPlainText()  # the preview follows the note
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)

    shift = demo_register.shifts.latest()
    assert shift is not None and shift.note == NOTE and shift.staff == "小王"
    assert demo_register.shifts.current() is None
    assert dialog.end_button.isHidden() and dialog.pdf_button.isEnabled()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.startswith("【交接班记录】") and NOTE in copied
    target = tmp_path / "handoff.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    pdf_text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "仓库明早10点回复补发时间" in pdf_text and len(PdfReader(target).pages) <= 2
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted

    # The banner: below the red overdue-promise banner, naming who handed over.
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert "小王" in banner.label.text()
    overdue = window.promises.banner
    assert overdue.isVisible()
    assert overdue.geometry().bottom() < banner.geometry().top()
    assert banner.geometry().bottom() < window.filter_bar.geometry().top()

    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    review = wait_modal(qtbot, HandoffReviewDialog)
    pane = review.pane
    assert NOTE in pane.view.toPlainText()
    pane.who.setCurrentIndex(pane.who.findData("小李"))
    assert pane.start_too.isChecked()  # nobody on shift: start theirs too
    qtbot.mouseClick(pane.ack_button, Qt.MouseButton.LeftButton)
    done = demo_register.shifts.get(shift.id)
    assert done.ack_by == "小李" and done.ack_at == clock.now()
    assert not pane.ack_button.isEnabled() and "小李" in pane.status.text()
    assert banner.isHidden()
    assert demo_register.shifts.current().staff == "小李"
    assert window.operator_picker.current() == "小李"
    assert "小李" in window.shifts.status_label.text()
    qtbot.mouseClick(review.findChild(type(pane.ack_button), "handoff_review_close"),
                     Qt.MouseButton.LeftButton)


def test_a_wrong_pin_is_refused_when_acknowledging(qtbot, make_window, demo_register):
    demo_register.staff.set_pin("小李", "2468", "小王")
    demo_register.shifts.end("小王")
    window = make_window(demo_register)
    assert window.shifts.banner.isVisible()
    qtbot.mouseClick(window.shifts.banner, Qt.MouseButton.LeftButton)  # the whole banner
    pane = wait_modal(qtbot, HandoffReviewDialog).pane
    pane.who.setCurrentIndex(pane.who.findData("小李"))
    assert pane.pin.isEnabled()
    pane.pin.setText("1111")
    qtbot.mouseClick(pane.ack_button, Qt.MouseButton.LeftButton)
    assert "PIN 不正确" in pane.error.text() and pane.error.isVisible()
    assert demo_register.shifts.pending() is not None and window.shifts.banner.isVisible()
    refused = [a for a in demo_register.shifts.audit_log.latest() if a.action == "pin_refused"]
    assert len(refused) == 1
    pane.pin.setText("2468")
    qtbot.mouseClick(pane.ack_button, Qt.MouseButton.LeftButton)
    assert demo_register.shifts.pending() is None and window.shifts.banner.isHidden()


def test_switching_the_operator_to_someone_with_a_pin_asks_for_it(qtbot, window,
                                                                  demo_register, boxes):
    demo_register.staff.set_pin("小李", "2468", "小王")
    combo = window.operator_picker.combo
    boxes.text_answer = ("0000", True)
    combo.setCurrentIndex(combo.findData("小李"))
    assert demo_register.staff.current_operator() == "小王" and combo.currentData() == "小王"
    assert boxes.texts("input") and "PIN 不正确" in boxes.texts("warning")[-1]
    boxes.text_answer = ("", False)  # cancelled
    combo.setCurrentIndex(combo.findData("小李"))
    assert demo_register.staff.current_operator() == "小王"
    boxes.text_answer = ("2468", True)
    combo.setCurrentIndex(combo.findData("小李"))
    assert demo_register.staff.current_operator() == "小李"
    asked = len(boxes.texts("input"))
    combo.setCurrentIndex(combo.findData("阿珍"))  # no PIN: not asked
    assert demo_register.staff.current_operator() == "阿珍" and len(boxes.texts("input")) == asked


def test_start_a_shift_with_the_shortcut_and_a_pin(qtbot, window, demo_register):
    demo_register.staff.set_pin("小李", "2468", "小王")
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_B, CTRL_SHIFT)
    dialog = wait_modal(qtbot, ShiftStartDialog)
    assert dialog.staff_combo.currentData() == "小王" and not dialog.pin.isEnabled()
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData("小李"))
    assert dialog.pin.isEnabled()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.pin_field.has_error and demo_register.shifts.current() is None
    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert demo_register.shifts.current().staff == "小李"
    assert window.operator_picker.current() == "小李"
    assert "小李" in window.shifts.status_label.text()


def test_history_lists_past_hand_offs_and_acknowledges_one(qtbot, window, demo_register,
                                                           clock):
    first = demo_register.shifts.end("小王", "第一班")
    clock.advance(hours=8)
    second = demo_register.shifts.end("小李", "第二班")
    window.shifts.refresh()
    view = window.shifts.open_history()
    qtbot.addWidget(view)
    assert view.list.count() == 2
    assert view.pane.shift.id == second.id and "第二班" in view.pane.view.toPlainText()
    view.list.setCurrentRow(1)
    assert view.pane.shift.id == first.id and "第一班" in view.pane.view.toPlainText()
    view.pane.who.setCurrentIndex(view.pane.who.findData("阿珍"))
    qtbot.mouseClick(view.pane.ack_button, Qt.MouseButton.LeftButton)
    assert demo_register.shifts.get(first.id).ack_by == "阿珍"
    assert window.shifts.banner.isVisible()  # the latest is still not acknowledged
    assert view.list.currentRow() == 1 and not view.pane.ack_button.isEnabled()


def test_settings_set_a_pin_and_the_next_shift_length(qtbot, demo_register):
    from shopdesk.ui.dialogs.settings_dialog import SHIFTS_TAB, SettingsDialog

    dialog = PinDialog(demo_register, "小李", "zh")
    qtbot.addWidget(dialog)
    dialog.new.setText("2468")
    dialog.again.setText("2469")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.again_field.has_error and not demo_register.staff.has_pin("小李")
    dialog.again.setText("2468")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert demo_register.staff.has_pin("小李")

    change = PinDialog(demo_register, "小李", "zh", clear=True)
    qtbot.addWidget(change)
    change.old.setText("1111")
    qtbot.mouseClick(change.ok_button, Qt.MouseButton.LeftButton)
    assert change.old_field.has_error and demo_register.staff.has_pin("小李")

    settings = SettingsDialog(demo_register, "zh", tab=SHIFTS_TAB)
    qtbot.addWidget(settings)
    names = [settings.staff_list.item(i).text() for i in range(settings.staff_list.count())]
    assert any(n.startswith("小李") and "PIN" in n for n in names)
    assert settings.shift_page.hours.value() == 8
    settings.shift_page.hours.setValue(14)
    settings.accept()
    assert demo_register.shifts.next_shift_hours() == 14


def test_the_end_shift_dialog_shows_the_wait_cursor_while_it_builds_the_sheet(
        qtbot, demo_register, monkeypatch):
    shapes = []
    shifts = demo_register.shifts
    for name in ("preview", "end"):
        real = getattr(shifts, name)

        def spy(*args, _real=real, **kwargs):
            cursor = QApplication.overrideCursor()
            shapes.append(cursor.shape() if cursor is not None else None)
            return _real(*args, **kwargs)
        monkeypatch.setattr(shifts, name, spy)
    dialog = EndShiftDialog(shifts, "小王", "zh")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert shapes == [Qt.CursorShape.WaitCursor, Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None  # restored afterwards


def test_the_banner_shows_the_oldest_unacknowledged_hand_off_and_how_many_follow(
        qtbot, window, demo_register, clock):
    first = demo_register.shifts.end("小王", "第一班")
    clock.advance(hours=8)
    demo_register.shifts.end("小李", "第二班")
    window.shifts.refresh()
    banner = window.shifts.banner
    assert banner.isVisible() and banner.pending_id == first.id
    more = QCoreApplication.translate("HandoffBanner", " — and %1 later ones")
    assert "小王" in banner.label.text() and more.replace("%1", "1") in banner.label.text()
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    review = wait_modal(qtbot, HandoffReviewDialog)
    assert review.pane.shift.id == first.id and "第一班" in review.pane.view.toPlainText()
    review.pane.who.setCurrentIndex(review.pane.who.findData("阿珍"))
    review.pane.start_too.setChecked(False)
    qtbot.mouseClick(review.pane.ack_button, Qt.MouseButton.LeftButton)
    review.accept()
    # The second one now raises the banner on its own.
    assert banner.isVisible() and banner.pending_id != first.id
    assert "小李" in banner.label.text() and more.replace("%1", "1") not in banner.label.text()


def test_a_forgotten_pin_is_reset_in_settings_with_a_reason(qtbot, demo_register):
    demo_register.staff.set_pin("小王", "2468", "小王")
    dialog = PinDialog(demo_register, "小王", "zh", clear=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.forgot.isVisible() and not dialog.reason.isEnabled()
    dialog.forgot.setChecked(True)
    assert not dialog.old.isEnabled() and dialog.reason.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_field.has_error and demo_register.staff.has_pin("小王")
    dialog.reason.setText("忘记了")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not demo_register.staff.has_pin("小王")
    [audit] = [a for a in demo_register.shifts.audit_log.latest() if a.action == "pin_reset"]
    assert audit.new == "忘记了"
    setting = PinDialog(demo_register, "小李", "zh")  # setting a PIN: no reset offered
    qtbot.addWidget(setting)
    setting.show()
    assert not setting.forgot.isVisible()


def test_a_remembered_operator_with_a_pin_is_not_taken_on_trust_at_start_up(
        qtbot, make_window, demo_register, boxes):
    demo_register.staff.set_pin("小王", "2468", "小王")
    assert demo_register.staff.current_operator() == "小王"  # from the last session
    window = make_window(demo_register)
    assert window.operator() == "" and window.operator_picker.current() == ""
    assert "小王" in window.statusBar().currentMessage()
    # Acting needs someone chosen; choosing 小王 asks the PIN.
    assert window.shifts.end_shift() is None
    combo = window.operator_picker.combo
    boxes.text_answer = ("2468", True)
    combo.setCurrentIndex(combo.findData("小王"))
    assert boxes.texts("input") and window.operator() == "小王"


def test_a_remembered_operator_without_a_pin_stays_chosen(make_window, demo_register):
    demo_register.staff.set_pin("小李", "2468", "小王")
    window = make_window(demo_register)
    assert window.operator() == "小王" and window.operator_picker.current() == "小王"


def test_the_outgoing_person_is_not_offered_to_acknowledge_their_own_hand_off(
        qtbot, window, demo_register):
    demo_register.shifts.end("小王", "交给下一班")  # 小王 is still the operator
    window.shifts.refresh()
    review = window.shifts.review_handoff(window.shifts.banner.pending_id)
    pane = review.pane
    assert pane.who.currentData() == "" and not pane.ack_button.isEnabled()
    pane.who.setCurrentIndex(pane.who.findData("小李"))
    assert pane.ack_button.isEnabled()
    review.reject()


def test_a_solo_seller_is_offered_to_acknowledge_their_own_hand_off(qtbot, register, clock):
    from shopdesk.ui.views.handoff_history import HandoffReviewDialog

    shift = register.shifts.end("小王", "明早先回电")
    clock.advance(hours=14)
    review = HandoffReviewDialog(lambda: register, shift.id, "zh")
    qtbot.addWidget(review)
    assert review.pane.who.currentData() == "小王" and review.pane.ack_button.isEnabled()
    qtbot.mouseClick(review.pane.ack_button, Qt.MouseButton.LeftButton)
    assert register.shifts.get(shift.id).self_acknowledged


def test_a_shift_ended_elsewhere_while_the_dialog_is_open_is_not_handed_over_again(
        qtbot, demo_register, clock):
    demo_register.shifts.start("小王")
    clock.advance(hours=4)
    dialog = EndShiftDialog(demo_register.shifts, "小王", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note.setPlainText("我的交班留言")
    ended = demo_register.shifts.end("小王", "命令行结束的")  # `shopdesk shift end` meanwhile
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in demo_register.shifts.list()] == [ended.id]  # no second hand-off
    assert dialog.error.isVisible() and dialog.shift is None
    assert "我的交班留言" in dialog.view.toPlainText()  # the note survives the new preview
    clock.advance(minutes=5)
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)  # read it: end now
    assert dialog.shift is not None and len(demo_register.shifts.list()) == 2
    assert dialog.shift.note == "我的交班留言" and not dialog.shift.explicit_start


def test_a_hand_off_missing_from_the_register_is_said_not_raised(qtbot, demo_register):
    from shopdesk.ui.views.handoff_history import HandoffPane

    pane = HandoffPane(lambda: demo_register, "zh")
    qtbot.addWidget(pane)
    pane.show_handoff(999)  # e.g. a history list shown before a restore from backup
    assert pane.shift is None and not pane.ack_button.isEnabled()
    assert pane.status.text() == QCoreApplication.translate(
        "HandoffPane", "This hand-off is not in the register (restored from a backup?). "
        "Reopen the history.")


def test_the_preview_states_the_period_and_lists_the_work_done_before_the_shift(
        qtbot, make_window, demo_register, clock):
    """Work done with nobody on shift, then a shift: the end-shift preview says what the
    sheet covers and when the shift started, and has the nobody-on-shift section."""
    case_id = demo_register.cases.query_ids(CaseQuery())[0]
    case_no = demo_register.cases.get(case_id).case_no
    demo_register.cases.add_note(case_id, "开班前处理的备注", "小王")
    clock.advance(hours=1)
    demo_register.shifts.start("小王")
    clock.advance(hours=2)
    window = make_window(demo_register)
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = wait_modal(qtbot, EndShiftDialog)
    preview = dialog.view.toPlainText()
    assert "交接范围" in preview and "最近 24 小时：此前没有交接" in preview
    assert "开班时间" in preview and "11-23 11:00" in preview
    section = preview.index("四、无人当班期间：11-22 13:00 – 11-23 11:00")
    by = preview[section:].splitlines()[1]
    assert by.startswith("经手人：") and "小王" in by
    assert case_no in preview[section:] and "备注：开班前处理的备注" in preview[section:]
    assert "11-22 13:00" in dialog.info.text()  # the info line names where it starts
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    stored = dialog.view.toPlainText()
    assert "四、无人当班期间" in stored and "开班前处理的备注" in stored
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_ending_a_shift_with_the_server_out_of_reach_says_so_in_the_dialog(
        qtbot, demo_register, clock, monkeypatch):
    # Team walkthrough: the click did nothing visible in the dialog (only the window's
    # banner said the server was gone); the note must stay and the retry must work.
    from shopdesk.storage.pg.connection import offline_error

    demo_register.shifts.start("小王")
    clock.advance(hours=4)
    dialog = EndShiftDialog(demo_register.shifts, "小王", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note.setPlainText("我的交班留言")
    real_end = demo_register.shifts.end

    def offline(*_args, **_kw):
        raise offline_error("192.168.1.20:5432/shopdesk")

    monkeypatch.setattr(demo_register.shifts, "end", offline)
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "无法连接团队登记簿服务器" in dialog.error.text()
    assert dialog.shift is None and dialog.note.toPlainText() == "我的交班留言"
    monkeypatch.setattr(demo_register.shifts, "end", real_end)  # the server is back
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert dialog.shift is not None and dialog.shift.note == "我的交班留言"
