"""Printable reports, typeset with :mod:`qualityschool_desktop.typeset`.

Importing this package is cheap (no ReportLab, no pythainlp): the window can catch
:class:`ReportCancelled` and propose a file name without paying for the report stack. Each report
module loads the typesetting engine only when it builds a PDF.

Reports take ``progress(done, total)`` and ``cancelled()`` callables and know nothing of threads
or Qt; they write their file atomically (a temporary file renamed into place), so a cancelled or
failed build never leaves a half-written PDF where the user asked for one.
"""

from __future__ import annotations

from ..errors import QualitySchoolError


class ReportCancelled(Exception):
    """The caller's ``cancelled()`` returned true; no file was written."""

    def __init__(self, message: str = "ยกเลิกการสร้างรายงานแล้ว") -> None:
        super().__init__(message)


class ReportWriteError(QualitySchoolError):
    """The PDF could not be written where asked (no such folder, no permission, file in use)."""


__all__ = ["ReportCancelled", "ReportWriteError"]
