"""Helpers the UI test modules share: typing and choosing like a person, a case to show."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a person: QTest handles ASCII; other characters (¥, 汉字) arrive as key
    events carrying their text, the way an input method commits them."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def choose(qtbot, combo: QComboBox, key: str) -> None:
    """Pick the item whose data is `key` with the arrow keys."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == key:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{key!r} not reachable in {combo}")


class Operator:
    """Stands in for the main window's operator picker."""

    def __init__(self, name: str = "小王") -> None:
        self.name = name

    def __call__(self) -> str:
        return self.name


def make_case(register, order_no: str = "1234567890123", phone: str = "13812345678",
              **extra):
    draft = CaseDraft(platform=Platform.TAOBAO, order_no=order_no, shop="暖暖家居旗舰店",
                      kind=CaseKind.RETURN_REFUND, cause=Cause.ITEM_DEFECTIVE,
                      buyer_nick="tb_lemon", buyer_phone=phone,
                      amount_paid=Decimal("259.00"), amount_claimed=Decimal("259.00"),
                      description="枕套有破洞，买家已拍照", assignee="小王", **extra)
    return register.cases.open_case(draft, "小王")


def type_with_ime(widget, text: str) -> None:
    """Type Chinese the way a pinyin input method delivers it: as a committed string.

    (QTest.keyClicks only knows Latin-1 keys.)
    """
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_form(qtbot, register, **kwargs):
    """The case form as the window opens it (operator 小王), shown and active."""
    from shopdesk.ui.dialogs.case_form import CaseFormDialog

    dialog = CaseFormDialog(register, "小王", **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    return dialog
