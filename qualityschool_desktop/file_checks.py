"""Which database files this process opened for the window but has not yet checked (issue 16).

The window's workspace leaves SQLite's integrity check and the reading of this installation's key
until its first page has painted (``Workspace.open(..., checks_later=True)``). Until they pass,
nothing else this process opens on the same file may write to it or copy it: a worker's
connection (an import), a read-only one (the daily backup) would otherwise write into, or copy, a
file about to be declared damaged (try27b findings 1 and 5). This module is the one list they all
ask: the window's workspace puts its file here when it opens and takes it off when its checks
pass; a failed check keeps the file here with the error, so every later write or copy is refused
with the same Thai message.

Files are named by their resolved path. Thread-safe: workers ask from their own threads.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .errors import QualitySchoolError, StorageError

UNCHECKED = ("ยังตรวจไฟล์ฐานข้อมูลนี้ไม่เสร็จ การเปลี่ยนแปลงนี้ยังไม่ได้บันทึก"
             " โปรดรอสักครู่แล้วทำอีกครั้ง")

_lock = threading.Lock()
# resolved path -> None (checks pending) or the error the check raised (the file is damaged)
_pending: dict[str, QualitySchoolError | None] = {}


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def await_checks(path: Path) -> None:
    """``path`` was opened with its checks left for later: refuse writes and copies until
    :func:`checks_passed` (or :func:`forget`)."""
    with _lock:
        _pending[_key(path)] = None


def checks_passed(path: Path) -> None:
    """The checks of ``path`` passed: other connections may write to it and copy it."""
    forget(path)


def checks_failed(path: Path, error: QualitySchoolError) -> None:
    """The check of ``path`` found it damaged (``error``, Thai): every later write or copy of it
    in this process is refused with ``error``."""
    with _lock:
        _pending[_key(path)] = error


def forget(path: Path) -> None:
    """The workspace that awaited the checks of ``path`` closed: nothing is known of it any more."""
    with _lock:
        _pending.pop(_key(path), None)


def refuse_unchecked(path: Path | None) -> None:
    """Raise when ``path`` awaits its checks (:class:`~.errors.StorageError`, reason
    ``"unchecked"``, Thai :data:`UNCHECKED`) or failed them (the check's own error, e.g.
    :class:`~.errors.DatabaseOpenError` "damaged"); return when it may be written or copied."""
    if path is None:
        return
    with _lock:
        key = _key(path)
        if key not in _pending:
            return
        error = _pending[key]
    if error is not None:
        raise error
    raise StorageError(UNCHECKED, "unchecked")
