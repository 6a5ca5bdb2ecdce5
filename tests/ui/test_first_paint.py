"""Work the first screen does not need runs once the window has painted (FirstPaint), and
the window's error box loads with the first error (app._excepthook)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from shopdesk.app import _excepthook
from shopdesk.ui.dialogs.error_dialog import ErrorDialog
from shopdesk.ui.widgets.first_paint import FirstPaint


def test_work_waits_for_the_first_paint_then_runs_once(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    first = FirstPaint(widget, fallback_ms=60_000)
    ran: list[str] = []
    first.call(lambda: ran.append("count"))
    qtbot.wait(50)
    assert ran == [] and not first.done  # built, not shown: nothing painted yet
    widget.resize(200, 100)
    widget.show()
    qtbot.waitUntil(lambda: ran == ["count"])
    widget.update()
    qtbot.wait(50)
    assert ran == ["count"]  # a later paint runs nothing again
    first.call(lambda: ran.append("late"))  # queued after the paint: runs at once
    assert ran == ["count", "late"]


def test_a_widget_that_never_paints_gets_the_work_after_the_fallback(qtbot):
    widget = QWidget()  # e.g. a window started minimised
    qtbot.addWidget(widget)
    first = FirstPaint(widget, fallback_ms=20)
    ran: list[int] = []
    first.call(lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1], timeout=2000)
    assert first.done


def test_the_window_draws_its_list_then_counts_follow_ups_and_plans(qtbot, window):
    qtbot.waitUntil(lambda: window.first_paint.done, timeout=3000)
    counted = window.followups.indicator.text()
    assert counted  # the count ran (its text is set even when it is hidden: none due)
    alerts = window.register.analysis.plan_alerts()
    assert window.analysis.indicator_shown() == bool(alerts.due or alerts.missed)


def test_the_error_box_module_loads_with_the_first_error(qtbot, tmp_path, monkeypatch,
                                                         window):
    shown: list[str] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.message.text()))
    hook = _excepthook(tmp_path, lambda: window)
    for text in ("first", "first", "second"):  # the same error twice is shown once
        try:
            raise ValueError(text)
        except ValueError as exc:
            hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 2 and "first" in shown[0] and "second" in shown[1]
