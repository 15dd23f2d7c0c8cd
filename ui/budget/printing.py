"""The office page's two outputs through the window's one print flow (``ui/common/report_printer.py``:
save dialog, a worker with its own read-only workspace, progress with cancel, then the viewer):
the requests of a year as PDF and as an Excel workbook, the same files as ``report budget
--out/--xlsx``; and the school page's คำของบประมาณ tab's print: the same PDF of that one school."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QWidget

from ui.common.ops import Op, Ops
from ui.common.report_printer import ReportPrinter

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

Choice = dict[str, Any]  # fiscal_year, area_office; or school_id (and school_name) for one school's


def pdf_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    from qualityschool_desktop.reports.budget import write_budget_report  # on the worker: ReportLab

    return write_budget_report(workspace, choice["fiscal_year"], target, area_office=choice.get("area_office"),
                               school_id=choice.get("school_id"), digits=digits, progress=progress,
                               cancelled=cancelled)


def xlsx_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                 progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    from qualityschool_desktop.reports.budget import write_budget_xlsx

    return write_budget_xlsx(workspace, choice["fiscal_year"], target, area_office=choice["area_office"])


def report_name(choice: Choice, extension: str) -> str:
    """"คำขอรับการสนับสนุนงบประมาณ-2570.pdf"; one school's: "…-2570-โรงเรียนบ้านตาก.pdf"."""
    from qualityschool_desktop.reports.budget import default_budget_report_name

    name = Path(default_budget_report_name(choice["fiscal_year"])).stem
    if choice.get("school_name"):
        name += f"-{choice['school_name']}"
    return f"{name}.{extension}"


class BudgetPdfPrinter(ReportPrinter):
    """พิมพ์ PDF: the requests of the page's year (and area office)."""

    save_title = text.PDF_TITLE

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        super().__init__(parent, builder=builder or pdf_builder, settings=settings, ops=ops)

    def print_choice(self, workspace: Workspace, choice: Choice) -> Op | None:
        """Ask for a file name, then build on a worker. None when nothing started."""
        return self._print(workspace, dict(choice), lambda: report_name(choice, "pdf"))


class BudgetXlsxPrinter(BudgetPdfPrinter):
    """บันทึกเป็น Excel: one row per item and a sheet of totals."""

    save_title = text.XLSX_TITLE
    workbook_filter = text.XLSX_FILTER

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        super().__init__(parent, builder=builder or xlsx_builder, settings=settings, ops=ops)

    def print_choice(self, workspace: Workspace, choice: Choice) -> Op | None:
        return self._print(workspace, dict(choice), lambda: report_name(choice, "xlsx"))
