"""Writing a report file the same way for every report: the checks before any work, the
cancel checks, and the temporary file renamed into place. Cheap to import (no ReportLab)."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Callable

from ..errors import ValidationError, file_reason
from . import ReportCancelled, ReportWriteError

DIGIT_STYLES = ("thai", "arabic")

# Thai messages (errors the user reads).
NO_FOLDER = "ไม่พบโฟลเดอร์ {folder} กรุณาสร้างโฟลเดอร์ก่อน หรือเลือกที่บันทึกรายงานอื่น"
CANNOT_WRITE = (
    "บันทึกรายงานเป็นไฟล์ {path} ไม่ได้ ({reason}) ตรวจสอบว่าไม่ได้เปิดไฟล์นี้ค้างไว้ในโปรแกรมอื่น"
    " และมีสิทธิ์เขียนในโฟลเดอร์นั้น"
)
BAD_DIGITS = "รูปแบบตัวเลขต้องเป็น thai (เลขไทย) หรือ arabic (เลขอารบิก)"

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def safe_name(text: str, fallback: str, limit: int = 80) -> str:
    """``text`` usable in a file name on Windows: no reserved characters, no trailing dot or
    space, at most ``limit`` characters (Thai names are long and Windows paths are limited)."""
    name = _UNSAFE.sub("-", text)
    name = re.sub(r"\s+", " ", name).strip(" .-") or fallback
    return name[:limit].rstrip(" .-")


def checker(cancelled: Callable[[], bool] | None) -> Callable[[], None]:
    """``check()``: raises :class:`ReportCancelled` once ``cancelled()`` says so."""

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ReportCancelled()

    return check


def check_request(target: Path, digits: str) -> None:
    """Refuse before any work: :class:`~qualityschool_desktop.errors.ValidationError` for a digit
    style other than ``"thai"``/``"arabic"``, :class:`~.ReportWriteError` for a folder that is not
    there."""
    if digits not in DIGIT_STYLES:
        raise ValidationError(BAD_DIGITS)
    if not Path(target).parent.is_dir():
        raise ReportWriteError(NO_FOLDER.format(folder=Path(target).parent))


def write_atomically(target: Path, build: Callable[[Path], object], check: Callable[[], None]) -> Path:
    """Run ``build(partial)`` on a temporary file beside ``target``, then ``check()``, and rename
    it into place, so ``target`` is either the whole new file or untouched; returns ``target``.

    Raises :class:`~.ReportWriteError` (Thai, naming the file and the reason) when the file
    cannot be written or renamed (a full disk, no permission, ``target`` open in another program
    on Windows); whatever ``build`` or ``check`` raises (:class:`~.ReportCancelled` from ``check``)
    propagates. The temporary file is removed in every case."""
    target = Path(target)
    # Not mkstemp: its file is private to the user (0600) and the report would stay so.
    partial = target.parent / f".{target.stem[:40]}.{os.getpid()}-{threading.get_ident()}.part"
    try:
        build(partial)
        check()
        os.replace(partial, target)
    except OSError as error:
        raise ReportWriteError(CANNOT_WRITE.format(path=target, reason=file_reason(error))) from error
    finally:
        partial.unlink(missing_ok=True)
    return target
