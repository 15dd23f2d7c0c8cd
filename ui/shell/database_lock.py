"""A database file's lock for this OS user, and the request that brings the window holding it forward.

The window that shows a database holds that file's lock: a :class:`QLockFile` named after a hash of
the OS user and the resolved database path, in ``qsd-locks-<user>/`` of the temp folder (where
:class:`QLocalServer` keeps its sockets too). Not in the data folder: a launch with another data
folder (``QUALITYSCHOOL_DATA_DIR``, a portable copy) is the same user on the same file and must
find the window. It also listens on a :class:`QLocalServer` named from the same hash. A second launch on the file cannot take
the lock; it asks the holder to come forward (:func:`claim`). When no holder answers within a few
seconds (:data:`REACH_TIMEOUT_MS`: longer than a window may be busy in a save) the holder is taken
to be hung and the file opens read-only. The window's side of it (the read-only banner, taking the
lock over, switching files) is ``single_instance.py``.

Nothing here creates a file beside the database or opens it: only SQLite opens a database file
(STYLE.md, "The database"); the path is only resolved, never read.

QtNetwork is imported only when a server or a request is needed, after the window's first paint or
when another process already holds the lock (start-up is benchmarked).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import stat
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

# What a second launch's waits and a stale lock's host use is imported there: a first launch never
# needs it, and each Qt class makes its Python enums on first use (issue 16: "ready").
from PySide6.QtCore import QCryptographicHash, QDir, QLockFile, QTimer

from qualityschool_desktop import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# Lock files live in <temp folder>/qsd-locks-<user>/; should that folder not be this user's own
# (another user of a shared /tmp made it first), in this sub-folder of the data folder instead.
LOCKS_FOLDER_PREFIX = "qsd-locks-"
FALLBACK_LOCKS_FOLDER = "locks"
# How long a second launch waits for the holder's answer before opening read-only. A window busy
# in a save does not answer until the save returns (up to WINDOW_WRITE_WAIT_SECONDS in
# ui/common/save_state.py, 1.5 s); only a window that stays silent well beyond that is hung.
REACH_TIMEOUT_MS = 4000
# How long a second launch waits for a holder that has the lock but no server yet: a window still
# starting (it answers once its first page has painted; building the demo or migrating a large file
# takes seconds, and on a busy laptop the start itself can outlast REACH_TIMEOUT_MS: try28b #1, #2).
# A holder that never begins to listen within this is taken to be hung, as a silent one is.
STARTING_TIMEOUT_MS = 30000
RETRY_MS = 50
# A wait for the holder that lasts longer than this is shown (``claim``'s ``on_wait``: retest28 R3,
# nothing on screen for up to 31 s); a holder that answers at once is never seen waiting.
WAIT_NOTICE_MS = 500
# The one request and its answer on the local socket.
RAISE = b"raise\n"
ACK = b"ok\n"
# Before RAISE a second launch may name files for the window to import, one line each (UTF-8):
# what a double-clicked .qsx brings (``--import``).
OPEN = b"open "


def _request(files: "Sequence[Path]" = ()) -> bytes:
    return b"".join(OPEN + str(path).encode("utf-8") + b"\n" for path in files) + RAISE


def _files_in(request: bytes) -> list[Path]:
    head = request.split(RAISE, 1)[0]
    return [Path(line[len(OPEN):].decode("utf-8", "replace")) for line in head.split(b"\n") if line.startswith(OPEN)]
# Tests set this to "1": the app then prints "listening" once a second launch can reach it,
# "raised" when one asked it to come forward and "read-only" when it opened a file read-only.
REPORT_ENV = "QSD_REPORT_INSTANCE"


# The lock files this process holds: a lock file naming this process's pid that is not among them
# was left by a dead process whose pid the system gave to this one (Wine hands out the same small
# pids again), which QLockFile takes for alive.
_HELD_HERE: set[str] = set()


class Outcome(Enum):
    """What claiming a database file came to."""

    OWNER = "owner"  # this process holds the file's lock: open it for writing
    FORWARDED = "forwarded"  # the window that holds it came forward: open nothing
    READ_ONLY = "read-only"  # its holder, a window that listened, does not answer: open the file read-only
    # Its holder never began to listen: a start that hung before its window was up (no window to
    # close: retest28 R3), or a dead process's lock whose pid another program now has. Read-only too.
    SILENT_START = "silent-start"

    @property
    def read_only(self) -> bool:
        """The file opens read-only (its holder does not answer)."""
        return self in (Outcome.READ_ONLY, Outcome.SILENT_START)


def report(line: str) -> None:
    if os.environ.get(REPORT_ENV) == "1":
        print(line, flush=True)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 — no login name (a service account): its user id still differs
        return str(os.getuid()) if hasattr(os, "getuid") else ""


def instance_key(database: Path) -> str:
    """A hex digest naming ``database`` for this OS user.

    The same file reached by another spelling (relative, through a symlink, other letter case on
    Windows) gives the same key, whatever the data folder; another user gives another one, so two
    people on a shared laptop never reach each other's windows."""
    resolved = os.path.normcase(str(Path(database).resolve()))
    text = "\0".join(("qualityschool-instance-2", _user_name(), resolved))
    # Qt's SHA-256, the same digest as hashlib's: this runs before the first paint, and hashlib's
    # import loads OpenSSL (~3 ms CPU) that the window needs only later.
    digest = QCryptographicHash.hash(text.encode("utf-8"), QCryptographicHash.Algorithm.Sha256)
    return bytes(digest.toHex().data()).decode("ascii")[:32]


