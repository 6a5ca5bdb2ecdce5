"""The dispute-summary dialog: from the menu, Ctrl+P and the case panel; facts editing;
save, open and print (through patched file and print dialogs)."""

from __future__ import annotations

import os
import stat
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.ui.dialogs.summary_dialog import SummaryDialog

PHONE = "13812345678"


def _open_case(register, order, nick):
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no=order, kind=CaseKind.REFUND_ONLY, shop="某某小店",
        buyer_nick=nick, buyer_phone=PHONE, item_title="保温杯", amount_paid=Decimal("59.90"),
        cause=Cause.TRANSIT_DAMAGE), "小王")


@pytest.fixture
def cases(register):
    return [_open_case(register, f"37123456789{n:02d}", f"买家{n}") for n in range(3)]


def _visible_dialogs() -> list[SummaryDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, SummaryDialog) and w.isVisible()]


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


def _save_to(monkeypatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))


def test_ctrl_p_opens_the_dialog_on_the_selected_cases(make_window, register, cases, qtbot):
    window = make_window(register)
    assert window.case_list.select_case(cases[1].id)
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [dialog] = _visible_dialogs()
    assert dialog.case_ids == [cases[1].id] and dialog.cases.isHidden()
    assert cases[1].order_no in dialog.facts_edit.toPlainText()  # the composed statement
    dialog.close()


def test_the_cases_menu_and_case_panel_reach_it(make_window, register, cases):
    window = make_window(register)
    window.case_list.table.selectAll()
    window.act_print_summary.trigger()
    [dialog] = _visible_dialogs()
    assert sorted(dialog.case_ids) == sorted(c.id for c in cases)
    assert dialog.cases.count() == 3 and not dialog.cases.isHidden()
    dialog.close()
    window.case_list.select_case(cases[2].id)
    window.detail.print_button.click()
    [dialog] = _visible_dialogs()
    assert dialog.case_ids == [cases[2].id]
    dialog.close()


