"""The tray icon with its count: a red badge drawn at each size a tray asks for.

A tray slot is small (16–24 px on most desktops; 22×22 in a freedesktop panel). A badge
painted on a 64 px icon and scaled down there comes out as a 10 px blot with 4 px digits,
cut at the icon's edge; so each size gets its own pixmap, the badge sized to that pixmap
(most of its width for two digits) with the digits at a pixel size that stays readable,
and the whole badge inside the pixmap.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPixmap

SIZES = (16, 20, 22, 24, 32, 48, 64)
BADGE_RED = "#d93025"


def badge_text(count: int) -> str:
    return str(count) if count < 100 else "99+"


def badge_pixmap(base: QIcon, size: int, count: int) -> QPixmap:
    """`base` at `size`×`size` with the count's badge at its bottom right."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base.paint(painter, 0, 0, size, size)
    if count > 0:
        text = badge_text(count)
        height = max(9.0, round(size * 0.62))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, round(height * 0.8)))
        metrics = QFontMetricsF(font)
        while font.pixelSize() > 7 and metrics.horizontalAdvance(text) + 2 > size:
            font.setPixelSize(font.pixelSize() - 1)  # "99+" on a 16 px icon
            metrics = QFontMetricsF(font)
        width = min(float(size), max(height, metrics.horizontalAdvance(text) + height * 0.35))
        badge = QRectF(size - width, size - height, width, height)
        painter.setPen(QColor("white"))  # a thin ring keeps it apart from the icon
        painter.setBrush(QColor(BADGE_RED))
        painter.drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def badge_icon(base: QIcon, count: int) -> QIcon:
    """`base` with the count's badge (none at 0), one pixmap per tray size."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(badge_pixmap(base, size, count))
    return icon
