"""End the shift: preview the hand-off sheet, write a note for the next shift, hand over.

Before the end the preview is live (the note shows in it as it is typed). Ending stores
the sheet; from then on the dialog shows the stored sheet, and "Save PDF…" / "Copy text"
give exactly what was handed over (they are off until then, so nothing is printed that
differs from the record).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local
from ...domain.errors import ShopDeskError, ValidationError
from ...domain.handoff import HandoffSheet, Shift
from ...services.shifts import MAX_NOTE, ShiftService
from ..views.handoff_view import HandoffView, busy_cursor, copy_sheet_text, save_sheet_pdf
from ..widgets.field_error import FieldErrorLabel


class EndShiftDialog(QDialog):
    """Emits ended(shift id) once the hand-off is stored."""

    ended = Signal(int)

    def __init__(self, shifts: ShiftService, operator: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shifts = shifts
        self.operator = operator
        self.lang = lang
        self.shift: Shift | None = None  # set once ended
        self.sheet: HandoffSheet | None = None
        self.setObjectName("end_shift_dialog")
        self.setWindowTitle(self.tr("End shift and hand over"))
        self._build()
        self._load_preview()
        self.note.setFocus()
        self.resize(920, 660)

    def _build(self) -> None:
        self.info = QLabel(self._info_text())
        self.info.setObjectName("end_shift_info")
        self.info.setWordWrap(True)
        self.view = HandoffView(self.lang, self)
        note_label = QLabel(self.tr("Note for the next shift (what they must know):"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.note.setObjectName("handoff_note")
        self.note.setPlaceholderText(self.tr("e.g. SD-…-0003: buyer will send photos "
                                             "tonight; the warehouse answers at 10:00"))
        self.note.setMaximumHeight(90)
        self.note.textChanged.connect(self._note_changed)
        note_label.setBuddy(self.note)
        self.error = FieldErrorLabel(self)

        self.end_button = QPushButton(self.tr("End shift and hand over"))
        self.end_button.setObjectName("end_shift_button")
        self.end_button.setDefault(True)
        self.end_button.setToolTip(self.tr("Store the hand-off sheet (Ctrl+Enter)"))
        self.end_button.clicked.connect(self.end_shift)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.setObjectName("handoff_pdf_button")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.copy_button.setObjectName("handoff_copy_button")
        self.copy_button.setToolTip(self.tr("Copy the sheet as text for the team chat"))
        self.copy_button.clicked.connect(self.copy_text)
        for button in (self.pdf_button, self.copy_button):
            button.setEnabled(False)
            button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setObjectName("handoff_close_button")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.close_button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.end_shift)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _load_preview(self) -> None:
        with busy_cursor():
            self.preview = self.shifts.preview(self.operator)
        # What the preview was built for: ending must not act on another shift.
        self._state = self._shift_state()
        self.view.show_sheet(replace(self.preview, note=self.note.toPlainText().strip()))

    def _shift_state(self) -> tuple[int | None, int | None]:
        current, latest = self.shifts.current(), self.shifts.latest()
        return (current.id if current else None, latest.id if latest else None)

    def _info_text(self) -> str:
        current = self.shifts.current()
        start = local(self.shifts.period_start(), self.shifts.shop_tz).strftime("%m-%d %H:%M")
        if current is not None:
            since = local(current.started_at, self.shifts.shop_tz).strftime("%m-%d %H:%M")
            return (self.tr("On shift: %1 since %2. The sheet covers every change since %3, "
                            "also what was done before the shift started. Ending it hands "
                            "over to the next shift.")
                    .replace("%1", current.staff).replace("%2", since).replace("%3", start))
        return (self.tr("No shift was started: the sheet covers %1 since %2 (the last "
                        "hand-off, or the last 24 hours).")
                .replace("%1", self.operator).replace("%2", start))

    def _note_changed(self) -> None:
        if self.shift is not None:
            return
        text = self.note.toPlainText()
        if len(text) > MAX_NOTE:
            self.error.show_error(self.tr("The note is longer than %1 characters")
                                  .replace("%1", str(MAX_NOTE)))
        else:
            self.error.clear_error()
        self.view.show_sheet(replace(self.preview, note=text.strip()))

    # --- actions -------------------------------------------------------------
    def end_shift(self) -> None:
        """Store the hand-off; the dialog then shows what was handed over."""
        if self.shift is not None:
            return
        try:
            self._end_shift()
        except ShopDeskError as exc:  # the team server out of reach: said here, note kept
            self.error.show_error(exc.message(self.lang))

    def _end_shift(self) -> None:
        if self._shift_state() != self._state:
            # Ended or started elsewhere (the command line, another window) since the
            # preview: ending now would hand over something else than what was read.
            self._load_preview()
            self.info.setText(self._info_text())
            self.error.show_error(self.tr("The shift was ended or started elsewhere "
                                          "meanwhile. The preview is up to date again: "
                                          "read it, then end the shift."))
            return
        try:
            with busy_cursor():
                shift = self.shifts.end(self.operator, self.note.toPlainText())
        except ValidationError as exc:
            self.error.show_error("\n".join(e.message(self.lang) for e in exc.errors))
            return
        self.shift = shift
        self.sheet = self.shifts.sheet(shift.id)
        self.view.show_sheet(self.sheet, shift)
        self.note.setReadOnly(True)
        self.end_button.setEnabled(False)
        self.end_button.hide()
        self.pdf_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)
        ended = local(shift.ended_at, self.shifts.shop_tz).strftime("%m-%d %H:%M")  # type: ignore[arg-type]
        self.info.setText(self.tr("Handed over at %1. The next person acknowledges it from "
                                  "the banner or Shift → Hand-off history.")
                          .replace("%1", ended))
        self.error.clear_error()
        self.ended.emit(shift.id)

    def save_pdf(self) -> None:
        if self.sheet is not None:
            path = save_sheet_pdf(self, self.sheet, self.shift, self.lang)
            if path is not None:
                self.info.setText(self.tr("Saved %1").replace("%1", str(path)))

    def copy_text(self) -> None:
        if self.sheet is not None:
            copy_sheet_text(self, self.sheet, self.shift, self.lang)
            self.info.setText(self.tr("Copied: paste it into the team chat."))

    def _close(self) -> None:
        if self.shift is not None:
            self.accept()
        else:
            self.reject()

    def keyPressEvent(self, event) -> None:
        # Escape closes; after the end it counts as done, not cancelled.
        if event.key() == Qt.Key.Key_Escape:
            self._close()
            return
        super().keyPressEvent(event)
