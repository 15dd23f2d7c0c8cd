"""Slow work off the GUI thread, in one small operations layer (like Anki's ``QueryOp``).

``Operation(work).start()`` runs ``work(progress, cancelled)`` on a ``QThreadPool`` worker and
delivers its return value (``succeeded``) or exception (``failed``) back on the GUI thread. The
work function knows nothing of Qt: it receives

* ``progress(done, total, message="")`` — report how far it got (delivered as ``progressed``);
* ``cancelled()`` — True once the user asked to stop; the work should then raise
  :class:`Cancelled` (or just return early).

SQLite connections belong to the thread that opened them, so work that needs the database
opens its own ``Workspace.open(path)`` inside the work function; it never receives the GUI's.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


Work = Callable[[Progress, Callable[[], bool]], Any]


class Cancelled(Exception):
    """Raised by work that stopped because the user cancelled it."""


# Started operations stay referenced here until they finish, so a caller may fire and forget
# without Python collecting the object whose signals are still to be delivered.
_running: set["Operation"] = set()


class _Relay(QObject):
    """Signals emitted from the worker thread. The receiving slots belong to the Operation, which
    lives on the GUI thread, so Qt queues every delivery onto the GUI thread's event loop."""

    done = Signal(object)
    error = Signal(object)
    step = Signal(int, int, str)


class _Runner(QRunnable):
    def __init__(self, operation: "Operation") -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._operation = operation

    def run(self) -> None:  # worker thread
        operation = self._operation
        relay = operation._relay

        def progress(done: int, total: int, message: str = "") -> None:
            relay.step.emit(done, total, message)

        try:
            value = operation._work(progress, operation.is_cancelled)
        except BaseException as exc:  # noqa: BLE001 — every failure must reach the GUI, not vanish
            relay.error.emit(exc)
        else:
            relay.done.emit(value)


class Operation(QObject):
    """One piece of slow work; connect to its signals, then ``start()``."""

    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised (Cancelled when it stopped on request)
    progressed = Signal(int, int, str)  # done, total, message
    finished = Signal()  # after succeeded or failed

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.error.connect(self._on_error)
        self._relay.step.connect(self._on_step)
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> "Operation":
        self.running = True
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it decides when (it checks ``cancelled()``)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(object)
    def _on_done(self, value: object) -> None:
        self._finish()
        self.succeeded.emit(value)
        self.finished.emit()

    @Slot(object)
    def _on_error(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)
        self.finished.emit()

    @Slot(int, int, str)
    def _on_step(self, done: int, total: int, message: str) -> None:
        if self.running:
            self.progressed.emit(done, total, message)

    def _finish(self) -> None:
        self.running = False
        _running.discard(self)


def run_in_background(
    work: Work,
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    parent: QObject | None = None,
) -> Operation:
    """Shorthand: build an :class:`Operation`, connect the callbacks and start it."""
    operation = Operation(work, parent)
    operation.succeeded.connect(on_success)
    if on_failure is not None:
        operation.failed.connect(on_failure)
    if on_progress is not None:
        operation.progressed.connect(on_progress)
    return operation.start()
