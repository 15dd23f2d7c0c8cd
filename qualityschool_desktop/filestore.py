"""The app's own copy of evidence files, named by their SHA-256 (self-assessments and visits).

A file is written to a temporary name, flushed to disk and renamed, so a crash leaves either no
file or a complete one; identical files are stored once.

A file's name is a label, never a path: names come from other laptops' files (``../../x.sh``,
``C:\\Windows\\…``). To open one, :meth:`FileStore.copy_to_open` copies the content to a
name the app makes, inside the app's own folder, keeping only a known, harmless extension.
"""

from __future__ import annotations

import codecs
import hashlib
import mimetypes
import os
import re
import secrets
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import BinaryIO

from . import paths
from .errors import ValidationError, file_reason
from .text import clean_text
from .value_rules import MAX_FILE_BYTES

_CHUNK = 1024 * 1024


OPEN_FOLDER = "open"
OPEN_KEEP_SECONDS = 24 * 3600  # copies made for viewing are removed a day later
# Extensions a copy may keep: documents, pictures, sound and video a viewer opens. Anything else
# (a script, a program, a shortcut) gets ".txt" or ".bin" after it, which no system runs.
SAFE_SUFFIXES = frozenset({
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic", ".doc", ".docx",
    ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".txt", ".csv", ".rtf", ".mp3", ".m4a",
    ".wav", ".mp4", ".mov",
})
DAMAGED = "ไฟล์แนบ \"{name}\" ในที่เก็บไฟล์เสียหาย (เนื้อหาไม่ตรงกับรหัส) จึงเปิดไม่ได้"
MISSING = "ไม่พบเนื้อหาของไฟล์แนบ \"{name}\" ในที่เก็บไฟล์"


