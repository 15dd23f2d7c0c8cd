"""Print a report to PDF from the window: the one flow every printout shares.

:class:`ReportPrinter` asks where to save (remembering the folder; the digit style offered is the
window's setting, :mod:`ui.common.digits`), builds the
PDF on a worker through :mod:`ui.common.ops` with a progress dialog whose cancel button stops the
build, then opens the file in the system's PDF viewer and says where it went (a notice with
"เปิดไฟล์" and "เปิดโฟลเดอร์", :mod:`ui.common.notices`). The helper opens a read-only ``Workspace``
on the database file for the worker (SQLite connections belong to the thread that opened them) and
closes it after. The self-assessment report (``ui/assessment/printing.py``), the visit record
(``ui/visits/printing.py``) and the district summary (``ui/district/printing.py``) differ only in
the builder, the suggested file name and the dialog's title.

ReportLab and pythainlp are heavy: this module never imports them at import time. The builders
import their report module inside the worker, and :func:`warm_up_in_background` loads pythainlp's
dictionary on a worker when a record view first opens, so the first print of a session is quick
without slowing the app's start-up.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.reports.cautions import collecting

from .digits import style as digit_style
from .digits import shown, shown_text
from .notices import Notice, Notify, open_path, program_for
from .save_dialog import ask_save_path
from .ops import Cancelled, Op, Ops, add_detail, error_message, file_reason
from .settings import SETTINGS_FILE, default_settings  # noqa: F401 - where the other features find them

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

# -- Thai strings ----------------------------------------------------------------------------
# The digit style is chosen with the file type, so the ordinary save dialog is all it takes.
DIGIT_FILTERS = {
    "thai": "รายงาน PDF ใช้เลขไทย (*.pdf)",
    "arabic": "รายงาน PDF ใช้เลขอารบิก (*.pdf)",
}
BUILDING = "กำลังสร้างรายงาน…"
BUILDING_TITLE = "พิมพ์รายงาน"
CANCEL = "ยกเลิก"
SAVED = "บันทึกรายงานที่ {path} แล้ว และเปิดให้ดูใน{program}"
CANCELLED = "ยกเลิกการสร้างรายงานแล้ว"
FAILED_TITLE = "สร้างรายงานไม่ได้"
FAILED_WRITE = "บันทึกไฟล์ {path} ไม่ได้ ({reason}) ตรวจสอบว่าไม่ได้เปิดไฟล์นี้ค้างไว้ในโปรแกรมอื่น และมีสิทธิ์เขียนในโฟลเดอร์นั้น"
NEEDS_FILE = "ฐานข้อมูลชั่วคราวพิมพ์รายงานไม่ได้ กรุณาเปิดฐานข้อมูลที่เป็นไฟล์ก่อน"
OPEN_FAILED = ("บันทึกรายงานไว้ที่ {path} แล้ว แต่ไม่พบ{program}ในเครื่องนี้ ติดตั้ง{program}"
               " หรือกด \"เปิดโฟลเดอร์\" แล้วเปิดไฟล์นี้เอง")


def saved_text(path: Path) -> str:
    """The notice for a report saved and opened: names the kind of program (PDF, Word)."""
    return SAVED.format(path=path, program=program_for(path))


def open_failed_text(path: Path) -> str:
    """The notice for a report saved that nothing could open: the program missing for its kind
    (a Word file is not sent to a PDF reader, try11b F16)."""
    return OPEN_FAILED.format(path=path, program=program_for(path))


FOLDER_KEY = "reports/folder"


class Builder(Protocol):
    """Writes one report: the shape of the core's ``write_…_report`` functions. ``subject`` is
    what the printer was asked to print (an assessment id, a visit id, the summary's choice)."""

    def __call__(
        self, workspace: Workspace, subject: Any, target: Path, /, *, digits: str = "thai",
        progress: Callable[..., None] | None = None, cancelled: Callable[[], bool] | None = None,
    ) -> Path: ...


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


# -- warming up ------------------------------------------------------------------------------
_warm_up_started = False
_warm_lock = threading.Lock()
_warm = False


def warm_up_now() -> None:
    """Load the word-segmentation dictionary and ReportLab, once per process; any thread.
    (The core's ``warm_up`` keeps the garbage collector out of the dictionary's way.)"""
    global _warm
    with _warm_lock:
        if _warm:
            return
        from qualityschool_desktop.typeset import warm_up

        warm_up()
        import qualityschool_desktop.reports.self_assessment.pdf  # noqa: F401 - ReportLab, before the first print
        _warm = True


def is_warm() -> bool:
    return _warm


def warm_up_in_background(ops: Ops) -> None:
    """Once per session, :func:`warm_up_now` on a worker of ``ops`` (about half a second), so
    pressing "print" later does not wait for it. Never on the start-up path: the window calls this
    when an assessment or results view first opens. A failure only costs the first print its
    speed: nothing is shown."""
    global _warm_up_started
    if _warm_up_started:
        return
    _warm_up_started = True
    ops.run(lambda _workspace, _progress, _cancelled: warm_up_now(), on_failure=lambda _error: None)


# -- printing --------------------------------------------------------------------------------
class ReportPrinter(QObject):
    """Prints one kind of report for one window (or page): ``builder`` writes it on a worker and
    ``save_title`` heads the save dialog (a subclass says both, and what to print). ``builder`` and
    ``settings`` are replaceable so tests can drive the whole flow without ReportLab or the user's
    real settings; ``notify`` is the window's notice bar (``shell.notify``): what was saved and
    where, with buttons that open the PDF and its folder (also emitted as ``noticed``)."""

    noticed = Signal(object)  # the Notice of what the last print did
    saved = Signal(object)  # the Path of a report written and handed to the viewer
    save_title = ""  # the save dialog's title
    workbook_filter = ""  # set (e.g. "ไฟล์ Excel (*.xlsx)") by a printer that writes a workbook, not a PDF
    # Set (digit style → filter) by a printer whose builder writes a Word copy for a .docx target too.
    word_filters: dict[str, str] = {}

    def __init__(
        self,
        parent: QWidget,
        *,
        builder: Builder,
        settings: QSettings | None = None,
        ops: Ops | None = None,
        notify: Notify | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._builder = builder
        self._settings = settings or default_settings()
        self.ops = ops or Ops(self)  # the window passes its own, which it cancels before closing a database
        if notify is not None:
            self.noticed.connect(notify)
        self.operation: Op | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None

    @property
    def busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _print(self, workspace: Workspace, subject: Any, suggest: Callable[[], str]) -> Op | None:
        """The flow every printout shares: one build at a time, on a database file, to a file the
        user names (``suggest()`` proposes it), on a worker that receives ``subject``."""
        if self.busy:
            return None
        if workspace.path is None:
            self._show_message(FAILED_TITLE, NEEDS_FILE)
            return None
        try:
            suggested = suggest()
        except QualitySchoolError as error:
            self._show_message(FAILED_TITLE, shown_text(error))
            return None
        chosen = self._ask_target(suggested)
        if chosen is None:
            return None
        target, digits = chosen
        return self._start(workspace.path, subject, target, digits)

    # -- steps -------------------------------------------------------------------------------
    def _ask_target(self, suggested: str) -> tuple[Path, str] | None:
        folder = Path(str(self._settings.value(FOLDER_KEY, "") or default_folder()))
        if not folder.is_dir():
            folder = default_folder()
        digits: str = digit_style()  # the window's one digit setting (ui/common/digits.py)
        if self.workbook_filter:  # a workbook: one kind of file, the digits the window's
            chosen = ask_save_path(self._window, self.save_title, folder / suggested,
                                   {self.workbook_filter: (".xlsx",)}, self.workbook_filter)
            if chosen is None:
                return None
            self._settings.setValue(FOLDER_KEY, str(chosen[0].parent))
            self._settings.sync()
            return chosen[0], digits
        suffixes: dict[str, tuple[str, ...]] = {label: (".pdf",) for label in DIGIT_FILTERS.values()}
        start = folder / suggested
        if self.word_filters:
            # A printer whose builder also writes a Word copy offers it in the same dialog (the visit
            # record); the name is offered without ".pdf", so the type chosen adds its own suffix.
            suffixes.update({label: (".docx",) for label in self.word_filters.values()})
            start = start.with_suffix("") if start.suffix.lower() == ".pdf" else start
        chosen = ask_save_path(self._window, self.save_title, start, suffixes, DIGIT_FILTERS[digits])
        if chosen is None:
            return None
        target, chosen_filter = chosen
        digits = next((key for filters in (DIGIT_FILTERS, self.word_filters)
                       for key, label in filters.items() if label == chosen_filter), digits)
        # The folder is remembered; the digits chosen here are this print's only: the window's
        # setting stays the default of the next one.
        self._settings.setValue(FOLDER_KEY, str(target.parent))
        self._settings.sync()
        return target, digits

    def _start(self, database: Path, subject: Any, target: Path, digits: str) -> Op:
        build = self._builder

        def work(workspace: Any, progress: Any, cancelled: Callable[[], bool]) -> tuple[Path, tuple[str, ...]]:  # worker thread
            warm_up_now()  # waits for a warm-up already running, or does it (first print from the school page)
            try:
                with collecting() as cautions:
                    written = build(workspace, subject, target, digits=digits, progress=progress, cancelled=cancelled)
                return written, tuple(cautions)
            except Exception as error:
                # The builder's own ReportCancelled (or whatever a stop raised) reads as a cancel.
                if cancelled():
                    raise Cancelled() from error
                raise

        dialog = QProgressDialog(BUILDING, CANCEL, 0, 0, self._window)
        dialog.setWindowTitle(BUILDING_TITLE)
        dialog.setMinimumWidth(360)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Closing is ours to do when the work ends; a value reaching the maximum must not reset it.
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)  # a quick report finishes before a dialog would flash
        dialog.setValue(0)
        self.progress_dialog = dialog

        operation = self.ops.run(
            work, database=database, read_only=True, on_progress=self._on_progress,
            on_success=lambda path: self._on_success(operation, target, path),
            on_failure=lambda error: self._on_failure(operation, target, error),
        )
        dialog.canceled.connect(operation.cancel)
        operation.abandoned.connect(self._close_dialog)  # the database was switched meanwhile
        self.operation = operation
        return operation

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _close_dialog(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            # Closing a QProgressDialog emits "canceled": the work is over, nothing to cancel.
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()

    def _on_success(self, operation: Op, target: Path, value: object) -> None:
        self._close_dialog()
        cautions: tuple[str, ...] = ()
        if isinstance(value, tuple):  # (the path, the report's cautions)
            value, cautions = value
        path = Path(value) if isinstance(value, (str, Path)) else target
        if operation.is_cancelled():
            # Cancel was pressed as the last page was written: the user asked for no report.
            path.unlink(missing_ok=True)
            self._notify(Notice(CANCELLED, kind="info", on_page=True))
            return
        self.saved.emit(path)
        if cautions:
            # Written all the same; what will print as boxes, and where, stays until read (issue 11).
            opened = open_path(path)
            said = saved_text(path) if opened else open_failed_text(path)
            # In the window's digits, whatever this print's (TEST25 #11: "ข้อ 4.1.2" among Thai digits).
            self._notify(Notice(said + "\n" + "\n".join(shown(text) for text in cautions), file=path, sticky=True, on_page=True))
        elif open_path(path):
            self._notify(Notice(saved_text(path), file=path, on_page=True))
        else:
            # Saved all the same: said like any saved report, for ten seconds (longer under the
            # pointer), with "เปิดโฟลเดอร์" to the file. Until closed it stayed for minutes and
            # followed the user pages away from the print (TEST31b U7).
            self._notify(Notice(open_failed_text(path), file=path, on_page=True))

    def _on_failure(self, operation: Op, target: Path, error: object) -> None:
        self._close_dialog()
        if operation.is_cancelled() or isinstance(error, Cancelled):
            self._notify(Notice(CANCELLED, kind="info", on_page=True))
            return
        if isinstance(error, QualitySchoolError):
            message = shown_text(error)  # the core writes Thai digits; the window decides
        elif isinstance(error, OSError):
            message = FAILED_WRITE.format(path=target, reason=file_reason(error))
        else:
            message = error_message(error)
        self._show_message(FAILED_TITLE, message, error=error)

    def _notify(self, notice: Notice) -> None:
        # Every notice of a print is about the page it was made from (on_page): the next page
        # takes it away (pdf32).
        self.noticed.emit(notice)

    def _show_message(self, title: str, message: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
                      error: object = None) -> None:
        # open(), not exec(): the window keeps running and tests can read and close the box.
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self._window)
        add_detail(box, error)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._forget_box(box))
        self.message_box = box
        box.open()

    def _forget_box(self, box: QMessageBox) -> None:
        if self.message_box is box:
            self.message_box = None
