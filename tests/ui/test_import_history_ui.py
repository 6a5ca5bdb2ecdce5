"""The import history (File → 导入记录…): the applied imports, newest first, with who, when,
which export and what each did; the import dialog names an earlier import of the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from shopdesk.ui.dialogs.import_dialog import ImportDialog
from shopdesk.ui.dialogs.import_history_dialog import ImportHistoryDialog
from tests.importers.helpers import DATA
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


def test_the_import_dialog_names_an_earlier_import_of_the_file(qtbot, register, tasks,
                                                               chinese_ui):
    _import(register)
    dialog = ImportDialog(register, "小王", tasks, path=REFUNDS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.is_busy(), timeout=10_000)
    dialog.skip_bad.setChecked(True)
    text = dialog.status.text()
    assert text.startswith("这个文件里没有新的内容。同名文件已于 ")
    assert text.endswith(" 由 小王 导入过。")
