"""Print an assessment round's self-assessment report to PDF (``ui/common/report_printer.py``:
save dialog with the digit style, a worker with its own Workspace, progress and cancel, then the
system's PDF viewer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ui.common.report_printer import ReportPrinter

from . import strings as text

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from qualityschool_desktop.assessments import Assessment
    from qualityschool_desktop.schools import School
    from qualityschool_desktop.workspace import Workspace

    from ui.common.notices import Notify
    from ui.common.ops import Op, Ops

Namer = Callable[["School", "Assessment"], str]


def self_assessment_builder(workspace: Workspace, assessment_id: str, target: Path, *, digits: str = "thai",
                            progress: Callable[..., Any] | None = None,
                            cancelled: Callable[[], bool] | None = None) -> Path:
    # Imported when a report is built, on the worker: it brings in ReportLab and pythainlp.
    from qualityschool_desktop.reports.self_assessment import write_self_assessment_report

    return write_self_assessment_report(workspace, assessment_id, target, digits=digits, progress=progress,
                                        cancelled=cancelled)


def self_assessment_namer(school: School, assessment: Assessment) -> str:
    # Usually free: the warm-up worker imported the module already.
    from qualityschool_desktop.reports.self_assessment import default_report_name

    return default_report_name(school, assessment)


class SelfAssessmentPrinter(ReportPrinter):
    """Prints self-assessment reports for one window; ``builder``/``namer``/``settings`` replaceable in tests."""

    save_title = text.PRINT_SAVE_TITLE

    def __init__(self, parent: QWidget, *, builder: Any = None, namer: Namer | None = None,
                 settings: QSettings | None = None, ops: Ops | None = None,
                 notify: Notify | None = None) -> None:
        super().__init__(parent, builder=builder or self_assessment_builder, settings=settings, ops=ops, notify=notify)
        self._namer = namer or self_assessment_namer

    def print_report(self, workspace: Workspace, assessment_id: str) -> Op | None:
        """Ask for a file name, then build the report on a worker. None when nothing started."""

        def suggest() -> str:
            assessment = workspace.assessments.get(assessment_id)
            return self._namer(workspace.schools.get(assessment.school_id), assessment)

        return self._print(workspace, assessment_id, suggest)
