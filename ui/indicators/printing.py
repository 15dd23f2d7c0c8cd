"""พิมพ์ PDF: the office's indicators through the window's one print flow
(``ui/common/report_printer.py``), the same document as ``report indicators``; it prints what
the database holds."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QWidget

from ui.common.ops import Op, Ops
from ui.common.report_printer import ReportPrinter

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

Choice = dict[str, Any]  # area_office, years


def pdf_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    # Imported on the worker: it brings in ReportLab.
    from qualityschool_desktop.reports.indicators import write_indicators_report

    return write_indicators_report(workspace, choice["area_office"], target, years=choice["years"], digits=digits,
                                   progress=progress, cancelled=cancelled)


class IndicatorsPrinter(ReportPrinter):
    """พิมพ์ PDF: the indicators of the page's office."""

    save_title = text.PDF_TITLE

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        super().__init__(parent, builder=builder or pdf_builder, settings=settings, ops=ops)

    def print_office(self, workspace: Workspace, choice: Choice) -> Op | None:
        """Ask for a file name, then build on a worker. None when nothing started."""
        name = f"ตัวชี้วัด {choice['area_office']} {choice['years'][0]}-{choice['years'][1]}.pdf"
        return self._print(workspace, dict(choice), lambda: name)
