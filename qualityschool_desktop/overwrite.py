"""What a file the program writes may replace (issue 12, try12c finding 1).

A command's ``--out`` (or a save dialog's choice) naming an existing file replaces it. That is
wanted for an older copy of the same thing (a PDF over a PDF) and a disaster for anything else:
``schools --json --out real.sqlite3`` replaced a user's real database with a listing. So before
writing, :func:`refuse_replacing` looks at what is there, by its content (not its name), and
refuses an SQLite database always and any other file not of the output's kind.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterable

from .errors import ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
PDF_HEADER = b"%PDF"
ZIP_HEADER = b"PK\x03\x04"
HEAD_BYTES = 64 * 1024

# The kinds of file the program writes, as the user reads them in a message.
PDF, DOCX, XLSX, QSX, TEXT = "pdf", "docx", "xlsx", "qsx", "text"
KIND_NAMES = {
    PDF: " PDF",  # a Latin word after Thai: a space before it ("ไฟล์ PDF", try14e)
    DOCX: " Word (.docx)",
    XLSX: " Excel (.xlsx)",
    QSX: "แลกเปลี่ยนข้อมูล (.qsx)",
    TEXT: "ข้อความ (รายชื่อ JSON หรือ CSV)",
}
# A zip of each kind holds this member (Office Open XML's main part; the exchange file's manifest).
_ZIP_MEMBERS = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml", QSX: "manifest.json"}

REFUSE_DATABASE = (
    "ไม่เขียนทับไฟล์ {path} เพราะไฟล์นี้เป็นฐานข้อมูล (SQLite) การเขียนทับจะทำให้ข้อมูลในนั้นหายทั้งหมด "
    "โปรดเลือกชื่อไฟล์อื่น"
)
REFUSE_OTHER_KIND = (
    "ไม่เขียนทับไฟล์ {path} เพราะมีไฟล์ชื่อนี้อยู่แล้วและไม่ใช่ไฟล์{kind} การเขียนทับจะทำให้ไฟล์เดิมหาย "
    "โปรดเลือกชื่อไฟล์อื่น"
)
REFUSE_FOLDER = "ไม่เขียนทับ {path} เพราะเป็นโฟลเดอร์ ไม่ใช่ไฟล์ โปรดเลือกชื่อไฟล์อื่น"


def kind_of_suffix(path: Path) -> str | None:
    """The output kind a file name's suffix means (``.pdf`` → ``"pdf"``, ``.json``/``.csv``/``.txt``
    → ``"text"``, ``.docx``, ``.xlsx``, ``.qsx``), or ``None`` for any other suffix."""
    suffix = Path(path).suffix.lower()
    if suffix in (".json", ".csv", ".txt"):
        return TEXT
    return {".pdf": PDF, ".docx": DOCX, ".xlsx": XLSX, ".qsx": QSX}.get(suffix)


def _zip_holds(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return member in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _is_of_kind(path: Path, head: bytes, kind: str) -> bool:
    if kind == PDF:
        return head.startswith(PDF_HEADER)
    if kind == TEXT:  # the program's listings, JSON and CSV; a file in a legacy code page is text too
        return b"\x00" not in head and not head.startswith((PDF_HEADER, ZIP_HEADER))
    return head.startswith(ZIP_HEADER) and _zip_holds(path, _ZIP_MEMBERS[kind])


def refuse_replacing(path: Path, kind: str) -> None:
    """Refuse to write a file of ``kind`` (one of :data:`KIND_NAMES`) at ``path`` when a file there
    would be lost: raises :class:`~qualityschool_desktop.errors.ValidationError` with
    :data:`REFUSE_DATABASE` when it is an SQLite database (its first 16 bytes are
    ``SQLite format 3\\0``, whatever its name), :data:`REFUSE_FOLDER` when it is a folder, and
    :data:`REFUSE_OTHER_KIND` when it is a non-empty file not of ``kind`` (by content: ``%PDF``
    for a PDF; a zip holding ``word/document.xml``, ``xl/workbook.xml`` or ``manifest.json`` for
    Word, Excel and exchange files; no NUL byte in the first 64 KiB for text). Returns quietly
    when nothing is there, the file is empty, or it cannot be read (the write then reports why).
    Reads at most the head of the file and the zip's directory; writes nothing."""
    if kind not in KIND_NAMES:
        raise ValueError(f"unknown output kind {kind!r}")
    path = Path(path)
    if path.is_dir():
        raise ValidationError(REFUSE_FOLDER.format(path=path))
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:  # not there (the usual case), or unreadable: nothing of it is read or lost here
        return
    if head.startswith(SQLITE_HEADER):
        raise ValidationError(REFUSE_DATABASE.format(path=path))
    if head and not _is_of_kind(path, head, kind):
        raise ValidationError(REFUSE_OTHER_KIND.format(path=path, kind=KIND_NAMES[kind]))


def refuse_replacing_any(outputs: Iterable[tuple[Path, str]]) -> None:
    """:func:`refuse_replacing` for each ``(path, kind)`` in turn, before any is written, so a
    command writing several files writes none when one of them would be refused."""
    for path, kind in outputs:
        refuse_replacing(path, kind)