def test_ctrl_p_in_the_case_panel_prints_the_case_it_shows(make_window, register, cases,
                                                           qtbot):
    """A case opened from a link is on screen while the list selects another (or none):
    Ctrl+P pressed in the case panel (its evidence, a note) prints the case shown."""
    window = make_window(register)
    assert window.case_list.select_case(cases[0].id)
    window.detail.show_case(cases[2].id)  # as a link to a similar case opens it
    window.activateWindow()
    window.detail.note_edit.setFocus()
    qtbot.waitUntil(lambda: window.detail.note_edit.hasFocus())
    qtbot.keyClick(window.detail.note_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [dialog] = _visible_dialogs()
    assert dialog.case_ids == [cases[2].id]
    dialog.close()


def test_nothing_selected_says_so(make_window, register):
    window = make_window(register)
    assert window.summary.open_dialog() is None
    assert _visible_dialogs() == []


def test_save_pdf_masks_by_default_and_keeps_each_edited_statement(qtbot, register, cases,
                                                                   tmp_path, monkeypatch, tasks):
    dialog = SummaryDialog(register, [c.id for c in cases], "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.facts_edit.setFocus()
    before = dialog.facts_edit.toPlainText()
    qtbot.keyClick(dialog.facts_edit, Qt.Key.Key_Tab)  # moves on; never types into it
    assert dialog.facts_edit.toPlainText() == before and not dialog.facts_edit.hasFocus()
    dialog.facts_edit.setPlainText("第一件：外箱破损，已拍照。")
    dialog.cases.setCurrentRow(1)
    dialog.facts_edit.setPlainText("第二件：买家拒收。")
    dialog.cases.setCurrentRow(0)
    assert dialog.facts_edit.toPlainText() == "第一件：外箱破损，已拍照。"  # kept while switching
    target = tmp_path / "summary"  # no suffix: .pdf is added
    _save_to(monkeypatch, target)
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_button.click()
    pdf = tmp_path / "summary.pdf"
    text = _text(pdf)
    assert "第一件：外箱破损，已拍照。" in text and "第二件：买家拒收。" in text
    assert "138****5678" in text and PHONE not in text
    assert "summary.pdf" in dialog.status.text()
    service = register.summary
    assert service.facts(cases[1].id) == "第二件：买家拒收。"  # kept for the next printing
    assert service.saved_facts(cases[2].id) is None  # untouched: follows the case's data
    # A new dialog shows the saved statement.
    again = SummaryDialog(register, [cases[1].id], "小王", tasks)
    qtbot.addWidget(again)
    assert again.facts_edit.toPlainText() == "第二件：买家拒收。"
    again.reset_button.click()
    assert cases[1].order_no in again.facts_edit.toPlainText()


def test_full_contact_is_printed_only_when_ticked_and_audited(qtbot, register, cases,
                                                              tmp_path, monkeypatch, tasks):
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.full_contact.setChecked(True)
    _save_to(monkeypatch, tmp_path / "full.pdf")
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_button.click()
    assert PHONE in _text(tmp_path / "full.pdf")
    assert [a.action for a in register.cases.audit(cases[0].id)
            if a.action == "summary_full_contact"] == ["summary_full_contact"]


def test_print_sends_every_page_to_the_printer(qtbot, register, cases, tmp_path,
                                                monkeypatch, tasks):
    printed = tmp_path / "printer.pdf"

    def accept(print_dialog):
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)  # keep the test quick
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    for n in range(60):  # a second page for the first case
        register.cases.add_note(cases[0].id, f"第{n}条跟进记录：已与买家沟通。", "小王")
    dialog = SummaryDialog(register, [cases[0].id, cases[1].id], "小王", tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.printed, timeout=30_000) as printed_signal:
        assert dialog.print_summary()
        assert dialog.busy() and not dialog.print_button.isEnabled()  # runs off the UI thread
    assert printed_signal.args == [dialog.last_result.pages]
    assert dialog.print_button.isEnabled() and not dialog.busy()
    assert dialog.last_result.pages >= 4  # cover, two pages for the first case, one more
    assert len(PdfReader(str(printed)).pages) == dialog.last_result.pages
    assert not dialog.last_result.path.exists()  # the temporary PDF is gone


def test_cancelled_print_writes_nothing(qtbot, register, cases, monkeypatch, tasks):
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    assert not dialog.print_summary() and dialog.last_result is None and not dialog.busy()


def test_open_writes_a_temporary_pdf_and_opens_it(qtbot, register, cases, monkeypatch, tasks):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.open_button.click()
    assert opened and Path(opened[0]).is_file() and opened[0].endswith(".pdf")
    assert cases[0].case_no in _text(opened[0])


def test_without_an_operator_nothing_is_written(qtbot, register, cases, tmp_path,
                                                monkeypatch, boxes, tasks):
    dialog = SummaryDialog(register, [cases[0].id], "", tasks)
    qtbot.addWidget(dialog)
    _save_to(monkeypatch, tmp_path / "x.pdf")
    dialog.save_button.click()
    assert not dialog.busy() and not (tmp_path / "x.pdf").exists()
    assert boxes.texts("warning") and dialog.status.text()


def test_a_folder_that_cannot_be_written_is_reported(qtbot, register, cases, tmp_path,
                                                     monkeypatch, boxes, tasks):
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    _save_to(monkeypatch, tmp_path / "no-such-folder" / "x.pdf")
    with qtbot.waitSignal(dialog.failed, timeout=20_000):
        dialog.save_button.click()
    assert boxes.texts("warning") and dialog.save_button.isEnabled()
    assert not (tmp_path / "no-such-folder").exists()


def test_english_document_recomposes_an_unedited_statement(qtbot, register, cases, tasks):
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(1)
    assert "asked for a refund only" in dialog.facts_edit.toPlainText()
    dialog.facts_edit.setPlainText("Edited by hand.")
    dialog.language.setCurrentIndex(0)
    assert dialog.facts_edit.toPlainText() == "Edited by hand."


def test_dialog_fits_a_small_screen_and_looks_right(qtbot, register, cases, chinese_ui, tasks):
    dialog = SummaryDialog(register, [c.id for c in cases], "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert not dialog.grab().isNull()  # it renders; no screenshot into the shared /tmp


def test_saving_over_a_pdf_held_open_by_a_viewer_says_so(qtbot, register, cases, tmp_path,
                                                         monkeypatch, boxes, tasks):
    import shopdesk.reports.summary_pdf as summary_pdf

    target = tmp_path / "held.pdf"
    target.write_bytes(b"%PDF-1.4 earlier")
    real = summary_pdf.os.replace

    def locked(src, dst):  # what Windows does while a viewer has the file open
        if str(dst) != str(target):
            return real(src, dst)
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(summary_pdf.os, "replace", locked)
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    _save_to(monkeypatch, target)
    with qtbot.waitSignal(dialog.failed, timeout=20_000):
        dialog.save_button.click()
    [(_kind, text)] = boxes.shown
    assert str(target) in text and "open in another program" in text
    assert target.read_bytes() == b"%PDF-1.4 earlier" and not list(tmp_path.glob("*.part"))


def _opened_once(qtbot, register, case_id, monkeypatch, tasks) -> tuple[SummaryDialog, list[Path]]:
    """A dialog on `case_id` after one click on Open PDF, and the paths 'the viewer' got."""
    opened: list[Path] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(Path(url.toLocalFile())) or True))
    dialog = SummaryDialog(register, [case_id], "小王", tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.open_button.click()
    return dialog, opened


def test_open_again_while_the_viewer_holds_the_first_copy(qtbot, register, cases,
                                                          monkeypatch, tasks):
    # Windows: the viewer locks the copy it shows; writing over it failed the second Open.
    dialog, opened = _opened_once(qtbot, register, cases[0].id, monkeypatch, tasks)
    first = opened[0]
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self == first:
            raise PermissionError(13, "in use by another process", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.open_button.click()
    second = opened[1]
    assert second != first and second.parent == first.parent and second.is_file()
    assert cases[0].case_no in _text(second)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_opened_copies_live_in_a_folder_only_the_user_can_read(qtbot, register, cases,
                                                               monkeypatch, tasks):
    # /tmp is shared on Linux and the copy may carry full contact details.
    _dialog, opened = _opened_once(qtbot, register, cases[0].id, monkeypatch, tasks)
    folder = opened[0].parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and folder.stat().st_uid == os.getuid()


def test_printing_full_contact_is_audited_as_printed_not_as_a_file(qtbot, register, cases,
                                                                   tmp_path, monkeypatch, tasks):
    # The audit named the temporary copy ("dispute-summary-….pdf", deleted after printing):
    # it read as a file saved somewhere.
    def accept(print_dialog):
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "to-printer.pdf"))
        printer.setResolution(40)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.full_contact.setChecked(True)
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        assert dialog.print_summary()
    [audit] = [a for a in register.cases.audit(cases[0].id)
               if a.action == "summary_full_contact"]
    assert audit.new == "printer: PDF file to-printer.pdf"


