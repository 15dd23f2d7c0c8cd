"""Exceptions the core raises; each carries a message in Thai that a user can read."""

import errno

# The system's own text for a file error may be English: these say it in Thai.
FILE_REASONS = {
    errno.ENOSPC: "พื้นที่ดิสก์ไม่พอ",
    errno.EACCES: "ไม่มีสิทธิ์เขียนหรืออ่านไฟล์หรือโฟลเดอร์นั้น",
    errno.EPERM: "ไม่มีสิทธิ์เขียนหรืออ่านไฟล์หรือโฟลเดอร์นั้น",
    errno.EROFS: "ดิสก์หรือโฟลเดอร์นั้นเป็นแบบอ่านอย่างเดียว",
    errno.ENOENT: "ไม่พบไฟล์หรือโฟลเดอร์นั้น",
    errno.ENOTDIR: "มีไฟล์อยู่ในตำแหน่งที่ต้องเป็นโฟลเดอร์",
    errno.EEXIST: "มีไฟล์หรือโฟลเดอร์ชื่อนี้อยู่แล้ว",
    errno.EISDIR: "ชื่อนั้นเป็นโฟลเดอร์ ไม่ใช่ไฟล์",
    errno.EIO: "ดิสก์หรือแฟลชไดรฟ์ขัดข้อง หรือถูกถอดออก",
}
FILE_OTHER_REASON = "ระบบปฏิบัติการแจ้งข้อผิดพลาดรหัส {code}"


def file_reason(error: OSError) -> str:
    """Why a file could not be read or written, in Thai, from the error's ``errno``."""
    return FILE_REASONS.get(error.errno or 0) or FILE_OTHER_REASON.format(code=error.errno or "-")


class QualitySchoolError(Exception):
    """Base class: ``str(error)`` is a complete Thai sentence fit for a message box. ``detail``
    holds the technical words behind it (SQLite's or the system's English text) or None: for a
    log, a message box's "แสดงรายละเอียด…" and the command line's separate detail line, never for
    the message itself (issue 11)."""

    detail: str | None = None

    def __init__(self, *args: object, detail: str | None = None) -> None:
        super().__init__(*args)
        if detail is not None:
            self.detail = detail


class DatabaseOpenError(QualitySchoolError):
    """The database file is missing, unreadable, corrupt, foreign or too new. Nothing was written."""


class DatabaseNotWritableError(DatabaseOpenError):
    """The database file (``folder`` False) or its folder (``folder`` True: SQLite must write its
    log beside the file) cannot be written, so it cannot be opened for changes. It may still be
    read: ``Workspace.open(path, read_only=True)``. Nothing was written."""

    def __init__(self, message: str, path: object, *, folder: bool) -> None:
        super().__init__(message)
        self.path = path
        self.folder = folder


class DatabaseOutdatedError(DatabaseOpenError):
    """The file was made by an older version and must be upgraded (migrated) before it can be read,
    which only a writable opening does. Nothing was written."""


class FrameworkError(QualitySchoolError):
    """A framework file does not validate; the message names the place and the problem."""


class ValidationError(QualitySchoolError):
    """Input that cannot be stored (a wrong school code, an unknown item, …). Nothing was written."""


class NotFoundError(QualitySchoolError):
    """A record asked for by id or code does not exist."""


class StorageError(QualitySchoolError):
    """SQLite could not read or write the database; nothing of the change was stored.

    ``reason`` says why, so a view can decide what to offer: ``"busy"`` (another window or
    program held the write lock longer than the wait; trying again later may work), ``"full"``
    (the disk is full), ``"read_only"`` (the file, its folder or this workspace is read-only),
    ``"damaged"`` (the file is corrupt), ``"io"`` (the disk or USB stick failed or went away) or
    ``"key_replaced"`` (the window's workspace: this installation's key changed since the file was
    opened; the window opens it again under the new id) or ``"unchecked"`` (a worker's or reader's
    workspace: the window opened the same file and has not finished its checks yet,
    :mod:`~qualityschool_desktop.file_checks`).
    ``detail``: SQLite's own words (English) when the reason is none of those, for a log or a
    "details" button, never for the message itself.
    """

    def __init__(self, message: str, reason: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.detail = detail

    @property
    def retryable(self) -> bool:
        """True when the same change may succeed if tried again (the lock was busy, a disk hiccup)."""
        return self.reason in ("busy", "io")


class OwnershipError(StorageError):
    """A local edit of a school's record that this installation does not own (the school came by
    exchange and is bound to the school's keys, issue 10): nothing was stored; the school edits it
    on its own laptop. ``reason`` is ``"not_owner"``."""
