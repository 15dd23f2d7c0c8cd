"""The supervision visit record (บันทึกการนิเทศ ติดตาม) as a printable PDF.

:func:`write_visit_report` writes it and :func:`default_visit_report_name` proposes its file name:
all that the window and the command line use. The package reads one way: :mod:`.data` gathers
what the record says (plain values), :mod:`.compare` lays out the two views side by side,
:mod:`.pdf` the whole record, and this module writes it through
:func:`~qualityschool_desktop.reports.document.write_report`. Importing it is cheap: ReportLab,
HarfBuzz and pythainlp are loaded when a PDF is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...schools import School
from ...thai import DigitText
from ...thai_dates import file_date
from ...visit_records import Visit
from ...workspace import Workspace
from ..document import Document, write_report
from ..output import safe_name
from .data import VisitData, gather

__all__ = ["default_visit_report_name", "write_visit_report"]

FILE_PREFIX = "บันทึกการนิเทศ"


def default_visit_report_name(school: School, visit: Visit) -> str:
    """A file name for the record, e.g. "บันทึกการนิเทศ-โรงเรียนบ้านตาก-2569-11-12.pdf" (the date
    with its BE year first, :func:`~..thai_dates.file_date`: visits sort in order in a folder).
    Safe on Windows, at most about 120 characters."""
    return f"{FILE_PREFIX}-{safe_name(school.name, school.code)}-{file_date(visit.visited_date)}.pdf"


def write_visit_report(
    workspace: Workspace,
    visit_id: str,
    target: Path,
    *,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Build the record of the visit ``visit_id`` and write it to ``target`` (a path ending in
    .pdf, in a folder that exists); returns ``target``.

    ``digits`` is "thai" (๐–๙ in dates, times, levels, codes and page numbers) or "arabic".
    ``progress(done, total)`` is called as the record's parts are built (one per component, and a
    few more); when ``cancelled()`` returns true the build stops. The file is written under a
    temporary name in the same folder and renamed into place, so ``target`` is either the whole
    new record or untouched.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown visit,
    :class:`~qualityschool_desktop.errors.ValidationError` for another digit style,
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the folder is missing or the file
    cannot be written, and :class:`~qualityschool_desktop.reports.ReportCancelled` when cancelled;
    all but the last are :class:`~qualityschool_desktop.errors.QualitySchoolError` with a Thai message.
    """
    return write_report(
        target, digits=digits, gather=lambda: gather(workspace, visit_id), layout=_layout,
        progress=progress, cancelled=cancelled,
    )


def _layout(data: VisitData, t: DigitText) -> Document:
    # Imported when a PDF is built, not with the package: it loads ReportLab.
    from .pdf import layout

    return layout(data, t)
