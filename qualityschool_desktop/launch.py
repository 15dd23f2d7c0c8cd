"""How ``main.py`` starts: its streams in UTF-8, and the window's own command lines read without
argparse.

``main.py``, ``main.py --db FILE``, ``main.py --demo`` and ``--import FILE.qsx`` (how a double-click
opens the window) are read here, so the window's start does not wait for the command line of
every headless command (``cli``: its parser and its commands' modules, ~50 ms before the first
paint, issue 16). Anything else — a command, ``--help``, an option given twice, an abbreviation —
goes to :func:`qualityschool_desktop.cli.parse`, which reads these forms the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple, Sequence

from . import paths


class WindowStart(NamedTuple):
    """What the window opens: ``path``, whether it may be created, whether it is the demo (built
    when missing) and the exchange files to preview once it is open."""

    path: Path
    create: bool
    demo: bool
    import_files: tuple[Path, ...]


def utf8_output() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` write UTF-8, whatever the console or locale says.

    Windows encodes a redirected stream in the ANSI code page: cp874 on Thai Windows (so
    ``schools --json > f.json`` was not UTF-8), cp1252 elsewhere (Thai text raised
    ``UnicodeEncodeError``). A Windows console window is unaffected (Python writes to it in
    UTF-16). Characters that cannot be encoded (lone surrogates) are escaped, never fatal. Streams
    that are missing (``None``: a windowed Windows program) or cannot be reconfigured are left alone.
    Lines end with ``\\n`` as in a file written with ``--out`` (Windows wrote ``\\r\\n`` to a pipe).
    Called by ``main.py`` before anything is printed (argparse's help and errors included).
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace", newline="\n")
        except (ValueError, OSError):  # already written to in another encoding, or closed
            pass


def window_target(db: Path | None, demo: bool) -> tuple[Path, bool]:
    """The database the window opens and whether it may be created: the user's own file is
    created on first run; a file named with ``--db`` must exist; ``--demo`` builds the demo."""
    if db is not None:
        return db, False
    if demo:
        return paths.demo_database_path(), True
    return paths.default_database_path(), True


def window_start(argv: Sequence[str]) -> WindowStart | None:
    """``argv`` (without the program) read as the window's command line when it is only
    ``--db FILE``, ``--demo`` and ``--import FILE`` (each ``--opt=value`` too; ``--import``
    repeatable); None for anything else. A value that starts with ``-`` is left to argparse (it
    refuses it)."""
    db: Path | None = None
    demo = False
    imports: list[Path] = []
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        name, equals, value = token.partition("=")
        if name == "--demo" and not equals and not demo:
            demo = True
            continue
        if name not in ("--db", "--import"):
            return None
        if not equals:
            if not tokens:
                return None
            value = tokens.pop(0)
        if not value or value.startswith("-"):
            return None
        if name == "--import":
            imports.append(Path(value))
        elif db is None:
            db = Path(value)
        else:
            return None  # given twice: argparse's rule (the last one) applies there
    path, create = window_target(db, demo)
    return WindowStart(path, create, demo and db is None, tuple(imports))
