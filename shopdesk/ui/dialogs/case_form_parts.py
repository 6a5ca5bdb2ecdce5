"""Small pieces of the case form that hold no words of their own: a line edit with a button,
the money test of a typed amount, and how a time shown to the minute reads back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from ...domain.money import MoneyError, parse_yuan


def is_money(text: str) -> bool:
    try:
        parse_yuan(text)
    except MoneyError:
        return False
    return True


def with_button(edit: QLineEdit, button: QPushButton) -> QWidget:
    """A line edit with a button at its right (the masked contact fields' Show)."""
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row_widget


def kept_time(shown: datetime | None, stored: datetime | None) -> datetime | None:
    """The time a form's minute-wide box gives back: `stored` when the box still shows it.
    An export's 申请时间 has seconds (09:30:17) the box cannot show; read back as 09:30 it
    would be an edit, audited on every save, and undone by the next import."""
    if shown is not None and stored is not None \
            and shown == stored.replace(second=0, microsecond=0):
        return stored
    return shown


class ShopFollower:
    """A new case's shop follows its platform: a seller with a Taobao and a Pinduoduo shop
    who switches to 拼多多 gets the Pinduoduo shop (the last used there, else the shop
    profile's), unless a shop was typed by hand (theirs: left alone)."""

    def __init__(self, platform: Any, shop: QLineEdit,
                 suggestion: Callable[[Any], str]) -> None:
        self._platform, self._shop, self._suggestion = platform, shop, suggestion
        self._suggested = suggestion(platform.current_key())
        shop.setText(self._suggested)
        platform.currentIndexChanged.connect(self._switched)

    def _switched(self, _index: int) -> None:
        platform = self._platform.current_key()
        if platform is None or self._shop.text().strip() != self._suggested.strip():
            return
        self._suggested = self._suggestion(platform)
        self._shop.setText(self._suggested)
