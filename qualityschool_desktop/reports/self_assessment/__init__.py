"""The school's self-assessment report: one assessment round of one school, as a printable PDF.

:func:`write_self_assessment_report` writes it and :func:`default_report_name` proposes its file
name: all that the window and the command line use. The package reads one way: :mod:`.data`
gathers what the report says (plain values), :mod:`.pdf` lays it out, and this module writes it
through :func:`~qualityschool_desktop.reports.document.write_report`. Importing it is cheap:
ReportLab, HarfBuzz and pythainlp are loaded when a PDF is built, so proposing a name costs nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...assessments import Assessment
from ...schools import School
from ...thai import DigitText
from ...workspace import Workspace
from ..document import Document, write_report
from ..output import safe_name
from .data import SelfAssessmentData, gather

__all__ = ["default_report_name", "write_self_assessment_report"]

FILE_PREFIX = "รายงานประเมินตนเอง"


def default_report_name(school: School, assessment: Assessment) -> str:
    """A file name for the report, e.g. "รายงานประเมินตนเอง-โรงเรียนบ้านตาก-2569-รอบ1.pdf".

    Safe on Windows: no reserved characters, no trailing dot or space, at most about 120
    characters (Thai names are long and paths on Windows are limited)."""
    name = safe_name(school.name, school.code)
    stem = f"{FILE_PREFIX}-{name}-{assessment.fiscal_year}-รอบ{assessment.round}"
    return f"{stem}.pdf"


def write_self_assessment_report(
    workspace: Workspace,
    assessment_id: str,
    target: Path,
    *,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Build the self-assessment report of the round ``assessment_id`` and write it to ``target``
    (a path ending in .pdf, in a folder that exists); returns ``target``.

    ``digits`` is "thai" (๐–๙ in numbers, dates, scores, item codes and page numbers) or "arabic".
    ``progress(done, total)`` is called as the report's parts are built (one per component, and a
    few more); when ``cancelled()`` returns true the build stops. The file is written under a
    temporary name in the same folder and renamed into place, so ``target`` is either the whole
    new report or untouched.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown round,
    :class:`~qualityschool_desktop.errors.ValidationError` for another digit style,
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the folder is missing or the file
    cannot be written, and :class:`~qualityschool_desktop.reports.ReportCancelled` when cancelled;
    all but the last are :class:`~qualityschool_desktop.errors.QualitySchoolError` with a Thai message.
    """
    return write_report(
        target, digits=digits, gather=lambda: gather(workspace, assessment_id), layout=_layout,
        progress=progress, cancelled=cancelled,
    )


def _layout(data: SelfAssessmentData, t: DigitText) -> Document:
    # Imported when a PDF is built, not with the package: it loads ReportLab.
    from .pdf import layout

    return layout(data, t)
