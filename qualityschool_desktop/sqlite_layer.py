"""sqlite-utils, imported without the array libraries it looks for.

sqlite-utils imports ``pandas`` and ``numpy`` whenever they are installed (``sqlite_utils.db``: to
turn their values into SQLite's), and the core never hands it one. They are not in requirements.txt
nor in the built app, but a developer's or an office's Python often has numpy: there it was ~40–200 ms
of every window's start before the school list (benchmarks/README.md, issue 16). So the first import of
sqlite-utils sees them as missing; a module that imports them itself later gets them as usual.
Every module of the core that uses sqlite-utils imports it after this one (``storage``, ``migrations``).
"""

from __future__ import annotations

import sys

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

__all__ = ["Database"]
