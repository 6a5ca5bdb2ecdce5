"""Help → User guide (F1): the guide shipped with the app, in the window's language; the
import dialog links to its section on the platforms' export menus."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize("env", [{}, {"SHOPDESK_LANG": "en"}], ids=["zh", "en"])
def test_every_menu_path_the_guide_names_is_in_the_menus(qtbot, make_window, register, env):
    # New-seller walkthrough: the guide sent people to 案件 → 新建案件 (it is under 文件),
    # 设置 → 员工… (员工管理…) and Settings → Reminders… (Reminder settings…).
    import re

    window = make_window(register, env=env)

    def plain(text: str) -> str:  # "文件(&F)" -> "文件", "新建案件(&N)…" -> "新建案件"
        return re.sub(r"\(&\w\)", "", text).replace("&", "").replace("…", "").strip()

    menus = {plain(m.text()): {plain(a.text()) for a in m.menu().actions() if a.text()}
             for m in window.menuBar().actions()}
    lang = "en" if env else "zh"
    paths = re.findall(r"([^\s*“\"(（]+) → ([^*”\"\n(（]+?)(?:…|\*\*|”|\")",
                       guide_text(lang))
    checked = [(top, item) for top, item in paths if plain(top) in menus]
    assert len(checked) >= 10, checked
    for top, item in checked:
        assert plain(item) in menus[plain(top)], (top, item)
