"""UI fixtures: isolated QSettings, no real modal dialogs, small demo registers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from shopdesk.services.demo import generate_demo
from shopdesk.services.register import Register

DEMO_CASES = 60
DEMO_SEED = 7


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