def _folder_name() -> str:
    user = re.sub(r"[^A-Za-z0-9._-]", "_", _user_name())  # a Windows "DOMAIN\\name", a Thai login name
    return LOCKS_FOLDER_PREFIX + (user if user.strip("._") else "user")


def locks_dir(temp: Path | None = None) -> Path:
    """The folder of this user's lock files: ``<temp>/qsd-locks-<user>/`` (``temp``: Qt's temp
    folder, where the local servers' sockets are too), made private to the user. On a system
    whose temp folder is shared (Linux's /tmp) a folder of that name made by someone else, or
    a link, is not used: then the data folder's ``locks/`` (one window per data folder only)."""
    folder = Path(temp if temp is not None else QDir.tempPath()) / _folder_name()
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        if hasattr(os, "getuid"):
            status = folder.lstat()
            if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid():
                raise PermissionError(folder)
            if status.st_mode & 0o077:
                folder.chmod(0o700)
        return folder
    except OSError:
        fallback = paths.user_data_dir() / FALLBACK_LOCKS_FOLDER
        with contextlib.suppress(OSError):  # cannot be made either: the lock is not usable (DatabaseLock.usable)
            fallback.mkdir(parents=True, exist_ok=True)
        return fallback


_LOCK_HOST: list[str] = []  # the host name QLockFile writes here, once asked


def is_this_host(host: str) -> bool:
    """True when ``host``, as a lock file names it, is this machine (or not named at all).

    QLockFile does not write :meth:`QSysInfo.machineHostName` everywhere: on Windows it writes the
    ``COMPUTERNAME`` variable ("VM" where QSysInfo says "vm"; a NetBIOS name of at most 15
    letters), so the name is learnt from a lock file of our own, once, and compared without case
    (Windows' computer names ignore it)."""
    if not host:
        return True
    if not _LOCK_HOST:
        path = locks_dir() / f"host-{os.getpid()}.probe"
        with contextlib.suppress(OSError):  # left by a dead process with our pid, which Qt takes for alive
            path.unlink(missing_ok=True)
        probe = QLockFile(str(path))
        written = ""
        if probe.tryLock(0):
            written = probe.getLockInfo()[1]
            probe.unlock()
        _LOCK_HOST.append(written)
    from PySide6.QtCore import QSysInfo

    return host.casefold() in {name.casefold() for name in (_LOCK_HOST[0], QSysInfo.machineHostName()) if name}


