"""Changes made by another process (the command line, a colleague's window) show up here
within a few seconds.

SQLite's `PRAGMA data_version` (through `Register.data_version`) changes on this
connection whenever another connection commits; polling it is cheap (no file read), works
the same on every platform and needs no file watcher. On a change the list, the banners,
the case on screen and the operator box's staff list are re-read; open dialogs are left
alone and the case panel keeps an unsaved note, so nothing the user is typing is lost.
"""

from __future__ import annotations

from time import monotonic

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ...domain.errors import ShopDeskError
from .host import Host

POLL_MS = 2000
# A team register (PostgreSQL) reports other PCs' commits through LISTEN/NOTIFY behind the
# same data_version; polled more often so a colleague's change shows within two seconds.
TEAM_POLL_MS = 1000
# A change made elsewhere re-sorts the list: not while the pointer is on it (the row under
# it would change just before a click opens another case), but at most this long later.
LIST_HOLD_MS = 8000


class ExternalChanges(QObject):
    """Polls the register for commits made elsewhere and refreshes the window."""

    changed = Signal()  # after the window was refreshed for a change made elsewhere

    def __init__(self, host: Host, parent: QWidget, *, interval_ms: int | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._offline_shown = False
        if interval_ms is None:
            interval_ms = TEAM_POLL_MS if getattr(host.register, "is_team", False) else POLL_MS
        self._last = self._version()
        self._list_held_since: float | None = None  # a list reload waiting for the pointer
        self.timer = QTimer(self)
        self.timer.setObjectName("external_changes_timer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _version(self) -> int | None:
        try:
            version = self._host.register.data_version()
        except ShopDeskError as exc:
            # The team server went away: say so at once (once), write nothing anywhere.
            if not self._offline_shown:
                self._offline_shown = True
                self._host.show_message(exc.message(self._lang()), 0)
            return None
        except Exception:  # closed for a restore a moment ago: the next poll sees the new one
            return None
        if self._offline_shown:
            self._offline_shown = False
            self._host.show_message(self.tr("Reconnected to the team register"), 5000)
        return version

    def _lang(self) -> str:
        try:
            return self._host.register.language()
        except Exception:  # the server is what failed: fall back to Chinese
            return "zh"

    def poll(self) -> bool:
        """Refresh when the register changed since the last poll; True when it did."""
        version = self._version()
        if version is None or version == self._last:
            self._reload_list_when_free()
            return False
        first = self._last is None
        self._last = version
        if first:
            return False
        # Not host.refresh(): that shows the list's current case, and the panel may show
        # one opened from elsewhere (with a note being typed).
        if self._list_held_since is None:
            self._list_held_since = monotonic()
        self._reload_list_when_free()  # keeps the selection; the overdue banner follows
        self._host.detail.refresh()  # the same case again: an unsaved note stays
        # A colleague may have added or deactivated staff: the operator box follows (its
        # choice is kept; a deactivated operator leaves nobody chosen).
        self._host.operator_picker.reload()
        self.changed.emit()
        return True

    def _reload_list_when_free(self) -> None:
        """Reload the list for a change made elsewhere unless the pointer is on it (then at
        a later poll, or once it waited LIST_HOLD_MS)."""
        held = self._list_held_since
        if held is None:
            return
        table = self._host.case_list.table
        if table.viewport().underMouse() and (monotonic() - held) * 1000 < LIST_HOLD_MS:
            return
        self._list_held_since = None
        self._host.case_list.reload()

    def rebase(self) -> None:
        """Start counting from the current register (after a restore switched it)."""
        self._last = self._version()
