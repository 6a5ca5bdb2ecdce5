"""A section with a one-line header that opens and closes its body.

Used where a laptop screen cannot show everything at once: the header line stays (with a
short summary of what is inside), the body opens on a click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget


class Collapsible(QWidget):
    """`toggle` is the header button (the owner places it, e.g. on a row with other
    controls); put the section's widgets in `body`."""

    toggled = Signal(bool)

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 expanded: bool = False) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.toggle.toggled.connect(self._toggled)
        self.body = QWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.body)
        self.set_title(title)
        self.toggle.setChecked(expanded)
        self._toggled(expanded)

    def set_title(self, title: str) -> None:
        self.toggle.setText(title)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, on: bool) -> None:
        self.toggle.setChecked(on)

    def _toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        # Closed, the section takes no height (its header button may sit in another row).
        self.body.setVisible(on)
        self.toggled.emit(on)