def test_the_register_is_only_used_on_the_ui_thread(qtbot, register, cases, tmp_path,
                                                    monkeypatch, tasks):
    # The register's one sqlite connection is opened with check_same_thread=False and
    # shared by sqlite-utils: a query from the layout worker would not raise, it would
    # interleave with the UI's transactions. Gathering and the audit stay on this thread.
    threads: set[str] = set()
    register.db.conn.set_trace_callback(
        lambda _sql: threads.add(threading.current_thread().name))
    try:
        dialog = SummaryDialog(register, [c.id for c in cases], "小王", tasks)
        qtbot.addWidget(dialog)
        dialog.full_contact.setChecked(True)
        dialog.facts_edit.setPlainText("改过的陈述")
        _save_to(monkeypatch, tmp_path / "s.pdf")
        with qtbot.waitSignal(dialog.written, timeout=20_000):
            dialog.save_button.click()
    finally:
        register.db.conn.set_trace_callback(None)
    assert threads == {threading.main_thread().name}


def test_a_case_in_the_trash_says_an_edit_is_not_kept(qtbot, register, cases, tmp_path,
                                                     monkeypatch, tasks):
    register.cases.delete([cases[0].id], "小王")
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    assert "trash" in dialog.facts_label.text()
    dialog.facts_edit.setPlainText("回收站里的工单，仅本次打印")
    _save_to(monkeypatch, tmp_path / "t.pdf")
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_button.click()
    assert "回收站里的工单，仅本次打印" in _text(tmp_path / "t.pdf")
    assert register.summary.saved_facts(cases[0].id) is None


