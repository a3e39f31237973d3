"""One filmdesk window per catalog: a second start brings the running window to the front.

Two copies writing the same database would each keep their own view of it and undo history, so
the second copy hands over to the first and quits. The first copy holds a lock file and listens
on a local socket (QLocalServer); both are named after a hash of the catalog and the user, so
another catalog, or another user, gets a window of its own. Both live in a folder only the user
can enter (``runtime_dir``), never in ``/tmp``.

The lock decides who is first, the socket carries the message. A copy that crashed leaves its
socket file behind; the lock file it held is released by the system when the process goes
(QLockFile also checks that the process that wrote it is gone), so the next copy takes the lock
and removes the stale socket (``QLocalServer.removeServer``) before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import stat
import sys
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QDir, QEventLoop, QLockFile, QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from filmdesk.core.db import DatabaseOpenError, database_url, sqlite_path
from filmdesk.paths import APP_NAME

ACTIVATE = b"activate"
ANSWER = b"ok\n"
# Wayland only lets a window take the focus with a token from the launcher that started the
# second copy; the first copy uses it when raising its window (Qt reads this variable).
ACTIVATION_TOKEN_ENV = "XDG_ACTIVATION_TOKEN"


def instance_name(target: str, user: str | None = None) -> str:
    """The socket name for the catalog at ``target`` (path or URL) and the current user.

    The same file reached by another spelling (relative, ``~``, a symlink, ``sqlite:///``) gets
    the same name.
    """
    try:
        url = database_url(target)
    except DatabaseOpenError:
        canonical = target  # opening will report the bad URL; any stable name will do
    else:
        path = sqlite_path(url)
        if path is not None:
            canonical = f"sqlite:{path.resolve()}"
        else:
            canonical = url.render_as_string(hide_password=False)
    if user is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no name for this uid (some containers)
            user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\0{canonical}".encode()).hexdigest()[:20]
    return f"filmdesk-{digest}"


def runtime_dir() -> Path | None:
    """A folder only this user can enter, for the socket and the lock; None on Windows (a
    local server is a named pipe there, and the lock goes in the user's own temp folder) and
    when no such folder can be had.

    ``$XDG_RUNTIME_DIR`` when it is the user's own (a folder of theirs with mode 0700, as the
    XDG spec has it); inside a Flatpak sandbox ``$XDG_RUNTIME_DIR/app/$FLATPAK_ID``, which the
    copies of the app share. Without it, a folder of mode 0700 in the user's cache folder:
    never ``/tmp``, where a name anyone can work out lets another user hold the lock first
    (filmdesk would not start) or listen in filmdesk's place (and be sent its messages).
    """
    if sys.platform == "win32":
        return None
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and _is_private(Path(base)):
        flatpak_id = os.environ.get("FLATPAK_ID")
        if flatpak_id:
            shared = Path(base, "app", flatpak_id)
            if shared.is_dir():
                return shared
        return Path(base)
    return _private_cache_folder()


def _is_private(folder: Path) -> bool:
    """Whether ``folder`` is a folder of this user's that no one else can enter."""
    try:
        status = folder.stat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(status.st_mode)
        and status.st_uid == os.getuid()
        and not status.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


def _private_cache_folder() -> Path | None:
    """``<cache>/filmdesk/instances``, made (or made again) the user's alone: mode 0700,
    theirs, and no symbolic link someone put in its place; None when it cannot be."""
    folder = Path(user_cache_dir(APP_NAME, appauthor=False)) / "instances"
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        status = folder.lstat()
        if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid():
            return None
        if status.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            folder.chmod(0o700)
    except OSError:
        return None
    return folder


class SingleInstance(QObject):
    """Decides whether this copy is the first for its catalog, and talks to the first copy.

    The first copy calls :meth:`claim` (True), shows its window and gets
    :attr:`activation_requested` whenever another copy starts. A later copy gets False from
    :meth:`claim`, calls :meth:`activate_running` and quits.
    """

    activation_requested = Signal(str)  # the activation token of the second start, or ""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = runtime_dir()
        self.server_name = str(folder / name) if folder else name
        # Without a private folder (outside Windows), this copy runs unguarded rather than
        # meet others in a folder anyone can write to.
        self._guarded = folder is not None or sys.platform == "win32"
        lock_folder = folder or Path(QDir.tempPath())
        self._lock = QLockFile(str(lock_folder / f"{name}.lock"))
        # Held for the whole session: never treat it as stale by age, only by a dead owner.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    @property
    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self) -> bool:
        """Become the first copy: take the lock and listen. False if another copy has it.

        When the lock cannot be written at all (read-only or missing folder) this copy runs
        unguarded rather than not at all.
        """
        if not self._guarded:
            return True
        if not self._lock.tryLock(0):
            return self._lock.error() != QLockFile.LockError.LockFailedError
        # We hold the lock, so any socket under this name is left over from a crash.
        QLocalServer.removeServer(self.server_name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.server_name):
            server.newConnection.connect(self._accept)
            self._server = server
        return True

    def activate_running(self, timeout_ms: int = 5000) -> bool:
        """Ask the first copy to show its window. True once the request has been delivered.

        The first copy may still be opening its catalog (the socket exists before its event
        loop runs), so connecting is retried, and a delivered request counts even when the
        answer has not come back within ``timeout_ms``.
        """
        token = os.environ.get(ACTIVATION_TOKEN_ENV) or os.environ.get("DESKTOP_STARTUP_ID", "")
        message = ACTIVATE + (b" " + token.encode() if token else b"") + b"\n"
        loop = QEventLoop()
        socket = QLocalSocket()
        delivered = answered = False

        def send() -> None:
            socket.write(message)
            socket.flush()

        def written() -> None:
            nonlocal delivered
            if socket.bytesToWrite() == 0:
                delivered = True

        def read() -> None:
            nonlocal answered
            if socket.canReadLine() and bytes(socket.readLine().data()) == ANSWER:
                answered = True
                loop.quit()

        def failed(_error: QLocalSocket.LocalSocketError) -> None:
            if not delivered:
                QTimer.singleShot(100, loop, lambda: socket.connectToServer(self.server_name))

        socket.connected.connect(send)
        socket.bytesWritten.connect(written)
        socket.readyRead.connect(read)
        socket.errorOccurred.connect(failed)
        socket.disconnected.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop, loop.quit)
        socket.connectToServer(self.server_name)
        if not answered:
            loop.exec()
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.waitForBytesWritten(100)
            delivered = delivered or socket.bytesToWrite() == 0
        socket.abort()
        return answered or delivered

    def release(self) -> None:
        """Stop listening and give up the lock (at exit; the system does it after a crash)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    @Slot()
    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # the request may have arrived before we looked

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).strip()
            command, _, token = line.partition(b" ")
            if command != ACTIVATE:
                continue
            if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.write(ANSWER)
                socket.flush()
            self.activation_requested.emit(token.decode(errors="replace"))


def bring_to_front(window: QWidget, token: str = "") -> None:
    """Show ``window`` as the user left it (un-minimised) on top, with the keyboard focus."""
    if token:
        os.environ[ACTIVATION_TOKEN_ENV] = token
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
