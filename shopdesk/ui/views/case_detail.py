"""The case panel: everything about one case, its timeline, and the actions on it."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.case import Case
from ...domain.enums import CaseKind
from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.text import list_sep
from ...services.register import Register
from ..i18n import ui_language
from ..tasks import Task, Tasks
from .case_header_layout import place_header_controls

if TYPE_CHECKING:  # the case page's parts load when it is first built
    from .case_detail_text import CaseText
    from .scripts_panel import ScriptsPanel

TABS_MIN_HEIGHT = 180
MAJOR_STYLE = "QPushButton { background: #b3261e; color: white; font-weight: bold; }"
SUGGEST_STYLE = "QPushButton { color: #b3261e; font-weight: bold; }"
BANNER_STYLE = ("background: #fff3cd; color: #5c4400; border: 1px solid #e0c060; "
                "border-radius: 4px; padding: 6px;")


class CaseDetailView(QWidget):
    """Shows one case (or an empty state). Emits changed(case id) after any write.

    The case page (header, panels, tabs) is built, and its modules imported, when first
    needed: the first case shown, or the first use of one of its parts (`__getattr__`).
    A window starts on the empty state, so the page is not on the start path.
    """

    changed = Signal(int)
    open_requested = Signal(int)  # show another case (a similar case's link)
    print_requested = Signal()  # the Print summary button (the window's summary controller)

    def __init__(self, register: Register, operator_provider: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.operator_provider = operator_provider
        self._lang = ui_language(register)
        self._case: Case | None = None
        self._revealed_phone: str | None = None  # only for the case on screen
        self._page: QWidget | None = None
        self._build()
        self.show_case(None)

    def __getattr__(self, name: str) -> Any:
        """A part of the case page not built yet: build the page, then look again."""
        state = self.__dict__
        if name.startswith("__") or state.get("_page", False) is not None \
                or state.get("_building_page"):
            raise AttributeError(name)
        self._ensure_page()
        return object.__getattribute__(self, name)

    @cached_property
    def text(self) -> CaseText:
        """The case page's words (its module loads with the page, not at start)."""
        from .case_detail_text import CaseText

        return CaseText(self._lang, self.register.shop_tz, self)

    # --- building ----------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty = QLabel(self.tr("No case selected.\nPick a case in the list to see it here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)  # greyed, like a placeholder
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @property
    def page_built(self) -> bool:
        """Whether the case page exists yet (reading its parts builds it)."""
        return self._page is not None

    def _ensure_page(self) -> None:
        """Build the case page (once), in the empty state."""
        if self._page is not None:
            return
        self._building_page = True  # a name missing meanwhile is missing, not a page part
        try:
            page = self._build_case_page()
        finally:
            self._building_page = False
        self._page = page
        self.stack.addWidget(page)
        # Once the page is inside this view, so the drop catcher finds its text boxes.
        self.evidence_panel.accept_drops_on(self)
        self._clear_page()

    def _build_case_page(self) -> QWidget:
        from ..widgets.compact_tabs import make_compact
        from .call_indicator import CallIndicator
        from .case_detail_facts import CaseFacts, CaseHeader
        from .deadline_strip import DeadlineStrip
        from .evidence_panel import EvidencePanel
        from .promises_panel import PromisesPanel
        from .review_panel import ReviewPanel
        from .warning_badge import WarningBadge

        page = QWidget()
        self.header = CaseHeader(self.text)
        # May this buyer be phoned now? Shown on every case so the safe call is the easy one.
        self.call_indicator = CallIndicator(self.register.calls, self.operator_provider,
                                            lang=self.text.lang)
        self.call_indicator.call_logged.connect(self._written)
        # Early warnings (投诉预警) and similar cases, right under the case's headline.
        self.warning_badge = WarningBadge(self.register, self.operator_provider,
                                          self.text.lang, self)
        self.warning_badge.acknowledged.connect(self._written)
        # The stage, its countdown and what the platform does at zero; stage changes.
        self.deadline_strip = DeadlineStrip(self.register, self._operator, self.text.lang,
                                            self)
        self.deadline_strip.changed.connect(self._written)
        self.deadline_strip.failed.connect(self._say)
        self.warning_badge.case_activated.connect(self.open_requested)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.edit_button = QPushButton(self.tr("Edit"))
        self.status_button = QPushButton(self.tr("Change status"))
        self.audit_button = QPushButton(self.tr("Audit trail"))
        # Major complaint (重大投诉): the button also says whether the case is major (and
        # whose) or the warnings suggest it, so the panel needs no extra line for it.
        self.major_button = QPushButton(self.tr("Major…"))
        self.major_button.setObjectName("major_case_button")
        self.major_button.clicked.connect(self.mark_major)
        # Beside the case number the button shows only when it says something (a major
        # case's owner, or the suggestion), so the number is never cut on a laptop; the
        # plain "mark major" is in the Cases menu (MainWindow.act_mark_major).
        # Connected by the window's summary controller (the dialog belongs to the window).
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.print_button.setToolTip(self.tr("Print or save this case's dispute summary (PDF)"))
        self.print_button.clicked.connect(lambda _checked=False: self.print_requested.emit())
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Move this case to the trash"))
        self.edit_button.clicked.connect(self.edit_case)
        self.status_button.clicked.connect(self.change_status)
        self.audit_button.clicked.connect(self.show_audit)
        self.delete_button.clicked.connect(self.delete_case)
        actions = QHBoxLayout()
        for button in (self.edit_button, self.status_button, self.audit_button,
                       self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)

        self.facts = CaseFacts(self.text)
        self.facts.reveal_requested.connect(self.reveal_phone)
        self.description = self.facts.values["description"]
        # The kind and cause take their own width (cut only when the pane is too narrow);
        # the stage and what happens at zero take the rest, elided.
        self.header.summary.setSizePolicy(QSizePolicy.Policy.Preferred,
                                          QSizePolicy.Policy.Preferred)
        self.header.row.setStretch(0, 0)
        self.header.row.addWidget(self.deadline_strip.timeout_label, 1)
        # The stage menu sits on the top line when the case number, its status and the
        # time left leave room for it (what happens at zero then reads whole below),
        # else on this line: the number is never cut for it (_place_stage_button).
        self.header.row.addWidget(self.deadline_strip.stage_button)
        self.header.row.addWidget(self.facts.more_button)
        self.header.top.insertWidget(self.header.top.count() - 1, self.deadline_strip)
        self.header.installEventFilter(self)
        # Beside the case number: the top row has room, the action row does not.
        self.header.top.addWidget(self.major_button)
        # No scroll box and no splitter: the key facts sit at their natural height above
        # the tabs, and the tabs take the rest (one scroll area at most per pane).
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # All five tabs read whole in the 1280 px pane, counts included ("Promises (1
        # late)", "Evidence (12) · 3 missing"): short titles and less air beside them.
        make_compact(self.tabs.tabBar())
        self.tabs.addTab(self._build_timeline(), self.tr("Timeline"))
        self.tabs.addTab(self._build_scripts(), self.tr("Scripts"))
        # Promises to the buyer, next to the timeline (tab title counts the overdue ones).
        self.promises_panel = PromisesPanel(self.register, self.operator_provider,
                                            self.text.lang, self)
        self.promises_panel.changed.connect(self._written)
        self.promises_panel.add_to_tabs(self.tabs, 1)
        # Evidence: files dropped anywhere on the case land here (and bring the tab up).
        self.evidence_panel = EvidencePanel(self.register, self.operator_provider, self)
        self.evidence_panel.changed.connect(self._written)
        self.evidence_panel.files_dropped.connect(
            lambda: self.tabs.setCurrentWidget(self.evidence_panel))
        self.tabs.addTab(self.evidence_panel, self.tr("Evidence"))
        # The review behind a bad_review case: shown for that kind only.
        self.review_panel = ReviewPanel(self.register, self.operator_provider,
                                        self.text.lang, self)
        self.review_panel.changed.connect(self._written)
        self.tabs.addTab(self.review_panel, self.tr("Review"))
        # Keyboard-first: Alt+1 … Alt+5 bring up a tab from anywhere in the window (the
        # list keeps its selection), e.g. Alt+3 then Ctrl+Shift+C copies a reply.
        for i in range(self.tabs.count()):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self,
                      activated=lambda i=i: self.show_tab(i))
            if not self.tabs.tabToolTip(i):
                self.tabs.setTabToolTip(i, f"Alt+{i + 1}")
        # The evidence page asks for more height than a laptop has to spare with the facts
        # and banners showing; it lays itself out in what the window gives.
        self.tabs.setMinimumHeight(TABS_MIN_HEIGHT)

        layout = QVBoxLayout(page)
        # Tight: at 1280x720 with both banners the page has ~500 px for all of it.
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(3)
        layout.addWidget(self.header)
        layout.addWidget(self.warning_badge)
        layout.addWidget(self.call_indicator)
        layout.addLayout(actions)
        layout.addWidget(self.banner)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        return page

    def _build_timeline(self) -> QWidget:
        from .case_detail_timeline import TimelineDelegate

        box = QWidget()
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.timeline.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.timeline.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap on resize
        self.timeline.setItemDelegate(TimelineDelegate(self.timeline))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("Progress note… (Ctrl+Enter adds it)"))
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_button.clicked.connect(self.add_note)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.note_edit, activated=self.add_note)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(note_row)
        return box

    def _build_scripts(self) -> QWidget:
        from .scripts_tab import ScriptsTab

        # The library loads when the tab shows or after the window appears (preload_scripts),
        # not while the window is built: it is most of a second of start-up.
        self.scripts_tab = ScriptsTab(self.register, self.operator_provider, self)
        self.scripts_tab.changed.connect(self._written)
        return self.scripts_tab

    @property
    def scripts_panel(self) -> ScriptsPanel | None:
        """The reply-scripts panel (made now if needed); None when the shipped files are
        broken."""
        return self.scripts_tab.panel()

    def preload_scripts(self, tasks: Tasks) -> Task | None:
        """Read the script library on a worker thread (call once the window shows)."""
        return self.scripts_tab.preload(tasks)

    # --- showing -----------------------------------------------------------
    @property
    def current_case_id(self) -> int | None:
        return self._case.id if self._case is not None else None

    def unsaved_note(self) -> str:
        """The progress note typed and not yet added ('' when none)."""
        return self.note_edit.toPlainText() if self.page_built else ""

    def show_case(self, case_id: int | None) -> None:
        """Show case `case_id` (trashed cases too, read-only), or the empty state for None."""
        if case_id is None and not self.page_built:  # nothing on the page to clear
            self._case = None
            self._revealed_phone = None
            self.stack.setCurrentWidget(self.empty)
            return
        if case_id != self.current_case_id:
            self._revealed_phone = None  # a revealed number never follows to another case
            self.note_edit.clear()
            self.banner.hide()
        case = None
        if case_id is not None:
            try:
                case = self.register.cases.get_for_screen(case_id, include_deleted=True)
            except NotFoundError:
                case = None
        self._case = case
        if case is None:
            self._revealed_phone = None
            self._clear_page()
            self.stack.setCurrentWidget(self.empty)
            return
        self.header.show_case(case)
        live_id = case.id if case.deleted_at is None else None
        self.call_indicator.set_case(live_id)
        self.scripts_tab.set_case(live_id)
        self.evidence_panel.set_case(case.id, read_only=live_id is None)
        self.promises_panel.set_case(case.id, live=live_id is not None)
        self._show_review(case)
        self.warning_badge.set_case(case.id, live=live_id is not None)
        self.deadline_strip.set_case(case.id, live=live_id is not None)
        self._show_major(case)
        self._place_stage_button()  # the texts changed: what fits on the top line too
        self.facts.show_case(case, self.register.clock.now(), self._revealed_phone)
        self._fill_timeline(case.id)
        live = case.deleted_at is None
        for widget in (self.edit_button, self.status_button, self.delete_button,
                       self.note_edit, self.note_button, self.major_button):
            widget.setEnabled(live)
        self.stack.setCurrentIndex(1)

    def _clear_page(self) -> None:
        """The case page's parts with no case."""
        self.call_indicator.set_case(None)
        self.scripts_tab.set_case(None)
        self.evidence_panel.set_case(None)
        self.promises_panel.set_case(None)
        self._show_review(None)
        self.warning_badge.set_case(None)
        self.deadline_strip.set_case(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.header and event.type() == QEvent.Type.Resize:
            self._place_stage_button()
        return super().eventFilter(watched, event)

    def _place_stage_button(self) -> None:
        """The header's controls where they fit (case_header_layout.py)."""
        place_header_controls(self)

    def _show_review(self, case: Case | None) -> None:
        """The bad-review tab, for a bad_review case only."""
        index = self.tabs.indexOf(self.review_panel)
        is_review = case is not None and case.kind is CaseKind.BAD_REVIEW
        self.tabs.setTabVisible(index, is_review)
        self.review_panel.set_case(case.id if is_review else None,  # type: ignore[union-attr]
                                   live=case is not None and case.deleted_at is None)

    def show_tab(self, index: int) -> bool:
        """Bring up the case page's tab `index` (Alt+1 …); False when there is no such tab
        for this case (the review tab of another kind)."""
        if not self.page_built or self.current_case_id is None \
                or not 0 <= index < self.tabs.count() or not self.tabs.isTabVisible(index):
            return False
        self.tabs.setCurrentIndex(index)
        return True

    def tick(self) -> None:
        """The clock moved on (the window's minute timer): the time left counts down."""
        if self.page_built and self.current_case_id is not None:
            self.deadline_strip.tick()

    def refresh(self) -> None:
        """Re-read the case on screen (after someone else changed it)."""
        self.show_case(self.current_case_id)

    def _fill_timeline(self, case_id: int) -> None:
        from .case_detail_text import shop_time

        self.timeline.clear()
        tz = self.register.shop_tz
        for event in self.register.cases.timeline(case_id):
            head = f"{shop_time(event.at, tz)} · {event.actor}"
            body = self.text.event_line(event.type, event.text, event.data)
            item = QListWidgetItem(f"{head}\n{body}")
            item.setData(Qt.ItemDataRole.UserRole, event.type)
            self.timeline.addItem(item)
        # Newest last and in view; items are laid out lazily, so scroll once that is done.
        QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)

    def timeline_texts(self) -> list[str]:
        """The timeline as shown, oldest first."""
        return [self.timeline.item(i).text() for i in range(self.timeline.count())]

    # --- writing actions ---------------------------------------------------
    def _operator(self) -> str | None:
        """Who is acting, or None after asking the user to choose the operator first."""
        operator = (self.operator_provider() or "").strip()
        if not operator:
            self._say(self.tr("Choose the operator (who is working now) first — "
                              "every change records who made it. Nothing was changed."))
            return None
        self.banner.hide()
        return operator

    def _say(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def _written(self, case_id: int) -> None:
        self.refresh()
        self.changed.emit(case_id)

    def edit_case(self) -> None:
        operator = self._operator()
        if self._case is None or operator is None:
            return
        from ..dialogs.case_form import CaseFormDialog  # dialogs load when first opened

        dialog = CaseFormDialog(self.register, operator, self, case_id=self._case.id)
        self._open(dialog)
        dialog.saved.connect(self._written)

    def change_status(self) -> None:
        operator = self._operator()
        if self._case is None or operator is None:
            return
        from ..dialogs.status_dialog import StatusDialog

        dialog = StatusDialog(self.register, self._case.id, operator, self)
        self._open(dialog)
        dialog.changed.connect(self._written)

    def _show_major(self, case: Case) -> None:
        """The major button: the owner on a major case, the suggestion when a safety /
        media / group / excessive-claim warning is live, else plain."""
        suggested = [] if case.major_owner or case.deleted_at is not None \
            else self.register.major.suggestion(case.id)
        self.major_button.setVisible(bool(case.major_owner or suggested))
        if case.major_owner:
            self.major_button.setText(self.tr("Major: %1").replace("%1", case.major_owner))
            self.major_button.setStyleSheet(MAJOR_STYLE)
            self.major_button.setToolTip(self.tr("A major complaint owned by %1: first in "
                                                 "every list. Click to change.")
                                         .replace("%1", case.major_owner))
        elif suggested:
            self.major_button.setText(self.tr("Mark major?"))
            self.major_button.setStyleSheet(SUGGEST_STYLE)
            self.major_button.setToolTip(self.tr("The warnings suggest a major complaint "
                                                 "(%1); a person decides.").replace(
                "%1", list_sep(self.text.lang).join(w.rule.label(self.text.lang)
                                                    for w in suggested)))
        else:
            self.major_button.setText(self.tr("Major…"))
            self.major_button.setStyleSheet("")
            self.major_button.hide()
            self.major_button.setToolTip(self.tr("Mark as a major complaint and name its "
                                                 "owner"))

    def major_state(self) -> str:
        """'major', 'suggested' or '' as the major button shows it."""
        style = self.major_button.styleSheet()
        return "major" if style == MAJOR_STYLE else "suggested" if style == SUGGEST_STYLE \
            else ""

    def mark_major(self) -> None:
        operator = self._operator()
        if self._case is None or operator is None:
            return
        from ..dialogs.major_dialog import MajorDialog

        dialog = MajorDialog(self.register, self._case.id, operator, self)
        self._open(dialog)
        dialog.changed.connect(self._written)

    def show_audit(self) -> None:
        if self._case is not None:
            from ..dialogs.audit_dialog import AuditDialog

            self._open(AuditDialog(self.register, self._case.id, self))

    def _open(self, dialog: QWidget) -> None:
        # Window-modal and non-blocking: the event loop keeps running (and tests can drive it).
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]

    def add_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if self._case is None or not text:
            return
        operator = self._operator()
        if operator is None:
            return
        case_id = self._case.id
        try:
            self.register.cases.add_note(case_id, text, operator)
        except (ShopDeskError, NotFoundError) as exc:  # e.g. busy: the note stays
            self._say(self._message(exc))
            return
        self.note_edit.clear()
        self._written(case_id)

    def reveal_phone(self) -> None:
        operator = self._operator()
        if self._case is None or operator is None:
            return
        try:
            self._revealed_phone = self.register.cases.reveal_phone(self._case.id, operator)
        except (ValidationError, NotFoundError) as exc:
            self._say(self._message(exc))
            return
        self.facts.show_case(self._case, self.register.clock.now(), self._revealed_phone)

    def delete_case(self) -> None:
        operator = self._operator()
        if self._case is None or operator is None:
            return
        case = self._case
        answer = QMessageBox.question(
            self, self.tr("Move to trash"),
            self.tr("Move case %1 to the trash?\nYou can restore it from the trash later.")
            .replace("%1", case.case_no),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.register.cases.delete([case.id], operator)
        except (ValidationError, NotFoundError) as exc:
            self._say(self._message(exc))
            return
        self.show_case(None)
        self.changed.emit(case.id)

    def _message(self, exc: Exception) -> str:
        if isinstance(exc, ValidationError):
            return "\n".join(e.message(self.text.lang) for e in exc.errors)
        if isinstance(exc, ShopDeskError):
            return exc.message(self.text.lang)
        return self.tr("This case no longer exists (it may have been deleted)")
