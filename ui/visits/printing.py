"""Print a supervision visit record (บันทึกการนิเทศ ติดตาม) to PDF, or save its Word copy, from the window.

The flow every printout shares (``ui/common/report_printer.py``: save dialog with the digit style,
a worker with its own Workspace, progress and cancel, then the system's PDF viewer); only the
builder, the suggested file name and the dialog's title are the visit's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ui.common.report_printer import ReportPrinter


if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from qualityschool_desktop.schools import School
    from qualityschool_desktop.visit_records import Visit
    from qualityschool_desktop.workspace import Workspace

    from ui.common.notices import Notify
    from ui.common.ops import Op, Ops

# -- Thai strings ----------------------------------------------------------------------------
SAVE_TITLE = "บันทึกการนิเทศ ติดตาม (PDF หรือ Word)"
# Beside "รายงาน PDF ใช้เลขไทย (*.pdf)" in the same dialog: the record a supervisor edits before signing.
WORD_FILTERS = {"thai": "เอกสาร Word ใช้เลขไทย (*.docx)", "arabic": "เอกสาร Word ใช้เลขอารบิก (*.docx)"}


def visit_builder(workspace: Workspace, visit_id: str, target: Path, *, digits: str = "thai",
                  progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    """The record as a PDF, or its Word copy for a .docx ``target``."""
    if Path(target).suffix.lower() == ".docx":
        from qualityschool_desktop.reports.visit.word import write_visit_docx

        return write_visit_docx(workspace, visit_id, target, digits=digits, progress=progress, cancelled=cancelled)
    # Imported on the worker when a record is printed: it brings in ReportLab and pythainlp.
    from qualityschool_desktop.reports.visit import write_visit_report

    return write_visit_report(workspace, visit_id, target, digits=digits, progress=progress, cancelled=cancelled)


def visit_namer(school: School, visit: Visit) -> str:
    from qualityschool_desktop.reports.visit import default_visit_report_name

    return default_visit_report_name(school, visit)


class VisitReportPrinter(ReportPrinter):
    """Prints visit records for one window; ``builder``/``namer``/``settings`` replaceable in tests."""

    save_title = SAVE_TITLE
    word_filters = WORD_FILTERS

    def __init__(self, parent: QWidget, *, builder: Any = None, namer: Callable[[School, Visit], str] | None = None,
                 settings: QSettings | None = None, ops: Ops | None = None,
                 notify: Notify | None = None) -> None:
        super().__init__(parent, builder=builder or visit_builder, settings=settings, ops=ops, notify=notify)
        self._namer = namer or visit_namer

    def print_visit(self, workspace: Workspace, visit_id: str) -> Op | None:
        """Ask for a file name, then build the record on a worker. None when nothing started."""

        def suggest() -> str:
            visit = workspace.visits.get(visit_id)
            return self._namer(workspace.schools.get(visit.school_id), visit)

        return self._print(workspace, visit_id, suggest)
