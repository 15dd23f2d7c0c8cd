"""Slow work off the GUI thread, in one operations helper per window (Anki's ``CollectionOp``/``QueryOp``).

``ops.run(work, database=path)`` runs ``work(workspace, progress, cancelled)`` on a pool worker:

* ``workspace`` — a :class:`~qualityschool_desktop.workspace.Workspace` that the helper opens on
  the worker thread for this op alone (SQLite connections belong to the thread that opened them):
  ``Workspace.open(path, worker=True)``, or ``read_only=True`` for pure reads; closed after the
  work returns. ``None`` for work that needs no database (warming the dictionary, the demo build);
* ``progress(done, total, message="")`` — how far it got (``on_progress``/``Op.progressed``);
* ``cancelled()`` — True once someone asked it to stop; it then raises :class:`Cancelled` (or
  returns early).

Work functions know nothing of Qt. The result comes back on the GUI thread: ``on_success(value)``
or ``on_failure(error)`` (and the :class:`Op`'s signals). Without ``on_failure`` the user is told
in Thai (:func:`error_message`: a core error's own message, never an English traceback).

**Change notices.** ``changes=`` says what the op changed, a
:class:`~qualityschool_desktop.changes.Changes` (or a function of the result giving one); after
success the helper publishes it through its :class:`ChangeNotifier`, and every page showing those
records re-reads itself. A failed op that declared changes publishes them too (part of the work may
be in). Foreground edits may publish with :meth:`Ops.publish`.

**Running ops are a registry.** :meth:`Ops.cancel_all` asks every running op to stop, waits for
its worker (bounded, processing no user input meanwhile) and drops its result: the window calls
it before closing a workspace (switching databases, quitting), so no worker still reads or
writes the old file when it closes, and no late result reaches a page of a database no longer shown.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, Union

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from qualityschool_desktop.changes import Changes
from .digits import shown_text
from qualityschool_desktop.errors import QualitySchoolError, StorageError, file_reason

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox  # imported where a box is made: its enums (issue 16)

    from qualityschool_desktop.workspace import Workspace

# -- Thai strings ----------------------------------------------------------------------------
FAILED_TITLE = "ทำงานไม่สำเร็จ"
CANCELLED_TEXT = "ยกเลิกแล้ว"
FILE_FAILED = "อ่านหรือเขียนไฟล์ไม่ได้: {reason}"
UNEXPECTED = ("เกิดข้อผิดพลาดที่ไม่คาดคิด งานนี้จึงไม่สำเร็จ ลองทำอีกครั้ง หากยังเป็นอยู่"
              " โปรดแจ้งผู้ดูแลโปรแกรม พร้อมรายละเอียดทางเทคนิค")

# How long closing a workspace waits for running work before it goes ahead anyway.
WAIT_SECONDS = 10.0


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


Work = Callable[[Union["Workspace", None], Progress, Callable[[], bool]], Any]
ChangesOf = Union[Changes, Callable[[Any], Changes], None]


class Cancelled(Exception):
    """Raised by work that stopped because it was asked to."""


def error_message(error: object) -> str:
    """What to tell the user about ``error``, in Thai: a core error says it itself; a file error
    is named by its cause; anything else is an unexpected fault. Never the error's own (English)
    words: those are :func:`error_detail`, behind a message box's "แสดงรายละเอียด…"."""
    if isinstance(error, QualitySchoolError):
        return shown_text(error)  # the core writes Thai digits; the window's style decides
    if isinstance(error, Cancelled):
        return CANCELLED_TEXT
    if isinstance(error, OSError):
        reason = file_reason(error)
        if error.filename:
            reason = f"{reason} ({error.filename})"
        return FILE_FAILED.format(reason=reason)
    return UNEXPECTED


def error_detail(error: object) -> str:
    """The technical words of ``error`` for a message box's details and the log ("" when the
    Thai message says it all): SQLite's text behind a StorageError, the kind and text of a file
    error or of an unexpected fault."""
    if isinstance(error, QualitySchoolError):  # StorageError, DatabaseOpenError, BackupError …
        return error.detail or ""
    if isinstance(error, (QualitySchoolError, Cancelled)) or not isinstance(error, BaseException):
        return ""
    return f"{type(error).__name__}: {error}"


def add_detail(box: QMessageBox, error: object) -> None:
    """Put :func:`error_detail` behind ``box``'s "แสดงรายละเอียด…" button, when there is any."""
    detail = error_detail(error)
    if detail:
        box.setDetailedText(detail)


