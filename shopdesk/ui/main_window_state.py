"""Restoring and saving the main window's size, splitter, table header and last filter
(the keys are in window_state.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from ..services.quick_filters import QuickFilter
from .header_state import restore_header_for_language
from .window_state import (
    GEOMETRY,
    HEADER,
    HEADER_LANG,
    QUICK_FILTER,
    SPLITTER,
    WINDOW_STATE,
    header_key,
    read_bytes,
)


def restore_window_state(window: Any, s: QSettings) -> None:
    """Put the window back as it was left: geometry (else 1280x720, the laptop most
    sellers have), docks, splitter, the header for this language, the quick filter."""
    geometry = read_bytes(s, GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 720)
    state = read_bytes(s, WINDOW_STATE)
    if state is not None:
        window.restoreState(state)
    splitter = read_bytes(s, SPLITTER)
    if splitter is not None:
        window.splitter.restoreState(splitter)
    saved_in = str(s.value(HEADER_LANG, "") or "")
    restore_header_for_language(window.case_list.table.horizontalHeader(),
                                read_bytes(s, HEADER), read_bytes(s, header_key(window.lang)),
                                window.case_list.default_widths(),
                                shared_elsewhere=bool(saved_in) and saved_in != window.lang)
    try:
        quick = QuickFilter(str(s.value(QUICK_FILTER, QuickFilter.OPEN.value)))
    except ValueError:
        quick = QuickFilter.OPEN
    if quick != QuickFilter.TRASH:  # never start in the trash
        window.filter_bar.set_quick(quick)


def save_window_state(window: Any, s: QSettings) -> None:
    """Remember the window for the next start (the header also under this language)."""
    s.setValue(GEOMETRY, window.saveGeometry())
    s.setValue(WINDOW_STATE, window.saveState())
    s.setValue(SPLITTER, window.splitter.saveState())
    header = window.case_list.table.horizontalHeader().saveState()
    s.setValue(HEADER, header)
    s.setValue(header_key(window.lang), header)
    s.setValue(HEADER_LANG, window.lang)
    s.setValue(QUICK_FILTER, window.filter_bar.quick().value)
    s.sync()