class DatabaseLock:
    """This process's lock on one database file, and (once :meth:`listen` is called) the local
    server through which another launch asks the window to come forward."""

    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        key = instance_key(self.database)
        self.lock_path = locks_dir() / f"{key}.lock"
        self.server_name = f"qualityschool-{key}"
        self._lock = QLockFile(str(self.lock_path))
        # Never stale by age (a window may stay open for days); stale only when the process that
        # wrote it is gone, which QLockFile checks by its pid, host and boot id on every tryLock.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def try_take(self) -> bool:
        """Take the lock if it is free or stale; True when this process now holds it."""
        taken = self._lock.isLocked() or self._lock.tryLock(0)
        if taken:
            _HELD_HERE.add(str(self.lock_path))
        return taken

    def usable(self) -> bool:
        """False when the lock file cannot be made at all (no usable locks folder): then there
        is nothing to guard with, and the file is opened as before this module existed."""
        return self._lock.error() in (QLockFile.LockError.NoError, QLockFile.LockError.LockFailedError)

    def holder_pid(self) -> int | None:
        """The pid written in the lock file by its holder; None when the file cannot be read."""
        return self.holder()[0]

    def holder(self) -> tuple[int | None, str, str]:
        """What the lock file says of its holder: its pid (None when unreadable), host and program."""
        pid, host, app = self._lock.getLockInfo()  # (0, "", "") when it cannot be read
        return (pid or None, host, app)

    def names_this_process(self) -> bool:
        """The lock file names this very process (pid and host) though this process does not hold
        it: its writer died and its pid was given to this process, so nobody holds it."""
        pid, host, _app = self.holder()
        return pid == os.getpid() and str(self.lock_path) not in _HELD_HERE and is_this_host(host)

    def take_over(self) -> bool:
        """Take the lock unless a live process holds it: the user says no other window has the file.
        ``QLockFile.removeStaleLockFile`` cannot remove a lock a running process holds (an flock on
        POSIX; on Windows the holder's open handle forbids deleting the file), so a window really
        running keeps its lock whatever its pid says. True when this process now holds it."""
        if self.try_take():
            return True
        return self._lock.removeStaleLockFile() and self.try_take()

    def remove_stale(self) -> bool:
        """Delete a lock file whose holder cannot be named (a crash while it was written): called
        only after nobody answered for a whole timeout, so no live window is behind it."""
        return self._lock.removeStaleLockFile()

    def listen(self, on_raise: Callable[[], bool], on_files: Callable[[list[Path]], None] | None = None) -> bool:
        """Answer "come forward" requests by calling ``on_raise`` (True when the window came
        forward), then ``on_files`` with the files the request named, if any. Only the lock
        holder listens, so a server left under this name is a dead process's and is removed first."""
        if self._server is not None:
            return self._server.isListening()
        if not self.held:
            return False
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.server_name)
        server = QLocalServer()
        # Only this user may connect (on Windows pipe names are shared by every session).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(lambda: self._accept(server, on_raise, on_files))
        self._server = server
        return server.listen(self.server_name)

    def _accept(self, server: QLocalServer, on_raise: Callable[[], bool],
                on_files: Callable[[list[Path]], None] | None = None) -> None:
        while (socket := server.nextPendingConnection()) is not None:
            received = bytearray()

            def read(socket: QLocalSocket = socket, received: bytearray = received) -> None:
                received.extend(socket.readAll().data())
                if RAISE not in received:
                    return
                if on_raise():
                    socket.write(ACK)
                    socket.flush()
                    socket.disconnectFromServer()
                    files = _files_in(bytes(received))
                    if files and on_files is not None:
                        on_files(files)
                else:  # closing: no answer, so the caller tries the lock again
                    socket.abort()

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
        _HELD_HERE.discard(str(self.lock_path))


