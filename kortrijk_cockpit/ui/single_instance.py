"""One running app per user and data folder.

A QLockFile in the data folder decides who is first (a lock left by a crashed
instance is detected as stale and taken over). The first instance listens on
a QLocalServer named after user and folder; a second start asks it to come to
the front and exits. QtNetwork is loaded only for that exchange, after the
first window has been painted or when another instance is found, so it stays
off the start-up path.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

ACTIVATE = b"activate\n"
LOCK_FILE = "cockpit.lock"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(f"{getpass.getuser()}|{data_dir.resolve()}".encode()).hexdigest()
    return f"kortrijk-cockpit-{digest[:24]}"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_FILE))
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the only instance for the data folder."""
        return self._lock.tryLock(0)

    def notify_running(self, timeout_ms: int = 1000) -> bool:
        """Ask the running instance to show itself; True if it answered."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A stale socket left by a crashed instance (Unix): remove and retry.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The caller writes its one line before it waits for us, so this
            # wait is a formality; no Python closure keeps the socket alive.
            if socket.bytesAvailable() or socket.waitForReadyRead(200):
                if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
                    self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()
