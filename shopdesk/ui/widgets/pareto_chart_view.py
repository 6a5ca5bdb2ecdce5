"""The Pareto chart on screen: the reportlab drawing as SVG, and a click on a bar says
which row it was (the window then lists those cases)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QWidget

BarAt = Callable[[float], "int | None"]  # x on the drawing -> row index


class ParetoChartView(QSvgWidget):
    """Shows an SVG drawn `drawing_width` wide, stretched to the widget; emits
    `bar_clicked(row)` for a left click on a bar."""

    bar_clicked = Signal(int)
    # The widget's size settled after a resize: the owner draws the chart again at it, so
    # the drawing is shown 1:1 (stretched, its 8-point labels were blurred and squashed).
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drawing_width = 1.0
        self._bar_at: BarAt = lambda _x: None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(120)
        self._settle.timeout.connect(self.resized)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._settle.start()

    def show_chart(self, svg: bytes, drawing_width: float, bar_at: BarAt) -> None:
        self.load(QByteArray(svg))
        self._drawing_width = drawing_width
        self._bar_at = bar_at

    def row_at(self, x: float) -> int | None:
        """The row of the bar under widget x (the SVG fills the widget's width)."""
        if self.width() <= 0:
            return None
        return self._bar_at(x * self._drawing_width / self.width())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            row = self.row_at(event.position().x())
            if row is not None:
                self.bar_clicked.emit(row)
                event.accept()
                return
        super().mousePressEvent(event)
