"""Dialogs taller than a laptop's screen: the body scrolls, the buttons stay in view.

A 1280x720 screen leaves about 650 px for a dialog under a title bar and above a taskbar;
a form of 655 px put its Save button off the bottom.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFrame, QLayout, QScrollArea, QWidget

# Room for the title bar and a taskbar the screen's available geometry may not count.
TITLE_AND_TASKBAR = 48


def scrolling_body(body: QLayout, parent: QWidget) -> QScrollArea:
    """`body` in a frameless scroll area that shows it whole when there is room."""
    inner = QWidget()
    inner.setLayout(body)
    body.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setMinimumHeight(min(inner.sizeHint().height(), 240))
    return area


def fit_to_screen(dialog: QDialog, body: QScrollArea) -> None:
    """Open as tall as the dialog and its whole `body` want (a scroll area's own size hint
    is small), but no taller than its screen leaves room for."""
    hint = dialog.sizeHint()
    content = body.widget().sizeHint().height() if body.widget() is not None else 0
    height = hint.height() + max(0, content - body.sizeHint().height())
    width = max(dialog.width(), hint.width())
    screen = dialog.screen()
    room = screen.availableGeometry().height() - TITLE_AND_TASKBAR if screen else height
    if height > room:  # it scrolls: room for the scroll bar beside the form
        height = room
        width += body.verticalScrollBar().sizeHint().width()
    dialog.resize(width, height)
