"""The malicious-buyer list on the main window: View → Malicious-buyer list opens its
window (one at a time); a change there re-reads the list (the blacklisted warning)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ...domain.errors import NotFoundError, ShopDeskError, ValidationError
from ...domain.text import pick
from .host import Host, make_action, require_operator, show_tool_window

if TYPE_CHECKING:  # the window's module loads when it is first opened, not at start
    from ..views.blacklist_view import BlacklistView

WINDOW_SIZE = (980, 560)


class BlacklistController(QObject):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.view: BlacklistView | None = None
        self.act_blacklist = make_action(
            parent, "action_blacklist", self.tr("&Malicious-buyer list…"), self.open_window,
            tip=self.tr("Buyers known to abuse after-sales (malicious reviewers): a new case from "
                        "one is warned"))
        self.act_list_buyer = make_action(
            parent, "action_list_case_buyer", self.tr("Add the &buyer to the malicious-buyer "
                                                      "list…"),
            lambda: self.list_case_buyer(),
            tip=self.tr("List the shown case's buyer (platform, nickname, phone) with the case "
                        "as evidence"))

    def list_case_buyer(self, reason: str | None = None) -> bool:
        """List the shown case's buyer, the case as evidence (`shopdesk blacklist add
        --case`); asks for the reason unless given. True when listed."""
        case_id = self._host.detail.current_case_id
        if case_id is None:
            self._host.show_message(self.tr("Choose a case first."), 5000)
            return False
        operator = require_operator(self._host, self._parent)
        if not operator:
            return False
        register, lang = self._host.register, self._host.lang
        try:
            case = register.cases.get(case_id)
        except NotFoundError:
            return False
        if reason is None:
            text, ok = QInputDialog.getText(
                self._parent, self.tr("Malicious-buyer list"),
                self.tr("Why is %1 listed?").replace("%1", case.buyer_nick or case.case_no),
                QLineEdit.EchoMode.Normal,
                pick(lang, f"差评师（工单 {case.case_no}）",
                     f"Malicious reviewer (case {case.case_no})"))
            if not ok:
                return False
            reason = text
        try:
            entry = register.blacklist.add_from_case(case, operator, reason)
        except (ValidationError, ShopDeskError) as exc:
            text = ("\n".join(e.message(lang) for e in exc.errors)
                    if isinstance(exc, ValidationError) else exc.message(lang))
            QMessageBox.warning(self._parent, self.tr("Malicious-buyer list"), text)
            return False
        self._host.refresh()
        self._host.show_message(self.tr("%1 is on the malicious-buyer list now.").replace(
            "%1", entry.buyer_nick or entry.phone), 6000)
        if self.view is not None and self.view.isVisible():
            self.view.reload()
        return True

    def open_window(self) -> BlacklistView:
        """Open (or raise) the list's window on the current register."""
        from ..views.blacklist_view import BlacklistView

        view = self.view
        if view is not None and view.register is self._host.register and view.isVisible():
            view.reload()
            view.raise_()
            view.activateWindow()
            return view
        if view is not None:
            view.close()
        view = BlacklistView(self._host.register, self._host.operator, self._host.lang)
        view.changed.connect(self._host.refresh)
        view.destroyed.connect(lambda _o=None: self._forget(view))
        show_tool_window(self._parent, view, self.tr("Malicious-buyer list"),
                         WINDOW_SIZE)
        view.activateWindow()  # typing goes straight to the form
        self.view = view
        return view

    def _forget(self, view: BlacklistView) -> None:
        if self.view is view:
            self.view = None
