"""An office's own copy of a bundled rules file (coverage, budget): kept in the per-user data
folder (:func:`~qualityschool_desktop.paths.user_data_dir`; it survives upgrades, unlike the
program folder), made on request from the bundled file and never overwritten."""

from __future__ import annotations

from pathlib import Path

from . import paths
from .errors import StorageError


def copy_path(name: str) -> Path:
    """Where the office's copy named ``name`` (e.g. "coverage-rules.json") lives. It may not
    exist. Raises ``OSError`` when the data folder cannot be created."""
    return paths.user_data_dir() / name


def in_force(name: str, bundled: Path) -> Path:
    """The file in force: the office's copy ``name`` when there is one, else ``bundled``."""
    try:
        office: Path | None = copy_path(name)
    except OSError:
        office = None
    return office if office is not None and office.is_file() else bundled


def make_copy(name: str, bundled: Path, what: str) -> Path:
    """Copy ``bundled`` to :func:`copy_path` for the office to edit, unless a file is already there
    (never overwritten); return its path. Raises :class:`StorageError` (Thai, naming ``what``, e.g.
    "กฎการนิเทศติดตาม") when it cannot be written."""
    target = None
    try:
        target = copy_path(name)
        if not target.exists():
            target.write_bytes(bundled.read_bytes())
    except OSError as error:  # the OS's words (English) go to ``detail``, not to the message
        raise StorageError(f"สร้างไฟล์{what}ของสำนักงานไม่ได้ ({target or 'โฟลเดอร์ข้อมูล'})"
                           " — โฟลเดอร์อาจเป็นแบบอ่านอย่างเดียวหรือดิสก์เต็ม", "io", str(error)) from None
    return target
