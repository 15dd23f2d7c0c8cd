"""Safe copies of a live database: SQLite's backup API, with the attachments beside the copy.

Copying the database file by hand while the app runs (or after a crash) misses what is still
in the write-ahead log: of 301 confirmed saves, such a copy once kept 214. The backup API reads
one consistent snapshot through SQLite (WAL included) while other windows go on writing.

A copy is written under a ``.<pid>.partial`` name and renamed when complete, so a crash or a full
disk never leaves a half copy under the real name; :func:`remove_leftovers` clears what a crash
left (both in :mod:`.copies`, which opening a database uses too). The automatic daily backup
(:func:`auto_backup`) keeps the last :data:`KEEP` copies of each database in
``<data folder>/backups/``.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import clock, file_checks, paths
from .copies import CopyDamaged, auto_backup_folder, copy_database, partial_name, remove_leftovers, remove_partials
from .errors import FILE_REASONS, QualitySchoolError, StorageError, file_reason
from .storage import storage_error

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = [
    "BackupError", "BackupResult", "auto_backup", "auto_backup_due", "auto_backup_folder", "auto_backups", "backup",
    "copy_attachments", "copy_database", "remove_leftovers",
]

KEEP = 7
AUTO_EVERY = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"
_STAMP_RE = re.compile(r"-(\d{8}-\d{6})\.sqlite3$")

SAME_FILE = "ไฟล์สำรองต้องไม่ใช่ไฟล์ฐานข้อมูลที่เปิดอยู่ โปรดเลือกชื่อไฟล์อื่น"
NO_FOLDER = "ไม่พบโฟลเดอร์ {folder} โปรดเลือกโฟลเดอร์ที่มีอยู่"
CANNOT_WRITE = "เขียนไฟล์สำรอง {path} ไม่ได้: {reason}"
CANNOT_CREATE = "สร้างไฟล์ในโฟลเดอร์นั้นไม่ได้ (ไม่มีสิทธิ์เขียน หรือไม่ใช่โฟลเดอร์สำหรับเก็บไฟล์) เลือกโฟลเดอร์อื่น"
DISK_FULL = "พื้นที่ดิสก์ไม่พอสำหรับไฟล์สำรอง {path}"
EXISTS = "มีไฟล์ {path} อยู่แล้ว โปรแกรมจะไม่เขียนทับ โปรดเลือกชื่อไฟล์ใหม่หรือลบไฟล์เดิมก่อน"
IN_USE = (
    "ไฟล์ {name} เป็นฐานข้อมูลที่อาจเปิดใช้อยู่ (มีไฟล์ {sidecar} อยู่ข้าง ๆ) การเขียนทับจะทำให้ไฟล์เสียหาย "
    "โปรดเลือกชื่อไฟล์อื่น"
)
IN_MEMORY = "ฐานข้อมูลชั่วคราวในหน่วยความจำสำรองไม่ได้"


class BackupError(QualitySchoolError):
    """The copy could not be written (no folder, a full disk, no permission); no partial copy
    is left under the target's name."""


@dataclass(frozen=True)
class BackupResult:
    """What a backup wrote: the database copy, its attachments folder and how many files."""

    path: Path
    attachments_dir: Path
    attachment_count: int


