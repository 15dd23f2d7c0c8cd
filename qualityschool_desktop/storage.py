"""The one write path: every change to a database runs in :meth:`CoreDatabase.write`.

A write transaction takes the write lock before it reads anything (``BEGIN IMMEDIATE``), so
SQLite's busy handler can wait for another window or program that holds the lock (up to
:data:`WRITE_WAIT_SECONDS`). A transaction that reads first and writes later (``BEGIN``) cannot
wait: SQLite refuses its upgrade to a writer at once to avoid a deadlock, which is how a level
click once "saved" while the database kept the old value.

Every ``sqlite3`` error raised inside becomes :class:`~qualityschool_desktop.errors.StorageError`
with a Thai message and a ``reason``; the transaction is rolled back, so nothing of the change is
stored. The caller says "saved" only after :meth:`CoreDatabase.write` returned.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence

from .errors import OwnershipError, StorageError

if TYPE_CHECKING:
    from sqlite_utils.db import Database, Table

# How long a write waits for another writer's lock. Seconds, not milliseconds: an import in
# another window holds the lock for a moment, and a save should wait for it rather than fail.
WRITE_WAIT_SECONDS = 5.0
# How long a save in the window waits for it before it is refused as busy (the window's workspace is
# opened with it, ``ui/shell/main_window.py``; its save state retries, ``ui/common/save_state.py``): the
# lock of a short import or a second program's save is waited for, but not the commands' five seconds,
# since the window cannot answer while it waits (a second launch allows for it, ``ui/shell/database_lock.py``).
WINDOW_WRITE_WAIT_SECONDS = 1.5

BUSY = "ฐานข้อมูลถูกใช้งานอยู่โดยหน้าต่างหรือโปรแกรมอื่นนานเกินรอ การเปลี่ยนแปลงนี้ยังไม่ได้บันทึก โปรดลองอีกครั้ง"
FULL = "พื้นที่ดิสก์เต็ม บันทึกข้อมูลไม่ได้ โปรดลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง"
READ_ONLY = "ฐานข้อมูลนี้เปิดแบบอ่านอย่างเดียว หรือไฟล์/โฟลเดอร์ของฐานข้อมูลเขียนไม่ได้ จึงบันทึกไม่ได้"
# Restoring is opening a copy (แฟ้ม › เปิดฐานข้อมูล…); a backup of a damaged file is refused (its integrity check).
DAMAGED = ("ไฟล์ฐานข้อมูลเสียหาย อ่านหรือบันทึกไม่ได้ การเปลี่ยนแปลงนี้ยังไม่ได้บันทึก"
           " ลองเปิดไฟล์สำรองแทน (แฟ้ม › เปิดฐานข้อมูล… ไฟล์สำรองประจำวันอยู่ในโฟลเดอร์ backups)")
IO = "อ่านหรือเขียนดิสก์ไม่ได้ (ดิสก์หรือแฟลชไดรฟ์อาจถูกถอดออก) การเปลี่ยนแปลงนี้ยังไม่ได้บันทึก"
OTHER = ("อ่านหรือบันทึกฐานข้อมูลไม่ได้ การเปลี่ยนแปลงนี้ยังไม่ได้บันทึก ลองอีกครั้ง"
         " หากยังเป็นอยู่ โปรดแจ้งผู้ดูแลโปรแกรมพร้อมรายละเอียดทางเทคนิค")
# migrations.VERSION_FULL: the record's version has no room for this installation's change (issue 10).
VERSION_FULL_MARK = "qsd:version_full"
# migrations.NOT_OWNER: a local edit of a school that came by exchange (issue 10).
NOT_OWNER_MARK = "qsd:not_owner"
# A school's second laptop, or its laptop after a reinstall, is "the school's laptop" too: what
# works there is binding its own key to the school on itself (TEST30a B9/B14), not asking itself.
NOT_OWNER = ("ข้อมูลของโรงเรียนนี้มาจากไฟล์แลกเปลี่ยนของโรงเรียนและเป็นของโรงเรียน (ผูกกับกุญแจของโรงเรียน)"
             " กุญแจของเครื่องนี้ยังไม่ได้ผูกกับโรงเรียนนี้ในเครื่องนี้ จึงแก้ไขไม่ได้ แก้ไขได้ที่เครื่องของโรงเรียน"
             " แล้วส่งไฟล์แลกเปลี่ยนมาใหม่ ข้อมูลเดิมยังอยู่ครบ"
             " ถ้าเครื่องนี้คือเครื่องของโรงเรียนเอง (เครื่องที่สอง หรือเครื่องที่ลงโปรแกรมใหม่) ให้โทรอ่านลายนิ้วมือกุญแจของเครื่องนี้"
             " ให้ผู้รับผิดชอบของโรงเรียนตรวจ แล้วผูกกุญแจของเครื่องนี้กับโรงเรียนที่เครื่องนี้เอง: แฟ้ม › ผู้ส่งข้อมูล ›"
             " ผูกเครื่องใหม่ด้วยลายนิ้วมือ… ใส่ลายนิ้วมือเต็มของเครื่องนี้ (หรือสั่ง signers --bind ลายนิ้วมือ --school รหัสโรงเรียน)"
             " และขอให้เขตพื้นที่ผูกกุญแจนี้กับโรงเรียนด้วย")
# migrations 0031 (framework_items): an answer to an item its round's framework does not have.
UNKNOWN_CODE_MARK = "qsd:unknown_item_code"
UNKNOWN_CODE = "คำตอบนี้ระบุประเด็นที่ไม่มีในเกณฑ์ของการประเมิน จึงบันทึกไม่ได้ ข้อมูลเดิมยังอยู่ครบ"
VERSION_FULL = ("รุ่นของข้อมูลรายการนี้เต็มแล้ว (มีเครื่องที่แก้ไขรายการนี้ครบ ๖๔ เครื่อง หรือตัวนับการแก้ไขถึงค่าสูงสุด)"
                " จึงบันทึกการแก้ไขนี้ไม่ได้ ข้อมูลเดิมยังอยู่ครบ โปรดแจ้งผู้ดูแลโปรแกรม")

_REASONS = {
    "SQLITE_BUSY": ("busy", BUSY),
    "SQLITE_LOCKED": ("busy", BUSY),
    "SQLITE_FULL": ("full", FULL),
    "SQLITE_READONLY": ("read_only", READ_ONLY),
    "SQLITE_CANTOPEN": ("io", IO),
    "SQLITE_IOERR": ("io", IO),
    "SQLITE_CORRUPT": ("damaged", DAMAGED),
    "SQLITE_NOTADB": ("damaged", DAMAGED),
}


def storage_error(error: sqlite3.Error) -> StorageError:
    """The domain error for a ``sqlite3`` error (its primary result code decides the reason).

    Constraint and trigger errors (``SQLITE_CONSTRAINT``) are the core's own bugs or checks: the
    message is a Thai sentence and SQLite's English text is kept apart as ``detail``, for the log
    and the "รายละเอียด" of a message box (issue 11: no raw English error reaches the user)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    primary = name.split("_")[0:2]
    key = "_".join(primary) if len(primary) == 2 else name
    reason, message = _REASONS.get(key, ("other", ""))
    detail = None
    if not message:
        text = str(error)
        if NOT_OWNER_MARK in text:
            return OwnershipError(NOT_OWNER, "not_owner")
        if VERSION_FULL_MARK in text:
            message = VERSION_FULL
        elif UNKNOWN_CODE_MARK in text:
            message = UNKNOWN_CODE
        elif "locked" in text:
            reason, message = "busy", BUSY
        elif "readonly" in text or "read-only" in text:
            reason, message = "read_only", READ_ONLY
        elif "malformed" in text or "not a database" in text:
            reason, message = "damaged", DAMAGED
        elif "disk is full" in text:
            reason, message = "full", FULL
        elif "disk I/O" in text:
            reason, message = "io", IO
        else:
            message, detail = OTHER, text
    return StorageError(message, reason, detail)


