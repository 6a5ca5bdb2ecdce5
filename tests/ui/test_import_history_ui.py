"""The import history (File → 导入记录…): the applied imports, newest first, with who, when,
which export and what each did; the import dialog names an earlier import of the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from shopdesk.ui.dialogs.import_dialog import ImportDialog
from shopdesk.ui.dialogs.import_history_dialog import ImportHistoryDialog
from tests.importers.helpers import DATA, TAOBAO_REFUND_HEADER, csv_bytes, taobao_refund_row
from tests.ui.test_demo_removal_ui import click_menu_item

REFUNDS = DATA / "taobao_refund_gbk.csv"


def _import(register, actor="小王"):
    service = register.imports
    return service.apply(service.read(REFUNDS), REFUNDS.name, actor, skip_bad_rows=True)


def test_the_file_menu_opens_the_history_of_imports(qtbot, make_window, register, clock,
                                                    monkeypatch):
    _import(register)
    clock.advance(hours=3)
    register.staff.add("小李", actor="小王")
    _import(register, "小李")
    window = make_window(register)
    shown: list[ImportHistoryDialog] = []

    def exec_(dialog):
        shown.append(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes it, as a user would
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ImportHistoryDialog, "exec", exec_)
    click_menu_item(qtbot, window, "menu_file", window.imports.act_history)
    (dialog,) = shown
    assert dialog.windowTitle() == "导入记录"
    rows = dialog.rows()
    assert [r[1] for r in rows] == ["小李", "小王"]  # newest first
    assert rows[1][2:] == ["taobao_refund_gbk.csv", "淘宝/天猫 售后单", "3", "0", "0", "4",
                           "平台已完结 1"]
    assert rows[0][4:8] == ["0", "0", "3", "4"] and rows[0][8] == ""
    assert dialog.table.item(1, 8).toolTip().endswith("跳过 4 行；平台已完结 1")
    assert dialog.status.text() == "共导入 2 次。"
    assert not dialog.isVisible()


def test_an_empty_history_says_how_to_import(qtbot, register, chinese_ui):
    dialog = ImportHistoryDialog(register)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rows() == [] and not dialog.table.isVisible()
    assert dialog.status.text().startswith("还没有导入过平台导出的文件")


def test_a_long_history_shows_the_latest(qtbot, register, chinese_ui, monkeypatch):
    import shopdesk.ui.dialogs.import_history_dialog as module

    for _ in range(3):
        _import(register)
    monkeypatch.setattr(module, "SHOWN", 2)
    dialog = ImportHistoryDialog(register)
    qtbot.addWidget(dialog)
    assert len(dialog.rows()) == 2
    assert dialog.status.text() == "共导入 3 次，显示最近 2 次。"


def _dialog(qtbot, register, tasks, path=REFUNDS):
    dialog = ImportDialog(register, "小王", tasks, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.is_busy(), timeout=10_000)
    return dialog


def test_the_import_dialog_names_an_earlier_import_of_the_file(qtbot, register, tasks,
                                                               chinese_ui):
    _import(register)
    dialog = _dialog(qtbot, register, tasks)
    dialog.skip_bad.setChecked(True)
    text = dialog.status.text()
    assert text.startswith("这个文件里没有新的内容。这个文件已于 ")
    assert text.endswith(" 由 小王 导入过。")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_note_follows_the_platforms_words_as_a_sentence_of_its_own(
        qtbot, register, tasks, tmp_path, qapp, lang):
    from shopdesk.ui.i18n import Translators

    rows = [taobao_refund_row(i) for i in range(2)]
    first = tmp_path / "refunds.csv"
    first.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, *rows], "gbk"))
    service = register.imports
    service.apply(service.read(first), first.name, "小王")
    # Logged by an earlier version, without the file's hash: matched by its name.
    register.db.execute("UPDATE import_log SET file_sha256 = NULL")
    # Today's export under the same name: the platform finished the first refund.
    rows[0] = taobao_refund_row(0, 退款状态="退款成功", 退款完结时间="2026-11-24 10:00:00")
    later = tmp_path / "later" / "refunds.csv"
    later.parent.mkdir()
    later.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, *rows], "gbk"))
    translators = Translators(qapp)
    translators.install(lang)
    try:
        text = _dialog(qtbot, register, tasks, later).status.text()
    finally:
        translators.remove()
    if lang == "zh":
        assert text.startswith("可以导入：新建 0，更新 1。平台已完结 1。同名文件已于 ")
        assert text.endswith(" 由 小王 导入过。")
    else:
        assert text.startswith("Ready: 0 new, 1 updated. 1 resolved on the platform. "
                               "A file of this name was imported on ")
        assert text.endswith(" by 小王.")


def test_an_import_made_since_the_preview_is_named_after_importing(qtbot, register, tasks,
                                                                   chinese_ui):
    dialog = _dialog(qtbot, register, tasks)
    assert "导入过" not in dialog.status.text()
    register.staff.add("小李", actor="小王")
    _import(register, "小李")  # a colleague imports the same file meanwhile
    dialog.skip_bad.setChecked(True)
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    text = dialog.status.text()
    assert text.startswith("已导入：新建 0，更新 0，未变 3")
    assert "这个文件已于 " in text and " 由 小李 导入过。" in text


def test_a_colleagues_repeat_since_the_preview_is_named_too(qtbot, register, tasks,
                                                           chinese_ui, clock):
    """Imported before (only its open refunds), previewed again with the finished one to
    come; a colleague imports the same file before this import: the import names them."""
    service = register.imports
    service.apply(service.read(REFUNDS), REFUNDS.name, "小王", skip_bad_rows=True,
                  only_open=True)
    dialog = _dialog(qtbot, register, tasks)
    dialog.skip_bad.setChecked(True)
    assert dialog.report.created == 1 and dialog.import_button.isEnabled()
    assert " 由 小王 导入过。" in dialog.status.text()
    register.staff.add("小李", actor="小王")
    clock.advance(hours=1)
    _import(register, "小李")
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    text = dialog.status.text()
    assert text.startswith("已导入：新建 0") and text.endswith(" 由 小李 导入过。")
