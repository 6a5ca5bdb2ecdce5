"""The scripts panel beside a case: handling steps, warnings, suggested replies, copy.

A reply is copied only when every placeholder has a value: a buyer must never receive
"{运单号}". Missing values are asked for in a small dialog, remembered for the case on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.case import Case
from ...domain.enums import CustomerType
from ...domain.errors import NotFoundError, ValidationError
from ...domain.scripts import PROCEDURE_STEPS, Channel, HandlingStep, RenderResult, canonical_key
from ...domain.scripts.model import FACTS_KEY
from ...services.register import Register
from ...services.scripts import ScriptService
from ..dialogs.placeholder_dialog import PlaceholderDialog
from ..i18n import ui_language
from ..widgets.collapsible import Collapsible

WARNING_STYLE = ("background: #fff3cd; color: #5c4400; border: 1px solid #e0c060; "
                 "border-radius: 4px; padding: 4px;")
TIPS_STYLE = "background: #eef5ff; border: 1px solid #b8cfee; border-radius: 4px; padding: 4px;"
MISSING_STYLE = "color: #a12a00;"
DONE_STYLE = "color: #1d6b2a;"
SCRIPT_ID_ROLE = Qt.ItemDataRole.UserRole


class ScriptsPanel(QWidget):
    """Scripts for one case. Emits changed(case id) after ticking a step (timeline grew)."""

    changed = Signal(int)
    copied = Signal(str)  # the script id

    def __init__(self, register: Register, script_service: ScriptService,
                 operator_provider: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.scripts = script_service
        self.operator_provider = operator_provider
        self.lang = ui_language(register)
        self.case: Case | None = None
        self.values: dict[str, str] = {}  # placeholder values typed for the case on screen
        self.ticked_facts: dict[str, set[int]] = {}  # script id -> facts ticked for this case
        self.fact_checks: list[QCheckBox] = []
        self.placeholder_dialog: PlaceholderDialog | None = None
        self._auto_step = True  # the selector follows the next unticked step
        self._build()
        self.set_case(None)

    # --- building ----------------------------------------------------------
    def _build(self) -> None:
        # Steps and customer-type tips fold away under one header line, so on a laptop the
        # suggested script and its Copy button stay in view without scrolling.
        self.steps_section = Collapsible(self.tr("Handling steps"))
        self.steps_box = self.steps_section.body
        grid = QGridLayout(self.steps_box)
        grid.setContentsMargins(6, 0, 6, 4)
        grid.setVerticalSpacing(2)
        self.step_checks: dict[HandlingStep, QCheckBox] = {}
        for i, step in enumerate(PROCEDURE_STEPS):
            box = QCheckBox(f"{step.number}. {step.label(self.lang)}")
            box.setToolTip(step.description(self.lang))
            box.toggled.connect(lambda on, s=step: self._step_toggled(s, on))
            grid.addWidget(box, i % 4, i // 4)
            self.step_checks[step] = box
        self.tips = QLabel()
        self.tips.setWordWrap(True)
        self.tips.setStyleSheet(TIPS_STYLE)
        grid.addWidget(self.tips, 4, 0, 1, 2)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.notice = QLabel()  # operator missing, copied, errors
        self.notice.setWordWrap(True)

        self.step_combo = QComboBox()
        for step in HandlingStep:
            number = f"{step.number}. " if step.number else ""
            self.step_combo.addItem(number + step.label(self.lang), step.value)
        self.step_combo.activated.connect(self._step_chosen)
        step_row = QHBoxLayout()
        step_row.addWidget(self.steps_section.toggle)
        step_row.addStretch(1)
        step_label = QLabel(self.tr("Scripts for step:"))
        step_label.setBuddy(self.step_combo)
        step_row.addWidget(step_label)
        step_row.addWidget(self.step_combo, 1)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Suggested scripts"))
        self.list.currentItemChanged.connect(lambda *_: self._preview())
        self.list.itemActivated.connect(lambda *_: self.copy_current())  # Enter / double-click
        self.preview = QPlainTextEdit()
        self.preview.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(MISSING_STYLE)
        self.fill_button = QPushButton(self.tr("Fill in…"))
        self.fill_button.clicked.connect(lambda: self.ask_values(copy_after=False))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setDefault(True)
        self.copy_button.setToolTip(self.tr("Copy the reply to the clipboard (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self.copy_current)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.missing, 1)
        buttons.addWidget(self.fill_button)
        buttons.addWidget(self.copy_button)

        # A statement to the platform: its facts as boxes the user ticks for this case.
        self.facts_box = QWidget()
        self.facts_box.setObjectName("script_facts")
        self.facts_layout = QVBoxLayout(self.facts_box)
        self.facts_layout.setContentsMargins(0, 0, 0, 0)
        self.facts_layout.setSpacing(0)
        self.facts_label = QLabel(self.tr("Write only what you checked for this case:"))
        self.facts_label.setWordWrap(True)
        self.facts_layout.addWidget(self.facts_label)
        self.facts_box.hide()

        preview_box = QWidget()
        pl = QVBoxLayout(preview_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.preview, 1)
        pl.addWidget(self.facts_box)
        pl.addLayout(buttons)
        # Titles beside the text, not above it: a laptop has width to spare, not height.
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(preview_box)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.list.setMinimumHeight(60)
        self.preview.setMinimumHeight(60)

        self.empty = QLabel(self.tr("Open a case to see its handling steps and reply scripts."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(step_row)
        for w in (self.steps_section, self.warnings, self.notice):
            layout.addWidget(w)
        layout.addWidget(split, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 2, 0, 0)
        outer.addWidget(self.empty)
        outer.addWidget(self.body)

    # --- showing a case -----------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        """Show case `case_id` (None: the empty state)."""
        if self.case is None or case_id != self.case.id:
            self.values = {}
            self.ticked_facts = {}
            self._auto_step = True
        try:
            self.case = self.register.cases.get(case_id) if case_id is not None else None
        except NotFoundError:
            self.case = None
        self.empty.setVisible(self.case is None)
        self.body.setVisible(self.case is not None)
        self.notice.hide()
        if self.case is not None:
            self.refresh()
        else:
            self.list.clear()  # nothing of the previous case may be copied by accident

    def refresh(self) -> None:
        """Re-read steps, warnings and suggestions (e.g. after a note was added)."""
        if self.case is None:
            return
        self.case = self.register.cases.get(self.case.id)
        for state in self.scripts.steps_for(self.case.id):
            box = self.step_checks[state.step]
            box.blockSignals(True)
            box.setChecked(state.is_done)
            box.blockSignals(False)
            if state.done is not None:
                box.setToolTip(f"{state.step.description(self.lang)}\n✓ {state.done.done_by}")
        done = sum(box.isChecked() for box in self.step_checks.values())
        self.steps_section.set_title(self.tr("Handling steps (%1/%2)")
                                     .replace("%1", str(done))
                                     .replace("%2", str(len(self.step_checks))))
        self._show_warnings()
        self._show_tips()
        if self._auto_step:
            step = self.scripts.next_step(self.case.id) or HandlingStep.LEARN
            self.step_combo.setCurrentIndex(self.step_combo.findData(step.value))
        self._fill_list()

    def _show_warnings(self) -> None:
        assert self.case is not None
        found = self.scripts.warnings_for(self.case.id)
        self.warnings.setText("\n".join(f"⚠ {w.message.get(self.lang)}" for w in found))
        self.warnings.setVisible(bool(found))

    def _show_tips(self) -> None:
        assert self.case is not None
        ctype = self.case.customer_type
        guide = self.scripts.catalog.customer_types.get(ctype)
        if ctype is CustomerType.UNKNOWN or guide is None:
            self.tips.hide()
            return
        lines = [f"<b>{ctype.label(self.lang)}</b>: {guide.approach.get(self.lang)}"]
        lines += [f"• {tip.get(self.lang)}" for tip in guide.tips]
        self.tips.setText("<br>".join(lines))
        self.tips.show()

    def current_step(self) -> HandlingStep:
        return HandlingStep(self.step_combo.currentData())

    def _step_chosen(self) -> None:
        self._auto_step = False  # the user looks at another step: stay there
        self._fill_list()

    def _fill_list(self) -> None:
        assert self.case is not None
        self.list.clear()
        favourites = self.scripts.favourites()
        for script in self.scripts.suggestions(self.case.id, self.current_step()):
            mark = "★ " if script.id in favourites else ""
            phone = f"  ({Channel.PHONE.label(self.lang)})" if script.channel is Channel.PHONE \
                else ""
            item = QListWidgetItem(mark + script.title.get(self.lang) + phone)
            item.setData(SCRIPT_ID_ROLE, script.id)
            # The list is narrow beside the preview: the whole title is in the tooltip.
            item.setToolTip(f"{script.title.get(self.lang)}\n{script.tone.get(self.lang)}"
                            f"\n{script.id}")
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._preview()

    def script_ids(self) -> list[str]:
        """The suggested scripts as listed, best first."""
        return [self.list.item(i).data(SCRIPT_ID_ROLE) for i in range(self.list.count())]

    def current_script_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(SCRIPT_ID_ROLE) if item is not None else None

    # --- rendering and copying ---------------------------------------------------
    def rendered(self) -> RenderResult | None:
        script_id = self.current_script_id()
        if self.case is None or script_id is None:
            return None
        return self.scripts.render_for_case(script_id, self.case.id, self.values, self.lang,
                                            agent=(self.operator_provider() or "").strip(),
                                            facts=sorted(self.ticked_facts.get(script_id, ())))

    def _show_facts(self) -> None:
        """One box per fact of the selected script, ticked as the user left them."""
        for box in self.fact_checks:
            self.facts_layout.removeWidget(box)
            box.deleteLater()
        self.fact_checks = []
        script_id = self.current_script_id()
        script = self.scripts.get(script_id) if script_id and self.case else None
        facts = script.facts if script is not None else ()
        ticked = self.ticked_facts.get(script_id or "", set())
        for n, fact in enumerate(facts):
            box = QCheckBox(fact.get(self.lang))
            box.setObjectName(f"script_fact_{n}")
            box.setChecked(n in ticked)
            box.toggled.connect(lambda on, i=n, sid=script_id: self._fact_toggled(sid, i, on))
            self.facts_layout.addWidget(box)
            self.fact_checks.append(box)
        self.facts_box.setVisible(bool(facts))

    def _fact_toggled(self, script_id: str, index: int, on: bool) -> None:
        chosen = self.ticked_facts.setdefault(script_id, set())
        if on:
            chosen.add(index)
        else:
            chosen.discard(index)
        self._preview(facts_too=False)

    def _facts_missing(self, result: RenderResult) -> bool:
        return any(canonical_key(n) == FACTS_KEY for n in result.missing)

    def _preview(self, *, facts_too: bool = True) -> None:
        if facts_too:
            self._show_facts()
        result = self.rendered()
        self.preview.setPlainText(result.text if result else "")
        missing = result.missing if result else []
        self.missing.setText(self.tr("To fill in: %1").replace(
            "%1", ", ".join(f"{{{n}}}" for n in missing)) if missing else "")
        self.fill_button.setVisible(bool(missing))
        self.copy_button.setEnabled(result is not None)

    def copy_current(self) -> bool:
        """Copy the selected reply; asks for missing values first. True when copied."""
        result = self.rendered()
        if result is None:
            return False
        if self._facts_missing(result):
            self._say(self.tr("Tick the facts you checked for this case first: a statement "
                              "to the platform says only what is true."), WARNING_STYLE)
            return False
        if result.missing:
            self.ask_values(copy_after=True)
            return False
        QGuiApplication.clipboard().setText(result.text)
        script_id = self.current_script_id()
        assert script_id is not None
        self.scripts.record_use(script_id)
        self._say(self.tr("Copied — paste it into the chat."), DONE_STYLE)
        self.copied.emit(script_id)
        return True

    def ask_values(self, *, copy_after: bool) -> None:
        """Open the fill-in dialog for the placeholders still missing."""
        result = self.rendered()
        missing = [n for n in (result.missing if result else [])
                   if canonical_key(n) != FACTS_KEY]  # facts are ticked, never typed
        if result is None or not missing:
            return
        dialog = PlaceholderDialog(missing, self.lang, self.values, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._values_entered(dialog, copy_after))
        dialog.finished.connect(self._dialog_closed)
        self.placeholder_dialog = dialog
        dialog.open()  # window-modal, non-blocking

    def _values_entered(self, dialog: PlaceholderDialog, copy_after: bool) -> None:
        self.values.update(dialog.values())
        self._preview()
        if copy_after:
            self.copy_current()

    def _dialog_closed(self) -> None:
        self.placeholder_dialog = None

    # --- steps --------------------------------------------------------------
    def _step_toggled(self, step: HandlingStep, on: bool) -> None:
        assert self.case is not None
        operator = (self.operator_provider() or "").strip()
        if not operator:
            self._revert(step, on)
            self._say(self.tr("Choose the operator (who is working now) first — "
                              "every change records who made it. Nothing was changed."),
                      WARNING_STYLE)
            return
        try:
            if on:
                self.scripts.tick_step(self.case.id, step, operator)
            else:
                self.scripts.untick_step(self.case.id, step, operator)
        except (ValidationError, NotFoundError) as exc:
            self._revert(step, on)
            self._say(str(exc), WARNING_STYLE)
            return
        self.notice.hide()
        self.refresh()
        self.changed.emit(self.case.id)

    def _revert(self, step: HandlingStep, on: bool) -> None:
        box = self.step_checks[step]
        box.blockSignals(True)
        box.setChecked(not on)
        box.blockSignals(False)

    def _say(self, text: str, style: str) -> None:
        self.notice.setStyleSheet(style)
        self.notice.setText(text)
        self.notice.show()
