"""The case view's deadline: the stage, the time left, what happens at zero, and the
button that moves the case to another stage (agree to the return, return shipped ...).

Nothing here takes a line of its own (a laptop screen has no height to spare): the time
left (this widget) sits beside the status badge; the stage with what happens at zero is a
label, and the stage menu a button, that the case view places on the kind line (the label
elided when narrow, the whole text in its tooltip). The top line keeps only what must
read whole: the case number, its status and the time left."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ...domain.clock import local
from ...domain.deadlines import (
    STAGE_ACTIONS,
    TRACKING_STAGES,
    USER_STAGES,
    Deadline,
    DeadlineSource,
)
from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.platform_state import PlatformStage
from ...domain.text import pick
from ...services.register import Register
from ..models.case_texts import time_left_text
from ..widgets.elided_label import ElidedLabel
from .case_detail_text import shop_time

_RED = "color: #c81e1e;"


class DeadlineStrip(QWidget):
    """One line under the case's headline; hidden for a case with no stage."""

    changed = Signal(int)  # case id, after a stage change
    failed = Signal(str)  # a refusal, for the case view's banner

    def __init__(self, register: Register, operator: Callable[[], str | None], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadline_strip")
        self.register = register
        self._operator = operator
        self._lang = lang
        self._case_id: int | None = None
        self.deadline: Deadline | None = None
        self.stage_name = ""  # the stage as shown
        self.timeout_text = ""  # 到期后… as shown
        self.manual_text = ""  # the due time set by hand, beside the stage's deadline
        self.left_label = QLabel(self)
        self.left_label.setObjectName("deadline_left")
        # What happens at zero: its own widget, placed by the owner on the line below
        # (the top line has no room for it; the full text is its tooltip when cut).
        self.timeout_label = ElidedLabel()
        self.timeout_label.setObjectName("deadline_timeout")
        # Only the room left over: the kind and cause beside it must read whole.
        self.timeout_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                         QSizePolicy.Policy.Preferred)
        self.timeout_label.setContentsMargins(12, 0, 0, 0)
        self.stage_button = QToolButton()
        self.stage_button.setObjectName("stage_button")
        self.stage_button.setText(self.tr("Stage") + " ▾")
        self.stage_button.setToolTip(self.tr("Record the after-sales progress (return agreed, "
                                             "buyer shipped it back, received…); the "
                                             "deadline is worked out again for the stage"))
        self.stage_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.stage_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.menu = QMenu(self.stage_button)
        self.stage_actions = {}
        for stage in USER_STAGES:
            zh, en = STAGE_ACTIONS[stage]
            action = self.menu.addAction(pick(lang, zh, en))
            action.setObjectName(f"stage_{stage.value}")
            action.triggered.connect(lambda _c=False, s=stage: self.choose(s))
            self.stage_actions[stage] = action
        self.stage_button.setMenu(self.menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 6, 0)  # air before the Stage ▾ button beside it
        row.addWidget(self.left_label)

    def set_case(self, case_id: int | None, *, live: bool = True) -> None:
        """Show the deadline of `case_id` (None: hide)."""
        self._case_id = case_id
        self.deadline = None
        if case_id is not None:
            try:
                self.deadline = self.register.deadlines.for_case(case_id)
            except NotFoundError:
                self.deadline = None
        d = self.deadline
        if d is None or (d.stage is None and d.due_at is None):
            self.hide()
            self.timeout_label.hide()
            self.stage_button.hide()
            return
        open_ = d.stage is None or not d.stage.finished
        self.stage_button.setEnabled(live and open_)
        self.stage_name = d.stage.label(self._lang) if d.stage else self.tr("Stage not set")
        if d.stage is PlatformStage.REVIEW_REPLY and case_id is not None:
            # A bad review's stage says what was done: replied, a 追评 to answer, the
            # outcome; not "评价待回复" for ever.
            # (Another kind put at this stage by hand keeps the stage's name.)
            with contextlib.suppress(ShopDeskError, NotFoundError):
                self.stage_name = self.register.reviews.state(case_id).label(self._lang)
        self._show_time(d)
        self.show()
        self.timeout_label.setVisible(True)
        self.stage_button.setVisible(True)

    def tick(self) -> None:
        """Count the time left down again (the window's minute timer): it stood still while
        the list beside it counted down."""
        if self.deadline is not None and self.isVisible():
            self._show_time(self.deadline)

    def _show_time(self, d: Deadline) -> None:
        self.manual_text = ""
        if d.due_at is None:
            self.left_label.setText(self.tr("No deadline") if d.stage is not None
                                    and not d.stage.finished else "")
            self.left_label.setStyleSheet("")
            self.timeout_text = ""
            self.timeout_label.setText(self.stage_name)
            self.left_label.setToolTip("")
            return
        now = self.register.clock.now()
        left = d.due_at - now
        text = time_left_text(left, d.estimate, self._lang)
        source = {DeadlineSource.PLATFORM: self.tr("Platform deadline"),
                  DeadlineSource.RULE: self.tr("Estimated from the rules"),
                  DeadlineSource.MANUAL: self.tr("Set by hand")}[d.source]  # type: ignore[index]
        when = shop_time(d.due_at, self.register.shop_tz)
        self.left_label.setText(self.tr("%1 left").replace("%1", text)
                                 if left.total_seconds() > 0 else text)
        tip = f"{when} · {source}"
        if d.manual_due_at is not None and d.source is not DeadlineSource.MANUAL:
            # The user's own due time is kept and shown beside the stage's deadline.
            self.manual_text = self.tr("Manual due time %1").replace(
                "%1", local(d.manual_due_at, self.register.shop_tz).strftime("%m-%d %H:%M"))
            tip += "\n" + self.manual_text
        red = left < self.register.deadlines.warning_window()
        past = left.total_seconds() <= 0
        self.left_label.setStyleSheet((_RED if red else "")
                                      + ("font-weight: bold;" if past else ""))
        if d.rule is not None:
            rule = d.rule
            tip += "\n" + (self.tr("Rule %1: %2, confidence %3, checked in %4\nSource: %5")
                           .replace("%1", rule.key).replace("%2", rule.length_text(self._lang))
                           .replace("%3", rule.confidence.label(self._lang))
                           .replace("%4", rule.year or "—").replace("%5", rule.source or "—"))
        self.left_label.setToolTip(tip)
        self.timeout_text = (self.tr("When time runs out, %1").replace(
            "%1", d.on_timeout.get(self._lang)) if d.on_timeout is not None else "")
        self.timeout_label.setText(" · ".join(
            t for t in (self.stage_name, self.timeout_text, self.manual_text) if t))

    def choose(self, stage: PlatformStage) -> None:
        """Move the case to `stage`; asks for the tracking number when it is a shipment."""
        if self._case_id is None:
            return
        operator = self._operator()
        if not operator:
            return
        tracking = ""
        if stage in TRACKING_STAGES:
            text, ok = QInputDialog.getText(self, self.tr("Tracking number"),
                                            self.tr("Tracking number (may be left empty):"))
            if not ok:
                return
            tracking = text.strip()
        try:
            self.register.deadlines.change_stage(self._case_id, stage, operator,
                                                 tracking=tracking)
        except (ShopDeskError, NotFoundError) as exc:
            if isinstance(exc, ValidationError):
                self.failed.emit("\n".join(e.message(self._lang) for e in exc.errors))
            elif isinstance(exc, ShopDeskError):
                self.failed.emit(exc.message(self._lang))
            else:
                self.failed.emit(str(exc))
            return
        self.changed.emit(self._case_id)