def media_type_of(name: str) -> str:
    """The media type guessed from a file name's extension (``"image/jpeg"``), or
    ``"application/octet-stream"`` when unknown."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def file_label(source: Path) -> str:
    """What an attachment's record calls the file ``source``: its name as one line of text
    (:func:`~qualityschool_desktop.text.clean_text`), the label a person reads, never a path."""
    return clean_text(source.name, multiline=False).strip()


OPEN_NAME_CHARS = 60  # of the label in a copy's name (Thai is 3 bytes a character; 255 bytes a name)
OPEN_NAME_FALLBACK = "ไฟล์แนบ"
_NOT_IN_NAMES = re.compile(r'[<>:"|?*]')  # Windows refuses them in a file name
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|CLOCK\$|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)


def open_name(label: str, unique: str, *, text: bool) -> str:
    """The name of a copy to open of a file labelled ``label`` (test33 T12: a hex name told the
    user nothing): the label's last part, without control or invisible formatting characters
    (a right-to-left mark can show "exe" as "pdf"), characters Windows refuses, leading or
    trailing dots and spaces, or a device name Windows reserves (``CON.pdf`` → ``_CON``), cut to
    :data:`OPEN_NAME_CHARS` characters, then `` (unique)`` and a suffix that opens no program: the
    label's own when known (:data:`SAFE_SUFFIXES`), else ``.txt`` for ``text`` content, ``.bin``
    for any other. ``หลักฐาน ลานกีฬา.sh`` → ``หลักฐาน ลานกีฬา.sh (ab12cd).txt``."""
    base = re.split(r"[\\/]", label)[-1]
    base = "".join(c for c in base if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    suffix = os.path.splitext(base)[1].lower()
    if suffix in SAFE_SUFFIXES:
        base = base[: -len(suffix)]
    else:
        suffix = ".txt" if text else ".bin"
    stem = _NOT_IN_NAMES.sub("_", base).strip(" .")[:OPEN_NAME_CHARS].strip(" .") or OPEN_NAME_FALLBACK
    if _RESERVED.fullmatch(stem.split(".")[0].rstrip(" ")):
        stem = "_" + stem
    return f"{stem} ({unique}){suffix}"


def looks_like_text(head: bytes) -> bool:
    """Does a file that starts with ``head`` read as UTF-8 text (no NUL, no broken sequence
    before the cut)? Such a file opens as ``.txt`` (a script shown, never run)."""
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


class FileStore:
    """Files under ``root/<first two hex digits>/<sha256>``; ``root`` None for in-memory databases.

    ``max_bytes`` is the largest file :meth:`put` takes: :data:`~.validation.MAX_FILE_BYTES`, the
    limit an import holds attachment records to (a test may lower it)."""

    def __init__(self, root: Path | None, *, max_bytes: int = MAX_FILE_BYTES) -> None:
        self._root = root
        self.max_bytes = max_bytes

    @property
    def root(self) -> Path:
        """The store's folder (it may not exist before the first file). Raises
        :class:`ValidationError` for an in-memory database's store, which has none."""
        if self._root is None:
            raise ValidationError("ฐานข้อมูลชั่วคราวในหน่วยความจำเก็บไฟล์แนบไม่ได้")
        return self._root

    def path_of(self, sha256: str) -> Path:
        """Where the content with ``sha256`` (64 hex digits) is, or would be, stored:
        ``root/<first two digits>/<sha256>``. Raises :class:`ValidationError` as :attr:`root` does."""
        return self.root / sha256[:2] / sha256

    def copy_to_open(self, sha256: str, label: str) -> Path:
        """Copy the content ``sha256`` to a new file in ``paths.user_data_dir()/open/`` named after
        ``label`` made safe, with a part that makes it unique and a suffix that opens no program
        (:func:`open_name`), and return its path, for the system's viewer. Checks the content
        against its hash on the way; copies older than a day are removed first. Raises
        :class:`ValidationError` for content missing from the store, damaged, or a folder that
        cannot be written."""
        folder = paths.user_data_dir() / OPEN_FOLDER
        shown = label[:60]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _remove_old(folder)
            source = self.path_of(sha256)
            if not source.is_file():
                raise ValidationError(MISSING.format(name=shown))
            hasher = hashlib.sha256()
            with source.open("rb") as src:
                chunk = src.read(_CHUNK)
                target, out = _new_file(folder, label, text=looks_like_text(chunk[:8192]))
                with out:
                    while chunk:
                        hasher.update(chunk)
                        out.write(chunk)
                        chunk = src.read(_CHUNK)
        except OSError as exc:
            raise ValidationError(f"เปิดไฟล์แนบ \"{shown}\" ไม่ได้: {file_reason(exc)}") from None
        if hasher.hexdigest() != sha256:
            target.unlink(missing_ok=True)
            raise ValidationError(DAMAGED.format(name=shown))
        return target

    def check(self, source: Path) -> None:
        """Refuse a missing or too large file before anything is written: raises
        :class:`ValidationError` when ``source`` is not a file or is larger than :attr:`max_bytes`
        (:data:`~.validation.MAX_FILE_BYTES`, 25 MB, unless a test lowered it)."""
        if not source.is_file():
            raise ValidationError(f"ไม่พบไฟล์ {source.name}")
        size = source.stat().st_size
        if size > self.max_bytes:
            raise ValidationError(
                f"ไฟล์ {source.name} มีขนาด {size / 1048576:.1f} MB เกินขนาดที่แนบได้ "
                f"({self.max_bytes // 1048576} MB)"
            )

    def put(self, source: Path) -> tuple[str, int]:
        """Copy ``source`` in (once per content) and return its SHA-256 (64 hex digits) and size in
        bytes. Raises :class:`ValidationError` for a missing file, one over ``max_bytes`` (also one
        that grew while copied), a copy that failed (a full disk, no permission) or an in-memory
        store; nothing is left behind."""
        self.check(source)
        root = self.root
        root.mkdir(parents=True, exist_ok=True)
        hasher = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=root)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:  # it grew while we copied
                        raise ValidationError(f"ไฟล์ {source.name} ใหญ่เกินขนาดที่แนบได้")
                    hasher.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            digest = hasher.hexdigest()
            final = self.path_of(digest)
            final.parent.mkdir(exist_ok=True)
            if final.exists() and final.stat().st_size == size:
                os.unlink(tmp_name)
            else:
                os.replace(tmp_name, final)
            return digest, size
        except OSError as exc:
            Path(tmp_name).unlink(missing_ok=True)
            raise ValidationError(f"คัดลอกไฟล์ {source.name} ไม่ได้: {file_reason(exc)}") from None
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise


def _remove_old(folder: Path) -> None:
    """Best effort: copies made for viewing more than a day ago (a viewer may hold one open)."""
    limit = time.time() - OPEN_KEEP_SECONDS
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue


def _new_file(folder: Path, label: str, *, text: bool) -> tuple[Path, BinaryIO]:
    """A file made new in ``folder`` (never an existing one) named by :func:`open_name`."""
    for _attempt in range(20):
        target = folder / open_name(label, secrets.token_hex(3), text=text)
        try:
            return target, target.open("xb")
        except FileExistsError:
            continue
    raise FileExistsError(str(folder))
