"""A read-only stand-in for CaseDetailView, used only while that module is not installed.

It has the same interface (show_case, changed) so the main window works either way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.clock import local
from ...domain.errors import NotFoundError
from ...domain.money import format_yuan
from ...services.register import Register
from ..i18n import ui_language


class PlaceholderDetailView(QWidget):
    """Shows the main facts of one case as text."""

    changed = Signal(int)

    def __init__(self, register: Register, operator_provider: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._operator = operator_provider
        self._lang = ui_language(register)
        self.text = QLabel(self)
        self.text.setObjectName("detail_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.text)
        self.show_case(None)

    def show_case(self, case_id: int | None) -> None:
        if case_id is None:
            self.text.setText(self.tr("Select a case to see its details."))
            return
        try:
            case = self._register.cases.get_for_screen(case_id, include_deleted=True)
        except NotFoundError:
            self.show_case(None)
            return
        lang, tz = self._lang, self._register.shop_tz
        due = local(case.due_at, tz).strftime("%Y-%m-%d %H:%M") if case.due_at else ""
        rows = [
            (self.tr("Case no."), case.case_no),
            (self.tr("Status"), case.status.label(lang)),
            (self.tr("Platform"), case.platform.label(lang)),
            (self.tr("Order no."), case.order_no),
            (self.tr("Buyer"), case.buyer_nick),
            (self.tr("Phone"), case.buyer_phone),
            (self.tr("Item"), case.item_title),
            (self.tr("Kind"), case.kind.label(lang)),
            (self.tr("Cause"), case.cause.label(lang) if case.cause else ""),
            (self.tr("Claimed"), format_yuan(case.amount_claimed)),
            (self.tr("Due"), due),
            (self.tr("Assignee"), case.assignee),
            (self.tr("Description"), case.description),
        ]
        html = "".join(f"<p><b>{k}</b>：{_escape(v)}</p>" for k, v in rows if v)
        self.text.setText(html)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
