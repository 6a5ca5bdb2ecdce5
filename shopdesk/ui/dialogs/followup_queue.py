"""The follow-up queue (回访): open follow-ups by due date, the suggested script for the
selected one, and its result recorded in one keystroke.

Keyboard: the table has the focus; Enter opens the case; Alt+S / Alt+P / Alt+N record
satisfied / problem again (needs the note: it reopens the case) / no reply; Ctrl+Shift+C
copies the script.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.case import Case
from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.followups import Followup, FollowupResult
from ...services.register import Register
from ..views.case_detail_text import shop_time
from ..widgets.field_error import FieldErrorLabel

DUE_COLOUR = QColor(200, 30, 30)
ID_ROLE = Qt.ItemDataRole.UserRole


class FollowupQueueDialog(QDialog):
    """Non-modal. Emits open_case(case id) and changed(case id) after a result."""

    open_case = Signal(int)
    changed = Signal(int)

    def __init__(self, register: Register, lang: str, operator: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followup_queue")
        self.setWindowTitle(self.tr("Follow-ups after resolution"))
        self.register = register
        self.lang = lang
        self.operator = operator
        self._rows: list[tuple[Followup, Case | None]] = []

        self.due_only = QCheckBox(self.tr("&Due now only"), self)
        self.due_only.setObjectName("followups_due_only")
        self.due_only.toggled.connect(self.reload)
        self.summary = QLabel(self)
        self.summary.setObjectName("followups_summary")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("followups_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Due"), self.tr("Case"), self.tr("Kind"), self.tr("Buyer"),
            self.tr("Item"), self.tr("Resolved as")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2, 3, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_a: self._show_current())
        self.table.cellDoubleClicked.connect(lambda *_a: self._open_current())

        self.script_title = QLabel(self)
        self.script_title.setObjectName("followup_script_title")
        self.script = QPlainTextEdit(self)
        self.script.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.script.setObjectName("followup_script")
        self.script.setReadOnly(True)
        self.script.setMaximumHeight(90)
        self.copy_button = QPushButton(self.tr("&Copy script"), self)
        self.copy_button.setObjectName("followup_copy")
        self.copy_button.clicked.connect(self.copy_script)
        self.note = QLineEdit(self)
        self.note.setObjectName("followup_note")
        self.note.setPlaceholderText(self.tr("What the buyer said (needed for “problem "
                                             "again”: it reopens the case)"))
        self.error = FieldErrorLabel(self)
        self.buttons: dict[FollowupResult, QPushButton] = {}
        texts = {FollowupResult.SATISFIED: self.tr("&Satisfied"),
                 FollowupResult.PROBLEM_AGAIN: self.tr("&Problem again…"),
                 FollowupResult.NO_REPLY: self.tr("&No reply")}
        for result, text in texts.items():
            button = QPushButton(text, self)
            button.setObjectName(f"followup_{result.value}")
            button.clicked.connect(lambda _c=False, r=result: self.record(r))
            self.buttons[result] = button
        self.open_button = QPushButton(self.tr("&Open case"), self)
        self.open_button.setObjectName("followup_open_case")
        self.open_button.clicked.connect(self._open_current)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._open_current)
        # The table's own: a window-wide Return would open a case from the reply text box.
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy_script)

        top = QHBoxLayout()
        top.addWidget(self.due_only)
        top.addStretch(1)
        top.addWidget(self.summary)
        script_row = QHBoxLayout()
        script_row.addWidget(self.script_title, 1)
        script_row.addWidget(self.copy_button)
        results = QHBoxLayout()
        results.addWidget(QLabel(self.tr("Result:"), self))
        for button in self.buttons.values():
            results.addWidget(button)
        results.addStretch(1)
        results.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(script_row)
        layout.addWidget(self.script)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(results)
        self.resize(900, 560)
        self.reload()
        self.table.setFocus()

    # --- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the queue, keeping the selection where it was when possible."""
        keep = self.current_followup()
        service = self.register.followups
        followups = service.queue(due_only=self.due_only.isChecked())
        cases = self.register.cases.fetch(sorted({f.case_id for f in followups}))
        self._rows = [(f, cases.get(f.case_id)) for f in followups]
        now = self.register.clock.now()
        tz = self.register.shop_tz
        self.table.setRowCount(len(self._rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, (f, case) in enumerate(self._rows):
            shown = self.register.cases.for_screen(case) if case else None
            cells = (shop_time(f.due_at, tz), case.case_no if case else "",
                     f.kind.label(self.lang), shown.buyer_nick if shown else "",
                     shown.item_title if shown else "",
                     case.outcome.label(self.lang) if case and case.outcome else "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, f.id)
                if f.is_due(now):
                    item.setForeground(QBrush(DUE_COLOUR))
                    if col == 0:
                        item.setFont(bold)
                self.table.setItem(row, col, item)
        due = sum(1 for f, _c in self._rows if f.is_due(now))
        self.summary.setText(self.tr("%1 open, %2 due now").replace("%1", str(len(self._rows)))
                             .replace("%2", str(due)))
        ids = [f.id for f, _c in self._rows]
        self.table.setCurrentCell(ids.index(keep.id) if keep and keep.id in ids else
                                  (0 if ids else -1), 0)
        self._show_current()

    def current_followup(self) -> Followup | None:
        row = self.table.currentRow()
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def select_row(self, row: int) -> None:
        self.table.setCurrentCell(row, 0)

    def _show_current(self) -> None:
        f = self.current_followup()
        for button in (*self.buttons.values(), self.open_button, self.copy_button):
            button.setEnabled(f is not None)
        self.error.clear_error()
        if f is None:
            self.script_title.setText(self.tr("No follow-up selected"))
            self.script.clear()
            return
        title, text = "", ""
        try:
            scripts = self.register.scripts
            script = scripts.get(f.script_id)
            title = script.title.get(self.lang)
            text = scripts.render_for_case(f.script_id, f.case_id, lang=self.lang,
                                           agent=self.operator()).text
        except (NotFoundError, ShopDeskError):
            pass  # the shop deleted the script: the row still works without it
        self.script_title.setText(self.tr("Suggested script: %1").replace("%1", title or "—"))
        self.script.setPlainText(text)

    # --- actions -------------------------------------------------------------------
    def copy_script(self) -> None:
        text = self.script.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)

    def _open_current(self) -> None:
        f = self.current_followup()
        if f is not None:
            self.open_case.emit(f.case_id)

    def record(self, result: FollowupResult) -> bool:
        """Record `result` on the selected follow-up; False (message shown) if refused."""
        f = self.current_followup()
        if f is None:
            return False
        actor = (self.operator() or "").strip()
        if not actor:
            self.error.show_error(self.tr("Choose the operator first (toolbar, right)"))
            return False
        try:
            self.register.followups.done(f.id, result, actor, self.note.text())
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            if any(e.field == "note" for e in exc.errors):
                self.note.setFocus()
            return False
        except (ShopDeskError, NotFoundError) as exc:
            self.error.show_error(exc.message(self.lang) if isinstance(exc, ShopDeskError)
                                  else self.tr("The case is no longer in the register"))
            return False
        self.note.clear()
        self.changed.emit(f.case_id)
        self.reload()
        self.table.setFocus()
        return True
