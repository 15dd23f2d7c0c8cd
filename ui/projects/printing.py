"""พิมพ์ PDF: an office's or a school's progress report through the window's one print flow
(``ui/common/report_printer.py``), the same document as ``report progress``; บันทึกเป็น Excel: the
same workbook as ``report progress --xlsx`` (TEST34 T11)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QWidget

from ui.common.ops import Op, Ops
from ui.common.report_printer import ReportPrinter

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

Choice = dict[str, Any]  # office or school (its code), year, period


def pdf_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    # Imported on the worker: it brings in ReportLab.
    from qualityschool_desktop.reports.progress import write_progress_report

    return write_progress_report(workspace, choice["year"], target, period=choice["period"], office=choice.get("office"),
                                 school=choice.get("school"),
                                 digits=digits, progress=progress, cancelled=cancelled)


def xlsx_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                 progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    """``report progress --xlsx``: the same figures as the PDF, numbers as numbers."""
    from qualityschool_desktop.projects.progress import gather_progress
    from qualityschool_desktop.reports.progress.excel import write_progress_xlsx

    report = gather_progress(workspace, choice["year"], choice["period"], choice.get("office"), choice.get("school"))
    return write_progress_xlsx(report, target)


def file_name(choice: Choice) -> str:
    """The file name proposed: "ความก้าวหน้าโครงการ สพป.ตาก เขต 2 2570 รอบ 6 เดือน.pdf", the period
    in the page's Thai words (not the code "H1": TEST32b B10), digits as the year's."""
    owner = choice.get("office") or choice.get("school_name") or choice.get("school")
    period = text.FILE_PERIODS.get(choice["period"], choice["period"])
    return text.FILE_NAME.format(owner=owner, year=choice["year"], period=period)


class ProgressPrinter(ReportPrinter):
    """พิมพ์ PDF: the progress report of the page's office or school, year and period."""

    save_title = text.PDF_TITLE

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        super().__init__(parent, builder=builder or pdf_builder, settings=settings, ops=ops)

    def print_progress(self, workspace: Workspace, choice: Choice) -> Op | None:
        """Ask for a file name, then build on a worker. None when nothing started."""
        name = file_name(choice)
        return self._print(workspace, dict(choice), lambda: name)


class ProgressXlsxPrinter(ProgressPrinter):
    """บันทึกเป็น Excel: the progress report's tables as a workbook, as ``report progress --xlsx``."""

    save_title = text.XLSX_TITLE
    workbook_filter = text.XLSX_FILTER

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        super().__init__(parent, builder=builder or xlsx_builder, settings=settings, ops=ops)

    def print_progress(self, workspace: Workspace, choice: Choice) -> Op | None:
        name = str(Path(file_name(choice)).with_suffix(".xlsx"))
        return self._print(workspace, dict(choice), lambda: name)
