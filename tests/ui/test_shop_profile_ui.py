"""Settings → Shop profile: typed shops and addresses are saved and fill the scripts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from shopdesk.domain.enums import Platform
from shopdesk.ui.dialogs.settings_dialog import PROFILE_TAB, SettingsDialog


def type_chinese(widget, text):
    """Chinese arrives from the input method as a committed string, as when a user types."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_shop_profile_is_typed_and_saved(qtbot, register, boxes):
    dialog = SettingsDialog(register, "zh", tab=PROFILE_TAB)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.profile_page
    assert dialog.tabs.currentWidget() is page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    combo = page.platform
    combo.setFocus()
    while combo.currentData() != Platform.JD.value:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    type_chinese(page.name, "暖暖京东店")
    type_chinese(page.addresses, "北京市大兴区1号")
    qtbot.keyClick(page.addresses, Qt.Key.Key_Return)
    type_chinese(page.addresses, "上海市浦东新区2号")
    page.default_address.setFocus()
    qtbot.keyClick(page.default_address, Qt.Key.Key_Down)
    assert page.shop_list.item(0).text().endswith("暖暖京东店")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    saved = register.shop_profile.profile()
    shop = saved.shop_for(Platform.JD)
    assert shop.name == "暖暖京东店"
    assert shop.addresses == ("北京市大兴区1号", "上海市浦东新区2号")
    assert shop.return_address == "上海市浦东新区2号"


def test_a_shop_without_a_name_keeps_the_dialog_open(qtbot, register, boxes):
    dialog = SettingsDialog(register, "zh", tab=PROFILE_TAB)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.profile_page.add_button, Qt.MouseButton.LeftButton)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "店铺名不能为空" in boxes.texts("warning")[-1]
    assert register.shop_profile.profile().shops == ()
