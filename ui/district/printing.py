"""The dashboard's two outputs: the inspection-round summary as a PDF and its tables for Excel.

The PDF goes through the same flow as the other reports (``ui/common/report_printer.py``: save dialog
with the digit style, a worker with its own Workspace, progress and cancel, then the system's
PDF viewer); only the builder, the suggested name and the dialog's title differ. The tables are
written by :mod:`qualityschool_desktop.reports.tables_export` on a worker through :mod:`ui.common.ops`
(on a read-only workspace of its own), as one XLSX workbook or, if the user picks CSV, one CSV file per table beside the chosen name.
Both take the page's current choice (year, round, area office, province, level).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import follow, shown, shown_text
from ui.common.notices import Notice
from ui.common.ops import Op, Ops, add_detail, error_message, file_reason
from ui.common.save_dialog import ask_save_path
from ui.common.report_printer import FAILED_WRITE, FOLDER_KEY, NEEDS_FILE, ReportPrinter, default_folder


if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

# -- Thai strings ----------------------------------------------------------------------------
PRINT_BUTTON = "พิมพ์สรุปผลการตรวจราชการ (PDF)"
PRINT_TIP = "สร้างรายงานสรุปผลการตรวจราชการ (ข้อ ๖.๑–๖.๖) ของปีงบประมาณ รอบ และตัวกรองที่เลือกไว้ แล้วเปิดดู"
EXPORT_BUTTON = "ส่งออกตาราง (Excel)"
EXPORT_TIP = "บันทึกตารางสรุป (ความพร้อมรายด้าน กลุ่มสี ผลรายโรงเรียน ฯลฯ) เป็นไฟล์ Excel หรือ CSV"
SAVE_TITLE = "บันทึกสรุปผลการตรวจราชการ (PDF)"
EXPORT_TITLE = "บันทึกตารางสรุปผล"
XLSX_FILTER = "ไฟล์ Excel (*.xlsx)"
CSV_FILTER = "ไฟล์ CSV แยกตารางละไฟล์ (*.csv)"
EXPORTING = "กำลังส่งออกตาราง…"
EXPORTED_XLSX = "บันทึกตารางสรุปผลเป็นไฟล์ Excel ที่ {path} แล้ว"
EXPORTED_CSV = "บันทึกตารางสรุปผลเป็นไฟล์ CSV {count} ไฟล์ ในโฟลเดอร์ {folder} แล้ว"
EXPORT_FAILED_TITLE = "ส่งออกตารางไม่ได้"
# Printing before the office has a name (TEST31 T2: the report printed "หน่วยงาน ……").
OFFICE_NAME_TITLE = "ชื่อหน่วยงานที่รายงาน"
OFFICE_NAME_ASK = ("ยังไม่ได้ระบุชื่อหน่วยงานที่จะขึ้นหัวรายงาน (บรรทัด “หน่วยงาน”)\n"
                   "พิมพ์ชื่อหน่วยงาน เช่น สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต ๑\n"
                   "ชื่อนี้จะบันทึกไว้สำหรับรายงานรอบนี้ (แก้ได้ในหน้าเขียนรายงาน)\n"
                   "หรือเว้นว่างไว้ แล้วเขียนชื่อด้วยมือบนกระดาษ")
OFFICE_NAME_PRINT = "พิมพ์รายงาน"
OFFICE_NAME_CANCEL = "ยกเลิก"
OFFICE_NAME_FAILED = "บันทึกชื่อหน่วยงานไม่ได้"

Choice = dict[str, Any]  # fiscal_year, round, area_office, province, level (DistrictPage.choice())


def summary_builder(workspace: Workspace, choice: Choice, target: Path, *, digits: str = "thai",
                    progress: Callable[..., Any] | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    # Imported on the worker when the summary is printed: it brings in ReportLab and pythainlp.
    from qualityschool_desktop.reports.summary import write_summary_report

    return write_summary_report(workspace, target, **choice, digits=digits, progress=progress, cancelled=cancelled)


def summary_name(choice: Choice, extension: str = "pdf") -> str:
    from qualityschool_desktop.reports.summary import default_summary_name

    return default_summary_name(choice["fiscal_year"], choice["round"], choice["area_office"], extension)


def csv_files(target: Path) -> list[Path]:
    """The files a CSV export named ``target`` writes: one per table, beside it (as
    :func:`export_tables`), so the save dialog asks about those and not the name typed."""
    from qualityschool_desktop.reports.summary.strings import TABLE_TITLES

    return [target.with_name(f"{target.stem}-{key}.csv") for key in TABLE_TITLES]


def export_tables(workspace: Workspace, choice: Choice, target: Path, as_csv: bool) -> list[Path]:
    """On a worker (its own workspace): the summary's tables for ``choice``, written with
    tables_export's writers."""
    from qualityschool_desktop.reports.summary import summary_data, summary_tables
    from qualityschool_desktop.reports.summary.export import write_csv, write_xlsx

    # Arabic digits: Excel sums and charts numbers, and Thai digits in text cells would not be numbers.
    tables = summary_tables(summary_data(workspace, **choice, digits="arabic"))
    if as_csv:
        return write_csv(tables, target.parent, prefix=f"{target.stem}-")
    return [write_xlsx(tables, target)]