def claim(database: Path, timeout_ms: int | None = None, files: Sequence[Path] = (),
          starting_ms: int | None = None,
          on_wait: Callable[[], None] | None = None) -> tuple[Outcome, DatabaseLock | None]:
    """Take ``database``'s lock (OWNER, with the lock), or ask its holder to come forward
    (FORWARDED; ``files`` go with the request, for the window to import), or open read-only when
    the holder is taken to be hung: READ_ONLY when its server accepts but does not answer within
    ``timeout_ms``, SILENT_START when it holds the lock without ever listening for ``starting_ms``
    (a window still starting listens only once its first page has painted: until then it is
    waited for, not called hung). ``on_wait`` is called once should the wait last longer than
    :data:`WAIT_NOTICE_MS` (to show it); never when the lock is free. The two waits default to
    :data:`REACH_TIMEOUT_MS` and :data:`STARTING_TIMEOUT_MS`, read when called (tests shorten them)."""
    timeout_ms = REACH_TIMEOUT_MS if timeout_ms is None else timeout_ms
    starting_ms = STARTING_TIMEOUT_MS if starting_ms is None else starting_ms
    lock = DatabaseLock(database)
    if lock.try_take() or not lock.usable():
        return Outcome.OWNER, lock
    notice = None
    if on_wait is not None:  # a timer: it fires inside the waits' event loops, whichever is running
        notice = QTimer()
        notice.setSingleShot(True)
        notice.timeout.connect(on_wait)
        notice.start(WAIT_NOTICE_MS)
    try:
        return _claim_held(lock, timeout_ms, files, starting_ms)
    finally:
        if notice is not None:
            notice.stop()


def _claim_held(lock: DatabaseLock, timeout_ms: int, files: Sequence[Path],
                starting_ms: int) -> tuple[Outcome, DatabaseLock | None]:
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(max(timeout_ms, starting_ms))
    heard = False  # a server of the holder's accepted the request at least once
    while not deadline.hasExpired():
        answer = ask_to_come_forward(lock, QDeadlineTimer(min(timeout_ms, max(0, deadline.remainingTime()))), files)
        if answer == "ok":
            return Outcome.FORWARDED, None
        heard = heard or answer != "absent"
        if answer == "silent":
            break
        # No server (the holder is starting), or it hung up (closing): the lock may be free by now.
        _wait(min(RETRY_MS, max(0, deadline.remainingTime())))
        if lock.try_take():
            return Outcome.OWNER, lock
    if (lock.holder_pid() is None or lock.names_this_process()) and lock.remove_stale() and lock.try_take():
        return Outcome.OWNER, lock
    return (Outcome.READ_ONLY if heard else Outcome.SILENT_START), None


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def ask_to_come_forward(lock: DatabaseLock, deadline: QDeadlineTimer, files: Sequence[Path] = ()) -> str:
    """One request to the holder's server: "ok" (it came forward), "absent" (no server),
    "hung-up" (it closed the connection without answering: a window closing) or "silent"
    (connected, but no answer before ``deadline``).

    The answer is awaited in a local event loop, not a blocking wait, so a holder in this very
    process (a test, or another window's guard) can still answer; user input is held back."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtNetwork import QLocalSocket

    _allow_holder_to_take_focus(lock.holder_pid())
    socket = QLocalSocket()
    loop = QEventLoop()
    received = bytearray()
    result = ["silent"]
    connected = [False]

    def finish(answer: str) -> None:
        if result[0] == "silent":
            result[0] = answer
        loop.quit()

    def read() -> None:
        received.extend(socket.readAll().data())
        if ACK in received:
            finish("ok")

    def send() -> None:
        connected[0] = True
        socket.write(_request(files))
        socket.flush()

    socket.connected.connect(send)
    socket.readyRead.connect(read)
    socket.errorOccurred.connect(lambda _error: finish("hung-up" if connected[0] else "absent"))
    socket.disconnected.connect(lambda: finish("hung-up"))
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(max(0, deadline.remainingTime()))
    socket.connectToServer(lock.server_name)
    # The error of a missing server may come before the loop starts; quit() would then be lost.
    if result[0] == "silent":
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    timer.stop()
    socket.abort()
    return result[0]


def _allow_holder_to_take_focus(pid: int | None) -> None:
    """Windows lets only the foreground process hand the focus on; this launch has it (the user
    just started it), the holder does not. Elsewhere the window manager decides."""
    if sys.platform != "win32":
        return
    import ctypes

    asfw_any = 0xFFFFFFFF
    ctypes.windll.user32.AllowSetForegroundWindow(pid or asfw_any)