class CoreDatabase:
    """The core's connection to one database and its one write path (:meth:`write`).

    Reads go straight to SQLite over ``conn`` (:meth:`execute`, :meth:`query`). sqlite-utils'
    ``Database`` over the same connection (:attr:`utils`: its ``Table`` inserts and updates, the
    migrations) is made when a part first needs it, so opening an up-to-date file and reading the
    school list never imports sqlite-utils (~60–220 ms of the window's start, issue 16). Its
    ``atomic()`` is :meth:`write`, so sqlite-utils' own writes take the lock first and report
    errors the same way.

    ``conn`` must use the driver's autocommit mode (``isolation_level=None``): every transaction
    is explicit (:meth:`write`)."""

    read_only = False
    # Run before a write transaction begins (not for a nested one); it may raise to refuse the
    # write: the window's workspace checks this installation's key there until it has (issue 16).
    before_write: Callable[[], None] | None = None
    # The migrations this opening applied (names; none for an up-to-date file).
    applied_now: tuple[str, ...] = ()
    # Shown every SQLite error of a write first; a StorageError it returns is raised instead of
    # storage_error's: the workspace records damage so nothing writes to the file any more.
    on_error: Callable[[sqlite3.Error], StorageError | None] | None = None

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Database | None = None
        # As sqlite-utils' Database did on every connection: a trigger's write may fire triggers.
        conn.execute("PRAGMA recursive_triggers = ON")

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] | None = None) -> sqlite3.Cursor:
        """Run one statement on the connection and return its cursor (``sqlite3`` errors as raised)."""
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The rows of a ``SELECT`` as dicts (column name → value), fetched lazily; a name that
        repeats becomes ``name_2``, ``name_3`` … as with sqlite-utils' ``query``. Raises
        ``ValueError`` for a statement that returns no rows."""
        cursor = self.execute(sql, params)
        if cursor.description is None:
            raise ValueError("query() is for statements that return rows; use execute()")
        keys = _unique_keys([column[0] for column in cursor.description])
        return (dict(zip(keys, row)) for row in cursor)

    @property
    def utils(self) -> Database:
        """sqlite-utils' ``Database`` on this connection (imported and made on first use), its
        ``atomic()`` being :meth:`write`."""
        if self._utils is None:
            from .sqlite_layer import database_on

            self._utils = database_on(self.conn, self.write)
        return self._utils

    def table(self, name: str) -> Table:
        """sqlite-utils' ``Table`` ``name`` (for its ``insert`` and ``update``) on this connection."""
        return self.utils.table(name)

    @contextlib.contextmanager
    def write(self) -> Iterator["CoreDatabase"]:
        """A write transaction: ``BEGIN IMMEDIATE`` (waiting for the lock), then ``COMMIT``.

        Nested calls become savepoints of the outer transaction. Raises
        :class:`~qualityschool_desktop.errors.StorageError` (after rolling back) when SQLite
        fails; other exceptions roll back and propagate unchanged."""
        conn = self.conn
        if conn.in_transaction:
            # secrets.token_hex without importing secrets (hmac, hashlib: OpenSSL) at opening (issue 16)
            savepoint = f"qsd_{os.urandom(8).hex()}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        if self.read_only:
            raise StorageError(READ_ONLY, "read_only")
        if self.before_write is not None:
            self.before_write()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._failed(error) from None
        try:
            yield self
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            _rollback(conn)
            raise self._failed(error) from None
        except BaseException:
            _rollback(conn)
            raise

    # The name sqlite-utils gives its transactions; the core calls write().
    atomic = write

    def _failed(self, error: sqlite3.Error) -> StorageError:
        found = self.on_error(error) if self.on_error is not None else None
        return found if found is not None else storage_error(error)


def _unique_keys(keys: list[str]) -> list[str]:
    """Column names made unique the way sqlite-utils' ``dedupe_keys`` does (later ones get ``_2``…)."""
    if len(set(keys)) == len(keys):
        return keys
    taken = set(keys)
    seen: set[str] = set()
    unique = []
    for key in keys:
        if key in seen:
            base, suffix = key, 2
            while key in seen or key in taken:
                key, suffix = f"{base}_{suffix}", suffix + 1
        seen.add(key)
        unique.append(key)
    return unique


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
