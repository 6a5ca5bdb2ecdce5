"""Timeline rows: who and when in small muted text, what happened below in normal text."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

PAD = 4


def _blend(fg: QColor, bg: QColor, share: float) -> str:
    """A colour `share` of the way from bg to fg: muted but still readable on either theme."""
    mix = [round(b + (f - b) * share) for f, b in zip(fg.getRgb()[:3], bg.getRgb()[:3],
                                                       strict=True)]
    return QColor(*mix).name()


class TimelineDelegate(QStyledItemDelegate):
    """Paints an item's plain text ('head\\nbody...') as two visual levels.

    The item keeps plain text as its display role, so copying, accessibility and tests
    still see ordinary text.
    """

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex, width: int) -> QTextDocument:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        head, _, body = text.partition("\n")
        muted = _blend(option.palette.color(QPalette.ColorRole.Text),
                       option.palette.color(QPalette.ColorRole.Base), 0.6)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(
            f'<div style="color:{muted}; font-size:small">{html.escape(head)}</div>'
            f'<div>{html.escape(body).replace(chr(10), "<br>")}</div>')
        doc.setTextWidth(max(width - 2 * PAD, 50))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # background (alternating rows) from the style, text from the document
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        doc = self._document(option, index, option.rect.width())
        painter.save()
        painter.translate(option.rect.left() + PAD, option.rect.top() + PAD)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text,
                                 option.palette.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.view.viewport().width()
        doc = self._document(option, index, width)
        return QSize(width, int(doc.size().height()) + 2 * PAD)
