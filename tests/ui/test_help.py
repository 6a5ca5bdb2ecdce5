"""Help → User guide (F1): the guide shipped with the app, in the window's language; the
import dialog links to its section on the platforms' export menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from shopdesk.ui.dialogs.help_dialog import EXPORTS_SECTION, HelpDialog, guide_text
from shopdesk.ui.dialogs.import_dialog import ImportDialog


def _guide(window) -> HelpDialog:
    found = [w for w in window.findChildren(HelpDialog) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_f1_opens_the_chinese_guide_and_esc_closes_it(qtbot, window):
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_F1)
    guide = _guide(window)
    text = guide.browser.toPlainText()
    for words in ("使用说明", "千牛", "拼多多", "京东", "抖店", "备份", "电话沟通规范", "Ctrl+N"):
        assert words in text, words
    qtbot.keyClick(guide.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not guide.isVisible())


def test_the_help_menu_opens_the_english_guide_in_an_english_window(qtbot, make_window,
                                                                    demo_register):
    window = make_window(demo_register, env={"SHOPDESK_LANG": "en"})
    assert window.act_help in window.findChild(QMenu, "menu_help").actions()
    window.act_help.trigger()
    text = _guide(window).browser.toPlainText()
    assert "ShopDesk user guide" in text and "使用说明" not in text


def test_both_guides_cover_the_same_sections():
    for lang in ("zh", "en"):
        headings = [line for line in guide_text(lang).splitlines() if line.startswith("## ")]
        assert [h.split(".")[0] for h in headings] == [f"## {n}" for n in range(1, 8)], lang


def test_the_import_dialog_links_to_the_export_instructions(qtbot, register, tasks):
    dialog = ImportDialog(register, "小王", tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.help_link.linkActivated.emit("help:exports")
    guide = dialog.help
    assert guide is not None and guide.isVisible()
    cursor = guide.browser.textCursor()
    assert cursor.hasSelection() and cursor.selectedText().startswith(f"{EXPORTS_SECTION}.")
