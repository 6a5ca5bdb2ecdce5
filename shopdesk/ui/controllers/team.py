"""Team register in the window: the offline banner, and switching to another register.

Offline: the team register's connections tell `Register.watch_connection` when the server
is lost and when it answers again (from any thread, so through a queued signal). The
banner says so at once; whatever raised stays where it was: a dialog that refused to save
keeps what was typed, and an error that escaped to the event loop is shown in the banner
rather than as a crash (`make_excepthook(offline=...)`). While offline a timer asks the
server again; the banner goes once it answers. Nothing is ever written to a local copy.

Switching: Settings → Team mode set this PC up for another register (team init, connect
or disconnect); the window is reopened on it (app.reopen_window) as for a language change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import ShopDeskError
from ...services.register import Register, open_register
from ..dialogs.settings_tabs import TEAM_TAB
from ..tasks import Task
from ..widgets.banner import Banner
from .host import Host, make_action

RETRY_MS = 2000
_STYLE = ("QFrame#offline_banner { background: #fdecea; border: 1px solid #d93025; "
          "border-radius: 3px; } QLabel { color: #8a1c12; }")


class OfflineBanner(Banner):
    """"The team server cannot be reached": what was typed is kept; "Retry now"."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("offline_banner", _STYLE, parent)
        self.label.setText(self.tr("Team register offline"))
        self.button.setText(self.tr("Retry now"))
        self.button.setObjectName("offline_retry")

    def activated(self) -> None:
        self.retry_requested.emit()


class TeamController(QObject):
    """Owns the offline banner (placed by the window) and the switch to another register."""

    connection_changed = Signal(object)  # a ShopDeskError (lost) or None (back); queued

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.banner = OfflineBanner(parent)
        self.banner.retry_requested.connect(self.retry)
        self.retry_timer = QTimer(self)
        self.retry_timer.setObjectName("offline_retry_timer")
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.retry)
        self.connection_changed.connect(self._on_connection_changed)
        self._watched: Register | None = None
        self._probe: Task | None = None
        self.act_team = make_action(parent, "action_team_mode", self.tr("&Team mode…"),
                                    lambda: parent.open_settings(TEAM_TAB),  # type: ignore
                                    tip=self.tr("Share one register with the team's PCs "
                                                "on a PostgreSQL server"))

    def attach(self) -> None:
        """Listen to the current register's connection (again after a restore)."""
        register = self._host.register
        if register is not self._watched:
            self._watched = register
            register.watch_connection(self.connection_changed.emit)

    def is_offline(self) -> bool:
        return not self.banner.isHidden()

    def show_offline(self, error: BaseException) -> None:
        """Say that the server cannot be reached (at once), and keep asking it."""
        if isinstance(error, ShopDeskError):
            text = error.message(self._host.lang)
        else:
            text = self.tr("Cannot reach the team register's server ({error}). Nothing was "
                           "saved; what you typed is kept.").format(error=error)
        self.banner.detail.setText(text)
        self.banner.detail.setToolTip(text)
        self.banner.setToolTip(text)
        self.banner.show()
        if not self.retry_timer.isActive():
            self.retry_timer.start()

    def _on_connection_changed(self, error: object) -> None:
        if isinstance(error, BaseException):
            self.show_offline(error)
        elif self.is_offline():
            self._back_online()

    def retry(self) -> None:
        """Ask the server once (the banner's button, the timer). The asking happens off
        the UI thread: a server whose host drops packets takes the whole connect timeout
        to fail, and the window must stay usable meanwhile. One question at a time."""
        if self._probe is not None and not self._probe.is_done():
            return
        register = self._host.register
        self._probe = self._host.tasks.run(
            lambda _progress, _cancelled: register.probe_server(), "team_probe")
        self._probe.succeeded.connect(self._probe_answered)

    def _probe_answered(self, answered: object) -> None:
        if not answered:
            return
        try:  # the server answers: reconnect the window's own connection now
            self._host.register.data_version()
        except Exception:  # lost again in between (or closed for a switch)
            return
        if self.is_offline():
            self._back_online()

    def _back_online(self) -> None:
        self.retry_timer.stop()
        self.banner.hide()
        self._host.show_message(self.tr("Reconnected to the team register"), 5000)

    # --- switching registers (Settings → Team mode) ---------------------------------
    def say_switch_waits(self) -> None:
        """The user kept this window open (an unsaved note) after this PC was switched to
        another register: say which one is on screen and when the other takes over."""
        QMessageBox.information(
            self._parent, self.tr("Team mode"),
            self.tr("This PC is now set up for the other register. This window still "
                    "shows the old one; the other opens when ShopDesk starts again."))

    def switch_register(self) -> Register | None:
        """Open the register this PC is now set up for and ask app.py to reopen the window
        on it (`next_register`). None, with the reason shown, when it cannot be opened: the
        window stays on the old one."""
        old = self._host.register
        try:
            new = open_register(old.paths, old.clock, daily_backup=False)
        except ShopDeskError as exc:
            QMessageBox.warning(self._parent, self.tr("Team mode"), exc.message(self._host.lang))
            return None
        self._parent.next_register = new  # type: ignore[attr-defined]
        self._parent.reopen_requested.emit()  # type: ignore[attr-defined]
        return new
