"""Where a command's listing goes when ``--out FILE`` is given (``schools``, ``signers``).

The file is written in UTF-8 with ``\\n`` line ends whatever the console's code page (issue 12:
Windows encodes a redirected stdout in the ANSI code page, cp874 on Thai Windows).
"""

from __future__ import annotations

from pathlib import Path

from .errors import QualitySchoolError

OUT_NOT_WRITTEN = "เขียนไฟล์ {path} ไม่ได้: {reason} (ตรวจว่าโฟลเดอร์มีอยู่และเขียนได้)"


def write_utf8(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in UTF-8 (``\\n`` line ends), replacing the file.

    Raises :class:`~qualityschool_desktop.errors.QualitySchoolError` with :data:`OUT_NOT_WRITTEN`
    (Thai, naming the file and the system's reason) when it cannot be written: a missing folder,
    no permission, a read-only medium. No folder is created."""
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise QualitySchoolError(OUT_NOT_WRITTEN.format(path=path, reason=exc.strerror or exc)) from None