def show_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """A modal error box saying ``error`` in Thai; its technical words (:func:`error_detail`), if
    any, behind "แสดงรายละเอียด…" rather than in the message."""
    from PySide6.QtWidgets import QMessageBox

    if not error_detail(error):
        QMessageBox.critical(parent, title, error_message(error))
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, error_message(error), parent=parent)
    add_detail(box, error)
    box.exec()


def _as_reported(error: BaseException) -> BaseException:
    """A raw SQLite error becomes the core's StorageError (a Thai reason); an unexpected fault is
    written to stderr with its traceback, for whoever looks into it."""
    if isinstance(error, sqlite3.Error):
        from qualityschool_desktop.storage import storage_error

        reported: BaseException = storage_error(error)
        reported.__cause__ = error
        return reported
    if not isinstance(error, (QualitySchoolError, Cancelled, OSError)):
        traceback.print_exception(error, file=sys.stderr)
    return error


class ChangeNotifier(QObject):
    """One per window: ``changed(Changes)`` after an op (or a foreground edit) changed records.
    Pages connect to it and re-read what they show."""

    changed = Signal(object)

    def publish(self, changes: Changes | None) -> None:
        if changes:
            self.changed.emit(changes)


class _Relay(QObject):
    """Signals emitted on the worker thread. The receiving slots belong to the Op, which lives on
    the GUI thread, so Qt queues every delivery onto the GUI thread's event loop."""

    done = Signal(object)
    error = Signal(object)
    step = Signal(int, int, str)


class _Runner(QRunnable):
    def __init__(self, op: "Op") -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op

    def run(self) -> None:  # worker thread
        op = self._op
        relay = op._relay

        def progress(done: int, total: int, message: str = "") -> None:
            if not op.dropped:
                relay.step.emit(done, total, message)

        try:
            op.thread_id = threading.get_ident()
            try:
                if op.is_cancelled():
                    raise Cancelled()  # cancelled before it began: never touch the file
                value = op._call(progress)
            except BaseException as exc:  # noqa: BLE001 — every failure must reach the GUI, not vanish
                relay.error.emit(_as_reported(exc))
            else:
                relay.done.emit(value)
        finally:
            op._ended.set()  # the workspace is closed by now: cancel_all may close the file


class Op(QObject):
    """One piece of work started by :meth:`Ops.run`; its signals arrive on the GUI thread."""

    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised (Cancelled when it stopped on request)
    progressed = Signal(int, int, str)  # done, total, message
    finished = Signal()  # after succeeded or failed (not for a dropped op)
    abandoned = Signal()  # instead of all those when cancel_all dropped it: close its progress dialog, nothing more

    def __init__(self, ops: "Ops", work: Work, *, database: Path | None, read_only: bool, changes: ChangesOf) -> None:
        super().__init__()  # no Qt parent: the helper's registry keeps it alive while it runs
        self._ops = ops
        self._work = work
        self.database = database
        self.read_only = read_only
        self.changes = changes
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.error.connect(self._on_error)
        self._relay.step.connect(self._on_step)
        self.running = False
        self.dropped = False  # cancelled by cancel_all: nothing is delivered any more
        self.thread_id: int | None = None  # the worker thread that ran it

    def _call(self, progress: Progress) -> Any:  # worker thread
        if self.database is None:
            return self._work(None, progress, self.is_cancelled)
        from qualityschool_desktop.workspace import Workspace

        workspace = Workspace.open(self.database, read_only=self.read_only, worker=not self.read_only)
        try:
            return self._work(workspace, progress, self.is_cancelled)
        finally:
            workspace.close()

    def cancel(self) -> None:
        """Ask the work to stop; it decides when (it checks ``cancelled()``)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker has finished (its workspace closed); False on timeout."""
        return self._ended.wait(timeout)

    @Slot(object)
    def _on_done(self, value: object) -> None:
        if self._retire():
            self._ops._publish_after(self, value, failed=False)
            self.succeeded.emit(value)
            self.finished.emit()

    @Slot(object)
    def _on_error(self, error: object) -> None:
        if self._retire():
            if self._ops.failure_filter is not None and isinstance(error, BaseException):
                error = self._ops.failure_filter(self.database, error)
            self._ops._publish_after(self, error, failed=True)
            self.failed.emit(error)
            self.finished.emit()

    @Slot(int, int, str)
    def _on_step(self, done: int, total: int, message: str) -> None:
        if self.running and not self.dropped:
            self.progressed.emit(done, total, message)

    def _retire(self) -> bool:
        """Leave the registry; True when the result is still wanted."""
        self.running = False
        self._ops._forget(self)
        if self.dropped:
            self.abandoned.emit()
        return not self.dropped


