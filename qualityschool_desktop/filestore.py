"""The app's own copy of evidence files, named by their SHA-256 (self-assessments and visits).

A file is written to a temporary name, flushed to disk and renamed, so a crash leaves either no
file or a complete one; identical files are stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from pathlib import Path

from .errors import ValidationError, file_reason

MAX_FILE_BYTES = 25 * 1024 * 1024
_CHUNK = 1024 * 1024


def media_type_of(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


class FileStore:
    """Files under ``root/<first two hex digits>/<sha256>``; ``root`` None for in-memory databases."""

    def __init__(self, root: Path | None, *, max_bytes: int = MAX_FILE_BYTES) -> None:
        self._root = root
        self.max_bytes = max_bytes

    @property
    def root(self) -> Path:
        if self._root is None:
            raise ValidationError("ฐานข้อมูลชั่วคราวในหน่วยความจำเก็บไฟล์แนบไม่ได้")
        return self._root

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def check(self, source: Path) -> None:
        """Refuse a missing or too large file before anything is written."""
        if not source.is_file():
            raise ValidationError(f"ไม่พบไฟล์ {source.name}")
        size = source.stat().st_size
        if size > self.max_bytes:
            raise ValidationError(
                f"ไฟล์ {source.name} มีขนาด {size / 1048576:.1f} MB เกินขนาดที่แนบได้ "
                f"({self.max_bytes // 1048576} MB)"
            )

    def put(self, source: Path) -> tuple[str, int]:
        """Copy ``source`` in; return its SHA-256 and size."""
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
