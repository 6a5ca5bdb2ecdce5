"""Thumbnails for evidence: scaled images, drawn badges for PDFs, waybills and the rest,
and a 'missing' placeholder when a file is gone from the data folder (never a crash)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QImageReader, QPainter, QPen, QPixmap

from ...domain.evidence import Evidence

PDF_COLOUR = "#c0392b"
WAYBILL_COLOUR = "#1f6fb2"
VIDEO_COLOUR = "#6c3fb5"
FILE_COLOUR = "#5f6b7a"
MISSING_COLOUR = "#9e9e9e"


def badge(text: str, colour: str, size: int, *, subtitle: str = "",
          crossed: bool = False) -> QPixmap:
    """A page-like tile with a short label (PDF, MP4, a carrier name …)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size // 10
    page = QRect(margin, margin // 2, size - 2 * margin, size - margin)
    p.setPen(QPen(QColor(colour), 2))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(page, 6, 6)
    if crossed:  # under the label, so the word stays readable
        p.setPen(QPen(QColor(colour), 3))
        p.drawLine(page.topLeft(), page.bottomRight())
    band = QRect(page.left(), page.center().y() - size // 8, page.width(), size // 4)
    p.fillRect(band, QColor(colour))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(size // 7, 9))
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    p.drawText(band, Qt.AlignmentFlag.AlignCenter,
               p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, band.width() - 6))
    if subtitle:
        small = QFont(font)
        small.setBold(False)
        small.setPixelSize(max(size // 10, 8))
        p.setFont(small)
        p.setPen(QColor(colour))
        below = QRect(page.left() + 3, band.bottom() + 2, page.width() - 6,
                      page.bottom() - band.bottom() - 4)
        p.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                   p.fontMetrics().elidedText(subtitle, Qt.TextElideMode.ElideMiddle,
                                              below.width()))
    p.end()
    return pix


def _scaled_image(path: Path, size: int) -> QImage | None:
    """The image at `path` scaled to fit `size`, read at reduced size when the format
    allows it (a 12 MP phone photo is never decoded in full); None if unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
    original = reader.size()
    if original.isValid() and (original.width() > size or original.height() > size):
        reader.setScaledSize(original.scaled(QSize(size, size),
                                             Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    if image.width() > size or image.height() > size:
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


class ThumbnailCache:
    """Icons per evidence, images cached by content hash (the same photo is read once)."""

    def __init__(self, size: int = 112) -> None:
        self.size = size
        self._images: dict[str, QPixmap | None] = {}

    def icon(self, evidence: Evidence, path: Path | None, texts: dict[str, str]) -> QIcon:
        """`texts` carries the translated words: 'missing', 'unreadable'."""
        if not evidence.is_file:
            return QIcon(badge(evidence.carrier or "", WAYBILL_COLOUR, self.size,
                               subtitle=evidence.waybill_no or ""))
        if path is None or not path.is_file():
            return QIcon(badge(texts["missing"], MISSING_COLOUR, self.size, crossed=True))
        if evidence.is_image:
            key = evidence.sha256 or str(path)
            if key not in self._images:
                image = _scaled_image(path, self.size)
                self._images[key] = QPixmap.fromImage(image) if image is not None else None
            pix = self._images[key]
            if pix is not None:
                return QIcon(_centred(pix, self.size))
            return QIcon(badge(texts["unreadable"], MISSING_COLOUR, self.size))
        # The file name is written under the tile already; the badge only says the type.
        if evidence.is_pdf:
            return QIcon(badge("PDF", PDF_COLOUR, self.size))
        suffix = Path(evidence.filename or "").suffix.lstrip(".").upper()[:5] or "FILE"
        colour = VIDEO_COLOUR if (evidence.mime or "").startswith("video/") else FILE_COLOUR
        return QIcon(badge(suffix, colour, self.size))


def _centred(pix: QPixmap, size: int) -> QPixmap:
    """Pad to a square so every tile in the grid lines up."""
    if pix.width() == size and pix.height() == size:
        return pix
    out = QPixmap(size, size)
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.drawPixmap((size - pix.width()) // 2, (size - pix.height()) // 2, pix)
    p.end()
    return out
