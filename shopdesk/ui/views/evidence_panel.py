"""The evidence tab of a case: thumbnails, captions, categories, the per-cause checklist.

Files come in through "Add files…" or by dropping them on the panel (or, with
`accept_drops_on`, anywhere on the case view). They are copied into the data folder
by the evidence service; the panel never touches the database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.errors import NotFoundError, ValidationError
from ...domain.evidence import ChecklistError, ChecklistItem, Evidence, EvidenceCategory
from ...domain.text import parens, pick
from ...services.register import Register
from ..i18n import ui_language
from ..save_location import remember_open_folder, suggested_open_folder
from ..widgets.enum_combo import EnumCombo
from .evidence_drops import DropForwarder, local_files
from .evidence_thumbs import ThumbnailCache

if TYPE_CHECKING:  # the dialog loads when first opened
    from ..dialogs.waybill_dialog import WaybillDialog

EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole
NOTICE_STYLE = ("background: #fff3cd; color: #5c4400; border: 1px solid #e0c060; "
                "border-radius: 4px; padding: 4px;")
DONE_COLOUR = "#1d6b2a"
MISSING_COLOUR = "#a12a00"
THUMB = 96
CHECKLIST_STYLE = ("background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 4px; "
                   "padding: 4px;")
FILE_FILTER_EXTS = "*.png *.jpg *.jpeg *.gif *.bmp *.webp *.heic *.pdf *.mp4 *.mov"


class EvidencePanel(QWidget):
    """Evidence of one case. Emits changed(case id) after an add or a removal."""

    changed = Signal(int)
    files_dropped = Signal()

    def __init__(self, register: Register, operator_provider: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.service = register.evidence
        self.operator_provider = operator_provider
        self.lang = ui_language(register)
        self.case_id: int | None = None
        self.read_only = True
        self.thumbs = ThumbnailCache(THUMB)
        self._evidence: dict[int, Evidence] = {}
        self._checklist: list[ChecklistItem] = []
        self.waybill_dialog: WaybillDialog | None = None
        self.setAcceptDrops(True)
        self._build()
        self.set_case(None)

    # --- building ----------------------------------------------------------
    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Photos, screenshots, PDFs (or drop files here)"))
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.add_as = EnumCombo(EvidenceCategory, self.lang)
        self.add_as.removeItem(self.add_as.findData(EvidenceCategory.WAYBILL.value))
        self.add_as.setToolTip(self.tr("Category given to the files you add; it starts at "
                                       "the first item the checklist below is missing"))
        # The user's own choice stays until another case is shown; else the combo follows
        # the checklist (the next missing item once one is added).
        self.add_as.activated.connect(lambda _i: setattr(self, "_add_as_chosen", True))
        self._add_as_chosen = False
        add_as_label = QLabel(self.tr("as"))
        add_as_label.setBuddy(self.add_as)
        self.waybill_button = QPushButton(self.tr("Add waybill…"))
        self.waybill_button.clicked.connect(self.add_waybill)
        self.show_removed = QCheckBox(self.tr("Show removed"))
        self.show_removed.toggled.connect(lambda _on: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(add_as_label)
        top.addWidget(self.add_as)
        top.addWidget(self.waybill_button)
        top.addStretch(1)
        top.addWidget(self.show_removed)

        # The checklist reads as one wrapped line: "✓ 外包装照片 · 缺 物流轨迹（…）添加…".
        self.checklist_label = QLabel()
        self.checklist_label.setWordWrap(True)
        self.checklist_label.setTextFormat(Qt.TextFormat.RichText)
        self.checklist_label.setStyleSheet(CHECKLIST_STYLE)
        # Tab reaches the "Add…" links, Enter follows one (not only a mouse click).
        self.checklist_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.checklist_label.linkActivated.connect(self._checklist_link)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Evidence"))
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        line = self.fontMetrics().lineSpacing()
        # Three lines of room: CJK glyphs are taller than the default font's line spacing.
        self.list.setGridSize(QSize(THUMB + 30, THUMB + 3 * line + 8))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWrapping(True)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        # One whole grid row (caption's third line included) even with both banners shown.
        self.list.setMinimumHeight(THUMB + 3 * line + 16)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.list.itemActivated.connect(lambda *_: self.open_current())  # Enter / double-click
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list,
                           self.remove_current)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.hint = QLabel(self.tr("No evidence yet. Drop photos, screenshots or PDFs anywhere "
                                   "on the case to attach them."))
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # greyed, like a placeholder

        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Caption, e.g. torn seam on the left sleeve"))
        self.caption.editingFinished.connect(self.save_caption)
        self.category = EnumCombo(EvidenceCategory, self.lang)
        self.category.setToolTip(self.tr("What this evidence shows"))
        for combo in (self.category, self.add_as):  # long English labels must not push
            combo.setSizeAdjustPolicy(  # the caption box and buttons out of view
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.category.activated.connect(lambda _i: self.save_category())
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open with the system viewer (double-click)"))
        self.open_button.clicked.connect(self.open_current)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_current)
        editor = QHBoxLayout()
        editor.addWidget(self.caption, 1)
        editor.addWidget(self.category)
        editor.addWidget(self.open_button)
        editor.addWidget(self.remove_button)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.checklist_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(editor)
        layout.addWidget(self.notice)

    def accept_drops_on(self, widget: QWidget) -> None:
        """Files dropped anywhere on `widget` (e.g. the whole case view, its note box and
        other text fields included) are added here."""
        widget.setAcceptDrops(True)
        DropForwarder(self, widget)

    # --- showing -----------------------------------------------------------
    def set_case(self, case_id: int | None, *, read_only: bool = False) -> None:
        """Show the evidence of `case_id` (None: nothing). Trashed cases: read only."""
        switched = case_id != self.case_id
        self.case_id = case_id
        self.read_only = read_only
        if switched:
            self.notice.hide()
            self.show_removed.blockSignals(True)  # one refresh below is enough
            self.show_removed.setChecked(False)
            self.show_removed.blockSignals(False)
        if switched:
            self._add_as_chosen = False
        self.refresh()

    def refresh(self) -> None:
        """Re-read the evidence and the checklist of the case on screen."""
        selected = self.current_evidence()
        self.list.clear()
        self._evidence = {}
        self._checklist = []
        live = self.case_id is not None and not self.read_only
        for w in (self.add_button, self.add_as, self.waybill_button):
            w.setEnabled(live)
        if self.case_id is None:
            self.checklist_label.clear()
            self._show_selected()
            return
        items = self.service.for_case(self.case_id,
                                      include_removed=self.show_removed.isChecked())
        texts = {"missing": self.tr("Missing"), "unreadable": self.tr("Unreadable")}
        for ev in items:
            self._evidence[ev.id] = ev
            item = QListWidgetItem(self.thumbs.icon(ev, self.service.file_path(ev), texts),
                                   self._item_text(ev))
            item.setData(EVIDENCE_ID_ROLE, ev.id)
            item.setToolTip(self._tooltip(ev))
            if ev.is_removed:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
            if selected is not None and ev.id == selected.id:
                self.list.setCurrentItem(item)
        self._fill_checklist()
        if not self._add_as_chosen:
            self._default_add_as()
        self._show_selected()
        self._update_tab_title(sum(1 for e in items if not e.is_removed))

    def _update_tab_title(self, count: int) -> None:
        """"Evidence (3) · 1 missing" on the tab that holds this panel, if any."""
        tabs = self.parentWidget().parentWidget() if self.parentWidget() else None
        if not isinstance(tabs, QTabWidget) or tabs.indexOf(self) < 0:
            return
        missing = sum(1 for i in self._checklist if not i.satisfied)
        title = self.tr("Evidence (%1)").replace("%1", str(count))
        if missing:
            title += " · " + self.tr("%1 missing").replace("%1", str(missing))
        tabs.setTabText(tabs.indexOf(self), title)

    def _item_text(self, ev: Evidence) -> str:
        title = ev.title(self.lang)
        if ev.is_removed:
            title = self.tr("[removed] %1").replace("%1", title)
        return f"{title}\n{ev.caption}" if ev.caption else title

    def _tooltip(self, ev: Evidence) -> str:
        when = local(ev.added_at, self.register.shop_tz).strftime("%Y-%m-%d %H:%M")
        lines = [ev.title(self.lang), ev.category.label(self.lang)]
        if ev.caption:
            lines.append(ev.caption)
        if ev.is_file:
            lines.append(f"{ev.mime}, {_size(ev.size)}")
            if not self.service.file_exists(ev):
                lines.append(self.tr("The file is missing from the data folder"))
        lines.append(self.tr("Added %1 by %2").replace("%1", when).replace("%2", ev.added_by))
        if ev.is_removed and ev.removed_at is not None:
            gone = local(ev.removed_at, self.register.shop_tz).strftime("%Y-%m-%d %H:%M")
            lines.append(self.tr("Removed %1 by %2").replace("%1", gone)
                         .replace("%2", ev.removed_by or ""))
            if ev.removed_reason:
                lines.append(self.tr("Reason: %1").replace("%1", ev.removed_reason))
        return "\n".join(lines)

    def _fill_checklist(self) -> None:
        assert self.case_id is not None
        try:
            case = self.register.cases.get(self.case_id, include_deleted=True)
            self._checklist = self.service.checklist(self.case_id)
        except ChecklistError as exc:
            # A broken edited checklist must not take the evidence tab down with it.
            self.checklist_label.setText(f"<span style='color:{MISSING_COLOUR}'>"
                                         f"{_html(exc.message(self.lang))}</span>")
            return
        except NotFoundError:
            return
        cause = case.cause.label(self.lang) if case.cause else self.tr("cause not set")
        parts = []
        for item in self._checklist:
            name = _html(item.category.label(self.lang))
            note = _html(item.note(self.lang))
            if item.satisfied:
                parts.append(f"<span style='color:{DONE_COLOUR}' title='{note}'>✓ {name}</span>")
                continue
            link = ""
            if not self.read_only:
                add = self.tr("Add…")  # outside the f-string, where lupdate can see it
                # Word joiners: Chinese may break between any two characters ("添/加…").
                add = "\u2060".join(add)
                link = f" <a href='add:{item.category.value}'>{_html(add)}</a>"
            parts.append(f"<span style='color:{MISSING_COLOUR}'>"
                         f"{_html(self.tr('Missing'))} <b>{name}</b></span>"
                         f"<span style='color:#555'>{_paren(note, self.lang)}</span>{link}")
        head = _html(self.tr("The platform will ask for (%1):").replace("%1", cause))
        body = " &nbsp;·&nbsp; ".join(parts) or _html(self.tr("nothing for this cause"))
        self.checklist_label.setText(f"<b>{head}</b> {body}")
        self.checklist_label.setToolTip("\n".join(
            ("✓ " if i.satisfied else "✗ ") + f"{i.category.label(self.lang)}: "
            f"{i.note(self.lang)}" for i in self._checklist))

    def _default_add_as(self) -> None:
        """New files go to the first checklist item the case is missing (a file, not the
        waybill number), else 其他: a seller works down what the platform will ask for,
        and 其他 left the checklist red whatever was added. The combo shows the choice
        beside the button, and a file filed so is named in a notice, so a wrong guess is
        seen and changed before it is printed in an appeal."""
        self.add_as.set_current(self._first_missing() or EvidenceCategory.OTHER)

    def _first_missing(self) -> EvidenceCategory | None:
        return next((i.category for i in self._checklist if not i.satisfied
                     and i.category != EvidenceCategory.WAYBILL), None)

    def current_evidence(self) -> Evidence | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self._evidence.get(item.data(EVIDENCE_ID_ROLE))

    def _show_selected(self) -> None:
        ev = self.current_evidence()
        editable = ev is not None and not ev.is_removed and not self.read_only
        self.caption.setEnabled(editable)
        self.category.setEnabled(editable and ev is not None and ev.is_file)
        self.remove_button.setEnabled(editable)
        self.open_button.setEnabled(ev is not None and ev.is_file)
        self.caption.setText(ev.caption if ev is not None else "")
        self.category.set_current(ev.category if ev is not None else EvidenceCategory.OTHER)
        # With nothing attached the hint stands in the list's place: an empty grid row would
        # only take height a laptop screen needs for the case's facts.
        empty = self.list.count() == 0
        self.hint.setVisible(empty)
        self.list.setVisible(not empty)

    # --- the user's actions ------------------------------------------------
    def _operator(self) -> str | None:
        operator = (self.operator_provider() or "").strip()
        if not operator:
            self._say(self.tr("Choose the operator (who is working now) first — "
                              "every change records who made it. Nothing was changed."))
            return None
        return operator

    def _say(self, message: str) -> None:
        self.notice.setText(message)
        self.notice.setVisible(bool(message))

    def choose_files(self, category: EvidenceCategory | None = None) -> int:
        """Pick files with the system dialog and add them; returns how many were added."""
        if self.case_id is None or self.read_only:
            return 0
        shown = category or self.add_as.current() or EvidenceCategory.OTHER
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence: %1").replace("%1", shown.label(self.lang)),
            suggested_open_folder(),
            self.tr("Images and PDFs (%1);;All files (*)").replace("%1", FILE_FILTER_EXTS))
        if names:
            remember_open_folder(names[0])
        return self.add_paths([Path(n) for n in names], category)

    def add_paths(self, paths: Iterable[Path], category: EvidenceCategory | None = None) -> int:
        """Attach files (copied into the data folder); problems are listed, not raised."""
        paths = list(paths)
        if self.case_id is None or self.read_only or not paths:
            return 0
        operator = self._operator()
        if operator is None:
            return 0
        chosen = category or self.add_as.current() or EvidenceCategory.OTHER
        # Filed by the checklist's guess, not by the user's choice: say so.
        guessed = category is None and not self._add_as_chosen \
            and chosen != EvidenceCategory.OTHER
        case_id = self.case_id
        added, problems = 0, []
        for path in paths:
            try:
                try:
                    self.service.add_file(case_id, path, operator,
                                          category=chosen)  # type: ignore[arg-type]
                except ValidationError as exc:
                    if [e.field for e in exc.errors] != ["category"]:
                        raise
                    # Dropped with others under a category this file's type contradicts
                    # (a screenshot as 视频): keep it, filed as 其他, and say so.
                    self.service.add_file(case_id, path, operator,
                                          category=EvidenceCategory.OTHER)
                    problems.append(exc.errors[0].message(self.lang) + " → "
                                    + EvidenceCategory.OTHER.label(self.lang))
                added += 1
            except ValidationError as exc:
                problems.extend(e.message(self.lang) for e in exc.errors)
            except OSError as exc:  # the data folder itself failed (disk full …)
                problems.append(self.tr("Could not store %1: %2")
                                .replace("%1", str(path)).replace("%2", str(exc)))
        message = ""
        if problems:
            message = self.tr("%1 of %2 files added.").replace("%1", str(added)).replace(
                "%2", str(len(paths))) + "\n" + "\n".join(problems)
        if added and guessed:
            filed = self.tr("Filed as “%1”, the first item the checklist was missing; if a "
                            "file shows something else, choose its category below.").replace(
                "%1", chosen.label(self.lang))
            message = f"{message}\n{filed}" if message else filed
        self._say(message)
        if added:
            self.refresh()
            self.list.setCurrentRow(self.list.count() - 1)
            self.changed.emit(case_id)
        return added

    def add_waybill(self) -> None:
        """Open the carrier + number dialog (non-blocking)."""
        if self.case_id is None or self.read_only:
            return
        operator = self._operator()
        if operator is None:
            return
        from ..dialogs.waybill_dialog import WaybillDialog

        dialog = WaybillDialog(self.service, self.case_id, operator, self, lang=self.lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._waybill_added)
        self.waybill_dialog = dialog
        dialog.open()

    def _waybill_added(self, case_id: int) -> None:
        self._say("")
        self.refresh()
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit(case_id)

    def _checklist_link(self, link: str) -> None:
        category = EvidenceCategory(link.removeprefix("add:"))
        if category == EvidenceCategory.WAYBILL:
            self.add_waybill()
        else:
            self.choose_files(category)

    def save_caption(self) -> None:
        ev = self.current_evidence()
        if ev is None or ev.is_removed or self.read_only or self.caption.text() == ev.caption:
            return
        operator = self._operator()
        if operator is None:
            return
        try:
            updated = self.service.set_caption(ev.id, self.caption.text(), operator)
        except (ValidationError, NotFoundError) as exc:
            self._say(self._message(exc))
            return
        self._say("")
        self._replace(updated)

    def save_category(self) -> None:
        ev = self.current_evidence()
        chosen = self.category.current()
        if ev is None or ev.is_removed or self.read_only or chosen == ev.category:
            return
        operator = self._operator()
        if operator is None:
            return
        try:
            self.service.set_category(ev.id, chosen, operator)  # type: ignore[arg-type]
        except (ValidationError, NotFoundError) as exc:
            self._say(self._message(exc))
            return
        self._say("")
        self.refresh()  # the checklist may be satisfied now

    def _replace(self, ev: Evidence) -> None:
        self._evidence[ev.id] = ev
        item = self.list.currentItem()
        if item is not None and item.data(EVIDENCE_ID_ROLE) == ev.id:
            item.setText(self._item_text(ev))
            item.setToolTip(self._tooltip(ev))

    def open_current(self) -> None:
        """Open the selected file with the system's viewer."""
        ev = self.current_evidence()
        if ev is None or not ev.is_file:
            return
        path = self.service.file_path(ev)
        if path is None or not path.is_file():
            self._say(self.tr("The file is missing from the data folder: %1")
                      .replace("%1", str(path)))
            return
        if not self.service.safe_to_open(ev):
            # Not a picture, PDF, video or sound by its bytes: it might run code when
            # opened (.exe, .bat, .html, .lnk), so only its folder is shown.
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
            self._say(self.tr("“%1” is not a picture, PDF, video or sound file, so it is not "
                              "opened; its folder is shown instead.").replace("%1", ev.title()))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._say(self.tr("No program to open %1 was found.").replace("%1", str(path)))

    def remove_current(self) -> None:
        """Ask (with an optional reason), then remove the selected evidence (soft)."""
        ev = self.current_evidence()
        if ev is None or ev.is_removed or self.read_only:
            return
        operator = self._operator()
        if operator is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Remove evidence"),
            self.tr("Remove “%1” from this case?\nThe file is kept and the removal is "
                    "recorded in the audit trail.\n\nReason (optional):")
            .replace("%1", ev.title(self.lang)))
        if not ok:
            return
        try:
            self.service.remove(ev.id, operator, reason)
        except (ValidationError, NotFoundError) as exc:
            self._say(self._message(exc))
            return
        self._say("")
        self.refresh()
        self.changed.emit(ev.case_id)

    def _message(self, exc: Exception) -> str:
        if isinstance(exc, ValidationError):
            return "\n".join(e.message(self.lang) for e in exc.errors)
        return self.tr("This evidence no longer exists")

    # --- drag and drop -------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if (self.case_id is not None and not self.read_only
                and local_files(event.mimeData().urls())):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if not paths or self.case_id is None or self.read_only:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if self.add_paths(paths):
            self.files_dropped.emit()

    # --- for tests and callers ----------------------------------------------
    def evidence_ids(self) -> list[int]:
        """Ids of the evidence shown, in order."""
        return [self.list.item(i).data(EVIDENCE_ID_ROLE) for i in range(self.list.count())]

    def select(self, evidence_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(EVIDENCE_ID_ROLE) == evidence_id:
                self.list.setCurrentRow(i)
                return

    def checklist_items(self) -> list[ChecklistItem]:
        return list(self._checklist)


def _paren(text: str, lang: str) -> str:
    # A Latin bracket needs the space a full-width one carries in itself.
    return pick(lang, "", " ") + parens(text, lang)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _size(n: int | None) -> str:
    if n is None:
        return ""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"
