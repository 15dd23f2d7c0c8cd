"""Print a school's development plan (แผนพัฒนาคุณภาพการศึกษา) to PDF from the window: the flow
every printout shares (``ui/common/report_printer.py``) with the core's ``report plan`` builder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ui.common.report_printer import ReportPrinter

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from ui.common.ops import Op


def plan_builder(workspace: Workspace, plan_id: str, target: Path, *, digits: str = "thai",
                 progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    # Imported on the worker when a plan is printed: it brings in ReportLab and pythainlp.
    from qualityschool_desktop.reports.plan import write_plan_report

    return write_plan_report(workspace, plan_id, target, digits=digits, progress=progress, cancelled=cancelled)


def plan_file_name(workspace: Workspace, plan_id: str) -> str:
    """"แผนพัฒนา-<school>-2569-2570.pdf"."""
    plan = workspace.plans.get(plan_id)
    school = workspace.schools.get(plan.school_id)
    return f"แผนพัฒนา-{school.name}-{plan.span_text.replace('–', '-')}.pdf"


class PlanReportPrinter(ReportPrinter):
    """Prints development plans for one window; ``builder``/``settings`` replaceable in tests."""

    save_title = text.SAVE_TITLE

    def __init__(self, parent: Any, *, builder: Any = None, **options: Any) -> None:
        super().__init__(parent, builder=builder or plan_builder, **options)

    def print_plan(self, workspace: Workspace, plan_id: str) -> Op | None:
        """Ask for a file name, then build the plan on a worker. None when nothing started."""
        return self._print(workspace, plan_id, lambda: plan_file_name(workspace, plan_id))
