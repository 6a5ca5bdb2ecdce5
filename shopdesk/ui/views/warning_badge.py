"""The early-warning badge on the case panel: why the case is warned, similar cases, and
acknowledging the warnings (who and what was done go on the timeline)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ShopDeskError
from ...domain.text import colon
from ...services.register import Register

BADGE_STYLE = ("QFrame#warning_badge { background: #fde8e4; border: 1px solid #d9534f; "
               "border-radius: 4px; } QLabel { color: #7a1f12; }")
# Similar cases linked in the badge: with the count and its explanation they take two
# lines of the 1280 px pane; the tooltip names up to MAX_SIMILAR_NAMED.
MAX_SIMILAR_SHOWN = 3
MAX_SIMILAR_NAMED = 20
# Reasons shown in the badge; more are summed up in one line (all in the tooltip), so a
# case with many warnings still leaves its key facts and the reply scripts on a laptop.
MAX_REASONS_SHOWN = 3


class WarningBadge(QFrame):
    """Shown while the case has live warnings, or similar cases to point at."""

    acknowledged = Signal(int)  # case id
    case_activated = Signal(int)  # a similar case's link was clicked (its id)

    def __init__(self, register: Register, operator: Callable[[], str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warning_badge")
        self.setStyleSheet(BADGE_STYLE)
        self.register = register
        self.operator = operator
        self.lang = lang
        self.case_id: int | None = None
        self.reasons = QLabel(self)
        self.reasons.setObjectName("warning_reasons")
        self.reasons.setWordWrap(True)
        font = self.reasons.font()
        font.setBold(True)
        self.reasons.setFont(font)
        # The similar cases on a line of their own, wrapped: beside the acknowledgement it
        # was cut mid-sentence ("同类售后共 14 单（同商品同原因，"). A few links (the
        # tooltip names more) keep it to two lines on a laptop.
        self.similar = QLabel(self)
        self.similar.setObjectName("warning_similar")
        # Each similar case is a link (click, or Tab to it and Enter) that opens it. It
        # never widens the pane (Ignored): it wraps in the width it is given.
        self.similar.setTextFormat(Qt.TextFormat.RichText)
        self.similar.setWordWrap(True)
        self.similar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.similar.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.similar.linkActivated.connect(self._link)
        self.note = QLineEdit(self)
        self.note.setObjectName("warning_note")
        self.note.setMinimumWidth(160)
        self.note.setPlaceholderText(self.tr("What was done (e.g. called the buyer, told the "
                                             "owner)"))
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.ack_button.setObjectName("warning_ack")
        self.ack_button.setToolTip(self.tr("Record that you saw the warnings and what was "
                                           "done; a new trigger raises them again"))
        self.ack_button.clicked.connect(self.acknowledge)
        self.note.returnPressed.connect(self.acknowledge)
        self.message = QLabel(self)
        self.message.setObjectName("warning_message")
        self.message.hide()
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.setSpacing(2)
        layout.addWidget(self.reasons)
        layout.addWidget(self.similar)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.hide()

    def set_case(self, case_id: int | None, *, live: bool = True) -> None:
        """Show the warnings of `case_id` (hidden when it has none and no similar cases)."""
        self.case_id = case_id
        self.message.hide()
        if case_id is None or not live:
            self.hide()
            return
        warnings = self.register.warnings.live([case_id]).get(case_id, [])
        similar = self.register.warnings.similar(case_id)
        sep = colon(self.lang)
        lines = [f"⚠ {w.rule.label(self.lang)}{sep}{w.reason(self.lang)}" for w in warnings]
        shown = lines
        if len(lines) > MAX_REASONS_SHOWN:
            more = self.tr("⚠ … and %1 more (point here to see all)").replace(
                "%1", str(len(lines) - MAX_REASONS_SHOWN + 1))
            shown = [*lines[:MAX_REASONS_SHOWN - 1], more]
        self.reasons.setText("\n".join(shown))
        self.reasons.setToolTip("\n".join(lines) if shown is not lines else "")
        self.reasons.setVisible(bool(warnings))
        self.note.setVisible(bool(warnings))
        self.ack_button.setVisible(bool(warnings))
        if similar:
            numbers = self._case_numbers([f.case_id for f in similar[:MAX_SIMILAR_NAMED]])
            shown = numbers[:MAX_SIMILAR_SHOWN]
            more = "…" if len(similar) > len(shown) else ""
            links = ", ".join(f'<a href="case:{case_id}">{escape(no)}</a>'
                              for case_id, no in shown)
            self.similar.setText(escape(
                self.tr("One of %3 similar cases (same item and cause, %1 days): "
                        "%2")).replace("%1", str(self.register.warnings.rules().similar_days))
                .replace("%2", links + more)
                .replace("%3", str(len(similar) + 1)))
            self.similar.setToolTip(", ".join(no for _i, no in numbers)
                                    + ("…" if len(similar) > len(numbers) else ""))
        self.similar.setVisible(bool(similar))
        self.setVisible(bool(warnings) or bool(similar))

    def _case_numbers(self, ids: list[int]) -> list[tuple[int, str]]:
        cases = self.register.cases.fetch(ids)
        return [(i, cases[i].case_no) for i in ids if i in cases]

    def similar_ids(self) -> list[int]:
        """The case ids the similar-cases links open, in the order shown."""
        return [int(x) for x in re.findall(r'href="case:(\d+)"', self.similar.text())]

    def _link(self, href: str) -> None:
        if href.startswith("case:") and href[5:].isdigit():
            self.case_activated.emit(int(href[5:]))

    def acknowledge(self) -> None:
        if self.case_id is None:
            return
        operator = (self.operator() or "").strip()
        if not operator:
            self._say(self.tr("Choose the operator first: the acknowledgement records who "
                              "saw the warning."))
            return
        try:
            self.register.warnings.acknowledge(self.case_id, operator, self.note.text())
        except ShopDeskError as exc:
            self._say(exc.message(self.lang))
            return
        self.note.clear()
        self.acknowledged.emit(self.case_id)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
