"""Opening a database file safely: check it, back it up, migrate it, set it up for durability.

The rules: a file that is missing (unless asked to create it), unreadable, not SQLite, corrupt,
another program's, or written by a newer version is refused with :class:`DatabaseOpenError`
and left exactly as it was. Before a migration touches an existing file, a copy is made beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from .errors import DatabaseOpenError
from .migrations import known_migrations, migrations

# "QSDk" – marks a file as ours, so another program's SQLite file is never migrated by mistake.
APPLICATION_ID = 0x5153446B
SQLITE_HEADER = b"SQLite format 3\x00"


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


def _check_file(path: Path, *, create: bool) -> bool:
    """Return True when the file is new (does not exist or is empty)."""
    if not path.exists():
        if not create:
            raise DatabaseOpenError(f"ไม่พบไฟล์ฐานข้อมูล {path}")
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseOpenError(f"สร้างโฟลเดอร์ {path.parent} ไม่ได้: {exc.strerror}") from None
        return True
    if path.is_dir():
        raise DatabaseOpenError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"อ่านไฟล์ฐานข้อมูล {path} ไม่ได้: {exc.strerror}") from None
    if not header:
        return True
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(f"ไฟล์ {path.name} ไม่ใช่ฐานข้อมูลของโปรแกรมนี้ หรือไฟล์เสียหาย")
    if not os.access(path, os.W_OK):
        raise DatabaseOpenError(f"ไม่มีสิทธิ์เขียนไฟล์ฐานข้อมูล {path}")
    return False


def _inspect(conn: sqlite3.Connection, path: Path) -> tuple[int, list[str]]:
    """Application id and applied migration names; raises if the file is damaged or foreign."""
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
        if result is None or result[0] != "ok":
            raise DatabaseOpenError(f"ไฟล์ฐานข้อมูล {path.name} เสียหาย ({result[0] if result else 'ตรวจไม่ได้'})")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
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
        table_count = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(f"ไฟล์ฐานข้อมูล {path.name} เสียหาย เปิดไม่ได้ ({exc})") from None
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and table_count > 0):
        raise DatabaseOpenError(f"ไฟล์ {path.name} เป็นฐานข้อมูลของโปรแกรมอื่น โปรแกรมจะไม่แก้ไขไฟล์นี้")
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        raise DatabaseOpenError(
            f"ไฟล์ {path.name} สร้างด้วยโปรแกรมรุ่นที่ใหม่กว่า โปรดปรับรุ่นโปรแกรมก่อนเปิดไฟล์นี้"
        )
    return app_id, applied


def backup_path_for(path: Path, schema_from: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-schema-{schema_from + 1}.{stamp}{path.suffix}")


def open_database(path: Path, *, create: bool = False, stop_before: str | None = None) -> Database:
    """Open (or create) the database at ``path``, migrated to this version's schema.

    ``stop_before`` is for tests: leave the schema as an older version made it.
    """
    path = Path(path)
    is_new = _check_file(path, create=create)
    try:
        conn = sqlite3.connect(str(path))
    except sqlite3.Error as exc:
        raise DatabaseOpenError(f"เปิดไฟล์ฐานข้อมูล {path} ไม่ได้ ({exc})") from None
    try:
        _configure(conn)
        if not is_new:
            _, applied = _inspect(conn, path)
            pending = [name for name in known_migrations() if name not in applied]
            if pending:
                _backup(conn, backup_path_for(path, len(applied)))
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit reaches the disk before it returns; a laptop's battery may die any time.
        conn.execute("PRAGMA synchronous = FULL")
        # No plugin discovery: it scans every installed package (~18 ms at start-up) and the app
        # uses no sqlite-utils plugins.
        db = Database(conn, execute_plugins=False)
        migrations.apply(db, stop_before=stop_before)
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return db
    except DatabaseOpenError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseOpenError(f"ไฟล์ฐานข้อมูล {path.name} เสียหาย เปิดไม่ได้ ({exc})") from None


def open_memory_database() -> Database:
    """A fresh, migrated in-memory database (tests and previews)."""
    conn = sqlite3.connect(":memory:")
    _configure(conn)
    db = Database(conn, execute_plugins=False)
    migrations.apply(db)
    return db


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy through SQLite's backup API (safe even with a WAL beside the file)."""
    tmp = target.with_suffix(target.suffix + ".tmp")
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        shutil.move(str(tmp), str(target))
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseOpenError(f"สำรองไฟล์ฐานข้อมูลก่อนปรับรุ่นไม่ได้: {exc}") from None
