"""The school's development plan (แผนพัฒนาคุณภาพการศึกษา, issue 14) as a printable PDF:
goals per component, indicators with a target per year (seed 003's table form), activities with
the budget total in figures and in Thai words (pythainlp's ``bahttext``), and progress against
the plan. :mod:`.pdf` lays it out; importing this module is cheap (ReportLab loads when built).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...plans.progress import PlanProgress, plan_progress
from ...workspace import Workspace
from ..document import write_report

__all__ = ["write_plan_report"]


def write_plan_report(
    workspace: Workspace,
    plan_id: str,
    target: Path,
    *,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the plan ``plan_id`` to ``target`` (.pdf, in a folder that exists) and return it;
    ``digits`` "thai" or "arabic". Raises :class:`~qualityschool_desktop.errors.NotFoundError`
    for an unknown plan, :class:`~qualityschool_desktop.errors.ValidationError` for another digit
    style, :class:`~qualityschool_desktop.reports.ReportWriteError` when the file cannot be
    written and :class:`~qualityschool_desktop.reports.ReportCancelled` when cancelled."""
    school = workspace.schools.get(workspace.plans.get(plan_id).school_id)

    def gather() -> tuple[object, PlanProgress]:
        return school, plan_progress(workspace, plan_id)

    def layout(data: tuple[object, PlanProgress], t: object):  # type: ignore[no-untyped-def]
        from .pdf import plan_document

        return plan_document(school, data[1], t)  # type: ignore[arg-type]

    return write_report(Path(target), digits=digits, gather=gather, layout=layout, progress=progress,
                        cancelled=cancelled)
