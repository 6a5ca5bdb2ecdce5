"""Reminders outside the window: the tray icon with its count and menu, desktop
notifications, and closing the window to the tray.

Every POLL_MS the controller reads the counts (deadlines due soon, overdue promises, new
warnings; the 今日待退款 queue in the tooltip) and asks the reminder service, on the
writer thread, for the one notification to show now (the service remembers what was
shown, so nothing repeats, also after a restart). Times come from the register's clock.

Without a system tray (QSystemTrayIcon.isSystemTrayAvailable() is false: some Linux
desktops, the offscreen platform) the same notification is said in the status bar and
the count sits in a status-bar label; closing the window then quits as usual.

Qt's tray messages play no sound of their own (the desktop's notification settings
decide), so ShopDesk never beeps.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QStyle, QSystemTrayIcon, QWidget
from shiboken6 import isValid

from ...domain.reminders import Notification, ReminderKind
from ...services.quick_filters import QuickFilter
from ...services.reminders import TRAY, ReminderCounts
from ..widgets.tray_badge import badge_icon
from .host import Host

POLL_MS = 60_000
MINIMISE_TO_TRAY = "reminders/minimiseToTray"
MESSAGE_MS = 15_000
# Which list a click on a grouped notification shows, by its first kind.
GROUP_FILTER = {
    ReminderKind.DEADLINE: QuickFilter.DEADLINE_SOON,
    ReminderKind.PROMISE: QuickFilter.PROMISE_OVERDUE,
    ReminderKind.WARNING: QuickFilter.WARNED,
    ReminderKind.REFUND_CUTOFF: QuickFilter.REFUND_TODAY,
}


def tray_available() -> bool:
    """Whether the desktop has a system tray (tests replace this)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def make_tray(parent: QObject) -> QSystemTrayIcon:
    """The tray icon (tests replace this with one that records its messages)."""
    return QSystemTrayIcon(parent)


def minimise_to_tray(settings: QSettings) -> bool:
    """The user's choice: closing the window keeps ShopDesk running in the tray. Off by
    default: a window that does not quit when closed surprises people; reminders are
    opt-in to keep running."""
    return bool(settings.value(MINIMISE_TO_TRAY, False, type=bool))


def set_minimise_to_tray(settings: QSettings, on: bool) -> None:
    settings.setValue(MINIMISE_TO_TRAY, bool(on))


