"""Opening a database file safely: check it, back it up, migrate it, set it up for durability.

The rules: a file that is missing (unless asked to create it), unreadable, not SQLite, corrupt,
another program's, or written by a newer version is refused with :class:`DatabaseOpenError`
and left exactly as it was. Before a migration touches an existing file, a copy is made beside it.

Only SQLite ever opens the database file. On POSIX, closing *any* handle on a database file drops
every SQLite lock the process holds; another process may then believe it is the last user and
delete the live write-ahead log. So every check before opening (is it SQLite, is it ours, is it
too new) is a query through SQLite, and the copy before a migration uses SQLite's backup API.

Three ways to open (:func:`open_database`):

* the window's own connection (``mode="main"``): full integrity check, backup and migrations;
* a worker's connection (``mode="worker"``): the schema must already be current; no integrity
  check, so it opens in a millisecond; it may write (an import) through the same write path;
* a read-only connection (``mode="read_only"``): SQLite's ``mode=ro``; it writes nothing, ever,
  and reads while another process writes (WAL readers never wait for the writer). In a folder that
  cannot be written (a CD, a locked USB stick) SQLite cannot make the ``-shm`` index a WAL reader
  needs, so there the file is opened ``immutable`` (nothing can change it there either).

A file or folder that cannot be written refuses the writing modes with
:class:`~qualityschool_desktop.errors.DatabaseNotWritableError`, so the window can open it
read-only instead.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from . import collation, paths
from .copies import copy_database, daily_copies_folder
from .errors import DatabaseNotWritableError, DatabaseOpenError, DatabaseOutdatedError, StorageError, file_reason
from .migrations import known_migrations, migrations
from .storage import WRITE_WAIT_SECONDS, CoreDatabase, storage_error

# "QSDk" – marks a file as ours, so another program's SQLite file is never migrated by mistake.
APPLICATION_ID = 0x5153446B
MODES = ("main", "worker", "read_only")

NOT_FOUND = "ไม่พบไฟล์ฐานข้อมูล {path}"
# ... said where a person named a path that is not there yet (test33 T7: it said no way on).
NOT_FOUND_HOW = (
    NOT_FOUND + " (สร้างฐานข้อมูลว่างที่นี่ได้ด้วยคำสั่ง {command} new --db \"{path}\" "
    "หรือเปิดโปรแกรมโดยไม่ใส่ --db เพื่อใช้ฐานข้อมูลในโฟลเดอร์ข้อมูลของเครื่องนี้)"
)
IS_FOLDER = "{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล"
CANNOT_MAKE_FOLDER = "สร้างโฟลเดอร์ {folder} ไม่ได้: {reason}"
NOT_OURS = "ไฟล์ {name} ไม่ใช่ฐานข้อมูลของโปรแกรมนี้ หรือไฟล์เสียหาย"
FOREIGN = "ไฟล์ {name} เป็นฐานข้อมูลของโปรแกรมอื่น โปรแกรมจะไม่แก้ไขไฟล์นี้"
DAMAGED = "ไฟล์ฐานข้อมูล {name} เสียหาย เปิดไม่ได้ ลองเปิดไฟล์สำรองแทน"
# The same, when this data folder keeps daily copies of the file (try28b #4: the box did not say where).
DAMAGED_WITH_COPIES = DAMAGED + " (ไฟล์สำรองประจำวันอยู่ในโฟลเดอร์ {folder})"
# The same, for damage met once the file is open (a broken index quick_check does not see).
DAMAGED_OPEN = ("ไฟล์ฐานข้อมูล {name} เสียหาย อ่านข้อมูลบางส่วนไม่ได้ โปรแกรมจะไม่บันทึกสิ่งใดลงในไฟล์นี้อีก"
                " ลองเปิดไฟล์สำรองแทน (แฟ้ม › เปิดฐานข้อมูล…{copies})")
DAILY_COPIES_IN = " ไฟล์สำรองประจำวันอยู่ในโฟลเดอร์ {folder}"  # when there are any
TOO_NEW = "ไฟล์ {name} สร้างด้วยโปรแกรมรุ่นที่ใหม่กว่า โปรดปรับรุ่นโปรแกรมก่อนเปิดไฟล์นี้"
OUTDATED = (
    "ไฟล์ {name} สร้างด้วยโปรแกรมรุ่นเก่า ต้องปรับรุ่นฐานข้อมูลก่อน: เปิดไฟล์นี้ในโปรแกรมหนึ่งครั้ง "
    "({command} --db {path}) แล้วลองอีกครั้ง"
)
FILE_READ_ONLY = "ไม่มีสิทธิ์เขียนไฟล์ฐานข้อมูล {path} (ไฟล์เป็นแบบอ่านอย่างเดียว)"
FOLDER_READ_ONLY = (
    "โฟลเดอร์ {folder} เขียนไม่ได้ (อ่านอย่างเดียว เช่น แผ่นซีดีหรือแฟลชไดรฟ์ที่ล็อกไว้) "
    "โปรแกรมต้องเขียนไฟล์บันทึกชั่วคราวข้างฐานข้อมูล โปรดคัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้"
)
CANNOT_OPEN = "เปิดไฟล์ฐานข้อมูล {path} ไม่ได้ ({detail})"
BACKUP_FAILED = "สำรองไฟล์ฐานข้อมูลก่อนปรับรุ่นไม่ได้: {detail}"


def _connect(path: Path, sqlite_mode: str, write_wait: float) -> sqlite3.Connection:
    """A connection in driver autocommit mode (every transaction is explicit: the write path)."""
    uri = f"{path.resolve().as_uri()}?mode={sqlite_mode}"
    if sqlite_mode == "ro" and _immutable(path):
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, timeout=write_wait, isolation_level=None)
    collation.register(conn)  # ORDER BY name COLLATE thai
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(write_wait * 1000)}")
    return conn


def _immutable(path: Path) -> bool:
    """Read ``path`` as immutable? Only where SQLite could not read it otherwise: its folder cannot
    be written (no ``-shm`` can be made) and no ``-wal`` beside it holds changes not yet in the
    file (an immutable reader would not see them; ``mode=ro`` then reads them if it can)."""
    if os.access(path.parent, os.W_OK):
        return False
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size == 0  # os.stat opens no handle on the database
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _check_path(path: Path, *, create: bool, writable: bool) -> None:
    """What can be known without opening the file: it exists, it is a file, it may be written.
    (``os.stat``/``os.access`` open no handle, so they cannot drop SQLite's locks.)"""
    if path.is_dir():
        raise DatabaseOpenError(IS_FOLDER.format(path=path))
    if not path.exists():
        if not create:
            raise DatabaseOpenError(NOT_FOUND_HOW.format(path=path, command=paths.command()))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(
                CANNOT_MAKE_FOLDER.format(folder=path.parent, reason=file_reason(exc))
            ) from None
    if not writable:
        return
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseNotWritableError(FILE_READ_ONLY.format(path=path), path, folder=False)
    if not os.access(path.parent, os.W_OK):
        raise DatabaseNotWritableError(FOLDER_READ_ONLY.format(folder=path.parent), path, folder=True)


def _inspect(conn: sqlite3.Connection, path: Path, *, integrity: bool) -> tuple[bool, list[str]]:
    """(is the file empty, applied migration names); raises if it is not SQLite, is damaged,
    foreign or too new. Every question goes through SQLite."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # "file is not a database" for a Word file
        if integrity:
            _quick_check(conn, path)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        table_count = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (migrations.migrations_table,)
        ).fetchone()
        applied = (
            [
                row[0]
                for row in conn.execute(
                    f"SELECT name FROM {migrations.migrations_table} WHERE migration_set = ?", (migrations.name,)
                )
            ]
            if has_table
            else []
        )
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_NOTADB":
            raise DatabaseOpenError(NOT_OURS.format(name=path.name)) from None
        if name.startswith("SQLITE_READONLY"):  # e.g. a reader that cannot make its -shm beside the file
            raise DatabaseOpenError(FOLDER_READ_ONLY.format(folder=path.parent)) from None
        if name.startswith(("SQLITE_BUSY", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_FULL")):
            error = storage_error(exc)
            raise DatabaseOpenError(str(error), detail=error.detail or str(exc)) from None
        raise DatabaseOpenError(damaged_text(path), detail=str(exc)) from None
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and table_count > 0):
        raise DatabaseOpenError(FOREIGN.format(name=path.name))
    if any(name not in known_migrations() for name in applied):
        raise DatabaseOpenError(TOO_NEW.format(name=path.name))
    return table_count == 0, applied


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    result = conn.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise DatabaseOpenError(damaged_text(path),
                                detail=result[0] if result else "quick_check returned nothing")


def check_integrity(db: CoreDatabase, path: Path) -> None:
    """SQLite's ``quick_check`` of an open database (one opened with ``integrity_later``); raises
    :class:`DatabaseOpenError` (Thai: the file is damaged, restore a backup) as opening does."""
    try:
        _quick_check(db.conn, path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(damaged_text(path), detail=str(exc)) from None


def damaged_text(path: Path) -> str:
    """The Thai sentence for a file found damaged when opened or checked, naming the folder of its
    daily copies when this data folder keeps any (``copies.daily_copies_folder``)."""
    folder = daily_copies_folder(path)
    return DAMAGED.format(name=path.name) if folder is None else DAMAGED_WITH_COPIES.format(name=path.name, folder=folder)


def damage_met(path: Path | None, error: BaseException) -> StorageError | None:
    """The Thai error for SQLite's word, met after ``path`` opened, that the file is damaged: a
    ``sqlite3.DatabaseError`` ("malformed", "not a database") or the write path's
    :class:`~.errors.StorageError` reason ``"damaged"``. A StorageError, reason ``"damaged"``,
    naming the file and its daily copies' folder when there are any, SQLite's words as ``detail``; None for any other
    error. Only a value: :meth:`~.workspace.Workspace.damaged` records it."""
    if isinstance(error, sqlite3.DatabaseError):
        found = storage_error(error)
        detail = str(error)
    elif isinstance(error, StorageError):
        found, detail = error, error.detail or str(error)
    else:
        return None
    if found.reason != "damaged":
        return None
    if path is None:
        return found
    folder = daily_copies_folder(path)
    copies = "" if folder is None else DAILY_COPIES_IN.format(folder=folder)
    return StorageError(DAMAGED_OPEN.format(name=path.name, copies=copies), "damaged", detail)


def backup_path_for(path: Path, first_pending: str) -> Path:
    """Where the copy made before migrating ``path`` goes: beside it, as
    ``<stem>.before-schema-<N>.<local time YYYYmmdd-HHMMSS><suffix>``, ``N`` the number of
    ``first_pending``, the first migration about to run (``"0031_framework_items"``: 31): the file
    as it was before that schema. (Not how many had run: numbers 0026 and 0027 were never used.)
    Only a name: nothing is written."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    number = int(first_pending.split("_", 1)[0])
    return path.with_name(f"{path.stem}.before-schema-{number}.{stamp}{path.suffix}")


def open_database(
    path: Path, *, create: bool = False, mode: str = "main", stop_before: str | None = None,
    write_wait: float = WRITE_WAIT_SECONDS, integrity_later: bool = False, integrity: bool | None = None,
) -> CoreDatabase:
    """Open the database at ``path`` (creating it only when ``create`` and ``mode == "main"``).

    ``mode`` is ``"main"``, ``"worker"`` or ``"read_only"`` (see the module's docstring).
    Raises :class:`DatabaseOpenError`, leaving the file as it was, when the file is missing, a
    folder, not SQLite, damaged, another program's, written by a newer version, read-only for
    a writing mode, or (``worker``/``read_only``) not yet migrated to this version's schema.
    ``write_wait`` is how long (seconds) a write waits for another writer's lock before it fails
    with a "busy" :class:`~qualityschool_desktop.errors.StorageError`: a window that saves on its
    own thread waits less than a command does, so it never looks hung.
    ``stop_before`` is for tests: leave the schema as an older version made it.
    ``integrity_later`` (``"main"``): when no migration is due, the integrity check is left to
    :func:`check_integrity` (the window, after its first page: issue 16); a file about to be
    migrated is checked first all the same. Every other check (not SQLite, another program's, too new)
    is made now. ``integrity``: run the integrity check now or not, whatever the mode (default: for
    ``"main"`` unless ``integrity_later``; a worker's or reader's opening never checks, so it costs a
    millisecond, but the window's read-only opening of a file on read-only media checks as its
    writable one would).
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    path = Path(path)
    main = mode == "main"
    _check_path(path, create=create and main, writable=mode != "read_only")
    sqlite_mode = "ro" if mode == "read_only" else "rwc" if create and main else "rw"
    try:
        conn = _connect(path, sqlite_mode, write_wait)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(CANNOT_OPEN.format(path=path, detail=storage_error(exc)), detail=str(exc)) from None
    try:
        check_now = integrity if integrity is not None else main and not integrity_later
        is_new, applied = _inspect(conn, path, integrity=check_now)
        pending = [name for name in known_migrations() if name not in applied]
        if pending and not main:
            raise DatabaseOutdatedError(OUTDATED.format(name=path.name, path=path, command=paths.command()))
        if main and integrity_later and pending:
            _quick_check(conn, path)  # never migrate (nor back up) a file not checked
        db = CoreDatabase(conn)
        if mode == "read_only":
            db.read_only = True
            return db
        if main:
            if pending and not is_new:
                _backup(conn, backup_path_for(path, pending[0]))
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit reaches the disk before it returns; a laptop's battery may die any time.
        conn.execute("PRAGMA synchronous = FULL")
        if pending:
            migrations.apply(db.utils, stop_before=stop_before)
            db.applied_now = tuple(pending)
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return db
    except DatabaseOpenError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        error = storage_error(exc)
        if error.reason in ("damaged", "other"):
            raise DatabaseOpenError(damaged_text(path), detail=str(exc)) from None
        raise DatabaseOpenError(str(error), detail=str(exc)) from None
    except BaseException:
        conn.close()
        raise


def open_memory_database() -> CoreDatabase:
    """A fresh, migrated in-memory database (tests and previews)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    collation.register(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    db = CoreDatabase(conn)
    migrations.apply(db.utils)
    return db


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy through SQLite's backup API (safe even with a WAL beside the file),
    written under a ``.partial`` name and renamed when complete."""
    try:
        copy_database(conn, target)
    except OSError as exc:
        raise DatabaseOpenError(BACKUP_FAILED.format(detail=file_reason(exc))) from None
    except sqlite3.Error as exc:
        raise DatabaseOpenError(BACKUP_FAILED.format(detail=storage_error(exc)), detail=str(exc)) from None
