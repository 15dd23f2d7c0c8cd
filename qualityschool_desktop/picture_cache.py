"""Pictures kept per open database until it changes (issue 16: the district picture is read again
at every filter, page show and change notice; at a thousand schools each read sums ~150,000
answers).

A value is kept for one :class:`~.workspace.Workspace` (one SQLite connection) with a *stamp* of
the database: ``PRAGMA data_version``, which changes when any other connection, of this process or
another (an import on a worker, ``qsd-cli import`` while the window is open), has committed, and
the connection's own ``total_changes``, which counts every row this connection inserted, updated
or deleted (its own edits, which ``data_version`` leaves out). A value is only kept, and only
recalled, outside a transaction: nothing uncommitted is ever kept, and a stamp taken before a
change never matches after it. So a kept value is returned exactly while no row of the database
has changed since it was read; the window's change notices need not be trusted for it.

A value read on another connection (the window's worker) may be kept for the window's workspace
under a stamp taken on the window's connection *before* the worker started: a change committed
meanwhile moves the stamp, so such a value is never recalled stale either.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any, Callable, Hashable, TypeVar

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["cached", "recall", "remember", "stamp"]

Stamp = tuple[int, int]
T = TypeVar("T")

_lock = threading.Lock()
_kept: "weakref.WeakKeyDictionary[Workspace, dict[Hashable, tuple[Stamp, Any]]]" = weakref.WeakKeyDictionary()
# Values kept per workspace, the oldest dropped first: the rounds and filters a user flips between.
# A picture of 1,000 schools holds ~3 MiB (5,000: ~15 MiB), so a few keep memory flat (issue 16).
LIMIT = 4


def stamp(workspace: "Workspace") -> Stamp | None:
    """The database's stamp as ``workspace``'s connection sees it now: (``PRAGMA data_version``,
    the connection's ``total_changes``); None inside a transaction (its writes are not committed)
    or on a closed workspace. Raises nothing."""
    if workspace.closed:
        return None
    conn = workspace.db.conn
    try:
        if conn.in_transaction:
            return None
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        return int(version), int(conn.total_changes)
    except Exception:  # a closed or broken connection: keep nothing, recall nothing
        return None


def recall(workspace: "Workspace", key: Hashable) -> Any | None:
    """The value kept for ``key`` on ``workspace`` when the database has not changed since it was
    read, else None. Raises nothing."""
    now = stamp(workspace)
    if now is None:
        return None
    with _lock:
        entry = _kept.get(workspace, {}).get(key)
    if entry is None or entry[0] != now:
        return None
    return entry[1]


def remember(workspace: "Workspace", key: Hashable, taken: Stamp | None, value: Any) -> None:
    """Keep ``value`` for ``key`` on ``workspace``, read when the database's stamp was ``taken``
    (:func:`stamp`, taken *before* the reading began; None keeps nothing). Raises nothing."""
    if taken is None:
        return
    with _lock:
        kept = _kept.setdefault(workspace, {})
        kept.pop(key, None)
        kept[key] = (taken, value)
        while len(kept) > LIMIT:
            del kept[next(iter(kept))]  # the oldest first


def cached(workspace: "Workspace", key: Hashable, read: Callable[[], T]) -> T:
    """The value kept for ``key`` while the database is unchanged, else ``read()`` (on
    ``workspace``), kept. Raises what ``read`` raises (nothing is kept then)."""
    found = recall(workspace, key)
    if found is not None:
        return found
    taken = stamp(workspace)
    value = read()
    remember(workspace, key, taken, value)
    return value