class SummaryPrinter(ReportPrinter):
    """Prints the summary for one page; ``builder``/``settings`` replaceable in tests."""

    save_title = SAVE_TITLE

    def __init__(self, parent: QWidget, *, builder: Any = None, settings: Any = None, ops: Ops | None = None) -> None:
        # The shared flow passes what it prints through to the builder untouched: here it is the choice.
        super().__init__(parent, builder=builder or summary_builder, settings=settings, ops=ops)

    def print_summary(self, workspace: Workspace, choice: Choice) -> Op | None:
        """Ask for a file name, then build the summary on a worker. None when nothing started."""
        return self._print(workspace, dict(choice), lambda: summary_name(choice))


class DistrictReports(QObject):
    """The two header buttons of the dashboard and what they do. ``choice`` reads the page's
    current year/round/filters when a button is pressed. What they did and where goes out as
    ``noticed`` (a :class:`~ui.common.notices.Notice`; the feature hands it to the window's
    notice bar)."""

    noticed = Signal(object)

    def __init__(self, page: QWidget, workspace: Workspace, choice: Callable[[], Choice], ops: Ops | None = None) -> None:
        super().__init__(page)
        self._page = page
        self._workspace = workspace
        self._choice = choice
        self.ops = ops or Ops(self)
        self.printer = SummaryPrinter(page, ops=self.ops)
        self.printer.noticed.connect(self.noticed)
        self.export_operation: Op | None = None
        self.message_box: QMessageBox | None = None
        self.name_dialog: QInputDialog | None = None  # asking for the office's name before printing
        self.print_button = QPushButton(PRINT_BUTTON)
        self._write_tips()
        follow(self._write_tips)  # the digit style changed: the tip in the new one
        self.print_button.clicked.connect(self.print_summary)
        self.export_button = QPushButton(EXPORT_BUTTON)
        self.export_button.setToolTip(EXPORT_TIP)
        self.export_button.clicked.connect(self.export)

    def _write_tips(self) -> None:
        self.print_button.setToolTip(shown_text(PRINT_TIP))

    def set_enabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.export_button.setEnabled(enabled)

    def _ready_choice(self) -> Choice | None:
        choice = self._choice()
        return None if choice["fiscal_year"] is None or choice["round"] is None else choice

    def print_summary(self) -> Op | None:
        """Print the chosen round's summary; when the office has no name yet, ask for it first
        (the print then starts from the dialog's answer; None is returned)."""
        choice = self._ready_choice()
        if choice is None:
            return None
        from qualityschool_desktop.reports.summary import office_unnamed

        try:
            unnamed = office_unnamed(self._workspace, choice["fiscal_year"], choice["round"], choice.get("area_office"))
        except QualitySchoolError:
            unnamed = False  # the print itself says what is wrong with the round
        if not unnamed:
            return self.printer.print_summary(self._workspace, choice)
        # open(), not exec(): the window keeps running and tests can answer the dialog.
        dialog = QInputDialog(self._page)
        dialog.setWindowTitle(OFFICE_NAME_TITLE)
        dialog.setLabelText(OFFICE_NAME_ASK)
        dialog.setOkButtonText(OFFICE_NAME_PRINT)
        dialog.setCancelButtonText(OFFICE_NAME_CANCEL)
        dialog.textValueSelected.connect(lambda name: self._named_then_print(choice, name))
        self.name_dialog = dialog
        dialog.open()
        return None

    def _named_then_print(self, choice: Choice, name: str) -> Op | None:
        if name.strip():
            try:
                self._workspace.office_texts.set_text(choice["fiscal_year"], choice["round"], "office", name)
            except QualitySchoolError as error:
                self._warn(shown_text(error), error, title=OFFICE_NAME_FAILED)
                return None
        return self.printer.print_summary(self._workspace, choice)

    def export(self) -> Op | None:
        """Ask for an .xlsx (or .csv) name, then write the tables on a worker."""
        choice = self._ready_choice()
        if choice is None or (self.export_operation is not None and self.export_operation.running):
            return None
        database = self._workspace.path
        if database is None:
            self._warn(NEEDS_FILE)
            return None
        folder = Path(str(self.printer._settings.value(FOLDER_KEY, "") or default_folder()))
        if not folder.is_dir():
            folder = default_folder()
        chosen = ask_save_path(
            self._page, EXPORT_TITLE, folder / summary_name(choice, "xlsx"),
            {XLSX_FILTER: (".xlsx",), CSV_FILTER: (".csv",)}, XLSX_FILTER,
            written=lambda path, kind: csv_files(path) if kind == CSV_FILTER else [path],
        )
        if chosen is None:
            return None
        target, kind = chosen
        as_csv = kind == CSV_FILTER
        self.printer._settings.setValue(FOLDER_KEY, str(target.parent))

        def work(workspace: Workspace | None, _progress: Any, _cancelled: Callable[[], bool]) -> list[Path]:
            assert workspace is not None  # the helper opens one on the database file
            return export_tables(workspace, choice, target, as_csv)

        self.export_button.setEnabled(False)  # one export at a time
        self._notify(Notice(EXPORTING, kind="busy"))
        self.export_operation = self.ops.run(
            work, database=database, read_only=True,
            on_success=lambda paths: self._exported(paths, as_csv),
            on_failure=lambda error: self._export_failed(error, target),
        )
        return self.export_operation

    def _exported(self, paths: object, as_csv: bool) -> None:
        self.export_button.setEnabled(True)
        written = [Path(p) for p in cast(list, paths)]
        if as_csv:
            folder = written[0].parent if written else None
            self._notify(Notice(EXPORTED_CSV.format(count=shown(len(written)), folder=folder or ""), folder=folder, on_page=True))
        else:
            self._notify(Notice(EXPORTED_XLSX.format(path=written[0]), file=written[0], on_page=True))

    def _export_failed(self, error: object, target: Path) -> None:
        self.export_button.setEnabled(True)
        self._notify(None)  # "exporting…" is over; the box below says why it failed
        if isinstance(error, QualitySchoolError):
            message = shown_text(error)
        elif isinstance(error, OSError):
            message = FAILED_WRITE.format(path=target, reason=file_reason(error))
        else:
            message = error_message(error)
        self._warn(message, error)

    def _notify(self, notice: Notice | None) -> None:
        self.noticed.emit(notice)

    def _warn(self, message: str, error: object = None, title: str = EXPORT_FAILED_TITLE) -> None:
        # open(), not exec(): the window keeps running and tests can read and close the box.
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                          self._page)
        add_detail(box, error)
        self.message_box = box
        box.open()
