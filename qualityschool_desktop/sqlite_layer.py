"""sqlite-utils, imported without the array libraries it looks for, and only when first needed.

The core reads over plain ``sqlite3`` (:class:`~qualityschool_desktop.storage.CoreDatabase`); this
module is imported when a part first needs sqlite-utils' ``Database``/``Table`` API (an insert or
update, a migration, the exchange), not on the way to the window's school list (issue 16: ~60–220 ms).

sqlite-utils imports ``pandas`` and ``numpy`` whenever they are installed (``sqlite_utils.db``: to
turn their values into SQLite's), and the core never hands it one. They are not in requirements.txt
nor in the built app, but a developer's or an office's Python often has numpy: there it was ~40–200 ms
of every window's start before the school list (benchmarks/README.md, issue 16). So the first import of
sqlite-utils sees them as missing; a module that imports them itself later gets them as usual.
Every module of the core that uses sqlite-utils at run time imports it through this one.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from typing import Any, Callable, ContextManager, Iterator

_NOT_FOR_US = ("pandas", "numpy")


def _import_without_arrays() -> None:
    if "sqlite_utils.db" in sys.modules:
        return
    hidden = [name for name in _NOT_FOR_US if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_without_arrays()

from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402


class _CoreUtils(Database):
    """sqlite-utils' ``Database`` whose transactions are the core's write path."""

    core_write: Callable[[], ContextManager[Any]]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        with self.core_write():
            yield self


def database_on(conn: sqlite3.Connection, write: Callable[[], ContextManager[Any]]) -> Database:
    """sqlite-utils' ``Database`` on ``conn`` (no plugins: none is ours), its ``atomic()`` being
    ``write()`` (the core's one write path, :meth:`~qualityschool_desktop.storage.CoreDatabase.write`)."""
    db = _CoreUtils(conn, recursive_triggers=False, execute_plugins=False)  # the core set them on
    db.core_write = write
    return db


__all__ = ["Database", "Migrations", "database_on"]
