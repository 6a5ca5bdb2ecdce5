"""The promises tab on a case: what was promised to the buyer, by when, by whom, kept or not.

Lists every promise on the case (open ones first by due time, overdue in red), and offers
"New promise…", "Kept", "Not kept…" and "No longer needed…". The tab's title carries the
open and overdue counts so an overdue promise shows even while another tab is in front.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.errors import NotFoundError, ValidationError
from ...domain.promises import Promise, PromiseState, state_label
from ...services.register import Register
from ..widgets.field_error import FieldErrorLabel

if TYPE_CHECKING:  # the dialogs load when first opened
    from ..dialogs.promise_dialog import BreakPromiseDialog, CancelPromiseDialog, PromiseDialog

    ReasonDialog = BreakPromiseDialog | CancelPromiseDialog

PROMISE_ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE = QColor(200, 30, 30)
DONE = QColor(110, 110, 110)
KEPT = QColor(29, 107, 42)


class PromisesPanel(QWidget):
    """Promises of one case. Emits changed(case id) after any write."""

    changed = Signal(int)

    def __init__(self, register: Register, operator_provider: Callable[[], str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.operator_provider = operator_provider
        self.lang = lang
        self.case_id: int | None = None
        self.case_no = ""
        self.live = False
        self._tabs: QTabWidget | None = None
        self._promises: list[Promise] = []

        self.tree = QTreeWidget()
        self.tree.setObjectName("promises_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("State"), self.tr("Due"), self.tr("Promise"),
                                   self.tr("By"), self.tr("Result")])
        header = self.tree.header()
        header.setStretchLastSection(True)
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 180)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())

        self.new_button = QPushButton(self.tr("New promise…"))
        self.new_button.setObjectName("new_promise")
        self.new_button.setToolTip(self.tr("Record a promise made to the buyer "
                                           "(Ctrl+Shift+N)"))
        self.keep_button = QPushButton(self.tr("Kept"))
        self.keep_button.setObjectName("keep_promise")
        self.keep_button.setToolTip(self.tr("The selected promise was kept (now)"))
        self.break_button = QPushButton(self.tr("Not kept…"))
        self.break_button.setObjectName("break_promise")
        self.break_button.setToolTip(self.tr("The selected promise was not kept; "
                                             "say why"))
        self.cancel_button = QPushButton(self.tr("No longer needed…"))
        self.cancel_button.setObjectName("cancel_promise")
        self.cancel_button.setToolTip(self.tr("The selected promise is no longer needed "
                                              "(e.g. the buyer withdrew); say why"))
        self.new_button.clicked.connect(self.new_promise)
        self.keep_button.clicked.connect(self.keep_selected)
        self.break_button.clicked.connect(self.break_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.message = FieldErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.break_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- placing ---------------------------------------------------------------
    def add_to_tabs(self, tabs: QTabWidget, index: int = 1) -> None:
        """Put the panel in `tabs`; its title then follows the open/overdue counts."""
        self._tabs = tabs
        tabs.insertTab(index, self, self.tr("Promises"))
        self._update_title()

    # --- showing ---------------------------------------------------------------
    def set_case(self, case_id: int | None, *, live: bool = True) -> None:
        """Show the promises of `case_id` (read-only when the case is in the trash)."""
        if case_id != self.case_id:
            self.message.clear_error()
        self.case_id = case_id
        self.live = live and case_id is not None
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_id()
        self.tree.clear()
        self._promises = []
        if self.case_id is not None:
            try:
                self.case_no = self.register.cases.get(self.case_id,
                                                       include_deleted=True).case_no
                self._promises = self.register.promises.for_case(self.case_id)
            except NotFoundError:
                self.case_id = None
        now = self.register.clock.now()
        # Open first (by due time), then the settled ones, latest settled first.
        ordered = ([p for p in self._promises if p.is_open]
                   + sorted((p for p in self._promises if not p.is_open),
                            key=lambda p: p.resolved_at or p.due_at, reverse=True))
        for promise in ordered:
            self.tree.addTopLevelItem(self._item(promise, now))
        self.tree.header().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        if not self.select(selected) and ordered and ordered[0].is_open:
            self.select(ordered[0].id)
        self._update_buttons()
        self._update_title()

    def _item(self, promise: Promise, now) -> QTreeWidgetItem:
        tz = self.register.shop_tz
        overdue = promise.is_overdue(now)
        state = (self.tr("Overdue") if overdue else state_label(promise.state, self.lang))
        result = ""
        if promise.state == PromiseState.KEPT and promise.resolved_at:
            result = self.tr("%1 · %2").replace(
                "%1", local(promise.resolved_at, tz).strftime("%m-%d %H:%M")).replace(
                "%2", promise.resolved_by or "")
            if promise.was_late():
                result += " " + self.tr("(late)")
        elif promise.state in (PromiseState.BROKEN, PromiseState.CANCELLED):
            result = promise.broken_reason or ""
        item = QTreeWidgetItem([state, local(promise.due_at, tz).strftime("%m-%d %H:%M"),
                                promise.describe(self.lang), promise.made_by, result])
        item.setData(0, PROMISE_ID_ROLE, promise.id)
        item.setToolTip(2, promise.describe(self.lang))
        item.setToolTip(4, result)
        item.setToolTip(1, local(promise.due_at, tz).strftime("%Y-%m-%d %H:%M"))
        colour = (OVERDUE if overdue else KEPT if promise.state == PromiseState.KEPT
                  else DONE if not promise.is_open else None)
        if colour is not None:
            for col in range(5):
                item.setForeground(col, QBrush(colour))
        if overdue:
            font = QFont(item.font(0))
            font.setBold(True)
            for col in (0, 1):
                item.setFont(col, font)
        return item

    def _update_title(self) -> None:
        if self._tabs is None:
            return
        index = self._tabs.indexOf(self)
        if index < 0:
            return
        now = self.register.clock.now()
        open_count = sum(1 for p in self._promises if p.is_open)
        overdue = sum(1 for p in self._promises if p.is_overdue(now))
        if overdue:
            title = self.tr("Promises (%1 late)").replace("%1", str(overdue))
        elif open_count:
            title = self.tr("Promises (%1)").replace("%1", str(open_count))
        else:
            title = self.tr("Promises")
        self._tabs.setTabText(index, title)
        self._tabs.tabBar().setTabTextColor(index, OVERDUE if overdue else QColor())

    def _update_buttons(self) -> None:
        promise = self.selected()
        can_resolve = self.live and promise is not None and promise.is_open
        self.new_button.setEnabled(self.live)
        self.keep_button.setEnabled(can_resolve)
        self.break_button.setEnabled(can_resolve)
        self.cancel_button.setEnabled(can_resolve)

    # --- selection -------------------------------------------------------------
    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, PROMISE_ID_ROLE) if item is not None else None

    def selected(self) -> Promise | None:
        pid = self.selected_id()
        return next((p for p in self._promises if p.id == pid), None)

    def select(self, promise_id: int | None) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, PROMISE_ID_ROLE) == promise_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def rows(self) -> list[list[str]]:
        """The list as shown (tests and screenshots read it)."""
        return [[self.tree.topLevelItem(i).text(c) for c in range(5)]
                for i in range(self.tree.topLevelItemCount())]

    # --- actions ---------------------------------------------------------------
    def _operator(self) -> str | None:
        operator = (self.operator_provider() or "").strip()
        if not operator:
            self.message.show_error(self.tr("Choose the operator (who is working now) "
                                            "first. Nothing was changed."))
            return None
        self.message.clear_error()
        return operator

    def new_promise(self) -> PromiseDialog | None:
        """Open the new-promise dialog for the case on screen (returns it, for tests)."""
        if self.case_id is None or not self.live:
            return None
        operator = self._operator()
        if operator is None:
            return None
        from ..dialogs.promise_dialog import PromiseDialog

        dialog = PromiseDialog(self.register.promises, self.case_id, self.case_no, operator,
                               self, lang=self.lang, calls=self.register.calls)
        dialog.made.connect(self._made)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, non-blocking
        return dialog

    def _made(self, promise_id: int) -> None:
        self.refresh()
        self.select(promise_id)
        self._written()

    def keep_selected(self) -> None:
        promise = self.selected()
        if promise is None or not promise.is_open or not self.live:
            return
        operator = self._operator()
        if operator is None:
            return
        try:
            self.register.promises.keep(promise.id, operator)
        except (ValidationError, NotFoundError) as exc:
            self._refused(exc)
            return
        self.refresh()
        self._written()

    def break_selected(self) -> BreakPromiseDialog | None:
        """Ask why the selected promise was not kept (returns the dialog, for tests)."""
        from ..dialogs.promise_dialog import BreakPromiseDialog

        return self._ask_reason(BreakPromiseDialog)

    def cancel_selected(self) -> CancelPromiseDialog | None:
        """Ask why the selected promise is no longer needed (returns the dialog, for
        tests)."""
        from ..dialogs.promise_dialog import CancelPromiseDialog

        return self._ask_reason(CancelPromiseDialog)

    def _ask_reason(self, dialog_class: type[ReasonDialog]) -> ReasonDialog | None:
        """Open `dialog_class` (not kept / no longer needed) on the selected open promise;
        both accept once the service took the reason."""
        promise = self.selected()
        if promise is None or not promise.is_open or not self.live:
            return None
        operator = self._operator()
        if operator is None:
            return None
        dialog = dialog_class(self.register.promises, promise, operator, self,
                              lang=self.lang)
        dialog.accepted.connect(lambda: (self.refresh(), self._written()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self.message.show_error("\n".join(e.message(self.lang) for e in exc.errors))
        else:
            self.message.show_error(self.tr("This promise no longer exists"))
        self.refresh()

    def _written(self) -> None:
        if self.case_id is not None:
            self.changed.emit(self.case_id)
