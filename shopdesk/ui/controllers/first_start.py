"""First start: offer demo data on an empty register, and ask who is at the keyboard."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ...domain.case_query import CaseQuery, Scope
from ...domain.errors import ValidationError
from .host import Host

DEMO_CASES = 200


class FirstStart(QObject):
    """Run once the window is up (app.py queues `run`)."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent

    def _offer_key(self) -> str:
        root = str(self._host.register.paths.root.resolve())
        return f"firstStart/demoOffered-{hashlib.sha256(root.encode()).hexdigest()[:16]}"

    def is_empty(self) -> bool:
        cases = self._host.register.cases
        return cases.count(CaseQuery()) == 0 and cases.count(CaseQuery(scope=Scope.TRASH)) == 0

    def offer_demo(self) -> bool:
        """Ask once per data folder whether to fill an empty register with demo cases."""
        settings = self._host.settings
        key = self._offer_key()
        if not self.is_empty() or settings.value(key, False, type=bool):
            return False
        settings.setValue(key, True)
        answer = QMessageBox.question(
            self._parent, self.tr("Welcome to ShopDesk"),
            self.tr("The register is empty. Load {count} demo cases to try ShopDesk out?\n\n"
                    "Demo cases are made up; you can move them to the trash later.").format(
                count=DEMO_CASES) + "\n" + self.tr(
                "They are numbered DEMO-…; File → Clear demo data removes them all at once."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from ...services.demo import generate_demo  # the generator loads only when used

        generate_demo(self._host.register, DEMO_CASES)
        return True

    def ask_operator(self) -> bool:
        """With no staff yet, ask for the first name and make it the operator."""
        staff = self._host.register.staff
        if staff.list():
            return False
        label = self.tr("Your name (recorded on every change you make):")
        for _attempt in range(5):  # a few tries; the operator picker remains afterwards
            name, ok = QInputDialog.getText(self._parent, self.tr("Who is working?"), label,
                                            QLineEdit.EchoMode.Normal, "")
            if not ok:
                return False
            try:
                staff.add(name, actor=name.strip())
                staff.set_current_operator(name.strip())
            except ValidationError as exc:
                label = "\n".join(e.message(self._host.lang) for e in exc.errors)
                continue
            return True
        return False

    def run(self) -> None:
        """Demo offer, then the operator question; refreshes the window afterwards."""
        changed = self.offer_demo()
        changed = self.ask_operator() or changed
        if changed:
            self._host.operator_picker.reload()
            self._host.case_list.reload()
