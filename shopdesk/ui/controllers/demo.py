"""File → Clear demo data: removes the demo in one action (services.demo_removal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import ShopDeskError
from .host import Host, make_action

if TYPE_CHECKING:
    from ...services.register import Register


def demo_case_count(register: Register) -> int:
    """How many demo cases the register holds (the removal module loads on first use:
    it brings the demo generator, which a start does not need)."""
    from ...services.demo_removal import demo_case_count as count

    return count(register)


class DemoController(QObject):
    """Owns the File menu's Clear demo data action."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.act_remove_demo = make_action(
            parent, "action_remove_demo", self.tr("Clear &demo data…"), self.remove_demo,
            tip=self.tr("Delete the made-up demo cases (numbered DEMO-…); your own cases "
                        "are not touched"))

    def update_action(self) -> None:
        """Enabled only while the register holds demo cases (the File menu asks on show)."""
        register = self._host.register
        self.act_remove_demo.setEnabled(register.is_open and demo_case_count(register) > 0)

    def remove_demo(self) -> int:
        """Ask, then remove every demo case; returns how many went."""
        register = self._host.register
        count = demo_case_count(register)
        if not count:
            QMessageBox.information(self._parent, self.tr("Clear demo data"),
                                    self.tr("There is no demo data in this register."))
            return 0
        answer = QMessageBox.question(
            self._parent, self.tr("Clear demo data"),
            self.tr("Delete the {count} demo cases (numbered DEMO-…) for good, with the demo "
                    "staff? Your own cases are not touched.").format(count=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        # The demo staff may be the operator; the removal is recorded under them all the same.
        actor = self._host.operator() or register.staff.current_operator() or "ShopDesk"
        from ...services.demo_removal import remove_demo

        try:
            done = remove_demo(register, actor)
        except ShopDeskError as exc:
            QMessageBox.warning(self._parent, self.tr("Clear demo data"),
                                exc.message(self._host.lang))
            return 0
        self._host.operator_picker.reload()
        self._host.refresh()
        self._host.show_message(
            self.tr("{count} demo cases removed.").format(count=done.cases), 5000)
        return done.cases
