"""One window per data folder: a lock file plus a local socket to wake the first window.

QLockFile guards the register against a second writer; its stale detection (the PID in the
lock file no longer runs) lets the app start again after a crash. The local server, named
from a hash of the data folder, lets a second start bring the running window forward
instead of opening the same register twice.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..paths import DataPaths

RAISE_MESSAGE = b"raise\n"


def server_name(root: Path) -> str:
    """A local-socket name unique to this user and data folder (short enough for any OS)."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in some sandboxes; the path alone still separates
        user = ""
    digest = hashlib.sha256(f"{user}\n{root.resolve()}".encode()).hexdigest()[:20]
    return f"shopdesk-{digest}"


class SingleInstanceGuard(QObject):
    """Hold the data folder's lock; tell the holder to come forward when we cannot."""

    raise_requested = Signal()

    def __init__(self, lock_path: Path, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_path = lock_path
        self.name = name
        self._lock = QLockFile(str(lock_path))
        # 0 = never treat a held lock as stale by age (the app runs for days); a lock whose
        # process has died is still detected as stale and taken over.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    @classmethod
    def for_paths(cls, paths: DataPaths, parent: QObject | None = None) -> SingleInstanceGuard:
        return cls(paths.lock, server_name(paths.root), parent)

    @property
    def is_holder(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> bool:
        """Take the lock and start listening; False when another instance holds it."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a leftover socket file can only be from a crashed instance.
        QLocalServer.removeServer(self.name)
        if server.listen(self.name):
            server.newConnection.connect(self._on_connection)
            self._server = server
        # Without a server the register is still safe; only the "raise" wake-up is lost.
        return True

    def notify_running(self, timeout_ms: int = 1500) -> bool:
        """Ask the instance holding the lock to raise its window. True if it was reached."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(RAISE_MESSAGE)
        socket.flush()
        sent = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return sent

    def release(self) -> None:
        """Stop listening and unlock (on exit)."""
        if self._server is not None:
            for socket in self._server.findChildren(QLocalSocket):
                socket.abort()
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    # Slots are bound methods (no closures over sockets): a closure would tie the guard and
    # its sockets in a reference cycle that Python's GC may break in the middle of Qt's work.
    @Slot()
    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()  # a child of the server
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if RAISE_MESSAGE.strip() in data:
            self.raise_requested.emit()
