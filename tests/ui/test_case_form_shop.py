"""A new case's shop follows its platform: a seller with a Taobao and a Pinduoduo shop who
switched the form to 拼多多 kept the Taobao shop (and the return-address script stayed
unfilled); a shop typed by hand is the seller's and stays (new-seller walkthrough)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.domain.enums import Platform
from shopdesk.domain.shop_profile import Shop, ShopProfile

from .ui_support import choose, open_form, type_text


def _two_shops(register):
    register.shop_profile.save(ShopProfile(shops=(
        Shop(Platform.TAOBAO, "暖暖家居淘宝店", ("杭州市西湖区1号",)),
        Shop(Platform.PINDUODUO, "暖暖家居拼多多店", ("杭州市西湖区2号",)))), "小王")


def test_switching_the_platform_brings_that_platforms_shop(qtbot, register):
    _two_shops(register)
    dialog = open_form(qtbot, register)
    assert (dialog.platform.current_key(), dialog.shop.text()) == (Platform.TAOBAO,
                                                                   "暖暖家居淘宝店")
    choose(qtbot, dialog.platform, "pinduoduo")
    assert dialog.shop.text() == "暖暖家居拼多多店"
    choose(qtbot, dialog.platform, "taobao")
    assert dialog.shop.text() == "暖暖家居淘宝店"


def test_a_shop_typed_by_hand_stays_when_the_platform_changes(qtbot, register):
    _two_shops(register)
    dialog = open_form(qtbot, register)
    dialog.shop.clear()
    type_text(qtbot, dialog.shop, "朋友的店")
    choose(qtbot, dialog.platform, "pinduoduo")
    assert dialog.shop.text() == "朋友的店"


def test_the_last_shop_used_on_a_platform_comes_back_on_that_platform(qtbot, register):
    _two_shops(register)
    register.form_memory.remember(Platform.PINDUODUO, "暖暖家居拼多多二店")
    dialog = open_form(qtbot, register)
    # The last platform is Pinduoduo: its last shop, not the Taobao shop's name on it.
    assert dialog.platform.current_key() == Platform.PINDUODUO
    assert dialog.shop.text() == "暖暖家居拼多多二店"
    choose(qtbot, dialog.platform, "taobao")
    assert dialog.shop.text() == "暖暖家居淘宝店"
    qtbot.keyClick(dialog.shop, Qt.Key.Key_End)  # nothing typed: still follows
    choose(qtbot, dialog.platform, "pinduoduo")
    assert dialog.shop.text() == "暖暖家居拼多多二店"
