"""The bad-review tab on a bad_review case (中差评): the review, the reply window's countdown,
the public reply (from the review-reply script), up to two follow-up contacts and the
outcome. Everything goes through register.reviews; refusals are shown, never raised."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.reviews import MAX_CONTACTS, ContactChannel, ReplyWindow, Review, ReviewOutcome
from ...services.register import Register
from ..widgets.due_edit import DueTimeEdit
from ..widgets.field_error import FieldErrorLabel
from .case_detail_text import shop_time

WARN_BEFORE = timedelta(days=3)  # the countdown turns red this long before the window shuts
RED = "color: #c62828;"


def _minute(at: datetime | None) -> datetime | None:
    return at.replace(second=0, microsecond=0) if at else None


class ReviewPanel(QWidget):
    """One bad_review case's review. Emits changed(case id) after a write."""

    changed = Signal(int)

    def __init__(self, register: Register, operator: Callable[[], str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_panel")
        self.register = register
        self.operator = operator
        self.lang = lang
        self.case_id: int | None = None
        self.review: Review | None = None
        tz = register.shop_tz

        self.countdown = QLabel(self)
        self.countdown.setObjectName("review_countdown")
        self.countdown.setWordWrap(True)
        self.stars = QSpinBox(self)
        self.stars.setObjectName("review_stars")
        self.stars.setRange(0, 5)
        self.stars.setSpecialValueText("—")
        self.stars.setSuffix(" ★")
        self.link = QLineEdit(self)
        self.link.setObjectName("review_link")
        self.link.setPlaceholderText(self.tr("Link to the review (or leave empty: the order "
                                             "number identifies it)"))
        self.reviewed_at = DueTimeEdit(tz, self)
        self.reviewed_at.setObjectName("review_reviewed_at")
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.text.setObjectName("review_text")
        self.text.setMaximumHeight(48)
        self.appended_at = DueTimeEdit(tz, self)
        self.appended_at.setObjectName("review_appended_at")
        self.append_text = QLineEdit(self)
        self.append_text.setObjectName("review_append_text")
        self.append_text.setPlaceholderText(self.tr("What the follow-up review says"))
        self.reply_label = QLabel(self)
        self.reply = QPlainTextEdit(self)
        self.reply.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.reply.setObjectName("review_reply")
        self.reply.setMaximumHeight(60)
        self.posted = QLabel(self)
        self.posted.setObjectName("review_posted")
        self.posted.setWordWrap(True)
        self.suggest_button = QPushButton(self.tr("Suggested reply"), self)
        self.suggest_button.setObjectName("review_suggest")
        self.suggest_button.setToolTip(self.tr("Fill in the public-reply script for this case"))
        self.suggest_button.clicked.connect(self.fill_suggested)
        self.post_button = QPushButton(self.tr("Posted now"), self)
        self.post_button.setObjectName("review_post")
        self.post_button.setToolTip(self.tr("The reply above was posted on the platform now "
                                            "(it cannot be edited afterwards)"))
        self.post_button.clicked.connect(self.mark_posted)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("review_outcome")
        self.outcome.addItem(self.tr("Not known yet"), "")
        for o in ReviewOutcome:
            self.outcome.addItem(o.label(lang), o.value)
        self.outcome.setToolTip(self.tr("Record what the buyer did; never ask for it"))
        self.save_button = QPushButton(self.tr("Save review"), self)
        self.save_button.setObjectName("review_save")
        self.save_button.clicked.connect(lambda: self.save())

        self.contacts_label = QLabel(self)
        self.contacts_label.setObjectName("review_contacts_label")
        self.contacts = QListWidget(self)
        self.contacts.setObjectName("review_contacts")
        self.contacts.setMaximumHeight(48)
        self.channel = QComboBox(self)
        self.channel.setObjectName("review_contact_channel")
        for c in ContactChannel:
            self.channel.addItem(c.label(lang), c.value)
        self.contact_note = QLineEdit(self)
        self.contact_note.setObjectName("review_contact_note")
        self.contact_note.setPlaceholderText(self.tr("About the problem only — never about "
                                                     "the review"))
        self.contact_button = QPushButton(self.tr("Record contact"), self)
        self.contact_button.setObjectName("review_contact_add")
        self.contact_button.clicked.connect(self.add_contact)
        # Enter in the note records it, as the button does (the button is off once the
        # two contacts are used: then Enter does nothing either).
        self.contact_note.returnPressed.connect(
            lambda: self.add_contact() if self.contact_button.isEnabled() else None)
        self.error = FieldErrorLabel(self)

        # Two facts a row where they fit: the tab shares a laptop's height with the case.
        form = QFormLayout()
        review_row = QHBoxLayout()
        review_row.addWidget(self.reviewed_at, 1)
        review_row.addWidget(QLabel(self.tr("Stars:"), self))
        review_row.addWidget(self.stars)
        form.addRow(self.tr("Reviewed at:"), review_row)
        form.addRow(self.tr("Review:"), self.text)
        form.addRow(self.tr("Link:"), self.link)
        append_row = QHBoxLayout()
        append_row.addWidget(self.appended_at)
        append_row.addWidget(self.append_text, 1)
        form.addRow(self.tr("Follow-up review:"), append_row)
        form.addRow(self.reply_label, self.reply)
        reply_buttons = QHBoxLayout()
        reply_buttons.addWidget(self.suggest_button)
        reply_buttons.addWidget(self.post_button)
        reply_buttons.addStretch(1)
        form.addRow("", reply_buttons)
        form.addRow("", self.posted)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.outcome, 1)
        outcome_row.addWidget(self.save_button)
        form.addRow(self.tr("Outcome:"), outcome_row)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.channel)
        contact_row.addWidget(self.contact_note, 1)
        contact_row.addWidget(self.contact_button)

        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.countdown)
        layout.addLayout(form)
        layout.addWidget(self.contacts_label)
        layout.addWidget(self.contacts)
        layout.addLayout(contact_row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- showing ---------------------------------------------------------------------
    def set_case(self, case_id: int | None, *, live: bool = True) -> None:
        self.case_id = case_id
        self.error.clear_error()
        if case_id is None:
            self.review = None
            return
        service = self.register.reviews
        review = self.review = service.get(case_id)
        self.stars.setValue(review.stars or 0)
        self.link.setText(review.link)
        now = self.register.clock.now()
        self.reviewed_at.set_value(review.reviewed_at, fallback=now)
        self.text.setPlainText(review.text)
        self.appended_at.set_value(review.appended_at, fallback=now)
        self.append_text.setText(review.append_text)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(
            review.outcome.value if review.outcome else "")))
        target, posted_at = self._reply_target()
        self.reply_label.setText(self.tr("Reply to the follow-up review:")
                                 if target == "append_reply_text" else
                                 self.tr("Public reply:"))
        self.reply.setPlainText(getattr(review, target))
        self.reply.setReadOnly(posted_at is not None)
        self.post_button.setEnabled(live and posted_at is None)
        self.suggest_button.setEnabled(live and posted_at is None)
        self._show_posted(review)
        self._show_countdown(service.next_window(case_id), now)
        self._show_contacts(case_id, live)
        self.save_button.setEnabled(live)

    def _show_contacts(self, case_id: int, live: bool) -> None:
        """The follow-up contacts and the other calls logged on the case, in time order:
        both reach the same buyer, and both count against the two contacts allowed."""
        service = self.register.reviews
        tz = self.register.shop_tz
        lines = [(c.at, f"{shop_time(c.at, tz)} · {c.channel.label(self.lang)} · "
                        f"{c.actor}  {c.note}") for c in service.contacts(case_id)]
        lines += [(c.at, f"{shop_time(c.at, tz)} · "
                         + self.tr("Call logged on the case") + " · "
                         + f"{c.outcome.label(self.lang)} · {c.actor}  {c.summary}")
                  for c in service.other_calls(case_id)]
        self.contacts.clear()
        for _, line in sorted(lines, key=lambda pair: pair[0]):
            self.contacts.addItem(line.rstrip())
        used = service.contacts_used(case_id)
        self.contacts_label.setText(self.tr("Contacts with the buyer: %1 of %2")
                                    .replace("%1", str(used))
                                    .replace("%2", str(MAX_CONTACTS)))
        self.contacts_label.setToolTip(self.tr(
            "A bad review allows at most %1 follow-up contacts with the buyer. Counted: "
            "the contacts recorded here and every call logged on this case (Log call), "
            "answered or not — they reach the same buyer.").replace("%1", str(MAX_CONTACTS)))
        self.contact_button.setEnabled(live and used < MAX_CONTACTS)

    def _reply_target(self) -> tuple[str, datetime | None]:
        """Which reply the editor holds: the 追评's once there is one and the first reply
        was posted (or its window passed), else the review's."""
        review = self.review
        assert review is not None
        if review.appended_at is not None and (review.replied_at is not None or
                                               review.append_reply_text):
            return "append_reply_text", review.append_replied_at
        return "reply_text", review.replied_at

    def _show_posted(self, review: Review) -> None:
        tz = self.register.shop_tz
        lines = []
        if review.replied_at:
            lines.append(self.tr("Reply posted %1").replace("%1", shop_time(review.replied_at,
                                                                             tz)))
        if review.append_replied_at:
            lines.append(self.tr("Reply to the follow-up review posted %1").replace(
                "%1", shop_time(review.append_replied_at, tz)))
        self.posted.setText("\n".join(lines))
        self.posted.setVisible(bool(lines))

    def _show_countdown(self, window: ReplyWindow | None, now: datetime) -> None:
        case = self.register.cases.get(self.case_id, include_deleted=True)  # type: ignore[arg-type]
        rule = self.register.reviews.rule_for(case)
        if rule is None:
            self.countdown.setText(self.tr("Reply window: not known for this platform"))
            self.countdown.setStyleSheet("")
            self.countdown.setToolTip("")
            return
        self.countdown.setToolTip(f"{rule.note.get(self.lang)}\n{rule.source} ({rule.year})")
        if window is None:
            review = self.review
            done = review is not None and review.reviewed_at is not None
            state = self.register.reviews.state(self.case_id)  # type: ignore[arg-type]
            self.countdown.setText(state.label(self.lang) if done else
                                   self.tr("Enter the review date to start the reply "
                                           "countdown (%1 days)").replace(
                                       "%1", str(rule.reply_days)))
            self.countdown.setStyleSheet("")
            return
        left = window.remaining(now)
        days, hours = left.days, left.seconds // 3600
        about = self.tr("about ") if window.estimate else ""
        which = (self.tr("Reply to the follow-up review by %1")
                 if window.which == "append" else self.tr("Reply to the review by %1"))
        self.countdown.setText(
            which.replace("%1", shop_time(window.due_at, self.register.shop_tz)) + " — "
            + self.tr("%1%2 d %3 h left").replace("%1", about).replace("%2", str(days))
            .replace("%3", str(hours)))
        self.countdown.setStyleSheet(RED + " font-weight: bold;" if left < WARN_BEFORE else "")

    # --- actions -----------------------------------------------------------------------
    def fill_suggested(self) -> None:
        if self.case_id is None:
            return
        target, _ = self._reply_target()
        which = "append" if target == "append_reply_text" else "review"
        try:
            self.reply.setPlainText(self.register.reviews.reply_script(
                self.case_id, which, self.lang, agent=self.operator()))
        except (ShopDeskError, NotFoundError):
            self.error.show_error(self.tr("The review-reply script is missing from the "
                                          "library"))

    def _changes(self) -> dict[str, object]:
        review = self.review
        assert review is not None
        now_values: dict[str, object] = {
            "stars": self.stars.value() or None, "link": self.link.text().strip(),
            "reviewed_at": self.reviewed_at.value(), "text": self.text.toPlainText().strip(),
            "appended_at": self.appended_at.value(),
            "append_text": self.append_text.text().strip(),
            "outcome": ReviewOutcome(self.outcome.currentData())
            if self.outcome.currentData() else None,
        }
        target, posted = self._reply_target()
        if posted is None:
            now_values[target] = self.reply.toPlainText().strip()
        changes = {}
        for name, value in now_values.items():
            old = getattr(review, name)
            if name in ("reviewed_at", "appended_at"):
                old = _minute(old)
            if old != value:
                changes[name] = value
        return changes

    def save(self, extra: dict[str, object] | None = None) -> bool:
        """Save what changed; False (message shown) when refused."""
        if self.case_id is None:
            return False
        actor = (self.operator() or "").strip()
        if not actor:
            self.error.show_error(self.tr("Choose the operator first (toolbar, right)"))
            return False
        changes = {**self._changes(), **(extra or {})}
        if not changes:
            return True
        try:
            self.register.reviews.save(self.case_id, actor, **changes)
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            return False
        except (ShopDeskError, NotFoundError) as exc:
            self.error.show_error(exc.message(self.lang) if isinstance(exc, ShopDeskError)
                                  else str(exc))
            return False
        self.changed.emit(self.case_id)
        self.set_case(self.case_id)
        return True

    def mark_posted(self) -> bool:
        """The reply in the editor was posted now (saved with the rest)."""
        if not self.reply.toPlainText().strip():
            self.error.show_error(self.tr("Write the reply first"))
            return False
        target, _ = self._reply_target()
        at = "append_replied_at" if target == "append_reply_text" else "replied_at"
        return self.save({at: self.register.clock.now()})

    def add_contact(self) -> bool:
        if self.case_id is None:
            return False
        actor = (self.operator() or "").strip()
        if not actor:
            self.error.show_error(self.tr("Choose the operator first (toolbar, right)"))
            return False
        try:
            self.register.reviews.add_contact(
                self.case_id, ContactChannel(self.channel.currentData()), actor,
                self.contact_note.text())
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            return False
        except ShopDeskError as exc:  # the call policy said no
            self.error.show_error(exc.message(self.lang))
            return False
        self.contact_note.clear()
        self.changed.emit(self.case_id)
        self.set_case(self.case_id)
        return True
