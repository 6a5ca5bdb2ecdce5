"""Restoring a table header's saved state across versions that added columns.

Qt restores a state saved with fewer columns (the case list before its "Promise due"
column) and appends the new ones, but leaves the header's total length without them; the
state it saves afterwards is then refused by the next restoreState, so the user's column
order and widths would be lost at the second start after an upgrade. Such a header is
rebuilt here from a fresh state with the restored layout applied on top.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHeaderView


def restore_header_state(header: QHeaderView, state: QByteArray) -> bool:
    """header.restoreState(state), leaving a header whose own saved state restores again.
    Returns False (header unchanged) when Qt refuses `state`."""
    fresh = header.saveState()  # this build's columns, with the header's own settings
    if not header.restoreState(state):
        return False
    count = header.count()
    hidden = [header.isSectionHidden(i) for i in range(count)]
    sizes = [header.sectionSize(i) for i in range(count)]
    visible_total = sum(size for size, gone in zip(sizes, hidden, strict=True) if not gone)
    if header.length() == visible_total:
        return True  # consistent: saved with this many columns
    order = [header.logicalIndex(v) for v in range(count)]
    sort_section, sort_order = header.sortIndicatorSection(), header.sortIndicatorOrder()
    header.restoreState(fresh)
    for visual, logical in enumerate(order):
        header.moveSection(header.visualIndex(logical), visual)
    for logical in range(count):
        header.setSectionHidden(logical, hidden[logical])
        if not hidden[logical]:
            header.resizeSection(logical, sizes[logical])
    header.blockSignals(True)  # the indicator is the one restored; nothing to re-sort
    header.setSortIndicator(sort_section, sort_order)
    header.blockSignals(False)
    return True


def restore_header_for_language(header: QHeaderView, shared: QByteArray | None,
                                own: QByteArray | None, default_widths: dict[int, int], *,
                                shared_elsewhere: bool) -> None:
    """Column order, hidden columns and sort come from `shared` (saved in any language).
    Widths: `shared`'s own when it was saved in this language (or before languages were
    told apart: `shared_elsewhere` False); otherwise from `own`, the state last saved in
    this language, else `default_widths` (logical index -> width). Widths saved in
    Chinese cut English labels ("In progr…")."""
    if shared is not None:
        restore_header_state(header, shared)
        if not shared_elsewhere:
            return
    count = header.count()
    order = [header.logicalIndex(v) for v in range(count)]
    hidden = [header.isSectionHidden(i) for i in range(count)]
    sort_section, sort_order = header.sortIndicatorSection(), header.sortIndicatorOrder()
    if own is not None and restore_header_state(header, own):
        for visual, logical in enumerate(order):
            header.moveSection(header.visualIndex(logical), visual)
        for logical in range(count):
            header.setSectionHidden(logical, hidden[logical])
        header.blockSignals(True)
        header.setSortIndicator(sort_section, sort_order)
        header.blockSignals(False)
    elif shared is not None:
        for logical, width in default_widths.items():
            if not header.isSectionHidden(logical):
                header.resizeSection(logical, width)