def copy_attachments(source_root: Path, target_root: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Put every stored attachment of ``source_root`` into ``target_root`` (same layout).

    Stored files are named by their SHA-256 and never change in place, so a hard link is a
    complete copy that costs no space; where links are impossible (FAT, another disk) the bytes
    are copied. Returns the number of files."""
    if target_root.is_dir():  # what an interrupted backup to the same place left half written
        remove_partials(target_root)
    if not source_root.is_dir():
        return 0
    files = [p for p in source_root.glob("??/*") if p.is_file() and not p.name.startswith(".")]
    for index, source in enumerate(files, start=1):
        target = target_root / source.parent.name / source.name
        if not (target.exists() and target.stat().st_size == source.stat().st_size):
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = partial_name(target)
            partial.unlink(missing_ok=True)
            try:
                os.link(source, partial)
            except OSError:
                shutil.copyfile(source, partial)
            os.replace(partial, target)
        if progress is not None:
            progress(index, len(files))
    return len(files)


def backup(
    workspace: "Workspace", target: Path, progress: Callable[[int, int], None] | None = None, *,
    overwrite: bool = False,
) -> BackupResult:
    """Write a complete, consistent copy of ``workspace``'s database to ``target`` and its
    attachments to ``<target stem>-attachments/`` beside it, so the copy opens with them.

    The attachments are copied first and the database last (renamed into place when whole), so a
    database file under ``target``'s name always comes with all its attachments.
    ``progress(done, total)`` counts attachments. Raises :class:`BackupError` for an in-memory
    database, a target that is the open file itself, an existing target (unless ``overwrite``:
    the user was asked), a target with SQLite's ``-wal``/``-shm``/``-journal`` beside it (a
    database that may be in use: replacing it would corrupt it), a missing folder, a full disk or
    a folder that cannot be written; a failed backup leaves no partial file under ``target``'s
    name. A file the window opened and has not checked yet, or found damaged, is not copied:
    raises as :func:`~.file_checks.refuse_unchecked` does (a damaged copy would push a good one
    out of the daily seven). Every copy passes SQLite's full integrity check before it takes
    ``target``'s name (:func:`~.copies.copy_database`): one that fails is removed, the file is
    recorded damaged (:meth:`Workspace.damaged <.workspace.Workspace.damaged>`: nothing in this
    process writes to it or copies it any more) and the Thai error is raised
    (:class:`~.errors.StorageError`, reason ``"damaged"``, naming the daily backups' folder);
    an existing ``target`` is left as it was."""
    if workspace.path is None:
        raise BackupError(IN_MEMORY)
    file_checks.refuse_unchecked(workspace.path)
    target = Path(target)
    if target.resolve() == workspace.path.resolve():
        raise BackupError(SAME_FILE)
    if not target.parent.is_dir():
        raise BackupError(NO_FOLDER.format(folder=target.parent))
    for sidecar in paths.sidecar_files(target):
        if sidecar.exists():
            raise BackupError(IN_USE.format(name=target.name, sidecar=sidecar.name))
    if target.exists() and not overwrite:
        raise BackupError(EXISTS.format(path=target))
    attachments = paths.attachments_dir_for(target)
    attachments_were_there = attachments.exists()
    try:
        count = copy_attachments(paths.attachments_dir_for(workspace.path), attachments, progress)
        copy_database(workspace.db.conn, target, check=True)
    except CopyDamaged as damage:
        if not attachments_were_there:  # the links made for the copy: it is gone
            shutil.rmtree(attachments, ignore_errors=True)
        met = StorageError("damaged", "damaged", detail=str(damage))
        raise workspace.damaged(met) or met from None
    except sqlite3.Error as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_FULL":
            raise BackupError(DISK_FULL.format(path=target)) from None
        reason = CANNOT_CREATE if getattr(error, "sqlite_errorname", "") == "SQLITE_CANTOPEN" else storage_error(error)
        raise BackupError(CANNOT_WRITE.format(path=target, reason=reason), detail=str(error)) from None
    except OSError as error:
        if error.errno == 28:  # ENOSPC
            raise BackupError(DISK_FULL.format(path=target)) from None
        raise BackupError(CANNOT_WRITE.format(path=target, reason=file_reason(error))) from None
    return BackupResult(target, attachments, count)


# -- automatic daily backups --------------------------------------------------------------------
def auto_backups(database: Path) -> list[Path]:
    """The automatic backups of ``database``, oldest first."""
    folder = auto_backup_folder(database)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.sqlite3") if _STAMP_RE.search(p.name))


def auto_backup_due(database: Path, now: datetime | None = None) -> bool:
    """True when the newest automatic backup is a day old or there is none.

    ``now`` is local time without a zone (the form of the backups' names); by default the
    installation's clock (:func:`.clock.now`, which a test can move). A backup named after a
    moment still to come (made while the clock read 2099, say) is not counted: it would
    otherwise stop every later daily backup until that year (issue 10)."""
    moment = now or _local_now()
    names = (_STAMP_RE.search(p.name) for p in auto_backups(database))
    stamps = [datetime.strptime(match.group(1), _STAMP) for match in names if match]
    past = [stamp for stamp in stamps if stamp <= moment]
    return not past or moment - max(past) >= AUTO_EVERY


def _local_now() -> datetime:
    """The installation's clock as local time without a zone."""
    return clock.now().astimezone().replace(tzinfo=None)


def auto_backup(workspace: "Workspace", now: datetime | None = None, keep: int = KEEP) -> BackupResult | None:
    """The daily backup: when due, copy the database into its backup folder, then remove all
    but the newest ``keep`` copies (and their attachment folders). None when not due; raises
    :class:`BackupError` (Thai message) when the folder or the copy cannot be written, and
    :class:`~.errors.StorageError` reason ``"damaged"`` when the copy fails its integrity check
    (:func:`backup`): no copy is kept and none of the older ones is removed."""
    if workspace.path is None or not auto_backup_due(workspace.path, now):
        return None
    folder = auto_backup_folder(workspace.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = file_reason(error)
        if isinstance(error, FileExistsError) and not folder.is_dir():
            # Windows says "exists" where POSIX says "not a directory": a file is in the way.
            reason = FILE_REASONS[errno.ENOTDIR]
        raise BackupError(CANNOT_WRITE.format(path=folder, reason=reason)) from None
    stamp = (now or _local_now()).strftime(_STAMP)
    result = backup(workspace, folder / f"{workspace.path.stem}-{stamp}.sqlite3")
    for old in auto_backups(workspace.path)[:-keep]:
        old.unlink(missing_ok=True)
        shutil.rmtree(paths.attachments_dir_for(old), ignore_errors=True)
    return result
