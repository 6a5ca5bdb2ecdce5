"""First start: offer demo data on an empty register, and ask who is at the keyboard."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from ..domain.case_query import CaseQuery, Scope
from ..domain.errors import ValidationError
from ..services.demo import generate_demo

if TYPE_CHECKING:
    from .main_window import MainWindow

DEMO_CASES = 200


def _offer_key(window: MainWindow) -> str:
    digest = hashlib.sha256(str(window.register.paths.root.resolve()).encode()).hexdigest()
    return f"firstStart/demoOffered-{digest[:16]}"


def is_empty(window: MainWindow) -> bool:
    cases = window.register.cases
    return cases.count(CaseQuery()) == 0 and cases.count(CaseQuery(scope=Scope.TRASH)) == 0


def offer_demo(window: MainWindow) -> bool:
    """Ask once per data folder whether to fill an empty register with demo cases."""
    settings = window.settings
    key = _offer_key(window)
    if not is_empty(window) or settings.value(key, False, type=bool):
        return False
    settings.setValue(key, True)
    answer = QMessageBox.question(
        window, QCoreApplication.translate("FirstStart", "Welcome to ShopDesk"),
        QCoreApplication.translate(
            "FirstStart",
            "The register is empty. Load {count} demo cases to try ShopDesk out?\n\n"
            "Demo cases are made up; you can move them to the trash later.").format(
            count=DEMO_CASES))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    generate_demo(window.register, DEMO_CASES)
    return True


def ask_operator(window: MainWindow) -> bool:
    """With no staff yet, ask for the first name and make it the operator."""
    staff = window.register.staff
    if staff.list():
        return False
    label = QCoreApplication.translate(
        "FirstStart", "Your name (recorded on every change you make):")
    for _attempt in range(5):  # a few tries; the operator picker remains afterwards
        name, ok = QInputDialog.getText(
            window, QCoreApplication.translate("FirstStart", "Who is working?"), label,
            QLineEdit.EchoMode.Normal, "")
        if not ok:
            return False
        try:
            staff.add(name, actor=name.strip())
            staff.set_current_operator(name.strip())
        except ValidationError as exc:
            label = "\n".join(e.message(window.lang) for e in exc.errors)
            continue
        return True
    return False


def run_first_start(window: MainWindow) -> None:
    """Demo offer, then the operator question; refreshes the window afterwards."""
    changed = offer_demo(window)
    changed = ask_operator(window) or changed
    if changed:
        window.operator_picker.reload()
        window.case_list.reload()
