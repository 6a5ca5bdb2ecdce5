"""The case form: log a new after-sales case in seconds, or edit one, keyboard only."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.case import Case, CaseDraft, draft_from_fields
from ...domain.enums import CaseKind, Cause, CustomerType, Platform, Priority
from ...domain.errors import FieldError, NotFoundError, ShopDeskError, ValidationError
from ...domain.masking import mask_phone
from ...domain.money import format_yuan
from ...domain.text import list_sep, with_note
from ...services.cases import EditConflictError
from ...services.order_fill import OrderMismatch
from ...services.register import Register
from ..i18n import ui_language
from ..widgets.due_edit import DueTimeEdit
from ..widgets.enum_combo import CauseCombo, EnumCombo
from ..widgets.field_error import FieldErrorLabel, ValidatedField
from . import case_form_conflict as conflict
from .case_form_parts import ShopFollower, is_money, kept_time, with_button

# Visual order, column by column; also the tab order and the order errors are checked in.
LEFT_FIELDS = ("platform", "shop", "order_no", "refund_no", "item_title", "sku",
               "amount_paid", "amount_claimed", "applied_at")
RIGHT_FIELDS = ("buyer_nick", "buyer_name", "buyer_phone", "buyer_address", "kind", "cause",
                "customer_type", "priority", "due_at", "assignee")
FIELD_ORDER = (*LEFT_FIELDS, *RIGHT_FIELDS, "description")


class CaseFormDialog(QDialog):
    """New case (case_id None) or edit case `case_id`. Emits saved(case id) and accepts."""

    saved = Signal(int)

    def __init__(self, register: Register, operator: str, parent: QWidget | None = None,
                 case_id: int | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.operator = operator
        self.case_id = case_id
        self.lang = ui_language(register)
        self._answered_yes: set[tuple[str, str, str]] = set()  # see _confirmed
        self.memory = register.form_memory
        self._case: Case | None = register.cases.get(case_id) if case_id is not None else None
        self._phone_revealed = False
        self._address_revealed = False
        self._build()
        self._load()
        self._loaded = self.field_values()  # what Esc compares with before asking
        self.fields["platform"].editor.setFocus()

    def reject(self) -> None:
        """Esc, Cancel or the close box: ask before typed work is thrown away (a seller
        between parcels presses Esc by reflex)."""
        if self.field_values() != self._loaded:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Discard what you typed in this form?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    # --- building ----------------------------------------------------------
    def _build(self) -> None:
        if self._case is None:
            self.setWindowTitle(self.tr("New case"))
        else:
            self.setWindowTitle(self.tr("Edit case %1").replace("%1", self._case.case_no))
        lang = self.lang
        self.platform = EnumCombo(Platform, lang)
        self.shop = QLineEdit()
        shops = QCompleter(self.memory.known_shops(), self.shop)
        shops.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        shops.setFilterMode(Qt.MatchFlag.MatchContains)
        self.shop.setCompleter(shops)
        self.order_no = QLineEdit()
        self.refund_no = QLineEdit()
        self.item_title = QLineEdit()
        self.sku = QLineEdit()
        self.amount_paid = QLineEdit()
        self.amount_claimed = QLineEdit()
        for edit in (self.amount_paid, self.amount_claimed):
            edit.setPlaceholderText("¥0.00")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self._case is None:
            self.amount_claimed.setPlaceholderText(self.tr("= amount paid"))
        self.buyer_nick = QLineEdit()
        self.buyer_name = QLineEdit()
        self.buyer_phone = QLineEdit()
        self.buyer_phone.setPlaceholderText("13812345678")
        self.reveal_button = QPushButton(self.tr("Show"))
        self.reveal_button.setToolTip(self.tr("Show the full number (this is recorded)"))
        self.reveal_button.clicked.connect(self._reveal_phone)
        phone_row = with_button(self.buyer_phone, self.reveal_button)
        # Masked like the phone until revealed (and the reveal is audited): a buyer's
        # address is personal data, and the form opens in front of whoever is nearby.
        self.buyer_address = QLineEdit()
        self.reveal_address_button = QPushButton(self.tr("Show"))
        self.reveal_address_button.setToolTip(
            self.tr("Show the full address (this is recorded)"))
        self.reveal_address_button.clicked.connect(self._reveal_address)
        address_row = with_button(self.buyer_address, self.reveal_address_button)
        self.kind = EnumCombo(CaseKind, lang)
        self.cause = CauseCombo(lang, empty_label=self.tr("(not yet known)"))
        self.customer_type = EnumCombo(CustomerType, lang)
        self.priority = EnumCombo(Priority, lang)
        self.due = DueTimeEdit(self.register.shop_tz)
        self.due.enabled_box.setToolTip(self.tr("This case has a due time"))
        # Unticked: not known, and the platform's limit counts from when the case is logged
        # (late by however long the buyer had been waiting).
        self.applied = DueTimeEdit(self.register.shop_tz)
        self.applied.setToolTip(self.tr(
            "When the buyer applied on the platform: the platform's time limit counts from "
            "then (a refund not answered in time is approved automatically). Unticked: not "
            "known, and the deadline counts from when the case was logged."))
        # Who handles the case: handing it to a colleague is choosing them here.
        self.assignee = QComboBox()
        self.assignee.setToolTip(self.tr("Who handles this case (hand it to a colleague "
                                         "by choosing them)"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)  # keyboard users Tab on, not indent
        self.description.setPlaceholderText(
            self.tr("What happened, what the buyer wants… (Ctrl+Enter saves)"))
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        editors: dict[str, QWidget] = {
            "platform": self.platform, "shop": self.shop, "order_no": self.order_no,
            "refund_no": self.refund_no, "item_title": self.item_title, "sku": self.sku,
            "amount_paid": self.amount_paid, "amount_claimed": self.amount_claimed,
            "buyer_nick": self.buyer_nick, "buyer_name": self.buyer_name,
            "buyer_phone": phone_row, "buyer_address": address_row, "kind": self.kind,
            "cause": self.cause, "customer_type": self.customer_type,
            "priority": self.priority, "due_at": self.due, "assignee": self.assignee,
            "description": self.description, "applied_at": self.applied,
        }
        self.fields = {name: ValidatedField(w) for name, w in editors.items()}
        labels = self._labels()
        columns = QHBoxLayout()
        columns.addWidget(self._group(self.tr("Order"), LEFT_FIELDS, labels), 1)
        columns.addWidget(self._group(self.tr("Buyer and case"), RIGHT_FIELDS, labels), 1)
        desc_label = QLabel(labels["description"])
        desc_label.setBuddy(self.description)

        self.general_error = FieldErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Enter saves · Esc cancels"))
        hint.setEnabled(False)  # greyed: a hint, not content
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(desc_label)
        layout.addWidget(self.fields["description"])
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)
        # Only once the button is inside the dialog does the dialog learn its default button.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        self._set_tab_order()
        self._clear_errors_on_edit()
        # Wide enough for a 19-digit order number and a long shop name in each column.
        self.setMinimumWidth(max(760, self.fontMetrics().horizontalAdvance("M") * 64))

    def _labels(self) -> dict[str, str]:
        return {
            "platform": self.tr("Platform"), "shop": self.tr("Shop"),
            "order_no": self.tr("Order no."), "refund_no": self.tr("Refund no."),
            "item_title": self.tr("Item"), "sku": self.tr("SKU"),
            "amount_paid": self.tr("Amount paid"), "amount_claimed": self.tr("Amount claimed"),
            "applied_at": self.tr("Buyer asked at"),
            "buyer_nick": self.tr("Buyer nickname"), "buyer_name": self.tr("Buyer name"),
            "buyer_phone": self.tr("Phone"), "buyer_address": self.tr("Address"),
            "kind": self.tr("Kind"),
            "cause": self.tr("Cause"), "customer_type": self.tr("Customer type"),
            "priority": self.tr("Priority"), "due_at": self.tr("Due"),
            "assignee": self.tr("Assignee"), "description": self.tr("Description"),
        }

    def _group(self, title: str, names: tuple[str, ...], labels: dict[str, str]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for row, name in enumerate(names):
            label = QLabel(labels[name])
            label.setBuddy(self._focus_widget(name))
            # Top-aligned so the label stays beside the field when an error line appears.
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 5, 0, 0)
            grid.addWidget(label, row, 0)
            grid.addWidget(self.fields[name], row, 1)
        grid.setRowStretch(len(names), 1)
        return box

    def _focus_widget(self, name: str) -> QWidget:
        """The widget that takes the keyboard for field `name`."""
        if name == "buyer_phone":
            return self.buyer_phone
        if name == "buyer_address":
            return self.buyer_address
        if name in ("due_at", "applied_at"):
            return self._time_edit(name).enabled_box
        return self.fields[name].editor

    def _time_edit(self, name: str) -> DueTimeEdit:
        return self.applied if name == "applied_at" else self.due

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for name in FIELD_ORDER:
            chain.append(self._focus_widget(name))
            if name == "buyer_phone":
                chain.append(self.reveal_button)
            if name == "buyer_address":
                chain.append(self.reveal_address_button)
            if name in ("due_at", "applied_at"):
                chain.append(self._time_edit(name).edit)
        chain += [self.buttons.button(QDialogButtonBox.StandardButton.Save),
                  self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _clear_errors_on_edit(self) -> None:
        for name in FIELD_ORDER:
            widget = self._focus_widget(name)
            field = self.fields[name]
            signal = getattr(widget, "textChanged", None) or getattr(
                widget, "currentIndexChanged", None) or getattr(widget, "toggled", None)
            if signal is not None:
                signal.connect(lambda *_, f=field: f.set_error(None))
        for name in ("due_at", "applied_at"):
            self._time_edit(name).edit.dateTimeChanged.connect(
                lambda *_, f=self.fields[name]: f.set_error(None))

    # --- loading -----------------------------------------------------------
    def _fill_assignees(self, current: str) -> None:
        """Nobody, then the active staff; `current` stays choosable even when it is not
        (an imported name, a colleague deactivated since), so an edit keeps it."""
        self.assignee.addItem(self.tr("(nobody)"), "")
        names = [m.name for m in self.register.staff.list()]
        if current and current not in names:
            names.append(current)
        for name in names:
            self.assignee.addItem(name, name)
        self.assignee.setCurrentIndex(max(self.assignee.findData(current), 0))

    def _load(self) -> None:
        case = self._case
        if case is None:
            # The shop profile's default platform (Settings) wins over the last one used.
            profile = self.register.shop_profile.profile()
            platform = (profile.default_platform or self.memory.last_platform()
                        or Platform.TAOBAO)
            self.platform.set_current(platform)
            self.shop_follower = ShopFollower(
                self.platform, self.shop, lambda key: self.memory.last_shop(Platform(key))
                or getattr(profile.shop_for(Platform(key)), "name", ""))
            self.priority.set_current(Priority.NORMAL)
            now = self.register.clock.now().replace(second=0, microsecond=0)
            self.due.set_value(now + timedelta(hours=24))
            self.applied.set_value(None, fallback=now)  # unknown until ticked
            self.reveal_button.hide()
            self.reveal_address_button.hide()
            self._address_revealed = True
            self._fill_assignees(self.operator)  # a new case is the operator's by default
            return
        self._fill_assignees(case.assignee)
        self.due.set_value(None, fallback=self.register.clock.now() + timedelta(hours=24))
        # Not known: ticking it starts from when the case was logged (the buyer asked then
        # or earlier).
        self.applied.set_value(None, fallback=case.created_at or self.register.clock.now())
        self.fill(case, FIELD_ORDER)

    def fill(self, case: Case, names: Iterable[str]) -> None:
        """Show fields `names` of `case` (the edit's first load, or another person's
        changes brought in after a refused save)."""
        for name in names:
            value = getattr(case, name)
            if name in ("amount_paid", "amount_claimed"):
                getattr(self, name).setText(format_yuan(value, symbol=False))
            elif name in ("platform", "kind", "cause", "customer_type", "priority"):
                getattr(self, name).set_current(value)
            elif name in ("due_at", "applied_at"):
                # None: unticked, the time left as it was.
                self._time_edit(name).set_value(value)
            elif name == "description":
                self.description.setPlainText(value)
            elif name == "assignee":
                if self.assignee.findData(value) < 0:  # an imported name, say: still shown
                    self.assignee.addItem(value, value)
                self.assignee.setCurrentIndex(self.assignee.findData(value))
            elif name in ("buyer_phone", "buyer_address"):
                self._fill_contact(name, case)
            else:
                getattr(self, name).setText(value)

    def _fill_contact(self, name: str, case: Case) -> None:
        """The phone or address: masked and locked until revealed (the reveal is audited);
        an empty one is simply an empty field."""
        edit, button = ((self.buyer_phone, self.reveal_button) if name == "buyer_phone"
                        else (self.buyer_address, self.reveal_address_button))
        stored = getattr(case, name)
        edit.setText(getattr(self.register.cases.for_screen(case), name))
        edit.setReadOnly(bool(stored))
        button.setVisible(bool(stored))
        # Read back from the case (not the masked text) until revealed; nothing to hide
        # when empty.
        setattr(self, "_phone_revealed" if name == "buyer_phone" else "_address_revealed",
                not stored)

    # --- actions -----------------------------------------------------------
    def _reveal_phone(self) -> None:
        if self._case is None:
            return
        try:
            full = self.register.cases.reveal_phone(self._case.id, self.operator)
        except (ValidationError, NotFoundError) as exc:
            self._show_errors(self._errors_of(exc))
            return
        self._phone_revealed = True
        self.buyer_phone.setReadOnly(False)
        self.buyer_phone.setText(full)
        self.reveal_button.hide()
        self.buyer_phone.setFocus()

    def _reveal_address(self) -> None:
        if self._case is None:
            return
        try:
            full = self.register.cases.reveal_address(self._case.id, self.operator)
        except (ValidationError, NotFoundError) as exc:
            self._show_errors(self._errors_of(exc))
            return
        self._address_revealed = True
        self.buyer_address.setReadOnly(False)
        self.buyer_address.setText(full)
        self.reveal_address_button.hide()
        self.buyer_address.setFocus()

    def field_values(self) -> dict[str, object]:
        """The form as raw fields for draft_from_fields."""
        values: dict[str, object] = {
            name: getattr(self, name).text() for name in (
                "shop", "order_no", "refund_no", "item_title", "sku", "amount_paid",
                "amount_claimed", "buyer_nick", "buyer_name")}
        values.update(
            platform=self.platform.current_key(), kind=self.kind.current_key(),
            cause=self.cause.current_key(), customer_type=self.customer_type.current_key(),
            priority=self.priority.current_key(), due_at=self.due.value(),
            description=self.description.toPlainText(),
        )
        case = self._case
        values["applied_at"] = kept_time(self.applied.value(),
                                         case.applied_at if case is not None else None)
        if case is not None and not self._phone_revealed:
            values["buyer_phone"] = case.buyer_phone  # unchanged: the masked text is not data
        else:
            values["buyer_phone"] = self.buyer_phone.text()
        if case is not None and not self._address_revealed:
            values["buyer_address"] = case.buyer_address  # the masked text is not data
        else:
            values["buyer_address"] = self.buyer_address.text()
        values["assignee"] = self.assignee.currentData() or ""
        if case is None and not str(values["amount_claimed"]).strip() \
                and is_money(str(values["amount_paid"])):
            # As `cases add`: a new case claims what was paid unless told otherwise (the
            # placeholder says so while the box is empty). A bad paid amount is reported
            # on its own field only.
            values["amount_claimed"] = values["amount_paid"]
        return values

    def save(self) -> None:
        """Validate through the domain; store and accept, or show what is wrong."""
        self._show_errors([])
        try:
            draft = draft_from_fields(self.field_values())
            kept = self._case.assignee if self._case is not None else self.operator
            if draft.assignee and draft.assignee != kept:
                # Handed to someone: only to a colleague still on the staff list.
                self.register.staff.require_active(draft.assignee)
            previous = self._case.cause if self._case is not None else None
            # The order number another buyer's (a typo, most often) is asked first; then
            # an order with an open case already. An answer holds for the same order.
            wrong = self.register.cases.order_mismatch(
                draft, self._case.id if self._case is not None else None)
            if (wrong is not None and not self._confirmed("mismatch", draft,
                                                           lambda: self._save_despite(wrong))) \
                    or not self._confirmed("same_order", draft,
                                           lambda: self._another_for_order(draft)):
                self.order_no.setFocus()
                self.order_no.selectAll()
                return
            if self._case is None:
                case = self.register.cases.open_case(draft, self.operator)
                self.memory.remember(draft.platform, draft.shop)
            else:
                case = self.register.cases.update(
                    self._case.id, draft, self.operator,
                    expected_updated_at=self._case.updated_at)
        except EditConflictError as exc:
            self._bring_in_theirs(exc, draft)
            return
        except (ShopDeskError, NotFoundError) as exc:  # e.g. busy: stays open, as typed
            self._show_errors(self._errors_of(exc))
            return
        self._offer_blacklist(case, previous)
        self.saved.emit(case.id)
        self.accept()

    def _bring_in_theirs(self, refusal: EditConflictError, draft: CaseDraft) -> None:
        """Someone else saved the case after this form opened it. Their changes come into
        the fields this form still shows as it opened them; what was typed stays; where
        both changed a field, the typed value stays and the field says who changed it to
        what. Their version becomes the base, so saving again overwrites only what was
        typed, knowingly (the untouched fields' old values no longer go back over theirs)."""
        base = self._case
        assert base is not None  # only an edit can conflict
        try:
            fresh = self.register.cases.get(base.id)
        except NotFoundError as exc:
            self._show_errors(self._errors_of(exc))
            return
        merge = conflict.plan(FIELD_ORDER, base, fresh, draft, self.field_values(),
                              self._loaded)
        self._case = fresh
        self.fill(fresh, merge.brought)
        # What Esc and a further conflict compare with: theirs where it came in. A field
        # typed over theirs keeps the value it was opened with: it still counts as typed.
        now = self.field_values()
        self._loaded.update({name: now[name] for name in merge.brought})
        labels, sep = self._labels(), list_sep(self.lang)
        lines = [refusal.message(self.lang)]
        if merge.brought:
            lines.append(self.tr("Their changes are now in the form: %1.").replace(
                "%1", sep.join(labels[name] for name in merge.brought)))
        if merge.both:
            lines.append(self.tr("You both changed %1: yours is kept (see the field); "
                                 "saving again replaces theirs.").replace(
                "%1", sep.join(labels[name] for name in merge.both)))
        self._show_errors([])
        self.general_error.show_error("\n".join(lines))
        audit = self.register.cases.audit_for_screen(fresh.id)  # phone, address masked
        masked = self.register.cases.for_screen(fresh)
        empty = {"due_at": self.tr("no due time"), "assignee": self.tr("(nobody)"),
                 "applied_at": self.tr("not known")}
        for name in merge.both:
            value = conflict.value_text(name, masked, self.lang, self.register.shop_tz)
            self.fields[name].set_error(
                self.tr("%1 changed this too, to: %2")
                .replace("%1", conflict.changed_by(audit, name) or "?")
                .replace("%2", value or empty.get(name, self.tr("(empty)"))))
        if merge.both:
            self._focus_widget(merge.both[0]).setFocus()

    def _confirmed(self, question: str, draft: CaseDraft, ask: Callable[[], bool]) -> bool:
        """`ask()` once per question and order: a save retried after a refusal (someone
        else saved first, the register was busy) does not ask again."""
        key = (question, str(draft.platform), draft.order_no)
        if key in self._answered_yes:
            return True
        if ask():
            self._answered_yes.add(key)
            return True
        return False

    def _another_for_order(self, draft: CaseDraft) -> bool:
        """A new case (or one moved) for an order that has an open case already: often
        the same request opened twice (by two people, or after an import). Go on only
        if the user says so."""
        case = self._case
        if case is not None and (case.platform, case.order_no) == (draft.platform,
                                                                   draft.order_no):
            return True
        others = self.register.cases.open_for_order(
            draft.platform, draft.order_no, other_than=case.id if case is not None else None)
        if not others:
            return True
        named = list_sep(self.lang).join(
            with_note(c.case_no, c.status.label(self.lang), self.lang) for c in others[:3])
        if len(others) > 3:
            named += "…"
        text = (self.tr("Order %1 already has open case(s): %2. Open another case for it?")
                if case is None else
                self.tr("Order %1 already has open case(s): %2. Move this case to that order "
                        "as well?")).replace("%1", draft.order_no).replace("%2", named)
        answer = QMessageBox.question(
            self, self.tr("Same order"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _save_despite(self, wrong: OrderMismatch) -> bool:
        """The order number belongs to another buyer in the imported orders (a typo, most
        often): save only if the user says so; nothing is then filled from that order."""
        labels = self._labels()
        fields = list_sep(self.lang).join(labels[f] for f in wrong.fields)
        text = (self.tr("In the imported orders, order %1 belongs to buyer %2, and its %3 "
                        "differs from what is typed here.") if wrong.order_buyer else
                self.tr("In the imported orders, the %3 of order %1 differs from what is "
                        "typed here.")).replace("%1", wrong.order_no).replace(
            "%2", wrong.order_buyer).replace("%3", fields)
        text += "\n\n" + self.tr("Save anyway? Nothing will be filled from that order. "
                                 "Choose No to check the order number.")
        answer = QMessageBox.question(
            self, self.tr("Check the order number"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _offer_blacklist(self, case: Case, previous: Cause | None) -> None:
        """The malicious_reviewer cause offers to list the buyer; the user decides."""
        stored = self.register.cases.get(case.id)  # full phone, for matching and the list
        if not self.register.blacklist.offer_for(stored, previous):
            return
        who = stored.buyer_nick or mask_phone(stored.buyer_phone)
        answer = QMessageBox.question(
            self, self.tr("Malicious-buyer list"),
            self.tr("Add the buyer %1 to the malicious-buyer list? A new case from them "
                    "will then be warned. (The list holds personal data for the shop's own "
                    "use.)").replace("%1", who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.register.blacklist.add_from_case(stored, self.operator)
        except ShopDeskError as exc:  # the case is saved; say why the buyer was not listed
            QMessageBox.warning(self, self.tr("Malicious-buyer list"), exc.message(self.lang))

    def _show_errors(self, errors: list[FieldError]) -> None:
        by_field = {e.field: e.message(self.lang) for e in errors}
        for name, field in self.fields.items():
            field.set_error(by_field.get(name))
        others = [msg for name, msg in by_field.items() if name not in self.fields]
        if others:
            self.general_error.show_error("\n".join(others))
        else:
            self.general_error.clear_error()
        first = next((n for n in FIELD_ORDER if n in by_field), None)
        if first is not None:
            widget = self._focus_widget(first)
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def _errors_of(self, exc: Exception) -> list[FieldError]:
        if isinstance(exc, ValidationError):
            return exc.errors
        if isinstance(exc, ShopDeskError):  # e.g. the register is busy
            return [FieldError("register", exc.zh, exc.en)]
        gone = self.tr("This case no longer exists (it may have been deleted)")
        return [FieldError("case", gone, gone)]
