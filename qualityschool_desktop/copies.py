"""Copies that are whole or absent, beside a database: written under a ``.<pid>.partial`` name
and renamed when complete, the database itself through SQLite's backup API, and the removal of
what a crash left half written.

Below :mod:`.workspace` (opening a database clears leftovers, a migration copies the file first);
:mod:`.backup` builds the user's backups of an open workspace on top of it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

from . import paths

BACKUPS_FOLDER = "backups"
PARTIAL = ".partial"
SQLITE_SIDECARS = ("-journal", "-wal", "-shm")  # files SQLite may write beside a database
# A leftover younger than this may belong to a backup still running in another process.
LEFTOVER_AGE_SECONDS = 600


def partial_name(target: Path) -> Path:
    """Where a copy of ``target`` is written before it is renamed into place."""
    return target.with_name(f"{target.name}.{os.getpid()}{PARTIAL}")


class CopyDamaged(Exception):
    """The copy fails SQLite's full integrity check: the file it was taken from is damaged.
    ``problems``: SQLite's first lines (English)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def copy_database(source: sqlite3.Connection, target: Path, *, check: bool = False) -> None:
    """Copy the database behind ``source`` to ``target`` in one consistent snapshot.

    Raises ``OSError`` or ``sqlite3.Error``; the partial file and its SQLite journal are removed on
    failure. One step (``pages=-1``): a step-wise copy restarts whenever another connection writes, and a busy
    window could keep it from ever finishing. ``check``: the copy, before it takes ``target``'s name,
    passes SQLite's ``PRAGMA integrity_check`` (every index against its table: damage ``quick_check``
    at opening does not see, such as a broken index) or raises :class:`CopyDamaged` and is removed.
    It costs about as much CPU as the copy itself (~0.04 s on the 10 MB demo): run it off the UI thread."""
    partial = partial_name(target)
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest, pages=-1)
            # The copy stands alone: no WAL beside it, whatever mode the source was in.
            dest.execute("PRAGMA journal_mode = DELETE")
            if check:
                problems = [row[0] for row in dest.execute("PRAGMA integrity_check(10)")]
                if problems != ["ok"]:
                    raise CopyDamaged(problems)
        finally:
            dest.close()
        os.replace(partial, target)
    except BaseException:
        # SQLite's own files beside the copy too: a full disk leaves its journal behind.
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in SQLITE_SIDECARS)):
            leftover.unlink(missing_ok=True)
        raise


def auto_backup_folder(database: Path) -> Path:
    """``<data folder>/backups/<name>-<8 hex of the path>/``: one folder per database file."""
    import hashlib  # OpenSSL: not at opening (issue 16)

    digest = hashlib.sha256(str(database.resolve()).encode("utf-8")).hexdigest()[:8]
    return paths.user_data_dir() / BACKUPS_FOLDER / f"{database.stem}-{digest}"


def daily_copies_folder(database: Path) -> Path | None:
    """The folder of ``database``'s daily copies (:func:`auto_backup_folder`) when it holds any;
    None while there is none (a message then names no folder to look in: retest28 R7, try28b #4).
    Never raises: a folder that cannot be read counts as none."""
    folder = auto_backup_folder(database)
    try:
        return folder if folder.is_dir() and any(folder.iterdir()) else None
    except OSError:
        return None


# -- what a crash leaves behind -----------------------------------------------------------------
def _owner_alive(partial: Path) -> bool:
    """Whether the process named in ``name.<pid>.partial`` (or its SQLite journal
    ``name.<pid>.partial-journal``) may still be writing it."""
    try:
        pid = int(partial.name.removesuffix("-journal")[: -len(PARTIAL)].rsplit(".", 1)[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        age = time.time() - partial.stat().st_mtime
    except OSError:
        return False
    if os.name != "posix":
        return age < LEFTOVER_AGE_SECONDS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return age < LEFTOVER_AGE_SECONDS


def remove_partials(folder: Path) -> list[Path]:
    """Remove the ``.partial`` files in ``folder`` and its subfolders whose process has ended."""
    removed: list[Path] = []
    for partial in [*folder.glob(f"*{PARTIAL}"), *folder.glob(f"*/*{PARTIAL}")]:
        if _owner_alive(partial):
            continue
        with contextlib.suppress(OSError):
            partial.unlink()
            removed.append(partial)
    return removed


def remove_leftovers(database: Path) -> list[Path]:
    """Remove partial copies and half-stored attachments that a crash left beside ``database``,
    in its attachments folder and in its automatic backup folder. Returns what was removed."""
    removed: list[Path] = []
    places = [database.parent, paths.attachments_dir_for(database), auto_backup_folder(database)]
    candidates: list[Path] = []
    for place in places:
        if place.is_dir():
            candidates += place.glob(f"*{PARTIAL}")
            candidates += place.glob(f"*/*{PARTIAL}")
            candidates += place.glob(f"*{PARTIAL}-journal")  # a copy killed half-way (try27b finding 5)
    attachments = paths.attachments_dir_for(database)
    if attachments.is_dir():
        for incoming in attachments.glob(".incoming-*"):
            with contextlib.suppress(OSError):
                if time.time() - incoming.stat().st_mtime > LEFTOVER_AGE_SECONDS:
                    incoming.unlink()
                    removed.append(incoming)
    for partial in candidates:
        if _owner_alive(partial):
            continue
        with contextlib.suppress(OSError):
            if partial.is_dir():
                shutil.rmtree(partial)
            else:
                partial.unlink()
            removed.append(partial)
    return removed
