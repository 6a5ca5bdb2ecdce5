"""The top of the case panel: big case number, status badge and the case's facts."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.case import Case
from ...domain.clock import from_iso
from ...domain.enums import CaseStatus, CauseSide
from ...domain.money import format_yuan
from ...domain.text import parens, pick
from ..widgets.elided_label import ElidedLabel
from ..widgets.field_error import ERROR_COLOUR
from .case_detail_text import CaseText, shop_time

STATUS_COLOURS = {
    CaseStatus.NEW: "#1565c0", CaseStatus.IN_PROGRESS: "#e65100",
    CaseStatus.WAITING_BUYER: "#6a1b9a", CaseStatus.WAITING_PLATFORM: "#ad1457",
    CaseStatus.RESOLVED: "#2e7d32", CaseStatus.CLOSED: "#616161",
}
TRASH_COLOUR = "#424242"
EMPTY = "—"
# What a seller needs with every case, always on screen (a laptop shows these and the
# reply script without scrolling); the rest opens under "More details".
KEY_ROWS: tuple[tuple[str, ...], ...] = (
    ("platform", "order_no"), ("buyer_nick", "buyer_phone"), ("item_title",),
    ("amount_paid", "amount_claimed"), ("outcome", "amount_settled"), ("due_at", "assignee"),
    ("platform_state",),
)
MORE_ROWS: tuple[tuple[str, ...], ...] = (
    ("shop", "refund_no"), ("buyer_name", "customer_type"), ("sku", "priority"),
    ("applied_at", "created"), ("updated",), ("description",),
)
MORE_FIELDS = frozenset(name for row in MORE_ROWS for name in row)


def _badge_style(colour: str) -> str:
    return (f"background: {colour}; color: white; border-radius: 4px; "
            "padding: 2px 8px; font-weight: bold;")


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CaseHeader(QWidget):
    """Case number large enough to read out, status badge, kind and cause."""

    def __init__(self, text: CaseText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.case_no = QLabel()
        self.case_no.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.case_no.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.case_no.setFont(font)
        # Never cut: the number is read out to buyers; the controls beside it give way.
        self.case_no.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.badge = QLabel()
        self.trash_badge = QLabel(self.tr("In the trash"))
        self.trash_badge.setStyleSheet(_badge_style(TRASH_COLOUR))
        # Kind and cause on one line (the whole text in the tooltip if it must be cut).
        self.summary = ElidedLabel()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.top = top  # the owner adds its own controls before the stretch
        top.addWidget(self.case_no)
        top.addSpacing(8)
        top.addWidget(self.badge)
        top.addWidget(self.trash_badge)
        top.addStretch(1)
        self.top = top  # the owner may add controls at the right of the case number
        self.row = QHBoxLayout()  # the owner adds its own controls after the summary
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addLayout(self.row)

    def show_case(self, case: Case) -> None:
        lang = self.text.lang
        self.case_no.setText(case.case_no)
        self.badge.setText(case.status.label(lang))
        self.badge.setStyleSheet(_badge_style(STATUS_COLOURS[case.status]))
        self.trash_badge.setVisible(case.deleted_at is not None)
        parts = [case.kind.label(lang)]
        if case.cause is not None:
            # A Latin bracket needs the space a full-width one carries in itself.
            parts.append(case.cause.label(lang) + pick(lang, "", " ")
                         + parens(case.cause.side.label(lang), lang))
        self.summary.setText(" · ".join(parts))


class CaseFacts(QWidget):
    """Label/value pairs in two columns; the phone stays masked until reveal is asked for.

    The key facts are always shown; `more_button` (placed by the owner) opens the rest."""

    reveal_requested = Signal()

    def __init__(self, text: CaseText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.values: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self.reveal_button = QPushButton(self.tr("Show"))
        self.reveal_button.setToolTip(self.tr("Show the full number (this is recorded)"))
        self.reveal_button.clicked.connect(self.reveal_requested)
        # As tall as a line of text, so the phone row lines up with the others.
        self.reveal_button.setStyleSheet("padding: 0px 10px;")
        self.more_button = QToolButton()
        self.more_button.setObjectName("case_more_details")
        self.more_button.setText(self.tr("More details"))
        self.more_button.setToolTip(self.tr("Shop, refund number, buyer name, SKU, dates "
                                            "and the description"))
        self.more_button.setCheckable(True)
        self.more_button.setAutoRaise(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.toggled.connect(self._show_more)
        self._settled = False
        self._imported = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for row, names in enumerate(KEY_ROWS + MORE_ROWS):
            for i, name in enumerate(names):
                label = QLabel(self._name(name))
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = _value_label()
                self._labels[name], self.values[name] = label, value
                grid.addWidget(label, row, i * 2)
                span = 3 if len(names) == 1 else 1
                if name == "buyer_phone":
                    box = QHBoxLayout()
                    box.setContentsMargins(0, 0, 0, 0)
                    box.setSpacing(8)
                    box.addWidget(value)
                    box.addWidget(self.reveal_button)
                    box.addStretch(1)
                    grid.addLayout(box, row, i * 2 + 1)
                else:
                    grid.addWidget(value, row, i * 2 + 1, 1, span)
        # Folded from the start, not only once a case is shown: the unfolded grid's height
        # would otherwise count in the window's minimum size (too tall for a laptop).
        self._apply_visibility()

    def more_shown(self) -> bool:
        return self.more_button.isChecked()

    def _show_more(self, on: bool) -> None:
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        more = self.more_button.isChecked()
        for name, value in self.values.items():
            shown = more if name in MORE_FIELDS else True
            if name in ("outcome", "amount_settled"):
                shown = self._settled
            if name == "platform_state":
                shown = self._imported
            value.setVisible(shown)
            self._labels[name].setVisible(shown)

    def _name(self, name: str) -> str:
        if name == "created":
            return self.tr("Created")
        if name == "updated":
            return self.tr("Last change")
        if name == "platform_state":
            return self.tr("Platform status")
        return self.text.field(name)

    def show_case(self, case: Case, now: datetime, phone: str | None) -> None:
        """`case` as the service gives it for the screen (phone masked); `phone` is the
        revealed full number, or None."""
        tz, lang = self.text.tz, self.text.lang
        shown = {
            "platform": case.platform.label(lang), "shop": case.shop,
            "order_no": case.order_no, "refund_no": case.refund_no,
            "buyer_nick": case.buyer_nick, "buyer_name": case.buyer_name,
            "buyer_phone": phone if phone is not None else case.buyer_phone,
            "customer_type": case.customer_type.label(lang), "item_title": case.item_title,
            "sku": case.sku, "priority": case.priority.label(lang),
            "amount_paid": format_yuan(case.amount_paid),
            "amount_claimed": format_yuan(case.amount_claimed),
            "outcome": case.outcome.label(lang) if case.outcome else "",
            "amount_settled": format_yuan(case.amount_settled),
            "due_at": shop_time(case.due_at, tz), "assignee": case.assignee,
            "applied_at": shop_time(case.applied_at, tz),
            "created": f"{shop_time(case.created_at, tz)} {case.created_by}".strip(),
            "updated": shop_time(case.last_activity_at or case.updated_at, tz),
            "description": case.description,
            "platform_state": self._platform_state(case),
        }
        for name, value in shown.items():
            self.values[name].setText(value or EMPTY)
        self._settled = case.outcome is not None or case.amount_settled is not None
        self._imported = bool(shown["platform_state"])
        self._apply_visibility()
        overdue = case.is_overdue(now)
        due = self.values["due_at"]
        if overdue:
            due.setText(self.tr("%1 (overdue)").replace("%1", due.text()))
        due.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if overdue else "")
        self.reveal_button.setVisible(bool(case.buyer_phone) and phone is None)

    def _platform_state(self, case: Case) -> str:
        """The platform's words and what they mean, its evidence deadline and the side it
        blames (a hint only: the case's own cause is the user's)."""
        lang, tz = self.text.lang, self.text.tz
        parts = [case.platform_summary(lang)] if case.platform_summary(lang) else []
        evidence = from_iso(case.extra.get("platform_evidence_deadline"))  # type: ignore[arg-type]
        if evidence is not None:
            parts.append(self.tr("evidence due %1").replace("%1", shop_time(evidence, tz)))
        hint = str(case.extra.get("cause_side_hint") or "")
        if hint in {s.value for s in CauseSide}:
            side = CauseSide(hint)
            text = self.tr("platform blames: %1").replace("%1", side.label(lang))
            if case.cause is not None and case.cause.side is not side:
                text += self.tr(" (not the side of the cause chosen)")
            parts.append(text)
        return " · ".join(parts)