class Ops(QObject):
    """The window's operations: starts work on workers, keeps the running ops, publishes change
    notices (``ops.notifier.changed``). ``pool`` defaults to Qt's global thread pool."""

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.notifier = ChangeNotifier(self)
        self._pool = pool
        self._running: set[Op] = set()
        self._retired: list[Op] = []
        self._closed = False
        self.message_box: QMessageBox | None = None  # the last failure shown by default
        # Set by the window: every failure passes through it, on the GUI thread, with the op's
        # database, before it is delivered (damage of the window's file recorded and named).
        self.failure_filter: Callable[[Path | None, BaseException], BaseException] | None = None

    # -- starting ----------------------------------------------------------------------------
    def run(
        self,
        work: Work,
        *,
        database: Path | None = None,
        read_only: bool = False,
        changes: ChangesOf = None,
        on_success: Callable[[Any], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        on_progress: Callable[[int, int, str], object] | None = None,
    ) -> Op:
        """Start ``work`` on a worker (see the module's docstring); returns its :class:`Op`.
        After :meth:`shutdown` nothing starts: the op comes back already dropped."""
        op = Op(self, work, database=database, read_only=read_only, changes=changes)
        if on_success is not None:
            op.succeeded.connect(on_success)
        op.failed.connect(on_failure if on_failure is not None else self.show_failure)
        if on_progress is not None:
            op.progressed.connect(on_progress)
        if self._closed:
            op.dropped = True
            op._ended.set()
            return op
        op.running = True
        self._running.add(op)
        (self._pool or QThreadPool.globalInstance()).start(_Runner(op))
        return op

    @property
    def running(self) -> list[Op]:
        return [op for op in self._running if not op.dropped]

    # -- stopping ----------------------------------------------------------------------------
    def cancel_all(self, timeout: float = WAIT_SECONDS) -> bool:
        """Cancel every running op, wait for their workers to end (at most ``timeout`` seconds in
        all, blocking: no user input is processed meanwhile) and drop their results. True when
        every worker ended in time."""
        ops = list(self._running)
        for op in ops:
            op.dropped = True
            op.cancel()
        deadline = time.monotonic() + timeout
        return all(op.wait(max(0.0, deadline - time.monotonic())) for op in ops)

    def shutdown(self, timeout: float = WAIT_SECONDS) -> bool:
        """:meth:`cancel_all`, and start nothing afterwards (the window is closing)."""
        self._closed = True
        return self.cancel_all(timeout)

    # -- change notices ----------------------------------------------------------------------
    def publish(self, changes: Changes | None) -> None:
        """Tell the pages that ``changes`` happened (a foreground edit made through the core)."""
        self.notifier.publish(changes)

    def _publish_after(self, op: Op, outcome: object, *, failed: bool) -> None:
        changes = op.changes
        if changes is None:
            return
        if not isinstance(changes, Changes):
            # Computed from the result; a failure has none, so anything may have changed.
            changes = Changes.all() if failed else changes(outcome)
        self.publish(changes)

    # -- failures ----------------------------------------------------------------------------
    def show_failure(self, error: BaseException) -> None:
        """The default failure handler: a non-modal message box in Thai (nothing for a cancel)."""
        if isinstance(error, Cancelled):
            return
        from PySide6.QtWidgets import QMessageBox

        parent = self.parent()
        box = QMessageBox(QMessageBox.Icon.Warning, FAILED_TITLE, error_message(error),
                          QMessageBox.StandardButton.Ok, parent if isinstance(parent, QWidget) else None)
        add_detail(box, error)
        box.setModal(False)
        box.finished.connect(box.deleteLater)
        self.message_box = box
        box.show()

    # -- bookkeeping -------------------------------------------------------------------------
    def _forget(self, op: Op) -> None:
        self._running.discard(op)
        # Released on the next turn of the event loop, not inside the op's own slot.
        self._retired.append(op)
        QTimer.singleShot(0, self._release)

    def _release(self) -> None:
        self._retired.clear()
