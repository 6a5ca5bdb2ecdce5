"""The tray icon's count badge is drawn at each tray size, large and inside the icon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from shopdesk.paths import resource_path
from shopdesk.ui.widgets.tray_badge import BADGE_RED, SIZES, badge_icon, badge_text


def _base() -> QIcon:
    return QIcon(str(resource_path("icons") / "shopdesk.png"))


def _red_box(image: QImage) -> tuple[int, int, int, int] | None:
    """Bounding box (left, top, right, bottom) of the badge's red pixels."""
    red = QColor(BADGE_RED)
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - red.red()) < 30 and abs(c.green() - red.green()) < 30 \
                    and abs(c.blue() - red.blue()) < 30 and c.alpha() > 200:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def test_badge_text():
    assert [badge_text(n) for n in (1, 35, 99, 100, 2500)] == ["1", "35", "99", "99+", "99+"]


@pytest.mark.parametrize("count", [7, 35, 120])
def test_each_tray_size_has_its_own_badge_inside_the_icon(qapp, count):
    icon = badge_icon(_base(), count)
    assert {s.width() for s in icon.availableSizes()} >= set(SIZES)
    for size in (22, 24, 32):
        image = icon.pixmap(QSize(size, size)).toImage()
        assert image.width() == size  # drawn at that size, not a 64 px one scaled
        box = _red_box(image)
        assert box is not None
        left, top, right, bottom = box
        # Inside the icon (not cut at its edge) and more than half its height: digits a
        # 22 px tray slot can show.
        assert left > 0 and top > 0 and right < size - 1 and bottom < size - 1, box
        assert bottom - top + 1 >= size * 0.5, (size, box)


def test_no_badge_at_zero(qapp):
    image = badge_icon(_base(), 0).pixmap(QSize(22, 22)).toImage()
    assert _red_box(image) is None
    assert not QPixmap.fromImage(image).isNull()