class ReminderController(QObject):
    """Owns the tray icon (or, without a tray, a status-bar label) and the poll timer."""

    notified = Signal(object)  # the Notification just shown (tray or status bar)

    def __init__(self, host: Host, parent: QWidget, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent  # owns the tray menu (a QMenu needs a widget parent)
        self.last: Notification | None = None  # what a click on the message opens
        self.counts = ReminderCounts()
        self._told_minimised = False
        self.status_label = QLabel(parent)
        self.status_label.setObjectName("reminder_status")
        self.status_label.setStyleSheet("color: #b03a1e;")
        self.status_label.hide()
        self.tray: QSystemTrayIcon | None = None
        if tray_available():
            self._build_tray()
        self.timer = QTimer(self)
        self.timer.setObjectName("reminder_timer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    # --- the tray --------------------------------------------------------------------
    def _build_tray(self) -> None:
        tray = self.tray = make_tray(self)
        tray.setObjectName("reminder_tray")
        menu = self.menu = QMenu(self._parent)
        menu.setObjectName("tray_menu")
        self.act_open = QAction(self.tr("Open ShopDesk"), menu)
        self.act_open.setObjectName("tray_open")
        self.act_open.triggered.connect(lambda _c=False: self._host.bring_to_front())
        self.act_refunds = QAction(self.tr("Refunds due today"), menu)
        self.act_refunds.setObjectName("tray_refunds_today")
        self.act_refunds.triggered.connect(lambda _c=False: self.show_refunds_today())
        self.act_quit = QAction(self.tr("Quit"), menu)
        self.act_quit.setObjectName("tray_quit")
        self.act_quit.triggered.connect(lambda _c=False: self._host.quit_app())
        menu.addAction(self.act_open)
        menu.addAction(self.act_refunds)
        menu.addSeparator()
        menu.addAction(self.act_quit)
        tray.setContextMenu(menu)
        tray.activated.connect(self._activated)
        tray.messageClicked.connect(self.open_last)
        tray.setIcon(self._icon(0))
        tray.setToolTip("ShopDesk")
        tray.show()

    def has_tray(self) -> bool:
        return self.tray is not None

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self._host.bring_to_front()

    def _icon(self, count: int) -> QIcon:
        """The app's icon with a red badge carrying `count` (none at 0), drawn at each
        tray size so the digits stay readable in a 22 px slot."""
        base = QApplication.windowIcon()
        if base.isNull():
            base = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return badge_icon(base, count)

    # --- polling ---------------------------------------------------------------------
    def attach(self) -> None:
        """Re-count on the window's current register (also after a restore)."""
        self.refresh_counts()

    def poll(self) -> None:
        """Count and ask what to announce now, both on the writer (at 100k cases the
        counts take tens of ms: not the UI thread's, every minute), then show them."""
        register = self._host.register
        if not register.is_open:
            return
        task = self._host.tasks.write(_count_and_take, "reminders_take")
        task.succeeded.connect(lambda done: self._polled(register, *done))

    def _polled(self, register: object, counts: ReminderCounts,
                note: Notification | None) -> None:
        # A lambda's connection outlives this controller: the answer may come after the
        # window was deleted (a language switch) or switched registers (a restore).
        if not isValid(self) or register is not self._host.register:
            return
        self._show_counts(counts)
        self._announce(register, note)

    def refresh_counts(self) -> ReminderCounts:
        """Count now, on the UI thread (the window asks after a change it made)."""
        register = self._host.register
        if not register.is_open:
            return self.counts
        return self._show_counts(register.reminders.counts())

    def _show_counts(self, counts: ReminderCounts) -> ReminderCounts:
        self.counts = counts
        tip = self.tooltip(counts)
        if self.tray is not None:
            self.tray.setToolTip(tip)
            self.tray.setIcon(self._icon(counts.total))
            self.act_refunds.setText(self.tr("Refunds due today (%1)")
                                     .replace("%1", str(counts.refunds_today)))
        else:
            self.status_label.setText(self.tr("Reminders: %1").replace("%1", str(counts.total)))
            self.status_label.setToolTip(tip)
            self.status_label.setVisible(counts.total > 0)
        return counts

    def tooltip(self, counts: ReminderCounts) -> str:
        return "\n".join([
            "ShopDesk",
            self.tr("Deadlines coming up: %1").replace("%1", str(counts.deadlines)),
            self.tr("Overdue promises: %1").replace("%1", str(counts.promises_overdue)),
            # Cases, as the list's Warnings button counts; `reminders due` lists each warning.
            self.tr("Open cases with warnings: %1").replace("%1", str(counts.warnings)),
            self.tr("Refunds due today: %1").replace("%1", str(counts.refunds_today)),
        ])

    def _announce(self, register: object, note: Notification | None) -> None:
        if note is None or register is not self._host.register:
            return
        self.last = note
        title, body = note.message(self._host.lang)
        if self.tray is not None:
            # The desktop's own notification; Qt adds no sound to it.
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information,
                                  MESSAGE_MS)
        else:
            self._host.show_message(f"{title} — {body}", MESSAGE_MS)
        self.notified.emit(note)

    # --- clicks ----------------------------------------------------------------------
    def open_last(self) -> None:
        """A click on the notification: its case, or the list of a group's cases."""
        note = self.last
        self._host.bring_to_front()
        if note is None:
            return
        if note.case_id is not None:
            self._host.open_case_by_id(note.case_id)
            return
        self._host.filter_bar.set_quick(GROUP_FILTER[note.kinds[0]] if note.kinds
                                        else QuickFilter.OPEN)

    def show_refunds_today(self) -> None:
        self._host.bring_to_front()
        self._host.filter_bar.set_quick(QuickFilter.REFUND_TODAY)

    # --- closing ---------------------------------------------------------------------
    def keeps_running(self) -> bool:
        """Whether closing the window should only hide it: the user chose it and there
        is a tray to come back from."""
        return self.tray is not None and minimise_to_tray(self._host.settings)

    def hide_to_tray(self) -> None:
        """Hide the window; the first time, say where ShopDesk went."""
        self._host.hide()
        if self.tray is not None and not self._told_minimised:
            self._told_minimised = True
            self.last = None
            self.tray.showMessage(
                self.tr("ShopDesk is still running"),
                self.tr("Reminders keep coming. Click the tray icon to open the window again; "
                        "“Quit” is in its menu."),
                QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)

    def shutdown(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()


def _count_and_take(register, _progress, _cancelled):
    return register.reminders.counts(), register.reminders.take(TRAY)
