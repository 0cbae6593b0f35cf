"""A second launch on the same data folder brings the first window forward.

The OS file lock (:class:`quizdesk.core.instance_lock.InstanceLock`) decides
who is first, atomically; a QLocalServer named after the data folder lets the
second process ask the first to show itself, then exit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"quizdesk-{digest}"


class ActivationServer(QObject):
    """Listens for later launches; emits ``activationRequested`` for each."""

    activationRequested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        # We hold the instance lock, so a socket file left by a killed
        # predecessor is stale and safe to remove.
        QLocalServer.removeServer(name)
        self._server.listen(name)
        self._server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if ACTIVATE.strip() in bytes(socket.readAll().data()):
            self.activationRequested.emit()
        socket.disconnectFromServer()


def ask_running_instance_to_activate(data_dir: Path, wait_s: float = 5.0) -> bool:
    """True if an instance answered on this data folder and was asked to come forward.

    Retries for ``wait_s``: the first instance may hold the lock but still be
    starting its server when two launches race.
    """
    import time

    deadline = time.monotonic() + wait_s
    socket = QLocalSocket()
    while True:
        socket.connectToServer(server_name(data_dir))
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            break
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True