@pytest.mark.parametrize(("lang", "prefix"), [("zh", "争议摘要-"), ("en", "dispute-summary-")])
def test_save_dialog_suggests_a_file_name_in_the_windows_language(qtbot, register, cases,
                                                                 monkeypatch, tasks, lang,
                                                                 prefix):
    suggested: list[str] = []

    def ask(_parent, _title, start, *_args, **_kwargs):
        suggested.append(start)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks, lang=lang)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Path(suggested[0]).name == f"{prefix}{cases[0].case_no}.pdf"


def test_the_saved_message_wraps_above_the_buttons(qtbot, register, cases, tmp_path,
                                                   monkeypatch, tasks):
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.resize(720, 560)
    dialog.show()
    deep = tmp_path / ("很长的文件夹名称" * 4) / ("another-long-folder-name" * 3)
    deep.mkdir(parents=True)
    _save_to(monkeypatch, deep / "争议摘要")
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: "争议摘要" in dialog.status.text())
    status = dialog.status
    assert status.geometry().bottom() < dialog.save_button.geometry().top()  # its own line
    # Wrapped onto more lines once the layout has run.
    qtbot.waitUntil(lambda: status.height() > status.fontMetrics().lineSpacing() * 1.5,
                    timeout=2000)
    for button in (dialog.print_button, dialog.save_button, dialog.open_button,
                   dialog.close_button):
        assert button.width() >= button.sizeHint().width()
        assert dialog.rect().contains(button.geometry())
    assert dialog.width() <= 720


def test_the_platform_version_is_the_default_and_can_be_unticked(qtbot, register, cases,
                                                                 tmp_path, monkeypatch,
                                                                 tasks):
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks)
    qtbot.addWidget(dialog)
    assert dialog.for_platform.isChecked()  # most summaries go to the platform
    _save_to(monkeypatch, tmp_path / "appeal.pdf")
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_button.click()
    assert "平台申诉版" in _text(tmp_path / "appeal.pdf").replace("\n", "")
    dialog.for_platform.setChecked(False)  # the complete record, for the shop's files
    _save_to(monkeypatch, tmp_path / "record.pdf")
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.save_button.click()
    assert "平台申诉版" not in _text(tmp_path / "record.pdf").replace("\n", "")


def _aliexpress_case(register, order="8123456789012"):
    return register.cases.open_case(CaseDraft(
        platform=Platform.ALIEXPRESS, order_no=order, kind=CaseKind.REFUND_ONLY,
        shop="某某小店", buyer_nick="john_d", item_title="Thermos", amount_paid=Decimal("59.90"),
        cause=Cause.TRANSIT_DAMAGE), "小王")


def test_the_document_starts_in_the_windows_language(qtbot, register, cases, tasks):
    dialog = SummaryDialog(register, [cases[0].id], "小王", tasks, lang="en")
    qtbot.addWidget(dialog)
    assert dialog.doc_lang() == "en" and dialog.language.currentData() == "en"
    assert "asked for a refund only" in dialog.facts_edit.toPlainText()
    chinese = SummaryDialog(register, [cases[0].id], "小王", tasks, lang="zh_CN")
    qtbot.addWidget(chinese)
    assert chinese.doc_lang() == "zh" and "申请仅退款" in chinese.facts_edit.toPlainText()


def test_an_aliexpress_case_suggests_english_and_keeps_the_users_choice(qtbot, register,
                                                                        cases, tasks):
    first, second = _aliexpress_case(register), _aliexpress_case(register, "8123456789013")
    dialog = SummaryDialog(register, [first.id, second.id], "小王", tasks, lang="zh")
    qtbot.addWidget(dialog)
    assert dialog.doc_lang() == "en" and dialog.language.toolTip()
    assert "asked for a refund only on AliExpress order" in dialog.facts_edit.toPlainText()
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))  # the user's choice
    dialog.cases.setCurrentRow(1)
    dialog.cases.setCurrentRow(0)
    assert dialog.doc_lang() == "zh" and "申请仅退款" in dialog.facts_edit.toPlainText()
    # A batch that is not all AliExpress keeps the window's language.
    mixed = SummaryDialog(register, [first.id, cases[0].id], "小王", tasks, lang="zh")
    qtbot.addWidget(mixed)
    assert mixed.doc_lang() == "zh" and not mixed.language.toolTip()
