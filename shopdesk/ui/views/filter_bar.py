"""The filter bar above the case list: quick filters, search, combos, created-date range."""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.case_query import GroupFilter
from ...domain.enums import CaseKind, CaseStatus, Platform
from ...services.quick_filters import QuickFilter
from ..widgets.elided_label import ElidedLabel
from .query_builder import FilterState

SEARCH_DEBOUNCE_MS = 150
E = TypeVar("E", bound=Enum)


class FilterBar(QWidget):
    """Emits `changed` when any filter changes (the search box after a short pause)."""

    changed = Signal()
    # Enter or Down in the search box: the user wants the results (the list takes focus).
    results_wanted = Signal()

    def __init__(self, lang: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)

        self.quick_group = QButtonGroup(self)
        self.quick_group.setExclusive(True)
        self.quick_buttons: dict[QuickFilter, QToolButton] = {}
        # Short enough that all eleven and the search box fit one line at 1280 px in
        # English, counts included (the tooltips say the rest).
        labels = {
            QuickFilter.ALL: self.tr("All"),
            QuickFilter.OPEN: self.tr("Open"),
            QuickFilter.DUE_TODAY: self.tr("Due today"),
            QuickFilter.OVERDUE: self.tr("Overdue"),
            QuickFilter.PROMISE_OVERDUE: self.tr("Late promises"),
            QuickFilter.PROMISE_TODAY: self.tr("Promises today"),
            QuickFilter.WARNED: self.tr("Warnings"),
            QuickFilter.DEADLINE_SOON: self.tr("Deadline soon"),
            QuickFilter.REFUND_TODAY: self.tr("Refunds today"),
            QuickFilter.MINE: self.tr("Mine"),
            QuickFilter.TRASH: self.tr("Trash"),
        }
        tips = {
            QuickFilter.ALL: self.tr("Every case that is not in the trash"),
            QuickFilter.OPEN: self.tr("Cases that still need attention"),
            QuickFilter.DUE_TODAY: self.tr("Open cases whose due time or platform deadline "
                                           "falls today (shop time)"),
            QuickFilter.OVERDUE: self.tr("Open cases past their due time or platform "
                                         "deadline"),
            QuickFilter.PROMISE_OVERDUE: self.tr(
                "Cases with a promise to the buyer that is due and not yet kept"),
            QuickFilter.PROMISE_TODAY: self.tr(
                "Cases with an open promise to the buyer due today (shop time)"),
            QuickFilter.WARNED: self.tr(
                "Open cases with an early warning nobody has acknowledged yet"),
            QuickFilter.DEADLINE_SOON: self.tr(
                "Open cases whose stage deadline (platform, rule or set by hand) is "
                "within the warning threshold or past"),
            QuickFilter.REFUND_TODAY: self.tr(
                "Open refund-only requests and agreed refunds not paid yet; finish "
                "them before 24:00"),
            QuickFilter.MINE: self.tr("Open cases assigned to the current operator"),
            QuickFilter.TRASH: self.tr("Deleted cases; restore them or empty the trash"),
        }
        for quick, text in labels.items():
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tips[quick])
            button.setCheckable(True)
            button.setObjectName(f"quick_{quick.value}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            # Never narrower than the label (a count may be added later): a squeezed tool
            # button elides ("Warn…(69)"); the row is built to fit at 1280 px instead.
            button.setMinimumWidth(48)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.quick_group.addButton(button)
            self.quick_buttons[quick] = button
        self.quick_buttons[QuickFilter.OPEN].setChecked(True)
        self.quick_group.buttonToggled.connect(self._on_quick_toggled)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search case no., order no., buyer, item, notes…  (Ctrl+F)"))
        # It gives way to the quick filters (they must read whole at 1280 px in English);
        # the placeholder is cut there, so the tooltip says what is searched.
        self.search.setMinimumWidth(160)
        self.search.setToolTip(self.search.placeholderText())
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_entered)
        # Esc empties the search (the empty list says "clear the search (Esc)"); Down goes
        # to the results, as Enter does. Key events of the box only: a window shortcut
        # would take Down from every combo box.
        self.search.installEventFilter(self)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(90)

        self.kind_combo = self._enum_combo("kind_filter", self.tr("All kinds"), CaseKind)
        self.platform_combo = self._enum_combo("platform_filter", self.tr("All platforms"),
                                               Platform)
        self.status_combo = self._enum_combo("status_filter", self.tr("All statuses"),
                                             CaseStatus)

        self.created_check = QCheckBox(self.tr("Created"), self)
        self.created_check.setObjectName("created_filter")
        self.created_check.setToolTip(self.tr("Only cases created in this date range"))
        self.created_from = self._date_edit("created_from", today.replace(day=1))
        self.created_to = self._date_edit("created_to", today)
        self.created_check.toggled.connect(self._on_created_toggled)
        self._on_created_toggled(False)

        # A drill-down from the complaint analysis: says which cases these are, with its
        # own clear button (the other filters stay as they were).
        self.group: GroupFilter | None = None
        self._quick_before = QuickFilter.OPEN
        self.group_chip = QFrame(self)
        self.group_chip.setObjectName("group_filter")
        self.group_chip.setStyleSheet(
            "QFrame#group_filter { background: #fff3cd; border: 1px solid #e0b84c;"
            " border-radius: 3px; }")
        chip = QHBoxLayout(self.group_chip)
        chip.setContentsMargins(6, 0, 0, 0)
        chip.setSpacing(2)
        # Elided to the room the row has left (it had a fixed 360 px, and the row at
        # 1280 px gives it ~245: "Complaint analysis: Cause: … (2026-1").
        self.group_label = ElidedLabel(parent=self.group_chip)
        self.group_label.setObjectName("group_filter_text")
        self.group_clear = QToolButton(self.group_chip)
        self.group_clear.setObjectName("group_filter_clear")
        self.group_clear.setText("✕")
        self.group_clear.setAutoRaise(True)
        self.group_clear.setToolTip(self.tr("Clear the analysis filter and show all cases"))
        self.group_clear.clicked.connect(self.clear_group)
        chip.addWidget(self.group_label)
        chip.addWidget(self.group_clear)
        self.group_chip.hide()

        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(4)
        for button in self.quick_buttons.values():
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addSpacing(8)
        top.addWidget(self.count_label)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.setSpacing(6)
        for text, combo in ((self.tr("Kind"), self.kind_combo),
                            (self.tr("Platform"), self.platform_combo),
                            (self.tr("Status"), self.status_combo)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            bottom.addWidget(label)
            bottom.addWidget(combo)
            bottom.addSpacing(8)
        bottom.addWidget(self.created_check)
        bottom.addWidget(self.created_from)
        bottom.addWidget(QLabel(self.tr("to"), self))
        bottom.addWidget(self.created_to)
        bottom.addSpacing(8)
        bottom.addWidget(self.clear_button)
        bottom.addSpacing(8)
        bottom.addWidget(self.group_chip, 10)  # up to its text's width (set_group)
        bottom.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

    # --- public ----------------------------------------------------------
    def state(self) -> FilterState:
        """The current filters."""
        checked = self.quick_group.checkedButton()
        quick = next((q for q, b in self.quick_buttons.items() if b is checked),
                     QuickFilter.ALL)
        use_dates = self.created_check.isChecked()
        return FilterState(
            quick=quick,
            kind=_member(self.kind_combo, CaseKind),
            platform=_member(self.platform_combo, Platform),
            status=_member(self.status_combo, CaseStatus),
            created_from=self.created_from.date().toPython() if use_dates else None,
            created_to=self.created_to.date().toPython() if use_dates else None,
            search=self.search.text(),
            group=self.group,
        )

    def quick(self) -> QuickFilter:
        return self.state().quick

    def set_quick(self, quick: QuickFilter) -> None:
        """Select a quick filter (emits `changed` if it differs)."""
        self.quick_buttons[quick].setChecked(True)

    def set_group(self, group: GroupFilter) -> None:
        """Show the cases behind one row of the analysis: every status (the analysis
        counts them all), the other filters cleared so the count matches the row."""
        if self.group is None:
            self._quick_before = self.quick()  # given back when the drill-down is cleared
        self.group = group
        day = "%Y-%m-%d"
        last = group.end - timedelta(seconds=1)
        text = self.tr("Complaint analysis: %1 (%2 to %3)").replace("%1", group.label).replace(
            "%2", group.start.strftime(day)).replace("%3", last.strftime(day))
        # The group first, the period after it: what is cut when room is short is the
        # least telling part (the whole text is the tooltip).
        shown = f"{group.label} ({group.start.strftime(day)} – {last.strftime(day)})"
        self.group_label.setText(shown)
        self.group_label.setToolTip(text)
        margins = self.group_chip.layout().contentsMargins()
        self.group_chip.setMaximumWidth(
            self.group_label.fontMetrics().horizontalAdvance(shown) + 8
            + self.group_clear.sizeHint().width() + margins.left() + margins.right())
        self.group_chip.show()
        with QSignalBlocker(self.quick_group):
            self.quick_buttons[QuickFilter.ALL].setChecked(True)
        self._reset(keep_group=True)  # emits changed once

    def clear_group(self) -> None:
        """Leave the drill-down: back to the quick filter chosen before it."""
        if self.group is None:
            return
        self.group = None
        self.group_chip.hide()
        with QSignalBlocker(self.quick_group):
            self.quick_buttons[self._quick_before].setChecked(True)
        self.changed.emit()

    def set_count(self, count: int) -> None:
        self.count_label.setText(self.tr("1 case") if count == 1
                                 else self.tr("{count} cases").format(count=f"{count:,}"))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_filters(self) -> None:
        """Reset combos, dates, search and any drill-down (the quick filter stays)."""
        self._reset(keep_group=False)

    def _reset(self, *, keep_group: bool) -> None:
        if not keep_group:
            self.group = None
            self.group_chip.hide()
        blockers = [QSignalBlocker(w) for w in (self.kind_combo, self.platform_combo,
                                                self.status_combo, self.created_check,
                                                self.search)]
        for combo in (self.kind_combo, self.platform_combo, self.status_combo):
            combo.setCurrentIndex(0)
        self.created_check.setChecked(False)
        self._on_created_toggled(False)
        self.search.clear()
        del blockers
        self._debounce.stop()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search.text():
                self._escape_search()
                return True
            if key == Qt.Key.Key_Down:
                self._search_entered()
                return True
        return super().eventFilter(watched, event)

    def _search_entered(self) -> None:
        self.flush_search()
        self.results_wanted.emit()

    def _escape_search(self) -> None:
        if self.search.text():
            self.search.clear()
            self.flush_search()

    def flush_search(self) -> None:
        """Apply a pending search now (e.g. when Enter is pressed)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    # --- building --------------------------------------------------------
    def _enum_combo(self, name: str, any_text: str, enum: type) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(any_text, "")
        for member in enum:
            # Qt hands str subclasses back as plain str, so the key is stored, not the member.
            combo.addItem(member.label(self._lang), member.value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self._on_date_changed)
        return edit

    def _on_quick_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def _on_created_toggled(self, checked: bool) -> None:
        self.created_from.setEnabled(checked)
        self.created_to.setEnabled(checked)
        if self.sender() is self.created_check:
            self.changed.emit()

    def _on_date_changed(self, _day: QDate) -> None:
        if self.created_check.isChecked():
            self.changed.emit()


def _member(combo: QComboBox, enum: type[E]) -> E | None:
    """The enum member chosen in a combo built by FilterBar._enum_combo (None = any)."""
    key = combo.currentData()
    return enum(key) if key else None
