"""UI fixtures: isolated QSettings, no real modal dialogs, small demo registers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox
from shiboken6 import isValid

from shopdesk.services.demo import generate_demo
from shopdesk.services.register import Register

DEMO_CASES = 60
DEMO_SEED = 7


@pytest.fixture(autouse=True, scope="session")
def pyside_bool_refcount_workaround():
    """As app.run_gui does: without it PySide6 6.12.0 + Python 3.11 aborts the test run."""
    from shopdesk.ui.pyside_workarounds import protect_bool_refcounts

    protect_bool_refcounts()


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory, qapp):
    """Every QSettings the UI opens lands in a temp folder, never the user's settings."""
    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    qapp.setOrganizationName("ShopDesk")
    qapp.setApplicationName("ShopDeskTests")
    return folder


@dataclass
class Boxes:
    """Modal boxes the code under test asked for, with scripted answers."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    text_answer: tuple[str, bool] = ("", False)
    shown: list[tuple[str, str]] = field(default_factory=list)

    def texts(self, kind: str | None = None) -> list[str]:
        return [t for k, t in self.shown if kind is None or k == kind]


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> Boxes:
    """Replace modal message boxes and input dialogs (a test must never block on one)."""
    rec = Boxes()

    def make(kind: str, result: Any = None):
        def box(parent, title, text, *args, **kwargs):
            rec.shown.append((kind, str(text)))
            return rec.answer if result is None else result
        return staticmethod(box)

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, make(kind, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", make("question"))
    monkeypatch.setattr(QMessageBox, "about", make("about", False))

    def get_text(parent, title, label, *args, **kwargs):
        rec.shown.append(("input", str(label)))
        return rec.text_answer
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return rec


@pytest.fixture
def demo_register(register) -> Register:
    """The shared `register` (operator 小王) with 60 demo cases from a fixed seed."""
    generate_demo(register, DEMO_CASES, seed=DEMO_SEED)
    return register


@pytest.fixture
def tasks(qapp, register):
    """Background work on `register` as the window has it (one writer thread), for dialogs
    built directly; shut down (waiting for the work) at the end of the test."""
    from shopdesk.ui.tasks import Tasks

    runner = Tasks(register)
    yield runner
    runner.shutdown()


@pytest.fixture
def make_window(qtbot, qapp):
    """Build the main window the way app.py does (language, translators), shown offscreen."""
    from shopdesk.app import create_main_window
    from shopdesk.ui.i18n import Translators

    installed: list[Translators] = []
    windows: list = []

    def make(register: Register, env: dict[str, str] | None = None, args: tuple = ()):
        translators = Translators(qapp)
        installed.append(translators)
        window = create_main_window(register, env or {}, list(args), translators)
        windows.append(window)
        window.resize(1366, 768)
        with qtbot.waitExposed(window):
            window.show()
        # Keyboard shortcuts need the window active and a focused widget, as for a user.
        with qtbot.waitActive(window):
            window.activateWindow()
        return window

    yield make
    # Windows go before their translators, as in app.py (removing a translator sends
    # LanguageChange to every live widget).
    for window in windows:
        if isValid(window):  # a test may have deleted it (as a language switch does)
            window.close()
            window.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for translators in installed:
        translators.remove()


@pytest.fixture
def window(make_window, demo_register):
    """The main window on the 60-case demo register, in the default language (Chinese)."""
    return make_window(demo_register)


@pytest.fixture
def chinese_ui(qapp):
    """Install the Chinese translators, as app.py does by default, for widgets built directly."""
    from shopdesk.ui.i18n import Translators

    translators = Translators(qapp)
    translators.install("zh")
    yield translators
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    translators.remove()
