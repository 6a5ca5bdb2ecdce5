"""Ask for the placeholder values a script still needs before its text may be copied."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.scripts import canonical_key, placeholder
from ...domain.text import pick


class PlaceholderDialog(QDialog):
    """One line edit per missing placeholder; OK stays disabled until each has a value.

    `names` are the placeholder names as written in the script ({运单号} -> "运单号");
    values() returns them by canonical English key, ready for render().
    """

    def __init__(self, names: list[str], lang: str, known: Mapping[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fill in the script"))
        self.names = list(names)
        self.edits: dict[str, QLineEdit] = {}
        intro = QLabel(self.tr("The buyer must never see an empty {placeholder}. "
                               "Fill in every value to copy the text."))
        intro.setWordWrap(True)
        form = QFormLayout()
        for name in self.names:
            key = canonical_key(name) or name
            edit = QLineEdit((known or {}).get(key, ""))
            p = placeholder(name)
            if p is not None:
                edit.setPlaceholderText(pick(lang, p.note_zh, p.note_en))
            edit.textChanged.connect(self._update)
            edit.setAccessibleName(name)
            form.addRow(f"{{{name}}}", edit)
            self.edits[name] = edit
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Copy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self._update()
        first_empty = next((e for e in self.edits.values() if not e.text().strip()), None)
        if first_empty is not None:
            first_empty.setFocus()

    def complete(self) -> bool:
        return all(e.text().strip() for e in self.edits.values())

    def _update(self) -> None:
        self.ok_button.setEnabled(self.complete())

    def accept(self) -> None:
        # Enter in a line edit triggers accept even while OK is disabled: refuse it then.
        if not self.complete():
            empty = next(e for e in self.edits.values() if not e.text().strip())
            empty.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, str]:
        """Entered values by canonical placeholder key (English)."""
        return {canonical_key(n) or n: e.text().strip() for n, e in self.edits.items()}
