"""A full-width notice bar: bold headline, a detail that may be cut, one button.

The whole bar is clickable (a click anywhere does what the button does); subclasses say
what it shows, in their own tr() context, and what a click means (`activated`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class Banner(QFrame):
    """The shared layout; `name` prefixes the object names the style sheet and tests use."""

    def __init__(self, name: str, style: str, parent: QWidget | None = None, *,
                 headline_scale: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(style)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}_text")
        font = self.label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * headline_scale)
        self.label.setFont(font)
        self.detail = QLabel(self)
        self.detail.setObjectName(f"{name}_detail")
        # A long detail wraps onto a second line (English at 1280 px cut the offline
        # banner's advice mid-word), never widening the main window.
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label)
        layout.addSpacing(12)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.button)
        self.hide()

    def activated(self) -> None:
        """What the button and a click on the bar do."""
        raise NotImplementedError

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated()
            event.accept()
            return
        super().mousePressEvent(event)
