"""Settings → Limits: how much each staff member may refund or compensate on a major
complaint (重大投诉) before its owner must approve. Saved with the dialog's OK."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ShopDeskError, ValidationError
from ...domain.money import MoneyError, format_yuan, parse_yuan
from ...services.register import Register
from ..widgets.field_error import FieldErrorLabel


class LimitsPage(QWidget):
    """A default limit and one per active staff member (empty: follow the default)."""

    def __init__(self, register: Register, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("limits_page")
        self.register = register
        self.lang = lang
        limits = register.major.limits()
        intro = QLabel(self.tr("On a major complaint, a refund or compensation above the "
                               "operator's limit needs the approval of the case's owner. "
                               "Empty default: no limit; empty for a person: the default."),
                       self)
        intro.setWordWrap(True)
        self.default = QLineEdit(self._text(limits.default), self)
        self.default.setObjectName("limit_default")
        self.default.setPlaceholderText(self.tr("no limit"))
        form = QFormLayout()
        form.addRow(self.tr("Default limit (¥)"), self.default)
        self.per_staff: dict[str, QLineEdit] = {}
        for member in register.staff.list():
            edit = QLineEdit(self._text(limits.staff.get(member.name)), self)
            edit.setObjectName(f"limit_{member.name}")
            edit.setPlaceholderText(self.tr("default"))
            self.per_staff[member.name] = edit
            form.addRow(member.name, edit)
        self.error = FieldErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    @staticmethod
    def _text(value: Decimal | None) -> str:
        return "" if value is None else format_yuan(value, symbol=False)

    def _amount(self, edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip()
        return parse_yuan(text) if text else None

    def save(self, actor: str) -> bool:
        """Store what changed; False (with the reason shown) when a value is not money."""
        limits = self.register.major.limits()
        wanted: dict[str | None, Decimal | None] = {}
        bad: list[str] = []
        fields: list[tuple[str | None, str, QLineEdit]] = [
            (None, self.tr("Default limit (¥)"), self.default),
            *((name, name, e) for name, e in self.per_staff.items())]
        for name, label, edit in fields:
            try:
                wanted[name] = self._amount(edit)
            except MoneyError:
                # Name each field at fault with what was typed: one message for several
                # boxes left the seller guessing which.
                bad.append(self.tr("%1: “%2” is not a valid amount (e.g. 200 or 99.50)")
                           .replace("%1", label).replace("%2", edit.text().strip()))
        if bad:
            self.error.show_error("\n".join(bad))
            first = next(e for n, _, e in fields if n not in wanted)
            first.setFocus()
            first.selectAll()
            return False
        try:
            for name, amount in wanted.items():
                old = limits.default if name is None else limits.staff.get(name)
                if old != amount:
                    self.register.major.set_limit(name, amount, actor)
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            return False
        except ShopDeskError as exc:
            self.error.show_error(exc.message(self.lang))
            return False
        return True
