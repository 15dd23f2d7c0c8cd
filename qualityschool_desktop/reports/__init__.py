"""Printable reports, typeset with :mod:`qualityschool_desktop.typeset`.

One package per report, each importing one way: ``data`` (what the workspace says, plain values
through the core's public API) → ``pdf`` (the layout) → the package's ``__init__`` (the one write
function and the file name it proposes):

- :mod:`.self_assessment` — a school's self-assessment round;
- :mod:`.visit` — a supervision visit record, with the two views compared (``visit.compare``);
- :mod:`.summary` — the inspection-round summary of a district or province, with its charts and
  its tables for Excel (``summary.tables``, ``summary.export``).

Shared by all three: :mod:`.document` (the one way a report is written: check, gather, lay out
part by part with progress and cancel, write atomically), :mod:`.output` (the checks and the
atomic write), :mod:`.blocks` and :mod:`.chart` (the pieces that make them look like one office's
papers).

Importing this package or a report package is cheap (no ReportLab, no pythainlp): the window can
catch :class:`ReportCancelled` and propose a file name without paying for the report stack; the
typesetting engine is loaded only when a PDF is built.

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
