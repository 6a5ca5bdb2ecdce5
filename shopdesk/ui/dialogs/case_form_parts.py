"""Small pieces of the case form that hold no words of their own: a line edit with a button,
the money test of a typed amount, and how a time shown to the minute reads back."""

from __future__ import annotations

from datetime import datetime

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
