"""The progress report of an area office's projects (รายงานสรุปความก้าวหน้าของการดำเนินโครงการ,
issue 15, seed 004) as a printable PDF: :mod:`.pdf` lays it out, :mod:`.pie` draws the pie charts,
:mod:`.excel` writes the same figures as a workbook; the figures come from
:mod:`qualityschool_desktop.projects.progress`. Importing this module is cheap (ReportLab loads when built)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...projects.progress import ProgressReport, gather_progress
from ...workspace import Workspace
from ..document import write_report

__all__ = ["ProgressReport", "gather_progress", "write_progress_report"]


def write_progress_report(
    workspace: Workspace,
    fiscal_year: int,
    target: Path,
    *,
    period: str = "H1",
    office: str | None = None,
    school: str | None = None,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the progress report of ``office`` (None: the only office with projects), or of the
    school whose code is ``school``, for
    ``fiscal_year`` (BE) over ``period`` ("H1", "H2", "Q1".."Q4", "Y") to ``target`` (.pdf, in a
    folder that exists) and return it. Raises as :func:`gather_progress`,
    :class:`~qualityschool_desktop.errors.ValidationError` for another digit style,
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the file cannot be written and
    :class:`~qualityschool_desktop.reports.ReportCancelled` when cancelled."""

    def gather() -> ProgressReport:
        return gather_progress(workspace, fiscal_year, period, office, school)

    def layout(data: ProgressReport, t: object):  # type: ignore[no-untyped-def]
        from .pdf import progress_document

        return progress_document(data, t)  # type: ignore[arg-type]

    return write_report(Path(target), digits=digits, gather=gather, layout=layout, progress=progress,
                        cancelled=cancelled)
