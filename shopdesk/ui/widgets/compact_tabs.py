"""Tabs with less air beside their titles, for a tab bar that must show every tab whole
in a narrow pane (the case panel at 1280 px: five tabs, two with counts)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTabBar,
    QWidget,
)

# Taken off each tab's horizontal padding (Fusion gives 24 px: 12 each side).
TAB_AIR_SAVED = 8


class _CompactTabStyle(QProxyStyle):
    """The application's style, with narrower tab padding; everything else unchanged.
    A proxy rather than a style sheet: a `QTabBar::tab` rule makes Qt draw the tabs
    itself (flat, with separators), unlike every other tab bar in the app."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return max(value - TAB_AIR_SAVED, 8)
        return value


def make_compact(bar: QTabBar) -> None:
    """Give `bar` the narrower tabs (the style lives as long as the bar)."""
    # Based on the style the application uses now, by name: a proxy made without a base
    # builds the -style/desktop default, not one set with QApplication.setStyle.
    style = _CompactTabStyle(QApplication.style().name())
    style.setParent(bar)
    bar.setStyle(style)
