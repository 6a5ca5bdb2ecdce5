"""Tool windows (script library, call compliance, hand-off history) close like dialogs:
a Close button, Esc and Ctrl+W."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton

from shopdesk.ui.views.call_compliance import CallComplianceView
from shopdesk.ui.views.handoff_history import HandoffHistory
from shopdesk.ui.views.script_library_view import ScriptLibraryView


def _open(window, kind):
    if kind is ScriptLibraryView:
        window.act_scripts.trigger()
    elif kind is CallComplianceView:
        window.act_compliance.trigger()
    else:
        window.shifts.open_history()
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1
    return found[0]


def _inside(tool):
    """A list or table in the window: where the keyboard is while reading it."""
    return next(v for v in tool.findChildren(QAbstractItemView) if v.isVisible())


KINDS = [ScriptLibraryView, CallComplianceView, HandoffHistory]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_esc_closes_a_tool_window(qtbot, window, kind):
    tool = _open(window, kind)
    qtbot.keyClick(_inside(tool), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tool.isVisible())


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_ctrl_w_and_the_close_button_close_a_tool_window(qtbot, window, kind):
    tool = _open(window, kind)
    qtbot.keyClick(_inside(tool), Qt.Key.Key_W,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not tool.isVisible())
    tool = _open(window, kind)
    button = tool.findChild(QPushButton, "tool_window_close")
    assert button is not None and button.isVisible() and button.text() == "关闭"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tool.isVisible())
