"""The page's two outputs, through the window's one print flow (``ui/common/report_printer.py``:
save dialog with the digit style, a worker with its own read-only workspace, progress, cancel,
then the system's viewer): the summary PDF and its Word copy, the same documents as
``report summary --out/--docx``, with or without a part per area office (the checkbox of
:func:`by_office_box`, ``--by-area-office``). Both print what the database holds for the round."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QCheckBox, QWidget

from ui.common.digits import style as digit_style
from ui.common.ops import Op, Ops
from ui.common.report_printer import FOLDER_KEY, ReportPrinter, default_folder
from ui.common.save_dialog import ask_save_path

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

Choice = dict[str, Any]  # fiscal_year, round, by_area_office


def by_office_box() -> QCheckBox:
    """"แยกตามสำนักงานเขตพื้นที่": print one provincial report with a part per area office."""
    box = QCheckBox(text.BY_OFFICE)
    box.setToolTip(text.BY_OFFICE_TIP)
    return box


def pdf_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    # Imported on the worker: it brings in ReportLab and pythainlp.
    from qualityschool_desktop.reports.summary import write_summary_report

    return write_summary_report(workspace, target, **choice, digits=digits, progress=progress, cancelled=cancelled)


def word_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                 progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    from qualityschool_desktop.reports.summary.word import write_summary_docx

    return write_summary_docx(workspace, target, **choice, digits=digits)


def report_name(choice: Choice, extension: str) -> str:
    from qualityschool_desktop.reports.summary import default_summary_name

    return default_summary_name(choice["fiscal_year"], choice["round"], None, extension,
                                by_area_office=bool(choice.get("by_area_office")))


class PdfPrinter(ReportPrinter):
    """พิมพ์ PDF: the summary of the page's round."""

    save_title = text.PDF_TITLE

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        super().__init__(parent, builder=builder or pdf_builder, settings=settings, ops=ops)

    def print_round(self, workspace: Workspace, choice: Choice) -> Op | None:
        """Ask for a file name, then build on a worker. None when nothing started."""
        return self._print(workspace, dict(choice), lambda: report_name(choice, "pdf"))


WORD_FILTERS = {"thai": text.WORD_FILTER_THAI, "arabic": text.WORD_FILTER_ARABIC}


class WordPrinter(PdfPrinter):
    """บันทึกเป็น Word: the same document as an editable .docx."""

    save_title = text.WORD_TITLE

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        super().__init__(parent, builder=builder or word_builder, settings=settings, ops=ops)

    def print_round(self, workspace: Workspace, choice: Choice) -> Op | None:
        return self._print(workspace, dict(choice), lambda: report_name(choice, "docx"))

    def _ask_target(self, suggested: str) -> tuple[Path, str] | None:
        folder = Path(str(self._settings.value(FOLDER_KEY, "") or default_folder()))
        if not folder.is_dir():
            folder = default_folder()
        digits: str = digit_style()
        chosen = ask_save_path(self._window, self.save_title, folder / suggested,
                               {label: (".docx",) for label in WORD_FILTERS.values()}, WORD_FILTERS[digits])
        if chosen is None:
            return None
        target, chosen_filter = chosen
        digits = next((key for key, label in WORD_FILTERS.items() if label == chosen_filter), digits)
        self._settings.setValue(FOLDER_KEY, str(target.parent))
        self._settings.sync()
        return target, digits
