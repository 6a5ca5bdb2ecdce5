"""First start: offer demo data on an empty register, and ask who is at the keyboard."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.case_query import CaseQuery, Scope
from ..dialogs.operator_name import ask_operator_name
from .host import Host, make_action

DEMO_CASES = 200


class FirstStart(QObject):
    """Run once the window is up (app.py queues `run`). Also owns File → Load demo data,
    the same offer for a seller who declined it at the first start."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_load_demo = make_action(
            parent, "action_load_demo", self.tr("&Load demo data…"), self.load_demo,
            tip=self.tr("Fill an empty register with made-up demo cases to try ShopDesk out"))

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
        return self._ask_and_load()

    def _ask_and_load(self) -> bool:
        """Ask whether to load the demo cases; load them on Yes."""
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

    def load_demo(self) -> bool:
        """File → Load demo data: the first start's offer, asked for. Into an empty register
        only: made-up cases among the seller's own would end up in their reports and
        counts, and clearing the demo later must leave nothing of it behind."""
        if not self.is_empty():
            QMessageBox.information(
                self._parent, self.tr("Load demo data"),
                self.tr("Demo data can only be loaded into an empty register, so that made-up "
                        "cases never mix with your own. This register already holds cases "
                        "(the trash counts too)."))
            return False
        if not self._ask_and_load():
            return False
        self.ask_operator()
        self._host.operator_picker.reload()
        self._host.refresh()
        self._host.show_message(
            self.tr("{count} demo cases loaded.").format(count=DEMO_CASES), 5000)
        return True

    def _needs_operator(self) -> bool:
        """Nobody chosen, and nobody of the user's own on the staff list: none yet, or only
        the demo's made-up staff (the seller is not one of them)."""
        staff = self._host.register.staff
        if staff.current_operator():
            return False
        names = {member.name for member in staff.list()}
        if not names:
            return True
        # Only read when there are staff but no operator: the demo module is heavy and a
        # normal start (an operator chosen) must not load it.
        from ...services.demo import DEMO_ADDED_KEY

        added = self._host.register.settings.get(DEMO_ADDED_KEY, None) or {}
        return names <= set(added.get("staff", ()))

    def ask_operator(self) -> bool:
        """With nobody of the user's own on the staff list, ask for their name and make it
        the operator."""
        if not self._needs_operator():
            return False
        return bool(ask_operator_name(self._parent, self._host.register.staff,
                                      self._host.lang))

    def run(self) -> None:
        """Demo offer, then the operator question; refreshes the window afterwards."""
        changed = self.offer_demo()
        changed = self.ask_operator() or changed
        if changed:
            self._host.operator_picker.reload()
            self._host.case_list.reload()
